package dev.facet.ui.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Fills the demo shop (resources/demo/schema.prisma) with realistic rows: customers with addresses and referrals,
 * categories, products with Decimal prices and Json attributes, orders with their lines, and reviews. Everything
 * goes through the {@link QueryEngine} ({@code createMany}, nested {@code connect}), so the data follows the schema
 * as Prisma Client would write it. The same seed always gives the same rows, whatever the date.
 */
public final class DemoSeeder {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Dates are spread over the two years before this day, so the data does not depend on when it is made. */
    private static final Instant EPOCH = LocalDate.of(2026, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final long TWO_YEARS_MINUTES = 2L * 365 * 24 * 60;

    /**
     * How many rows to make.
     *
     * @param customers customers (about 85% get an address, a quarter were referred by another)
     * @param products  products
     * @param orders    orders (one to five lines each)
     * @param reviews   reviews (at most one per product and customer)
     */
    public record Size(int customers, int products, int orders, int reviews) {
        /** The demo: about ten thousand rows, a few seconds on SQLite. */
        public static final Size FULL = new Size(600, 240, 2400, 1500);
        /** For tests: a few hundred rows. */
        public static final Size SMALL = new Size(40, 20, 60, 30);
    }

    private static final String[] FIRST = {"Emma", "Liam", "Sophie", "Noah", "Julia", "Lucas", "Mila", "Daan", "Tess", "Sem",
            "Anna", "Finn", "Zoë", "Levi", "Sara", "Milan", "Eva", "Jesse", "Lotte", "Thomas", "Amira", "Omar", "Yara", "Mohamed",
            "Chloé", "Hugo", "Léa", "Louis", "Greta", "Jonas", "Ines", "Mateo", "Aiko", "Kenji", "Priya", "Arjun", "Olivia", "James",
            "Freya", "Oscar"};
    private static final String[] LAST = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "Müller", "Schmidt", "Dubois",
            "Martin", "Rossi", "García", "Nowak", "Kowalski", "Andersen", "Nielsen", "Tanaka", "Sato", "Patel", "Singh",
            "O'Brien", "Murphy", "Smith", "Brown", "Wilson", "Taylor", "Lefèvre", "Moreau", "Costa", "Silva"};
    private static final String[] DOMAINS = {"example.com", "mail.example", "post.example.nl", "inbox.example.org"};
    private static final String[][] CITIES = {{"Amsterdam", "NL", "1012 AB"}, {"Rotterdam", "NL", "3011 CD"}, {"Utrecht", "NL", "3511 EF"},
            {"Den Haag", "NL", "2511 GH"}, {"Eindhoven", "NL", "5611 JK"}, {"Groningen", "NL", "9711 LM"}, {"Antwerpen", "BE", "2000"},
            {"Gent", "BE", "9000"}, {"Berlin", "DE", "10115"}, {"Köln", "DE", "50667"}, {"Paris", "FR", "75003"}, {"Lyon", "FR", "69002"},
            {"København", "DK", "1050"}, {"Dublin", "IE", "D02 X285"}, {"Lisboa", "PT", "1100-148"}};
    private static final String[] STREETS = {"Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht",
            "Keizersgracht", "Hoofdstraat", "Schoolstraat", "Lindenlaan", "Julianastraat", "Marktplein", "Havenkade"};
    private static final String[] CATEGORIES = {"Lighting", "Furniture", "Kitchen", "Textiles", "Garden", "Stationery", "Audio",
            "Bath", "Toys", "Outdoor", "Storage", "Decoration"};
    private static final String[] MATERIALS = {"Oak", "Walnut", "Linen", "Ceramic", "Brass", "Wool", "Bamboo", "Steel", "Glass",
            "Cotton", "Cork", "Marble"};
    private static final String[] THINGS = {"Desk Lamp", "Side Table", "Serving Bowl", "Throw Blanket", "Planter", "Notebook",
            "Speaker", "Towel Set", "Building Blocks", "Lantern", "Storage Box", "Vase", "Chair", "Mug", "Cushion", "Clock",
            "Shelf", "Coaster Set", "Tray", "Mirror"};
    private static final String[] COLOURS = {"natural", "black", "white", "sage", "terracotta", "navy", "ochre", "grey"};
    private static final String[] SIZES = {"S", "M", "L", "XL"};
    private static final String[] GOOD_TITLES = {"Love it", "Exactly as described", "Great quality", "Beautiful", "Would buy again",
            "Five stars", "Better than expected", "Perfect gift"};
    private static final String[] MIXED_TITLES = {"Good, not great", "Okay for the price", "Colour differs a bit", "Arrived late",
            "Decent"};
    private static final String[] BAD_TITLES = {"Disappointed", "Broke after a week", "Not as pictured", "Returned it"};
    private static final String[] NOTES = {"Please leave at the door", "Gift wrap, please", "Ring twice", "Deliver after 17:00",
            "Neighbour at no. 12 can take it"};

