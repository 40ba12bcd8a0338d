package dev.facet.data.testdb;

import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real, empty databases for a test class, on the servers of {@link TestServers}:
 *
 * <pre>
 * &#64;RegisterExtension static final TestDatabases DBS = new TestDatabases();
 * ...
 * TestDatabase db = DBS.get(DbKind.POSTGRES);   // the class's database, made on first use
 * TestDatabase other = DBS.fresh(DbKind.MYSQL);  // one more empty database
 * </pre>
 *
 * Every database made through one instance is dropped (SQLite: deleted) after the class, and every pool opened with
 * {@link TestDatabase#open()} is closed first. Servers are shared by the whole JVM and started lazily, so a class that
 * only uses SQLite starts nothing. Replace the embedded servers with real ones through {@code FACET_TEST_POSTGRES_URL}
 * and {@code FACET_TEST_MYSQL_URL} (see {@link TestServers}).
 */
public final class TestDatabases implements BeforeAllCallback, AfterAllCallback {
    private static final Map<DbKind, SqlDatabase> ADMINS = new EnumMap<>(DbKind.class);

    private final Map<DbKind, TestDatabase> perClass = new EnumMap<>(DbKind.class);
    private final List<TestDatabase> made = new ArrayList<>();
    private final List<SqlDatabase> opened = new ArrayList<>();
    private String prefix = "facet_test";
    private Path sqliteFolder;

    @Override
    public void beforeAll(ExtensionContext context) {
        String simple = context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        prefix = "facet_" + (simple.length() > 30 ? simple.substring(0, 30) : simple);
    }

    /** @return the test class's database of this kind, made empty on first use */
    public synchronized TestDatabase get(DbKind kind) {
        return perClass.computeIfAbsent(kind, this::fresh);
    }

    /** @return a new empty database of this kind, dropped after the test class */
    public synchronized TestDatabase fresh(DbKind kind) {
        String name = prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6)
                + "_" + (made.size() + 1);
        TestDatabase db = switch (kind) {
            case POSTGRES -> {
                run(kind, "CREATE DATABASE \"" + name + "\"");
                yield new TestDatabase(kind, name, withDatabase(TestServers.postgresAdminUrl(), name), Path.of("").toAbsolutePath(), this);
            }
            case MYSQL -> {
                run(kind, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                yield new TestDatabase(kind, name, withDatabase(TestServers.mysqlAdminUrl(), name), Path.of("").toAbsolutePath(), this);
            }
            case SQLITE -> {
                Path folder = sqliteFolder();
                // Relative, as users write it: resolves against the folder a schema would be in.
                yield new TestDatabase(kind, name + ".db", "file:./" + name + ".db", folder, this);
            }
        };
        made.add(db);
        return db;
    }

    /**
     * @return a Prisma-style URL of the admin connection for this server kind (not for SQLite), for tests that need
     *         to create roles or check server behaviour
     */
    public static String adminUrl(DbKind kind) {
        return switch (kind) {
            case POSTGRES -> TestServers.postgresAdminUrl();
            case MYSQL -> TestServers.mysqlAdminUrl();
            case SQLITE -> throw new IllegalArgumentException("SQLite has no server");
        };
    }

    /** Runs statements on the admin connection of a server (not for SQLite). */
    public static void runAsAdmin(DbKind kind, String... statements) {
        for (String sql : statements) run(kind, sql);
    }

    synchronized SqlDatabase track(SqlDatabase db) {
        opened.add(db);
        return db;
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        for (SqlDatabase db : opened) db.close();
        opened.clear();
        for (TestDatabase db : made) {
            switch (db.kind()) {
                case POSTGRES -> run(db.kind(), "DROP DATABASE IF EXISTS \"" + db.name() + "\" WITH (FORCE)");
                case MYSQL -> run(db.kind(), "DROP DATABASE IF EXISTS `" + db.name() + "`");
                case SQLITE -> { }
            }
        }
        made.clear();
        perClass.clear();
        if (sqliteFolder != null) TestServers.deleteTree(sqliteFolder);
        sqliteFolder = null;
    }

    private Path sqliteFolder() {
        if (sqliteFolder == null) {
            try {
                sqliteFolder = Files.createTempDirectory("facet-test-sqlite");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sqliteFolder;
    }

    private static void run(DbKind kind, String sql) {
        SqlDatabase admin = admin(kind);
        try (Connection c = admin.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Admin statement failed on " + kind + ": " + sql, e);
        }
    }

    private static SqlDatabase admin(DbKind kind) {
        synchronized (ADMINS) {
            return ADMINS.computeIfAbsent(kind, k -> {
                SqlDatabase db = SqlDatabase.open(k.provider(), DatabaseUrl.parse(adminUrl(k), null));
                Runtime.getRuntime().addShutdownHook(new Thread(db::close, "facet-test-admin-close"));
                return db;
            });
        }
    }

    /** Replaces the database (path) of a server URL, keeping credentials and arguments as written. */
    public static String withDatabase(String url, String database) {
        int start = url.indexOf("://") + 3;
        int at = url.lastIndexOf('@', firstOf(url, start, "/?") < 0 ? url.length() : firstOf(url, start, "/?"));
        int authorityEnd = firstOf(url, Math.max(start, at + 1), "/?");
        if (authorityEnd < 0) return url + "/" + database;
        int query = url.indexOf('?', authorityEnd);
        return url.substring(0, authorityEnd) + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static int firstOf(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
