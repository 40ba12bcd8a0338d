package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.Cancellation;
import dev.facet.data.error.QueryError;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's benchmark, run by hand (docs/benchmarks.md, "A big shared PostgreSQL database"): 200 tables on a PostgreSQL
 * server given by {@code -Dfacet.bigdb.url=postgresql://...} (a database {@code facet_bigdb} is made there once and kept),
 * one of {@code -Dfacet.bigdb.big} rows (10,000,000 by default) and 199 sharing {@code -Dfacet.bigdb.rest}. It measures what
 * opening costs the server (pg_stat_database.active_time: time the server spent running statements in that database),
 * the first page of the big table, the 10,000th page reached page by page against the first, and a cancelled count.
 */
@EnabledIfSystemProperty(named = "facet.bigdb.url", matches = ".+")
class BigPostgresCheck {
    private static final int TABLES = 200;

    @TempDir Path dir;

    private static void report(String format, Object... args) { System.out.println("BigPostgresCheck: " + String.format(format, args)); }

    @Test
    void openingABigDatabaseCostsTheServerLittle() throws Exception {
        String admin = System.getProperty("facet.bigdb.url");
        long big = Long.getLong("facet.bigdb.big", 10_000_000L);
        long rest = Long.getLong("facet.bigdb.rest", 40_000_000L);
        String url = admin.replaceFirst("/[^/?]*(\\?|$)", "/facet_bigdb$1");
        StringBuilder schemaText = new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n");
        for (int t = 0; t < TABLES; t++) {
            schemaText.append("\nmodel T").append(String.format("%03d", t)).append(" {\n  id   Int    @id\n  name String\n  at   DateTime\n}\n");
        }
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", schemaText.toString())).schema().orElseThrow();
        prepare(admin, url, big, rest);

        String jdbc = jdbc(url);
        String pooled = url + (url.contains("?") ? "&" : "?") + "connection_limit=3";
        long activeBefore = activeTime(jdbc);
        long t0 = System.nanoTime();
        long sidebar;
        long firstRows;
        int counted = 0;
        String range;
        // Opening, as the window does, then closing: the server's backends report their time as they end.
        try (QueryEngine engine = Engines.open(schema, pooled, dir, null)) {
            Project project = new Project(dir.resolve("schema.prisma"), schema, engine, url);
            // What the sidebar does on opening: the catalog's estimates for every table, counting only the small ones.
            var estimates = engine.estimateRows(schema.models().stream().map(m -> m.name()).toList());
            long budget = 1_000_000; // SidebarCounts.EXACT_COUNT_BUDGET
            for (var e : estimates.entrySet()) {
                if (e.getValue().cheapToCount() && (budget -= Math.max(0, e.getValue().rows())) >= 0) {
                    engine.execute(e.getKey(), "count", null);
                    counted++;
                }
            }
            sidebar = (System.nanoTime() - t0) / 1_000_000;
            // Opening the big table's tab: its first page and its footer (the estimate).
            long tab = System.nanoTime();
            ModelGridViewModel vm = new ModelGridViewModel(project, schema.model("T000"), new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
            vm.ensureLoaded();
            firstRows = (System.nanoTime() - tab) / 1_000_000;
            assertThat(vm.rows()).isNotEmpty();
            range = vm.rangeTextProperty().get();
        }
        Thread.sleep(1000);
        long active = activeTime(jdbc) - activeBefore;
        report("%d tables, %,d rows in the big one, %,d in the others", TABLES, big, rest);
        report("sidebar (estimates + %d small tables counted): %d ms; big table's first rows: %d ms (footer '%s')", counted, sidebar, firstRows, range);
        report("server time in Facet's statements until then (pg_stat_database.active_time): %d ms", active);

        try (QueryEngine engine = Engines.open(schema, pooled, dir, null)) {
            Project project = new Project(dir.resolve("schema.prisma"), schema, engine, url);
            long warm = System.nanoTime();
            ModelGridViewModel vm = new ModelGridViewModel(project, schema.model("T000"), new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
            vm.ensureLoaded();
            report("big table's first rows, opened again (warm JVM, new pool): %d ms", (System.nanoTime() - warm) / 1_000_000);
            // Page by page to the 10,000th.
            long first = 0;
            long last = 0;
            for (int p = 1; p < 10_000; p++) {
                long s = System.nanoTime();
                vm.nextPage();
                long took = System.nanoTime() - s;
                if (p <= 20) first += took;
                if (p >= 9_980) last += took;
            }
            assertThat(vm.pageIndexProperty().get()).isEqualTo(9_999);
            report("next page: pages 2-21 %.2f ms each, pages 9,981-10,000 %.2f ms each", first / 20 / 1e6, last / 20 / 1e6);
            long offsetStart = System.nanoTime();
            vm.goToPage(9_998);
            vm.goToPage(9_000);
            report("a jump to page 9,001 by OFFSET: %d ms", (System.nanoTime() - offsetStart) / 1_000_000);

            // The exact count, cancelled as the user would from the status bar.
            Cancellation cancellation = new Cancellation();
            CompletableFuture<Throwable> count = CompletableFuture.supplyAsync(() -> {
                try {
                    cancellation.run(() -> engine.execute("T000", "count", null));
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            while (!cancellation.hasStatements() && !count.isDone()) Thread.onSpinWait();
            Thread.sleep(300);
            long cancelAt = System.nanoTime();
            cancellation.cancel();
            Throwable failure = count.get(60, TimeUnit.SECONDS);
            long stopped = (System.nanoTime() - cancelAt) / 1_000_000;
            assertThat(failure).isInstanceOf(QueryError.class);
            report("cancelled count: ended %d ms after Cancel (%s)", stopped, ((QueryError) failure).code());
        }
    }

    private static String jdbc(String url) {
        // postgresql://user@host:port/db -> jdbc:postgresql://host:port/db?user=user
        java.net.URI u = java.net.URI.create(url);
        String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
        return "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath() + "?user=" + user;
    }

    /** Server time spent running statements in the database so far; the backends report it as they end. */
    private static long activeTime(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT active_time FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            return (long) rs.getDouble(1);
        }
    }

    /** Makes the database once: 200 tables filled server-side with generate_series, then analysed. */
    private static void prepare(String admin, String url, long big, long rest) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc(admin)); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'facet_bigdb'")) {
                if (rs.next()) return;
            }
            s.execute("CREATE DATABASE facet_bigdb");
        }
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc(url)); Statement s = c.createStatement()) {
            long each = rest / (TABLES - 1);
            List<String> ddl = new ArrayList<>();
            for (int t = 0; t < TABLES; t++) {
                String name = String.format("\"T%03d\"", t);
                long rows = t == 0 ? big : each;
                ddl.add("CREATE UNLOGGED TABLE " + name + " (id int PRIMARY KEY, name text NOT NULL, at timestamp(3) NOT NULL)");
                ddl.add("INSERT INTO " + name + " SELECT g, 'row ' || g, timestamp '2025-01-01' + g * interval '1 second' FROM generate_series(1, " + rows + ") g");
            }
            for (String d : ddl) s.execute(d);
            s.execute("ANALYZE");
        }
        report("database made in %d s", (System.nanoTime() - t0) / 1_000_000_000);
    }
}