    /** Which flavour of the demo schema the rows are for. */
    public enum Flavour {
        /** resources/demo/schema.prisma: integer ids, an Address model, an implicit many-to-many, Decimal prices. */
        SQL,
        /**
         * resources/demo/schema.mongodb.prisma: ObjectId ids, the address embedded in its customer, products and
         * categories linked by id arrays on both sides, Float prices, and an id of its own for each order line.
         */
        MONGODB
    }

    private final Size size;
    private final Random random;
    private final Flavour flavour;

    /**
     * @param size how many rows
     * @param seed the random seed; the same seed gives the same rows
     */
    public DemoSeeder(Size size, long seed) {
        this(size, seed, Flavour.SQL);
    }

    /**
     * @param size    how many rows
     * @param seed    the random seed; the same seed gives the same rows (in either flavour)
     * @param flavour the schema the rows are written for
     */
    public DemoSeeder(Size size, long seed, Flavour flavour) {
        this.size = size;
        this.random = new Random(seed);
        this.flavour = flavour;
    }

    /** @return a seeder of the full demo with Facet's seed */
    public static DemoSeeder standard() { return standard(Flavour.SQL); }

    /** @return a seeder of the full demo with Facet's seed, for the given flavour of the schema */
    public static DemoSeeder standard(Flavour flavour) { return new DemoSeeder(Size.FULL, 20260101L, flavour); }

    private boolean mongo() { return flavour == Flavour.MONGODB; }

    /**
     * A record's id: its number on SQL; on MongoDB an ObjectId laid out as the server makes them (a timestamp in the
     * demo's two years, five "random" bytes, a counter), all derived from the model and the number, so that the same
     * seed gives the same ids and foreign keys can be written directly.
     */
    private JsonNode id(String model, int n) {
        if (!mongo()) return JSON.numberNode(n);
        long modelTag = List.of("Customer", "Category", "Product", "Order", "OrderLine", "Review").indexOf(model) + 1;
        long seconds = EPOCH.getEpochSecond() - TWO_YEARS_MINUTES * 60 + modelTag * 86_400 + n * 3_607L;
        long mixed = (modelTag * 0x9E3779B97F4A7C15L) ^ (n * 0xC2B2AE3D27D4EB4FL);
        mixed ^= mixed >>> 31;
        return JSON.textNode(String.format("%08x%010x%06x", seconds, mixed & 0xff_ffff_ffffL, (modelTag << 20 | n) & 0xff_ffff));
    }

    /** A price in cents as the schema's type takes it: Decimal as an exact string, Float (MongoDB) as a number. */
    private JsonNode price(long cents) {
        return mongo() ? JSON.numberNode(cents / 100.0) : JSON.textNode(cents / 100 + "." + String.format("%02d", cents % 100));
    }

