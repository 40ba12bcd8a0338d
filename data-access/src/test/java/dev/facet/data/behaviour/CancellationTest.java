package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.connector.Cancellation;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cancelling a read stops it on the database (issue 17): a view that takes a minute to compute is read, the read is
 * cancelled as soon as its statement runs, and the read ends at once with P1008; the server shows no statement still running
 * (PostgreSQL's pg_stat_activity, MariaDB's process list).
 */
class CancellationTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    /** A view that takes about a minute on each database. */
    private static String slowView(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> "CREATE VIEW slow AS SELECT 1 AS id, pg_sleep(60)::text AS x";
            // Work, not SLEEP: a killed SLEEP returns 1 and its statement ends normally on MariaDB.
            case MYSQL -> "CREATE VIEW slow AS SELECT 1 AS id, CAST(max(seq * 2) AS CHAR) AS x FROM seq_1_to_5000000000";
            case SQLITE -> "CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000000)"
                    + " SELECT 1 AS id, max(x) AS x FROM c";
        };
    }

    // MariaDB: Facet streams reads, and Connector/J's own cancel does nothing once executeQuery has returned (see
    // MysqlStatementKill); this test ran the statement's full minute before.
    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL", "SQLITE"})
    void aCancelledReadIsStoppedByTheDatabase(DbKind kind) throws Exception {
        String provider = switch (kind) { case POSTGRES -> "postgresql"; case MYSQL -> "mysql"; case SQLITE -> "sqlite"; };
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", """
                generator client {
                  provider        = "prisma-client-js"
                  previewFeatures = ["views"]
                }
                datasource db {
                  provider = "%s"
                }
                view Slow {
                  id Int    @unique
                  x  String?
                  @@map("slow")
                }
                """.formatted(provider))).schema().orElseThrow();
        SqlDatabase db = DBS.fresh(kind).open();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(slowView(kind));
        }
        QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, db.dataSource(), null, null));
        Cancellation cancellation = new Cancellation();

        long start = System.nanoTime();
        CompletableFuture<Throwable> read = CompletableFuture.supplyAsync(() -> {
            try {
                cancellation.run(() -> engine.execute("Slow", "findMany", null));
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        // The event that matters: the statement has started.
        while (!cancellation.hasStatements() && !read.isDone()) Thread.onSpinWait();
        if (kind != DbKind.SQLITE) awaitRunning(kind, db, true);
        cancellation.cancel();

        Throwable failure = read.get(50, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(failure).isInstanceOf(QueryError.class);
        assertThat(((QueryError) failure).code()).isEqualTo("P1008");
        assertThat(failure.getMessage()).isEqualTo("The operation was cancelled: the database stopped the running statement.");
        // Far less than the minute the view takes.
        assertThat(millis).isLessThan(30_000);
        if (kind != DbKind.SQLITE) awaitRunning(kind, db, false);
    }

    /** Waits until the server shows the view's statement running (or no longer running). */
    private static void awaitRunning(DbKind kind, SqlDatabase db, boolean running) throws Exception {
        String sql = kind == DbKind.POSTGRES
                ? "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%\"slow\"%' AND pid <> pg_backend_pid()"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Query' AND INFO LIKE '%`slow`%' AND ID <> CONNECTION_ID()";
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    if ((rs.getLong(1) > 0) == running) return;
                }
                Thread.sleep(20);
            }
        }
    }
}
