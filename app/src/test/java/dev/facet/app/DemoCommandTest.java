package dev.facet.app;

import static dev.facet.app.CliRun.facet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code facet demo --url U}: the demo shop seeded into a database of the user's, on MongoDB and SQLite. */
class DemoCommandTest {
    private static MongoServer server;
    private static String mongoUrl;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress a = server.bind();
        mongoUrl = "mongodb://127.0.0.1:" + a.getPort() + "/shop";
    }

    @AfterAll
    static void stop() { server.shutdownNow(); }

    private static QueryEngine engine(Path schemaFile, String url) throws java.io.IOException {
        Schema schema = SchemaLoader.load(schemaFile).schema().orElseThrow();
        return Engines.open(schema, url, schemaFile.getParent(), null);
    }

    private static JsonNode run(QueryEngine e, String model, String action, String args) {
        return e.execute(model, action, args == null ? null : JsonCodec.parse(args));
    }

    @Test
    void seedsTheMongoFlavourWithAnEmbeddedAddressAndIdArraysOnBothSides() throws Exception {
        Path demo = dir.resolve("demo");
        CliRun r = facet("demo", "--url", mongoUrl, "--dir", demo.toString(), "--no-window");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("MongoDB flavour").contains("Adding 600 customers").contains("The demo shop is ready")
                .contains("facet open --schema " + demo.resolve("schema.prisma").toAbsolutePath());
        Path schemaFile = demo.resolve("schema.prisma");
        assertThat(Files.readString(schemaFile)).contains("provider = \"mongodb\"").contains("type Address");
        CliRun valid = facet("validate", schemaFile.toString());
        assertThat(valid.status()).as(valid.out() + valid.err()).isZero();
        try (QueryEngine e = engine(schemaFile, mongoUrl)) {
            assertThat(run(e, "Customer", "count", null).asLong()).isEqualTo(600);
            assertThat(run(e, "Product", "count", null).asLong()).isEqualTo(240);
            assertThat(run(e, "Order", "count", null).asLong()).isEqualTo(2400);
            assertThat(run(e, "Review", "count", null).asLong()).isEqualTo(1500);
            assertThat(run(e, "OrderLine", "count", null).asLong()).isGreaterThan(3000);
            assertThat(run(e, "Customer", "count", "{\"where\": {\"address\": {\"isSet\": true}}}").asLong()).isBetween(450L, 560L);

            JsonNode customer = run(e, "Customer", "findFirst", "{\"where\": {\"address\": {\"isSet\": true}}, \"include\": {\"orders\": true}}");
            assertThat(customer.get("id").asText()).matches("[0-9a-f]{24}");
            assertThat(customer.get("address").get("city").asText()).isNotEmpty();
            // The id-array relation is consistent from both sides.
            JsonNode product = run(e, "Product", "findFirst", "{\"include\": {\"categories\": {\"select\": {\"id\": true, \"productIds\": true}}}}");
            assertThat(product.get("categories")).isNotEmpty();
            for (JsonNode c : product.get("categories")) {
                assertThat(c.get("productIds").toString()).contains(product.get("id").asText());
            }
            assertThat(product.get("price").isNumber()).isTrue();
            JsonNode line = run(e, "OrderLine", "findFirst", "{\"include\": {\"order\": true, \"product\": true}}");
            assertThat(line.get("order").get("number").asText()).startsWith("ORD-");
            assertThat(line.get("product")).isNotNull();
        }

        CliRun again = facet("demo", "--url", mongoUrl, "--dir", demo.toString(), "--no-window");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already holds the demo's customers").contains("facet demo fills an empty database only");
    }

    @Test
    void seedsTheSqlFlavourIntoANewSqliteDatabaseWithoutWritingTheUrlIntoTheSchema() throws Exception {
        Path demo = dir.resolve("sql");
        String url = "file:" + dir.resolve("shop.db");
        CliRun r = facet("demo", "--url", url, "--dir", demo.toString(), "--no-window");

        assertThat(r.status()).as(r.err()).isZero();
        String schema = Files.readString(demo.resolve("schema.prisma"));
        assertThat(schema).contains("provider = \"sqlite\"").contains("url      = env(\"DATABASE_URL\")").doesNotContain("shop.db");
        try (QueryEngine e = engine(demo.resolve("schema.prisma"), url)) {
            assertThat(run(e, "Customer", "count", null).asLong()).isEqualTo(600);
            assertThat(run(e, "Address", "count", null).asLong()).isBetween(450L, 560L);
        }
    }

    @Test
    void aUrlOfNoKnownDatabaseOrAForeignSchemaInTheFolderIsRefusedClearly() throws Exception {
        CliRun r = facet("demo", "--url", "redis://localhost", "--dir", dir.toString(), "--no-window");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("facet demo needs a database URL starting with postgresql://");

        Files.writeString(dir.resolve("schema.prisma"), "// mine\n");
        CliRun mine = facet("demo", "--url", mongoUrl.replace("/shop", "/other"), "--dir", dir.toString(), "--no-window");
        assertThat(mine.status()).isEqualTo(1);
        assertThat(mine.err()).contains("exists and is not the demo's schema");
        assertThat(Files.readString(dir.resolve("schema.prisma"))).isEqualTo("// mine\n");
    }
}
