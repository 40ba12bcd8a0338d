package dev.facet.data.behaviour;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoConnector;
import dev.facet.data.mongo.MongoPusher;
import dev.facet.data.sql.SqlDialect;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.testdb.TestServers;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A database the behavioural suite runs every test on ({@link EveryBackend}). A backend knows how to open a fresh
 * engine for a schema template, what its connector can do ({@link #supports(ConnectorCapability)}) and which schema
 * features its Prisma schema language has ({@link #allows(SchemaFeature)}); a test asks those, never which backend it
 * is. Adding a database to the suite is adding a constant here.
 */
enum Backend {
    /** PostgreSQL: embedded, or {@code FACET_TEST_POSTGRES_URL}. */
    POSTGRES(DbKind.POSTGRES, "Foreign key constraint violated on the constraint: `%1$s_%2$s_fkey`",
            DatabaseTrait.INT_COLUMNS_OF_32_BITS, DatabaseTrait.NO_NUL_IN_TEXT, DatabaseTrait.NULLS_LAST_IN_ASCENDING_ORDER, DatabaseTrait.ENUMS_IN_DECLARATION_ORDER,
            DatabaseTrait.INT_PARAMETERS_OF_32_BITS, DatabaseTrait.JSON_NUMBERS_COMPARE_WITH_NUMBERS_ONLY, DatabaseTrait.NO_YEAR_ZERO, DatabaseTrait.LIKE_WILDCARDS, DatabaseTrait.RELATION_FILTER_DEPTH_LIMIT, DatabaseTrait.IS_NOT_MATCHES_NO_RELATED_RECORD),
    /** MariaDB: embedded, or {@code FACET_TEST_MYSQL_URL}. */
    MYSQL(DbKind.MYSQL, "Foreign key constraint violated on the fields: (`%2$s`)", DatabaseTrait.INT_COLUMNS_OF_32_BITS, DatabaseTrait.ENUMS_IN_DECLARATION_ORDER, DatabaseTrait.INT_DIVISION_ROUNDED,
            DatabaseTrait.YEAR_ZERO_PER_SERVER_MODE, DatabaseTrait.LOOSE_DEFAULT_COLLATION, DatabaseTrait.SHORT_DEFAULT_STRINGS, DatabaseTrait.LIKE_WILDCARDS, DatabaseTrait.RELATION_FILTER_DEPTH_LIMIT, DatabaseTrait.IS_NOT_MATCHES_NO_RELATED_RECORD),
    /** A SQLite file in a temporary folder. */
    SQLITE(DbKind.SQLITE, "Foreign key constraint violated on the foreign key", DatabaseTrait.FLOAT_OVERFLOW_KEPT_AS_INFINITY, DatabaseTrait.INT_ARITHMETIC_IN_FLOATING_POINT,
            DatabaseTrait.UNIQUE_VIOLATION_NAMES_FIELDS, DatabaseTrait.LIKE_WILDCARDS, DatabaseTrait.RELATION_FILTER_DEPTH_LIMIT, DatabaseTrait.IS_NOT_MATCHES_NO_RELATED_RECORD),
    /**
     * MongoDB: the in-process {@code mongo-java-server} (no transactions), or a real server from
     * {@code FACET_TEST_MONGO_URL}. Templates are rewritten for it ({@link #schemaText}).
     */
    MONGODB(null, null);

    private static final Map<Backend, Set<ConnectorCapability>> CAPABILITIES = new EnumMap<>(Backend.class);
    private static final Map<Backend, Map<SchemaFeature, Boolean>> FEATURES = new EnumMap<>(Backend.class);
    private static final AtomicInteger MONGO_DATABASES = new AtomicInteger();
    private static final List<String> MONGO_CREATED = new CopyOnWriteArrayList<>();

    private final DbKind sql;
    private final String foreignKeyViolation;
    private final Set<DatabaseTrait> traits;

    Backend(DbKind sql, String foreignKeyViolation, DatabaseTrait... traits) {
        this.sql = sql;
        this.foreignKeyViolation = foreignKeyViolation;
        this.traits = traits.length == 0 ? Set.of() : java.util.EnumSet.of(traits[0], traits);
    }

    /** @return whether the database itself treats values so ({@link DatabaseTrait}) */
    boolean has(DatabaseTrait trait) { return traits.contains(trait); }

    /**
     * @return how Prisma's P2003 names the violated foreign key of {@code model}'s {@code column} on this database
     *         (each database's words); only asked where the backend has {@link ConnectorCapability#FOREIGN_KEYS}
     */
    String foreignKeyViolation(String model, String column) {
        if (foreignKeyViolation == null) throw new IllegalStateException(this + " has no foreign keys");
        return foreignKeyViolation.formatted(model, column);
    }


    /** @return whether this backend's connector has {@code capability} (asked of the connector itself) */
    boolean supports(ConnectorCapability capability) { return capabilities().contains(capability); }

    /** @return whether this backend's schema language has {@code feature} (asked of the schema validator) */
    boolean allows(SchemaFeature feature) {
        synchronized (FEATURES) {
            return FEATURES.computeIfAbsent(this, b -> new EnumMap<>(SchemaFeature.class))
                    .computeIfAbsent(feature, f -> !SchemaLoader.load(new SourceFile("probe.prisma", schemaText(f.probe()))).hasErrors());
        }
    }

    /** @return the connector's capabilities on this backend's test server */
    Set<ConnectorCapability> capabilities() {
        synchronized (CAPABILITIES) {
            return CAPABILITIES.computeIfAbsent(this, b -> {
                Schema probe = schema(SchemaFeature.PROBE_DATASOURCE + "model Probe {\n  id Int @id\n}\n");
                if (sql != null) return SqlDialect.of(probe).capabilities();
                try (MongoConnector c = new MongoConnector(probe, MongoConnection.open(TestDatabases.withDatabase(TestServers.mongoServerUrl(), "facet_probe"), null))) {
                    return c.capabilities();
                }
            });
        }
    }

    /**
     * A fresh engine on a new, pushed database.
     *
     * @param template a schema whose datasource says {@code provider = "%PROVIDER%"} (a {@code relationMode} line is
     *                 taken out where the backend has only Prisma's emulation)
     * @param log      receives every statement or command, or null
     */
    QueryEngine open(TestDatabases dbs, String template, Consumer<String> log) {
        if (sql != null) return Engines.fresh(dbs, sql, template, log);
        return openMongo(template, freshMongoDatabase(schema(template)), log);
    }

    /** @return the URL of a new MongoDB database with the schema's collections and indexes pushed */
    private static String freshMongoDatabase(Schema schema) {
        String database = "facet_suite_" + ProcessHandle.current().pid() + "_" + MONGO_DATABASES.incrementAndGet();
        String url = TestDatabases.withDatabase(TestServers.mongoServerUrl(), database);
        rememberForCleanUp(database);
        try (MongoConnection c = MongoConnection.open(url, null)) {
            MongoPusher.push(schema, c);
        }
        return url;
    }

    private QueryEngine openMongo(String template, String url, Consumer<String> log) {
        // The in-process server has no transactions: writes of several documents run one command after another
        // (as `facet query --allow-non-atomic`); tests of atomicity require TRANSACTIONS.
        return dev.facet.data.Engines.open(schema(template), url, null, log, (java.time.Duration) null, true);
    }

    /**
     * Two engines, each with its own connections, on one fresh pushed database: two processes writing to the same
     * database, as far as the database can tell.
     */
    List<QueryEngine> openTwo(TestDatabases dbs, String template) {
        if (sql != null) return Engines.twoOnOne(dbs, sql, template);
        String url = freshMongoDatabase(schema(template));
        return List.of(openMongo(template, url, null), openMongo(template, url, null));
    }

    /** The engine in {@code cache} for this backend, opened on a fresh database and seeded the first time it is asked for. */
    QueryEngine cached(Map<Backend, QueryEngine> cache, TestDatabases dbs, String template, Consumer<String> log, Consumer<QueryEngine> seed) {
        synchronized (cache) {
            return cache.computeIfAbsent(this, b -> {
                QueryEngine e = open(dbs, template, log);
                seed.accept(e);
                return e;
            });
        }
    }

    /** @return the loaded schema of {@code template} for this backend; a template invalid here fails the test */
    Schema schema(String template) {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", schemaText(template)));
        if (loaded.hasErrors()) throw new IllegalStateException("test schema invalid for " + this + ": " + loaded.errors());
        return loaded.schema().orElseThrow();
    }

    /**
     * The template as this backend's schema: the provider filled in; for MongoDB also its URL, no relation mode
     * (emulation is the only one), every {@code @id} mapped to {@code _id}, and implicit many-to-many relations
     * written as id arrays on both sides ({@link MongoManyToMany}).
     */
    String schemaText(String template) {
        if (sql != null) return template.replace("%PROVIDER%", sql.provider().id());
        StringBuilder out = new StringBuilder();
        for (String line : MongoManyToMany.rewrite(template.replace("%PROVIDER%", "mongodb")).split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("relationMode")) continue;
            if (t.startsWith("url") && t.contains("=")) line = line.substring(0, line.indexOf("url")) + "url = \"mongodb://unused/db\"";
            else if (t.contains("@id") && !t.startsWith("@@") && !t.contains("@map(")) line = line.replace("@id", "@id @map(\"_id\")");
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static void rememberForCleanUp(String database) {
        if (!TestServers.mongoIsReal()) return; // the in-process server goes with the JVM
        synchronized (MONGO_CREATED) {
            if (MONGO_CREATED.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (MongoClient c = MongoClients.create(TestServers.mongoServerUrl())) {
                        MONGO_CREATED.forEach(d -> c.getDatabase(d).drop());
                    }
                }, "facet-suite-mongo-drop"));
            }
            MONGO_CREATED.add(database);
        }
    }
}