    /**
     * Writes every row. Runs on a background thread; each model is one {@code createMany} (products one
     * transaction of nested creates, for their categories).
     *
     * @param engine   an engine over an empty demo database
     * @param progress receives "Adding customers" and the like
     */
    public void seed(QueryEngine engine, Consumer<String> progress) {
        ArrayNode categories = JSON.arrayNode();
        for (int i = 0; i < CATEGORIES.length; i++) {
            ObjectNode c = categories.addObject();
            c.set("id", id("Category", i + 1));
            c.put("name", CATEGORIES[i]);
            if (mongo()) c.putArray("productIds");
        }
        if (!mongo()) {
            progress.accept("Adding categories");
            createMany(engine, "Category", categories);
        }

        progress.accept("Adding " + size.customers() + " customers");
        List<Instant> joined = new ArrayList<>();
        ArrayNode customers = customers(joined);
        ArrayNode addresses = addresses();
        if (mongo()) {
            // The address is an embedded document: it goes into its customer's document.
            for (JsonNode a : addresses) {
                ObjectNode embedded = ((ObjectNode) customers.get(a.get("customerId").asInt() - 1)).putObject("address");
                for (String field : List.of("street", "city", "postalCode", "country")) embedded.set(field, a.get(field));
            }
            createMany(engine, "Customer", customers);
        } else {
            createMany(engine, "Customer", customers);
            progress.accept("Adding addresses");
            createMany(engine, "Address", addresses);
        }

        progress.accept("Adding " + size.products() + " products");
        List<Long> prices = new ArrayList<>();
        if (mongo()) {
            // Both sides' id arrays are written as they are, each product's categories and each category's products.
            ArrayNode products = JSON.arrayNode();
            for (int id = 1; id <= size.products(); id++) {
                ObjectNode p = product(id, prices);
                for (JsonNode category : p.get("categoryIds")) {
                    for (JsonNode c : categories) if (c.get("id").equals(category)) ((ArrayNode) c.get("productIds")).add(p.get("id"));
                }
                products.add(p);
            }
            createMany(engine, "Product", products);
            progress.accept("Adding categories");
            createMany(engine, "Category", categories);
        } else {
            List<QueryEngine.Request> products = new ArrayList<>();
            for (int id = 1; id <= size.products(); id++) products.add(new QueryEngine.Request("Product", "create", args("data", product(id, prices))));
            engine.executeInTransaction(products);
        }

        progress.accept("Adding " + size.orders() + " orders");
        ArrayNode lines = JSON.arrayNode();
        createMany(engine, "Order", orders(joined, prices, lines));
        progress.accept("Adding " + lines.size() + " order lines");
        createMany(engine, "OrderLine", lines);

        progress.accept("Adding " + size.reviews() + " reviews");
        createMany(engine, "Review", reviews(joined));
    }

    private static void createMany(QueryEngine engine, String model, ArrayNode rows) {
        engine.execute(model, "createMany", args("data", rows));
    }

    private static ObjectNode args(String key, JsonNode value) {
        ObjectNode a = JSON.objectNode();
        a.set(key, value);
        return a;
    }

    private ArrayNode customers(List<Instant> joined) {
        ArrayNode rows = JSON.arrayNode();
        Set<String> emails = new HashSet<>();
        for (int id = 1; id <= size.customers(); id++) {
            String first = pick(FIRST);
            String last = pick(LAST);
            String local = (first + "." + last).toLowerCase(java.util.Locale.ROOT)
                    .replace(" ", "").replace("'", "")
                    .replace("ë", "e").replace("é", "e").replace("è", "e").replace("ü", "u").replace("í", "i");
            String email = local + "@" + pick(DOMAINS);
            if (!emails.add(email)) {
                email = local + id + "@" + pick(DOMAINS);
                emails.add(email);
            }
            Instant created = EPOCH.minus(TWO_YEARS_MINUTES - (long) id * TWO_YEARS_MINUTES / (size.customers() + 1), ChronoUnit.MINUTES)
                    .plus(random.nextInt(600), ChronoUnit.MINUTES);
            joined.add(created);
            ObjectNode c = rows.addObject();
            c.set("id", id("Customer", id));
            c.put("email", email);
            c.put("name", first + " " + last);
            c.put("role", id == 1 ? "ADMIN" : random.nextInt(100) < 5 ? "STAFF" : "CUSTOMER");
            // BigInt: a few customers are very loyal indeed.
            long points = random.nextInt(100) < 2 ? 5_000_000_000L + random.nextInt(1_000_000) : random.nextInt(5_000);
            c.put("points", Long.toString(points));
            if (random.nextInt(100) < 70) {
                LocalDate birthday = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
                c.put("birthday", ISO.format(birthday.atStartOfDay().toInstant(ZoneOffset.UTC)));
            } else {
                c.putNull("birthday");
            }
            if (random.nextInt(100) < 10) {
                byte[] avatar = new byte[24];
                random.nextBytes(avatar);
                c.put("avatar", Base64.getEncoder().encodeToString(avatar));
            } else {
                c.putNull("avatar");
            }
            c.put("createdAt", ISO.format(created));
            c.put("updatedAt", ISO.format(created.plus(random.nextInt(60 * 24 * 90), ChronoUnit.MINUTES)));
            // Referrers joined earlier, so every referral points back in time.
            if (id > 10 && random.nextInt(100) < 25) c.set("referrerId", id("Customer", 1 + random.nextInt(id - 1)));
            else c.putNull("referrerId");
        }
        return rows;
    }

