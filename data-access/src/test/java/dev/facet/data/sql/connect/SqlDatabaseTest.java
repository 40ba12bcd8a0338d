package dev.facet.data.sql.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.testdb.TestServers;
import dev.facet.schema.model.Provider;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Connections against real servers: what works, and how each kind of failure is reported. */
class SqlDatabaseTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final String LOGIN = "facet_login";
    private static final String RIGHT_PASSWORD = "right-Pa55word";
    private static final String WRONG_PASSWORD = "wrong-Pa55word";

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void refusedPortFailsFastWithP1001(DbKind kind) throws IOException {
        int port = freePort();
        String scheme = kind == DbKind.POSTGRES ? "postgresql" : "mysql";
        DatabaseUrl url = DatabaseUrl.parse(scheme + "://someone:" + WRONG_PASSWORD + "@127.0.0.1:" + port + "/shop", null);

        DatabaseConnectionException e = failure(kind.provider(), url, Duration.ofSeconds(5));

        assertThat(e.code()).isEqualTo(ConnectionErrorCode.CANT_REACH);
        assertThat(e.prismaCode()).isEqualTo("P1001");
        assertThat(e.getMessage()).isEqualTo("Can't reach database server at 127.0.0.1:" + port + ": connection refused");
    }

    @Test
    void unknownHostIsP1001() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:" + WRONG_PASSWORD + "@no-such-host.invalid:5432/shop", null);

        DatabaseConnectionException e = failure(Provider.POSTGRESQL, url, Duration.ofSeconds(6));

        assertThat(e.code()).isEqualTo(ConnectionErrorCode.CANT_REACH);
        assertThat(e.getMessage()).isEqualTo("Can't reach database server at no-such-host.invalid:5432: unknown host 'no-such-host.invalid'");
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void serverThatNeverAnswersTimesOutWithinTheConnectTimeout(DbKind kind) throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) accepted.add(silent.accept());
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            String scheme = kind == DbKind.POSTGRES ? "postgresql" : "mysql";
            DatabaseUrl url = DatabaseUrl.parse(scheme + "://u:" + WRONG_PASSWORD + "@127.0.0.1:" + silent.getLocalPort()
                    + "/shop?connect_timeout=1", null);

            DatabaseConnectionException e = failure(kind.provider(), url, Duration.ofSeconds(4));

            assertThat(e.code()).isEqualTo(ConnectionErrorCode.TIMED_OUT);
            assertThat(e.prismaCode()).isEqualTo("P1002");
            assertThat(e.getMessage()).isEqualTo("The database server at 127.0.0.1:" + silent.getLocalPort()
                    + " was reached but did not answer within 1 s");
            acceptor.interrupt();
            for (Socket s : accepted) s.close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void wrongPasswordIsP1000AndNeverShowsThePassword(DbKind kind) {
        createLogin(kind);
        DatabaseUrl admin = DatabaseUrl.parse(TestDatabases.adminUrl(kind), null);
        String scheme = kind == DbKind.POSTGRES ? "postgresql" : "mysql";
        DatabaseUrl url = DatabaseUrl.parse(scheme + "://" + LOGIN + ":" + WRONG_PASSWORD + "@" + admin.address() + "/"
                + admin.database(), null);

        DatabaseConnectionException e = failure(kind.provider(), url, Duration.ofSeconds(5));

        assertThat(e.code()).isEqualTo(ConnectionErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.prismaCode()).isEqualTo("P1000");
        assertThat(e.getMessage()).isEqualTo("Authentication failed for user '" + LOGIN + "' at " + admin.address());
        assertThat(e.describe()).doesNotContain(WRONG_PASSWORD).doesNotContain(RIGHT_PASSWORD);

        DatabaseUrl right = DatabaseUrl.parse(scheme + "://" + LOGIN + ":" + RIGHT_PASSWORD + "@" + admin.address() + "/"
                + admin.database(), null);
        try (SqlDatabase db = SqlDatabase.open(kind.provider(), right)) {
            assertThat(db.toString()).doesNotContain(RIGHT_PASSWORD);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DbKind.class, names = {"POSTGRES", "MYSQL"})
    void missingDatabaseIsP1003(DbKind kind) {
        DatabaseUrl admin = DatabaseUrl.parse(TestDatabases.adminUrl(kind), null);
        String text = TestDatabases.withDatabase(TestDatabases.adminUrl(kind), "facet_no_such_db");
        DatabaseUrl url = DatabaseUrl.parse(text, null);

        DatabaseConnectionException e = failure(kind.provider(), url, Duration.ofSeconds(5));

        assertThat(e.code()).isEqualTo(ConnectionErrorCode.DATABASE_DOES_NOT_EXIST);
        assertThat(e.prismaCode()).isEqualTo("P1003");
        assertThat(e.getMessage()).isEqualTo("Database 'facet_no_such_db' does not exist at " + admin.address());
    }

    @Test
    void missingSqliteFileIsP1003UnlessAskedToCreateIt(@TempDir Path dir) {
        DatabaseUrl url = DatabaseUrl.parse("file:./missing.db", dir);

        assertThatThrownBy(() -> SqlDatabase.open(Provider.SQLITE, url))
                .isInstanceOfSatisfying(DatabaseConnectionException.class, e -> {
                    assertThat(e.prismaCode()).isEqualTo("P1003");
                    assertThat(e.getMessage()).isEqualTo("SQLite database file " + dir.resolve("missing.db") + " does not exist");
                });
        assertThat(dir.resolve("missing.db")).doesNotExist();

        try (SqlDatabase db = SqlDatabase.open(Provider.SQLITE, url, true)) {
            assertThat(db.describe()).isEqualTo("SQLite database \"missing.db\" at \"" + dir.resolve("missing.db") + "\"");
        }
        assertThat(Files.isRegularFile(dir.resolve("missing.db"))).isTrue();
    }

    @Test
    void providerAndSchemeMustAgree() {
        DatabaseUrl url = DatabaseUrl.parse("mysql://u:" + WRONG_PASSWORD + "@localhost/db", null);

        assertThatThrownBy(() -> SqlDatabase.open(Provider.POSTGRESQL, url))
                .isInstanceOfSatisfying(DatabaseConnectionException.class, e -> {
                    assertThat(e.prismaCode()).isEqualTo("P1013");
                    assertThat(e.getMessage()).isEqualTo("Invalid database URL: the datasource provider is postgresql, so the URL "
                            + "must start with postgresql:// or postgres:// (it is mysql://u:****@localhost/db).");
                });
    }

    @Test
    void postgresPoolHonoursLimitSchemaAndUtc() throws Exception {
        TestDatabase db = DBS.get(DbKind.POSTGRES);
        String url = db.url() + (db.url().contains("?") ? "&" : "?") + "connection_limit=3&schema=Sales";
        try (SqlDatabase open = SqlDatabase.open(Provider.POSTGRESQL, DatabaseUrl.parse(url, null))) {
            assertThat(((HikariDataSource) open.dataSource()).getMaximumPoolSize()).isEqualTo(3);
            assertThat(open.defaultSchema()).isEqualTo("Sales");
            assertThat(open.describe()).isEqualTo("PostgreSQL database \"" + db.name() + "\", schema \"Sales\" at \""
                    + open.url().address() + "\"");
            assertThat(single(open, "SHOW search_path")).isEqualTo("\"Sales\"");
            assertThat(single(open, "SHOW TimeZone")).isEqualTo("UTC");
        }
    }

    @Test
    void mysqlSessionIsUtc() throws Exception {
        try (SqlDatabase open = SqlDatabase.open(Provider.MYSQL, DBS.get(DbKind.MYSQL).parsedUrl())) {
            assertThat(single(open, "SELECT @@session.time_zone")).isEqualTo("+00:00");
            assertThat(open.defaultSchema()).isEqualTo(DBS.get(DbKind.MYSQL).name());
        }
    }

    @Test
    void sqliteHasOneConnectionWithForeignKeysOn() throws Exception {
        SqlDatabase open = DBS.get(DbKind.SQLITE).open();

        assertThat(((HikariDataSource) open.dataSource()).getMaximumPoolSize()).isEqualTo(1);
        assertThat(single(open, "PRAGMA foreign_keys")).isEqualTo("1");
    }

    private static DatabaseConnectionException failure(Provider provider, DatabaseUrl url, Duration within) {
        long start = System.nanoTime();
        DatabaseConnectionException[] caught = new DatabaseConnectionException[1];
        assertThatThrownBy(() -> SqlDatabase.open(provider, url).close())
                .isInstanceOfSatisfying(DatabaseConnectionException.class, e -> caught[0] = e);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
        assertThat(caught[0].getMessage()).doesNotContain(WRONG_PASSWORD);
        return caught[0];
    }

    private static void createLogin(DbKind kind) {
        boolean embedded = kind == DbKind.POSTGRES ? TestServers.postgresIsEmbedded() : TestServers.mysqlIsEmbedded();
        // On a server from the environment we cannot know how it authenticates, nor may we create roles.
        assumeThat(embedded).as("embedded server").isTrue();
        if (kind == DbKind.POSTGRES) {
            TestDatabases.runAsAdmin(kind, "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + LOGIN
                    + "') THEN CREATE ROLE " + LOGIN + " LOGIN PASSWORD '" + RIGHT_PASSWORD + "'; END IF; END $$");
        } else {
            TestDatabases.runAsAdmin(kind, "CREATE USER IF NOT EXISTS '" + LOGIN + "'@'%' IDENTIFIED BY '" + RIGHT_PASSWORD + "'",
                    "GRANT ALL PRIVILEGES ON *.* TO '" + LOGIN + "'@'%'");
        }
    }

    private static String single(SqlDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
