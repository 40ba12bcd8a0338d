package dev.facet.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.bson.Document;

/**
 * The window benchmark's MongoDB database ({@code scripts/bench-ui.sh --mongo}): a collection of documents with an
 * embedded document, a nested one inside it and a scalar list, plus a small related collection, on mongo-java-server
 * run in a process of its own (its documents would otherwise sit in the measured window's heap). Filled with
 * {@code createMany} through Facet's engine on every run, since the test server keeps nothing, by that process too:
 * filled from the benchmark's JVM, the inserts' garbage grew the window's heap to 3.3 GB before the window opened, and
 * G1's young generation (at least 5 % of the heap) with it, so the window's young pauses took 76 to 116 ms.
 */
final class MongoBenchDatabase implements AutoCloseable {
    static final String MODEL = MillionRowDatabase.MODEL;
    private static final int BATCH = 5_000;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static final String SCHEMA = """
            datasource db {
              provider = "mongodb"
              url      = "%s"
            }

            enum Kind {
              VIEW
              CLICK
              PURCHASE
              REFUND
            }

            type Geo {
              lat Float
              lng Float
            }

            type Place {
              street String
              city   String
              geo    Geo?
            }

            model Venue {
              id     String  @id @default(auto()) @map("_id") @db.ObjectId
              name   String  @unique
              city   String
              events Event[]
            }

            model Event {
              id      String   @id @default(auto()) @map("_id") @db.ObjectId
              name    String
              kind    Kind     @default(VIEW)
              at      DateTime
              amount  Float
              note    String?
              place   Place
              tags    String[]
              venueId String   @db.ObjectId
              venue   Venue    @relation(fields: [venueId], references: [id])

              @@index([venueId])
            }
            """;

    private final Process server;
    final String url;
    final Path schemaFile;

    private MongoBenchDatabase(Process server, String url, Path schemaFile) {
        this.server = server;
        this.url = url;
        this.schemaFile = schemaFile;
    }

    /** Starts the server process, writes the schema into {@code dir} and fills the database with {@code rows} events. */
    static MongoBenchDatabase start(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx3g", "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), MongoBenchDatabase.class.getName(), dir.toString(), Integer.toString(rows))
                .redirectError(dir.resolve("mongo-server.log").toFile()).start();
        // The server prints its port once it is filled.
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (line == null || !line.startsWith("port ")) {
            p.destroy();
            throw new IOException("the MongoDB test server did not start or fill (see " + dir.resolve("mongo-server.log") + ")");
        }
        String[] words = line.split(" ");
        String url = url(Integer.parseInt(words[1]));
        Path schemaFile = dir.resolve("schema.prisma");
        Files.writeString(schemaFile, SCHEMA.formatted(url));
        System.out.printf(Locale.ROOT, "database: mongo-java-server (own process) with %,d documents in %s s%n", rows, words[2]);
        return new MongoBenchDatabase(p, url, schemaFile);
    }

    private static String url(int port) { return "mongodb://127.0.0.1:" + port + "/bench"; }

    /**
     * The server's own time for the grid's first page: the median driver round trip of the same find (the first
     * {@code pageSize} documents in {@code _id} order) and of the count, without Facet.
     */
    String serverTimes(int pageSize, int runs) {
        try (MongoClient client = MongoClients.create(url)) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection(MODEL);
            double[] find = new double[runs];
            double[] count = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                events.find().sort(new Document("_id", 1)).limit(pageSize).into(new java.util.ArrayList<>());
                long t1 = System.nanoTime();
                events.countDocuments();
                long t2 = System.nanoTime();
                find[i] = (t1 - t0) / 1e6;
                count[i] = (t2 - t1) / 1e6;
            }
            Arrays.sort(find);
            Arrays.sort(count);
            return String.format(Locale.ROOT, "the server's own time, driver round trips without Facet (median of %d): first %d documents %.0f ms"
                    + " (min %.0f), count %.0f ms (min %.0f)", runs, pageSize, find[runs / 2], find[0], count[runs / 2], count[0]);
        }
    }

    private static void seed(QueryEngine engine, int rows) {
        String[] cities = {"Amsterdam", "Utrecht", "Leiden", "Delft", "Haarlem"};
        ArrayNode venues = JSON.arrayNode();
        String[] venueIds = new String[MillionRowDatabase.VENUES];
        for (int v = 0; v < venueIds.length; v++) {
            venueIds[v] = String.format("%024x", 0xbe0000L + v);
            venues.addObject().put("id", venueIds[v]).put("name", "Venue " + (v + 1)).put("city", cities[v % cities.length]);
        }
        engine.execute("Venue", "createMany", object(venues));
        String[] kinds = {"VIEW", "CLICK", "PURCHASE", "REFUND"};
        String[] streets = {"Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Prinsengracht"};
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int from = 0; from < rows; from += BATCH) {
            ArrayNode data = JSON.arrayNode();
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                ObjectNode e = data.addObject();
                // Ids in insertion order, so that the grid's default order (by id) is the order written.
                e.put("id", String.format("%024x", 0xe0000000L + i));
                e.put("name", "Event " + (i + 1));
                e.put("kind", kinds[i % kinds.length]);
                e.put("at", start.plusSeconds(37L * i).toString());
                e.put("amount", (i % 100_000) / 100.0);
                if (i % 3 == 0) e.put("note", "Note for event " + (i + 1));
                ObjectNode place = e.putObject("place");
                place.put("street", streets[i % streets.length] + " " + (1 + i % 240));
                place.put("city", cities[i % cities.length]);
                if (i % 2 == 0) place.putObject("geo").put("lat", 52 + (i % 1000) / 1000.0).put("lng", 4 + (i % 700) / 1000.0);
                e.putArray("tags").add(kinds[(i / 7) % kinds.length].toLowerCase(Locale.ROOT)).add("batch-" + i / BATCH);
                e.put("venueId", venueIds[i % venueIds.length]);
            }
            engine.execute(MODEL, "createMany", object(data));
        }
    }

    private static ObjectNode object(ArrayNode data) {
        ObjectNode o = JSON.objectNode();
        o.set("data", data);
        return o;
    }

    @Override
    public void close() { server.destroy(); }

    /**
     * The server process ({@code DIR ROWS}): binds a free port, fills the database through Facet's engine, prints the
     * port and the seconds the filling took, and serves until killed.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        MongoServer server = new MongoServer(new MemoryBackend());
        int port = server.bind().getPort();
        String url = url(port);
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.formatted(url))).schema().orElseThrow();
        long t0 = System.nanoTime();
        try (QueryEngine engine = Engines.open(schema, url, dir, null, null, true)) {
            seed(engine, rows);
        }
        System.out.printf(Locale.ROOT, "port %d %.1f%n", port, (System.nanoTime() - t0) / 1e9);
        System.out.flush();
        Thread.currentThread().join();
    }
}