    private ArrayNode addresses() {
        ArrayNode rows = JSON.arrayNode();
        int id = 0;
        for (int customer = 1; customer <= size.customers(); customer++) {
            if (random.nextInt(100) >= 85) continue;
            String[] city = CITIES[random.nextInt(CITIES.length)];
            ObjectNode a = rows.addObject();
            a.put("id", ++id);
            a.put("street", pick(STREETS) + " " + (1 + random.nextInt(240)) + (random.nextInt(5) == 0 ? "-" + (char) ('A' + random.nextInt(4)) : ""));
            a.put("city", city[0]);
            a.put("postalCode", city[2]);
            a.put("country", city[1]);
            a.put("customerId", customer);
        }
        return rows;
    }

    private ObjectNode product(int id, List<Long> pricesInCents) {
        ObjectNode p = JSON.objectNode();
        String material = pick(MATERIALS);
        String thing = pick(THINGS);
        long cents = (5 + random.nextInt(195)) * 100L + (random.nextBoolean() ? 99 : 50);
        pricesInCents.add(cents);
        p.set("id", id("Product", id));
        p.put("sku", String.format("SKU-%05d", 10_000 + id * 7));
        p.put("name", material + " " + thing);
        if (random.nextInt(100) < 70) p.put("description", "A " + material.toLowerCase(java.util.Locale.ROOT) + " "
                + thing.toLowerCase(java.util.Locale.ROOT) + ", made to last. " + (random.nextBoolean() ? "Handmade in small batches." : "Ships in 2 to 3 days."));
        else p.putNull("description");
        // Decimal goes in as an exact string, as Prisma Client sends it.
        p.set("price", price(cents));
        p.put("stock", random.nextInt(10) == 0 ? 0 : random.nextInt(500));
        p.put("active", random.nextInt(100) < 92);
        if (random.nextInt(100) < 80) {
            ObjectNode attributes = p.putObject("attributes");
            attributes.put("colour", pick(COLOURS));
            if (random.nextBoolean()) attributes.put("size", pick(SIZES));
            attributes.put("weightGrams", 100 + random.nextInt(4_900));
            if (random.nextInt(4) == 0) attributes.putArray("tags").add("new").add(random.nextBoolean() ? "eco" : "bestseller");
        } else {
            p.putNull("attributes");
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (chosen.size() < count) chosen.add(1 + random.nextInt(CATEGORIES.length));
        if (mongo()) {
            ArrayNode ids = p.putArray("categoryIds");
            for (int c : chosen) ids.add(id("Category", c));
        } else {
            ArrayNode connect = p.putObject("categories").putArray("connect");
            for (int c : chosen) connect.addObject().put("id", c);
        }
        return p;
    }

    private ArrayNode orders(List<Instant> joined, List<Long> prices, ArrayNode lines) {
        ArrayNode rows = JSON.arrayNode();
        for (int id = 1; id <= size.orders(); id++) {
            // Some customers order a lot: square the uniform draw to favour low ids.
            double u = random.nextDouble();
            int customer = 1 + (int) (u * u * size.customers());
            Instant earliest = joined.get(customer - 1);
            long window = Math.max(60, ChronoUnit.MINUTES.between(earliest, EPOCH));
            Instant placed = earliest.plus((long) (random.nextDouble() * window), ChronoUnit.MINUTES);
            long ageDays = ChronoUnit.DAYS.between(placed, EPOCH);
            ObjectNode o = rows.addObject();
            o.set("id", id("Order", id));
            o.put("number", String.format("ORD-%d-%06d", placed.atZone(ZoneOffset.UTC).getYear(), id));
            o.put("status", status(ageDays));
            o.put("placedAt", ISO.format(placed));
            if (random.nextInt(100) < 15) o.put("note", pick(NOTES));
            else o.putNull("note");
            o.set("customerId", id("Customer", customer));
            Set<Integer> products = new LinkedHashSet<>();
            int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 5 : 2);
            while (products.size() < n) products.add(1 + random.nextInt(size.products()));
            for (int product : products) {
                long cents = prices.get(product - 1);
                if (random.nextInt(10) == 0) cents = cents * 85 / 100;
                ObjectNode line = lines.addObject();
                if (mongo()) line.set("id", id("OrderLine", lines.size()));
                line.set("orderId", id("Order", id));
                line.set("productId", id("Product", product));
                line.put("quantity", random.nextInt(6) == 0 ? 2 + random.nextInt(4) : 1);
                line.set("unitPrice", price(cents));
            }
        }
        return rows;
    }

