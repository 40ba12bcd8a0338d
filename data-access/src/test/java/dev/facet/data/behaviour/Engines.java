package dev.facet.data.behaviour;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/** Builds a query engine on a fresh, pushed database of each kind, for the behavioural suites. */
final class Engines {
    private Engines() {}

    /**
     * @param template a schema whose datasource says {@code provider = "%PROVIDER%"}
     * @param log      receives every statement, or null
     */
    static QueryEngine fresh(TestDatabases dbs, DbKind kind, String template, Consumer<String> log) {
        return fresh(dbs, kind, template, log, UnaryOperator.identity());
    }

    /** @param wrap wraps the pool the engine takes its connections from (fault tests cut them) */
    static QueryEngine fresh(TestDatabases dbs, DbKind kind, String template, Consumer<String> log, UnaryOperator<DataSource> wrap) {
        return fresh(dbs, kind, template, log, wrap, database -> {});
    }

    /** @param beforePush prepares the empty database before the schema is pushed (extensions a native type needs) */
    static QueryEngine fresh(TestDatabases dbs, DbKind kind, String template, Consumer<String> log, UnaryOperator<DataSource> wrap,
                             Consumer<SqlDatabase> beforePush) {
        Schema schema = schema(kind, template);
        TestDatabase db = dbs.fresh(kind);
        SqlDatabase database = db.open();
        beforePush.accept(database);
        SchemaPusher.push(schema, database);
        return new QueryEngine(schema, new SqlConnector(schema, wrap.apply(database.dataSource()), null, log));
    }

    /**
     * Two engines, each with its own pool, on one fresh pushed database: two processes writing to the same
     * database, as far as the database can tell.
     */
    static List<QueryEngine> twoOnOne(TestDatabases dbs, DbKind kind, String template) {
        Schema schema = schema(kind, template);
        TestDatabase db = dbs.fresh(kind);
        SqlDatabase first = db.open();
        SchemaPusher.push(schema, first);
        SqlDatabase second = db.open();
        return List.of(new QueryEngine(schema, new SqlConnector(schema, first.dataSource(), null, null)),
                new QueryEngine(schema, new SqlConnector(schema, second.dataSource(), null, null)));
    }

    private static Schema schema(DbKind kind, String template) {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", template.replace("%PROVIDER%", kind.provider().id())));
        if (loaded.hasErrors()) throw new IllegalStateException("test schema invalid for " + kind + ": " + loaded.errors());
        return loaded.schema().orElseThrow();
    }

    static List<DbKind> all() { return List.of(DbKind.values()); }

    /** The engine of {@code kind} in {@code cache}, made on a fresh database and seeded the first time it is asked for. */
    static QueryEngine cached(java.util.Map<DbKind, QueryEngine> cache, TestDatabases dbs, DbKind kind, String template, Consumer<String> log,
                              Consumer<QueryEngine> seed) {
        synchronized (cache) {
            return cache.computeIfAbsent(kind, k -> {
                QueryEngine e = fresh(dbs, k, template, log);
                seed.accept(e);
                return e;
            });
        }
    }
}
