package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.TestServers;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;

/**
 * What the MongoDB suites share: an engine per test on a fresh database of the MongoDB test server (in-process
 * {@code mongo-java-server}, or {@code FACET_TEST_MONGO_URL}), requests as Prisma Client arguments in JSON, and every
 * command the engine sends (the driver's command listener) to count round trips.
 */
abstract class MongoSuite {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** The datasource of the suites' schemas. */
    static final String DATASOURCE = """
            datasource db {
              provider = "mongodb"
              url      = "mongodb://unused/db"
            }

            """;

    /** Every command the engine of the current test sent ({@code find app_3}, ...). */
    final List<String> commands = new CopyOnWriteArrayList<>();
    QueryEngine engine;
    Schema schema;
    String url;
    private String database;
    /** Whether the engine refuses writes that change several documents without a transaction (P2031). */
    boolean atomicOnly;

    /** Opens an engine on a new database for {@code models} (the schema without its datasource), pushed or not. */
    void open(String models, boolean push) {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", DATASOURCE + models));
        if (loaded.hasErrors()) throw new IllegalStateException("test schema invalid: " + loaded.errors());
        schema = loaded.schema().orElseThrow();
        database = "facet_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        url = withDatabase(TestServers.mongoServerUrl(), database);
        if (push) {
            try (MongoConnection c = MongoConnection.open(url, null)) {
                MongoPusher.push(schema, c);
            }
        }
        // The test server has no transactions: the suites allow non-atomic writes (as `facet query --allow-non-atomic`)
        // unless a test sets `atomicOnly` to check that such writes are refused.
        engine = Engines.open(schema, url, null, commands::add, (java.time.Duration) null, !atomicOnly);
    }

    /** Opens an engine on a new database, pushed (collections and unique indexes) first. */
    void open(String models) { open(models, true); }

    /** A server URL with {@code database} as its path (options kept). */
    static String withDatabase(String serverUrl, String database) {
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String options = q < 0 ? "" : serverUrl.substring(q);
        int hostStart = base.indexOf("://") + 3;
        int slash = base.indexOf('/', hostStart);
        if (slash >= 0) base = base.substring(0, slash);
        return base + "/" + database + options;
    }

    @AfterEach
    void dropDatabase() {
        if (engine != null) engine.close();
        engine = null;
        if (database != null) {
            try (MongoClient c = MongoClients.create(TestServers.mongoServerUrl())) {
                c.getDatabase(database).drop();
            }
        }
        database = null;
    }

    JsonNode run(String model, String action, String args) {
        return engine.execute(model, action, JsonCodec.parse(args));
    }

    /** Runs a request and returns its answer as compact JSON text. */
    String json(String model, String action, String args) {
        return run(model, action, args).toString();
    }

    /** The request fails with Prisma's {@code code} and a message containing {@code text}. */
    QueryError fails(String code, String text, String model, String action, String args) {
        Throwable t = catchThrowable(() -> run(model, action, args));
        assertThat(t).as("%s.%s(%s)", model, action, args).isInstanceOf(QueryError.class);
        QueryError e = (QueryError) t;
        assertThat(e.code()).as("code of %s", e.getMessage()).isEqualTo(code);
        assertThat(e.getMessage()).contains(text);
        return e;
    }

    /** The values of one field across records, in order. */
    static List<String> values(JsonNode records, String field) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.get(field).isNull() ? null : r.get(field).asText()));
        return out;
    }

    /** The commands sent while {@code work} ran, without the driver's handshakes. */
    List<String> commandsOf(Runnable work) {
        commands.clear();
        work.run();
        return commands.stream().filter(c -> !c.startsWith("hello") && !c.startsWith("isMaster") && !c.startsWith("ping")).toList();
    }

    /** The driver's raw client on the test database, for seeding documents Facet would not write. */
    <T> T raw(java.util.function.Function<com.mongodb.client.MongoDatabase, T> work) {
        try (MongoClient c = MongoClients.create(url)) {
            return work.apply(c.getDatabase(database));
        }
    }
}