    private String status(long ageDays) {
        int r = random.nextInt(100);
        if (r < 4) return "CANCELLED";
        if (ageDays > 14) return "DELIVERED";
        if (ageDays > 5) return r < 60 ? "DELIVERED" : "SHIPPED";
        if (ageDays > 1) return r < 50 ? "SHIPPED" : "PAID";
        return r < 50 ? "PAID" : "PENDING";
    }

    private ArrayNode reviews(List<Instant> joined) {
        ArrayNode rows = JSON.arrayNode();
        Set<Long> pairs = new HashSet<>();
        int id = 0;
        while (id < size.reviews() && pairs.size() < (long) size.products() * size.customers()) {
            int product = 1 + random.nextInt(size.products());
            int customer = 1 + random.nextInt(size.customers());
            if (!pairs.add((long) product * 1_000_000 + customer)) continue;
            int r = random.nextInt(100);
            int rating = r < 45 ? 5 : r < 75 ? 4 : r < 88 ? 3 : r < 95 ? 2 : 1;
            Instant earliest = joined.get(customer - 1);
            long window = Math.max(60, ChronoUnit.MINUTES.between(earliest, EPOCH));
            ObjectNode v = rows.addObject();
            v.set("id", id("Review", ++id));
            v.put("rating", rating);
            v.put("title", pick(rating >= 4 ? GOOD_TITLES : rating == 3 ? MIXED_TITLES : BAD_TITLES));
            if (random.nextInt(100) < 60) v.put("body", body(rating));
            else v.putNull("body");
            v.put("createdAt", ISO.format(earliest.plus((long) (random.nextDouble() * window), ChronoUnit.MINUTES)));
            v.set("productId", id("Product", product));
            v.set("customerId", id("Customer", customer));
        }
        return rows;
    }

    private String body(int rating) {
        return switch (rating) {
            case 5 -> pick(new String[] {"Solid build and it looks great in our living room.", "Arrived quickly and well packed.",
                    "My second one; just as good as the first."});
            case 4 -> pick(new String[] {"Very nice, only the instructions could be clearer.", "Good value. The colour is slightly darker than in the photos."});
            case 3 -> pick(new String[] {"Does the job. Expected a bit more for the price.", "Fine, but the finish has small marks."});
            default -> pick(new String[] {"Customer service was helpful, but the product itself was not what I hoped.",
                    "One of the parts was missing."});
        };
    }

    private String pick(String[] values) { return values[random.nextInt(values.length)]; }
}
