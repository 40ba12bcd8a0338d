package dev.facet.app;

import static dev.facet.app.CliRun.facet;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code facet pull --url mongodb://...}: the schema {@code prisma db pull} writes by sampling, on a collection with
 * mixed types, missing and null fields, embedded documents (single, nested and in lists), ObjectIds and indexes. The
 * comment's wording and the type block names follow Prisma's introspection tests (prisma/prisma
 * {@code packages/migrate/src/__tests__/DbPull/mongodb.test.ts}: {@code type UsersHobbies}, {@code /// Multiple data
 * types found: String: 50%, Int: 50% out of 2 sampled entries} on a {@code Json} field).
 */
class MongoPullCommandTest {
    private static MongoServer server;
    private static String base;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        base = "mongodb://127.0.0.1:" + server.bind().getPort();
    }

    @AfterAll
    static void stop() { server.shutdownNow(); }

    private static void seed(String database) {
        try (MongoClient c = MongoClients.create(base)) {
            MongoDatabase db = c.getDatabase(database);
            ObjectId ref = new ObjectId("64b7f0c2a1b2c3d4e5f60001");
            db.getCollection("customers").insertMany(List.of(
                    new Document("email", "ada@example.com").append("age", 36).append("score", 1.5)
                            .append("address", new Document("street", "Main St 1").append("city", "Delft")
                                    .append("geo", new Document("lat", 52.0).append("lng", 4.3)))
                            .append("tags", List.of("vip", "math")).append("orders", List.of(new Document("sku", "T-1").append("qty", 2)))
                            .append("referrerId", ref).append("joined", new Date(0)).append("points", 5_000_000_000L),
                    new Document("email", "grace@example.com").append("age", "unknown").append("score", 2.0)
                            .append("address", new Document("street", "Side St 2").append("city", "Leiden"))
                            .append("tags", List.of()).append("orders", List.of()).append("joined", new Date(1000)).append("points", 7L),
                    new Document("email", "alan@example.com").append("age", 41).append("score", null)
                            .append("tags", List.of("logic")).append("first name", "Alan").append("joined", new Date(2000)).append("points", 1L),
                    new Document("email", "edsger@example.com").append("age", 72).append("score", 3.0).append("tags", List.of())
                            .append("joined", new Date(3000)).append("points", 2L)));
            db.getCollection("customers").createIndex(new Document("email", 1), new IndexOptions().unique(true).name("customers_email_key"));
            db.getCollection("customers").createIndex(new Document("joined", 1), new IndexOptions().name("by_joined"));
            db.getCollection("mixed").insertMany(List.of(new Document("_id", 1).append("value", "a"), new Document("_id", 2).append("value", 2)));
        }
    }

    @Test
    void samplesEachCollectionAndWritesTheSchemaPrismaWouldWrite() throws Exception {
        seed("pulled");
        Path out = dir.resolve("schema.prisma");

        CliRun r = facet("pull", "--url", base + "/pulled", "--out", out.toString());

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("MongoDB database \"pulled\"").contains("sampling 1000 documents per collection").contains("2 models");
        String schema = Files.readString(out);
        assertThat(schema).isEqualTo("""
                datasource db {
                  provider = "mongodb"
                }

                type CustomersAddress {
                  city   String
                  geo    CustomersAddressGeo?
                  street String
                }

                type CustomersAddressGeo {
                  lat Float
                  lng Float
                }

                type CustomersOrders {
                  qty Int
                  sku String
                }

                model customers {
                  id         String            @id @default(auto()) @map("_id") @db.ObjectId
                  address    CustomersAddress?
                  /// Multiple data types found: Int: 75%, String: 25% out of 4 sampled entries
                  age        Int
                  email      String            @unique
                  first_name String?           @map("first name")
                  joined     DateTime
                  orders     CustomersOrders[]
                  points     BigInt
                  referrerId String?           @db.ObjectId
                  score      Float?
                  tags       String[]

                  @@index([joined], map: "by_joined")
                }

                model mixed {
                  id    Int  @id @map("_id")
                  /// Multiple data types found: Int: 50%, String: 50% out of 2 sampled entries
                  value Json
                }
                """);
        // Formatted as prisma format formats: formatting it again changes nothing; and it validates.
        SourceFile file = new SourceFile("schema.prisma", schema);
        assertThat(new SchemaFormatter().format(file).text(file)).hasValue(schema);
        CliRun valid = facet("validate", out.toString());
        assertThat(valid.status()).as(valid.out() + valid.err()).isZero();
    }

    @Test
    void theSampleSizeIsAnOptionAndAnEmptyDatabaseSaysSoAsPrismaDoes() {
        try (MongoClient c = MongoClients.create(base)) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 50; i++) docs.add(i < 45 ? new Document("n", i) : new Document("n", "text " + i));
            c.getDatabase("sampled").getCollection("things").insertMany(docs);
        }
        CliRun one = facet("pull", "--url", base + "/sampled", "--sample-size", "1");
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).doesNotContain("Multiple data types found");
        CliRun all = facet("pull", "--url", base + "/sampled", "--sample-size", "50");
        assertThat(all.out()).contains("/// Multiple data types found: Int: 90%, String: 10% out of 50 sampled entries").contains("  n  Int\n");

        CliRun empty = facet("pull", "--url", base + "/nothing");
        assertThat(empty.status()).isEqualTo(1);
        assertThat(empty.err()).contains("P4001: The introspected database was empty: MongoDB database \"nothing\"");
        assertThat(facet("pull", "--url", base + "/sampled", "--sample-size", "0").status()).isEqualTo(2);
    }
}
