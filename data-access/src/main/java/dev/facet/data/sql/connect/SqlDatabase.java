package dev.facet.data.sql.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.facet.schema.model.Provider;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open SQL database: a HikariCP pool over the right JDBC driver for one datasource.
 *
 * <p>{@link #open} connects once before returning, so an unreachable server, wrong credentials or a missing
 * database fail right away, within the URL's {@code connect_timeout}, with a {@link DatabaseConnectionException}
 * that names the host, the database and the cause. Pool settings: {@code connection_limit} connections (else
 * Prisma's default, twice the processors plus one), {@code pool_timeout} to wait for a free one, one connection
 * for SQLite (a single writer) with foreign keys enforced, and every session in UTC.
 */
public final class SqlDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlDatabase.class);
    private static final AtomicInteger POOLS = new AtomicInteger();
    /** Drivers enforce the connect timeout themselves; this margin only catches a driver that does not. */
    private static final Duration DEADLINE_MARGIN = Duration.ofMillis(1500);

    private final Provider provider;
    private final DatabaseUrl url;
    private final HikariDataSource pool;

    private SqlDatabase(Provider provider, DatabaseUrl url, HikariDataSource pool) {
        this.provider = provider;
        this.url = url;
        this.pool = pool;
    }

    /**
     * Opens a pool and checks that the database answers. A SQLite file must already exist.
     *
     * @param provider the datasource provider ({@code cockroachdb} uses the PostgreSQL driver); null to infer it
     *                 from the URL's scheme
     * @param url      the parsed URL
     * @return the open database; close it when done
     * @throws DatabaseConnectionException when the provider and URL disagree, or the database cannot be reached
     */
    public static SqlDatabase open(Provider provider, DatabaseUrl url) { return open(provider, url, false); }

    /**
     * Opens a pool and checks that the database answers.
     *
     * @param provider         the datasource provider; null to infer it from the URL's scheme
     * @param url              the parsed URL
     * @param createSqliteFile whether a missing SQLite file is created (as {@code prisma db push} does) rather
     *                         than reported; its folder must exist
     * @return the open database; close it when done
     * @throws DatabaseConnectionException when the provider and URL disagree, or the database cannot be reached
     */
    public static SqlDatabase open(Provider provider, DatabaseUrl url, boolean createSqliteFile) {
        return open(provider, url, createSqliteFile, defaultStatementTimeout());
    }

    /**
     * Opens a pool and checks that the database answers.
     *
     * @param provider         the datasource provider; null to infer it from the URL's scheme
     * @param url              the parsed URL
     * @param createSqliteFile whether a missing SQLite file is created rather than reported
     * @param statementTimeout how long the server lets one statement run before cancelling it (zero: no limit);
     *                         PostgreSQL's {@code statement_timeout}, MariaDB's {@code max_statement_time}, MySQL's
     *                         {@code max_execution_time} (which limits reads only); on SQLite, which has none,
     *                         Facet interrupts each call into the database that runs longer
     * @return the open database; close it when done
     * @throws DatabaseConnectionException when the provider and URL disagree, or the database cannot be reached
     */
    public static SqlDatabase open(Provider provider, DatabaseUrl url, boolean createSqliteFile, Duration statementTimeout) {
        Provider p = checkProvider(provider, url);
        if (p == Provider.SQLITE) checkSqliteFile(url, createSqliteFile);
        DataSource driver = DriverDataSources.create(p, url, createSqliteFile, statementTimeout);
        LOG.debug("Connecting to {}", url.masked());
        String server = probe(driver, p, url);

        HikariConfig config = new HikariConfig();
        config.setPoolName("facet-" + p.id() + "-" + POOLS.incrementAndGet());
        config.setDataSource(driver);
        int size = p == Provider.SQLITE ? 1 : url.connectionLimit().orElse(Runtime.getRuntime().availableProcessors() * 2 + 1);
        config.setMaximumPoolSize(size);
        // No connection is opened in the background: closing the pool would wait for one being opened (seconds on
        // a busy server, for a one-line facet query). Connections are opened when asked for and kept while in use.
        config.setMinimumIdle(0);
        long wait = url.poolTimeout().toMillis();
        config.setConnectionTimeout(wait == 0 ? Integer.MAX_VALUE : Math.max(250, wait));
        // The probe above already reported any failure in Prisma's terms; the pool need not try again.
        config.setInitializationFailTimeout(-1);
        String init = DriverDataSources.initSql(p, server, statementTimeout);
        if (init != null) config.setConnectionInitSql(init);
        return new SqlDatabase(p, url, new HikariDataSource(config));
    }

    private static Provider checkProvider(Provider provider, DatabaseUrl url) {
        DatabaseUrl.Scheme scheme = url.scheme();
        if (provider == null) {
            return switch (scheme) {
                case POSTGRESQL -> Provider.POSTGRESQL;
                case MYSQL -> Provider.MYSQL;
                case SQLITE -> Provider.SQLITE;
            };
        }
        DatabaseUrl.Scheme expected = switch (provider) {
            case POSTGRESQL, COCKROACHDB -> DatabaseUrl.Scheme.POSTGRESQL;
            case MYSQL -> DatabaseUrl.Scheme.MYSQL;
            case SQLITE -> DatabaseUrl.Scheme.SQLITE;
            default -> throw new DatabaseConnectionException(ConnectionErrorCode.OTHER,
                    "The " + provider.id() + " provider is not supported by Facet's SQL connector");
        };
        if (expected != scheme) {
            String wanted = switch (expected) {
                case POSTGRESQL -> "postgresql:// or postgres://";
                case MYSQL -> "mysql://";
                case SQLITE -> "file:";
            };
            throw new DatabaseConnectionException(ConnectionErrorCode.INVALID_URL, "Invalid database URL: the datasource provider is "
                    + provider.id() + ", so the URL must start with " + wanted + " (it is " + url.masked() + ").");
        }
        return provider;
    }

    private static void checkSqliteFile(DatabaseUrl url, boolean create) {
        var file = url.file();
        if (Files.isRegularFile(file)) return;
        if (!create) {
            throw new DatabaseConnectionException(ConnectionErrorCode.DATABASE_DOES_NOT_EXIST,
                    "SQLite database file " + file + " does not exist");
        }
        var folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new DatabaseConnectionException(ConnectionErrorCode.DATABASE_DOES_NOT_EXIST,
                    "Can't create SQLite database " + file + ": the folder " + folder + " does not exist");
        }
    }

    /** The statement time limit when the caller sets none: 60 s, unless overridden (see {@link #STATEMENT_TIMEOUT_PROPERTY}). */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(60);
    /** System property (else environment variable {@code FACET_STATEMENT_TIMEOUT}) with the default limit in seconds; 0 for none. */
    public static final String STATEMENT_TIMEOUT_PROPERTY = "facet.statementTimeout";

    /**
     * @return the statement time limit to use when none is given: the system property {@value #STATEMENT_TIMEOUT_PROPERTY},
     *         else the environment variable {@code FACET_STATEMENT_TIMEOUT} (seconds, fractions allowed, 0 for none), else 60 s
     * @throws DatabaseConnectionException when the setting is not a number of seconds
     */
    public static Duration defaultStatementTimeout() {
        String text = System.getProperty(STATEMENT_TIMEOUT_PROPERTY);
        String source = "-D" + STATEMENT_TIMEOUT_PROPERTY;
        if (text == null || text.isBlank()) {
            text = System.getenv("FACET_STATEMENT_TIMEOUT");
            source = "FACET_STATEMENT_TIMEOUT";
        }
        if (text == null || text.isBlank()) return DEFAULT_STATEMENT_TIMEOUT;
        try {
            return parseSeconds(text);
        } catch (IllegalArgumentException e) {
            throw new DatabaseConnectionException(ConnectionErrorCode.OTHER, source + " must be a number of seconds (0 for no limit), not '" + text + "'");
        }
    }

    /** @return {@code text} (seconds, maybe with a fraction, 0 for none) as a duration; IllegalArgumentException when it is not one */
    public static Duration parseSeconds(String text) {
        java.math.BigDecimal seconds = new java.math.BigDecimal(text.strip());
        if (seconds.signum() < 0 || seconds.compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE / 1000)) > 0) {
            throw new IllegalArgumentException("out of range: " + text);
        }
        return Duration.ofMillis(seconds.movePointRight(3).setScale(0, java.math.RoundingMode.UP).longValueExact());
    }

    /**
     * Opens and closes one connection, bounded by the connect timeout, and reports a failure in Prisma's terms.
     *
     * @return the server's version as the driver reports it (MariaDB's says "MariaDB")
     */
    private static String probe(DataSource driver, Provider provider, DatabaseUrl url) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("facet-connect").start(() -> {
            try {
                result.complete(driver.getConnection());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        // A SQLite file has no server to wait for: its first open loads the driver's native library, which took more
        // than the 5 s connect timeout on a first start at a load of 22 (the demo failed with P1002).
        Duration timeout = provider == Provider.SQLITE ? Duration.ZERO : url.connectTimeout();
        try {
            Connection c = timeout.isZero() ? result.get() : result.get(timeout.plus(DEADLINE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            try (c) {
                return c.getMetaData().getDatabaseProductVersion();
            }
        } catch (TimeoutException e) {
            worker.interrupt();
            result.thenAccept(SqlDatabase::closeQuietly);
            throw ConnectionErrors.timedOut(url);
        } catch (ExecutionException e) {
            throw ConnectionErrors.translate(e.getCause(), provider, url);
        } catch (SQLException e) {
            throw ConnectionErrors.translate(e, provider, url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new DatabaseConnectionException(ConnectionErrorCode.OTHER, "Interrupted while connecting to " + url.address());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // The connection was abandoned after a timeout; nothing more to do.
        }
    }

    /** @return the provider this database is used with */
    public Provider provider() { return provider; }

    /** @return the URL it was opened with */
    public DatabaseUrl url() { return url; }

    /** @return the pool, for the SQL connector's own use */
    public DataSource dataSource() { return pool; }

    /**
     * @return the schema tables go in when the Prisma schema does not say: the URL's {@code ?schema=} on
     *         PostgreSQL and CockroachDB, the database name on MySQL, {@code main} on SQLite
     */
    public String defaultSchema() { return defaultSchema(url); }

    /** @return {@link #defaultSchema()} for a URL, without connecting */
    public static String defaultSchema(DatabaseUrl url) {
        return switch (url.scheme()) {
            case POSTGRESQL -> url.schema();
            case MYSQL -> url.database();
            case SQLITE -> "main";
        };
    }

    /**
     * @return a one-line description as Prisma prints it, e.g. {@code PostgreSQL database "shop", schema "public"
     *         at "localhost:5432"}; never the password
     */
    public String describe() { return describe(provider, url); }

    /**
     * @return how {@link #describe()} describes the database at {@code url}, without connecting (a database that does
     *         not exist yet)
     */
    public static String describe(Provider provider, DatabaseUrl url) {
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> (provider == Provider.COCKROACHDB ? "CockroachDB" : "PostgreSQL") + " database \""
                    + (url.database() != null ? url.database() : "postgres") + "\", schema \"" + url.schema() + "\" at \"" + url.address() + "\"";
            case MYSQL -> "MySQL database \"" + url.database() + "\" at \"" + url.address() + "\"";
            default -> "SQLite database \"" + url.file().getFileName() + "\" at \"" + url.file() + "\"";
        };
    }

    /** Closes every pooled connection. */
    @Override
    public void close() { pool.close(); }

    @Override
    public String toString() { return "SqlDatabase[" + provider.id() + ", " + url.masked() + "]"; }
}
