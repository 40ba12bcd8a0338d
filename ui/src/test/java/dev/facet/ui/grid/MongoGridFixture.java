package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.testdb.TestServers;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realistic MongoDB schema for the window's tests (ObjectId ids, optional fields, an embedded address with a nested
 * composite, a list of composites, scalar lists, a one-to-many relation by ObjectId and an id-array many-to-many), on a
 * fresh database of the MongoDB test server ({@code mongo-java-server} in-process, or {@code FACET_TEST_MONGO_URL}).
 */
public final class MongoGridFixture {
    private MongoGridFixture() {}

    private static final AtomicInteger DATABASES = new AtomicInteger();

    static final String SCHEMA = """
            datasource db {
              provider = "mongodb"
              url      = "mongodb://localhost/shop"
            }

            enum Badge {
              GOLD
              SILVER
              BRONZE
            }

            type Geo {
              lat Float
              lng Float
            }

            type Address {
              street String
              city   String
              zip    String?
              geo    Geo?
            }

            type Line {
              sku   String
              qty   Int
              price Float?
            }

            model Customer {
              id        String   @id @default(auto()) @map("_id") @db.ObjectId
              email     String   @unique
              name      String?
              points    Int?
              tags      String[]
              scores    Int[]
              visits    DateTime[]
              badges    Badge[]
              address   Address?
              orders    Order[]
              createdAt DateTime @default(now())
            }

            model Order {
              id         String    @id @default(auto()) @map("_id") @db.ObjectId
              number     String    @unique
              customerId String    @db.ObjectId
              customer   Customer  @relation(fields: [customerId], references: [id], onDelete: Cascade)
              lines      Line[]
              shipTo     Address?
              productIds String[]  @db.ObjectId
              products   Product[] @relation(fields: [productIds], references: [id])
            }

            model Product {
              id       String   @id @default(auto()) @map("_id") @db.ObjectId
              sku      String   @unique
              name     String
              price    Float
              orderIds String[] @db.ObjectId
              orders   Order[]  @relation(fields: [orderIds], references: [id])
            }
            """;

    /** The ObjectIds the seed gives, so tests can name them. */
    public static final String ADA = "64b7f0c2a1b2c3d4e5f60001";
    static final String GRACE = "64b7f0c2a1b2c3d4e5f60002";
    static final String ALAN = "64b7f0c2a1b2c3d4e5f60003";
    static final String TEAPOT = "64b7f0c2a1b2c3d4e5f600a1";
    static final String KITE = "64b7f0c2a1b2c3d4e5f600a2";
    static final String ORD1 = "64b7f0c2a1b2c3d4e5f600b1";
    static final String ORD2 = "64b7f0c2a1b2c3d4e5f600b2";

    static Schema schema() {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA));
        if (loaded.hasErrors()) throw new IllegalStateException("test schema invalid: " + loaded.errors());
        return loaded.schema().orElseThrow();
    }

    /** A new database URL on the test server. */
    static String freshUrl() {
        String server = TestServers.mongoServerUrl();
        int q = server.indexOf('?');
        String base = q < 0 ? server : server.substring(0, q);
        String options = q < 0 ? "" : server.substring(q);
        int slash = base.indexOf('/', base.indexOf("://") + 3);
        if (slash >= 0) base = base.substring(0, slash);
        return base + "/facet_ui_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet() + options;
    }

    /** A seeded project opened as the window opens it ({@code Engines.open}, atomic writes only). */
    public static Project project() {
        Schema schema = schema();
        String url = freshUrl();
        QueryEngine engine = Engines.open(schema, url, null, null, true);
        seed(engine);
        return new Project(Path.of("schema.prisma"), schema, engine, url);
    }

    /** Drops the project's database. */
    public static void drop(Project p) {
        p.close();
        String url = p.displayUrl();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (MongoClient c = MongoClients.create(TestServers.mongoServerUrl())) {
            c.getDatabase(name).drop();
        }
    }

    static JsonNode run(QueryEngine e, String model, String action, String args) { return e.execute(model, action, JsonCodec.parse(args)); }

    /** One document per create: the window's engine refuses multi-document writes on a server without transactions. */
    static void seed(QueryEngine e) {
        run(e, "Customer", "create", """
                {"data": {"id": "%s", "email": "ada@example.com", "name": "Ada Lovelace", "points": 10, "tags": ["vip", "math"],
                  "scores": [3, 5], "visits": ["2026-03-01T10:30:00.000Z"], "badges": ["GOLD"], "address": {"street": "Main St 1", "city": "Delft", "geo": {"lat": 52.01, "lng": 4.36}}}}"""
                .formatted(ADA));
        run(e, "Customer", "create", """
                {"data": {"id": "%s", "email": "grace@example.com", "name": null, "tags": []}}""".formatted(GRACE));
        run(e, "Customer", "create", """
                {"data": {"id": "%s", "email": "alan@example.com", "name": "Alan Turing", "points": 30,
                  "address": {"street": "Bletchley Park", "city": "Milton Keynes", "zip": "MK3 6EB"}}}""".formatted(ALAN));
        run(e, "Product", "create", "{\"data\": {\"id\": \"%s\", \"sku\": \"SKU-1\", \"name\": \"Teapot\", \"price\": 19.99, \"orderIds\": [\"%s\"]}}".formatted(TEAPOT, ORD1));
        run(e, "Product", "create", "{\"data\": {\"id\": \"%s\", \"sku\": \"SKU-2\", \"name\": \"Kite\", \"price\": 5, \"orderIds\": [\"%s\"]}}".formatted(KITE, ORD1));
        run(e, "Order", "create", """
                {"data": {"id": "%s", "number": "ORD-1", "customerId": "%s", "lines": [{"sku": "SKU-1", "qty": 2, "price": 19.99},
                  {"sku": "SKU-2", "qty": 1}], "shipTo": {"street": "Main St 1", "city": "Delft"},
                  "productIds": ["%s", "%s"]}}""".formatted(ORD1, ADA, TEAPOT, KITE));
        run(e, "Order", "create", """
                {"data": {"id": "%s", "number": "ORD-2", "customerId": "%s", "lines": []}}""".formatted(ORD2, ADA));
    }
}
