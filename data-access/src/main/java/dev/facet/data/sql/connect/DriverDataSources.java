package dev.facet.data.sql.connect;

import com.mysql.cj.jdbc.MysqlDataSource;
import dev.facet.schema.model.Provider;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteOpenMode;

/**
 * Builds each driver's own {@link DataSource} from a {@link DatabaseUrl}. Credentials go through setters, never
 * into a JDBC URL string, so no driver or pool can log them as part of a URL.
 */
final class DriverDataSources {
    /** How long SQLite waits on a locked database before failing, unless {@code socket_timeout} says otherwise. */
    private static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(5);

    private DriverDataSources() {}

    static DataSource create(Provider provider, DatabaseUrl url, boolean createSqliteFile, Duration statementTimeout) {
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> postgres(url, statementTimeout);
            case MYSQL -> mysql(url);
            case SQLITE -> statementTimeout.isZero() ? sqlite(url, createSqliteFile)
                    : SqliteTimeLimit.wrap(sqlite(url, createSqliteFile), statementTimeout);
            default -> throw new IllegalArgumentException("not a SQL provider handled here: " + provider);
        };
    }

    /**
     * The statement each new pooled connection runs first, so DateTime values are read and written as UTC, and on
     * MySQL and MariaDB each statement's time limit (their variables differ: MariaDB's {@code max_statement_time} in
     * seconds limits every statement, MySQL's {@code max_execution_time} in milliseconds only reads).
     *
     * @param server the server's version as the driver reports it
     */
    static String initSql(Provider provider, String server, Duration statementTimeout) {
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> "SET TIME ZONE 'UTC'";
            case MYSQL -> {
                if (statementTimeout.isZero()) yield "SET time_zone = '+00:00'";
                boolean mariadb = server != null && server.toLowerCase(Locale.ROOT).contains("mariadb");
                yield mariadb ? "SET time_zone = '+00:00', SESSION max_statement_time = " + java.math.BigDecimal.valueOf(statementTimeout.toMillis(), 3).toPlainString()
                        : "SET time_zone = '+00:00', SESSION max_execution_time = " + statementTimeout.toMillis();
            }
            default -> null;
        };
    }

    private static DataSource postgres(DatabaseUrl url, Duration statementTimeout) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {url.host()});
        ds.setPortNumbers(new int[] {url.port()});
        // Prisma connects to the "postgres" database when the URL names none.
        ds.setDatabaseName(url.database() != null ? url.database() : "postgres");
        if (url.user() != null) ds.setUser(url.user());
        if (url.password() != null) ds.setPassword(url.password());
        // Quoted, so a mixed-case schema name is not folded to lower case by the server.
        ds.setCurrentSchema(SqlFamily.POSTGRES.quote(url.schema()));
        ds.setApplicationName("Facet");
        // Sent with the connection: the server cancels any statement running longer (SQLSTATE 57014).
        if (!statementTimeout.isZero()) ds.setOptions("-c statement_timeout=" + statementTimeout.toMillis());
        int connect = seconds(url.connectTimeout());
        ds.setConnectTimeout(connect);
        ds.setLoginTimeout(connect);
        ds.setSocketTimeout(seconds(url.socketTimeout()));
        ds.setTcpKeepAlive(true);
        ds.setSslMode(postgresSslMode(url));
        String cert = url.argument("sslcert");
        if (cert != null && !cert.isBlank()) ds.setSslrootcert(resolve(url, cert).toString());
        if ("true".equalsIgnoreCase(url.argument("pgbouncer"))) {
            // PgBouncer in transaction mode cannot keep server-side prepared statements.
            ds.setPrepareThreshold(0);
        }
        return ds;
    }

    private static String postgresSslMode(DatabaseUrl url) {
        String mode = url.argument("sslmode");
        String accept = url.argument("sslaccept");
        String m = mode == null ? "prefer" : mode.toLowerCase(Locale.ROOT);
        if ("strict".equalsIgnoreCase(accept) && (m.equals("require") || m.equals("prefer"))) return "verify-full";
        return switch (m) {
            case "disable", "allow", "prefer", "require", "verify-ca", "verify-full" -> m;
            default -> throw new DatabaseConnectionException(ConnectionErrorCode.INVALID_URL,
                    "Invalid database URL: sslmode=" + mode + " is not one of disable, prefer, require.");
        };
    }

    private static DataSource mysql(DatabaseUrl url) {
        MysqlDataSource ds = new MysqlDataSource();
        ds.setServerName(url.host());
        ds.setPort(url.port());
        if (url.database() != null) ds.setDatabaseName(url.database());
        if (url.user() != null) ds.setUser(url.user());
        if (url.password() != null) ds.setPassword(url.password());
        try {
            ds.setConnectTimeout(millis(url.connectTimeout()));
            ds.setSocketTimeout(millis(url.socketTimeout()));
            ds.setCharacterEncoding("UTF-8");
            // MySQL 8's default authentication needs the server's key when the connection is not encrypted.
            ds.setAllowPublicKeyRetrieval(true);
            ds.setSslMode(mysqlSslMode(url));
            String cert = url.argument("sslcert");
            if (cert != null && !cert.isBlank()) ds.setTrustCertificateKeyStoreUrl(resolve(url, cert).toUri().toString());
            // JDBC escapes ({fn ...}, {d ...}) are not Prisma's: with them on, Connector/J rewrites such text even
            // inside a quoted identifier (a column @map("{fn x}")), and the statement names a column that is not there.
            ds.setEnableEscapeProcessing(false);
            ds.setProcessEscapeCodesForPrepStmts(false);
            ds.setCachePrepStmts(true);
            ds.setRewriteBatchedStatements(true);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL driver rejected a connection property", e);
        }
        return ds;
    }

    private static String mysqlSslMode(DatabaseUrl url) {
        String mode = url.argument("sslmode");
        String accept = url.argument("sslaccept");
        if ("strict".equalsIgnoreCase(accept)) return "VERIFY_IDENTITY";
        if (mode == null) return url.argument("sslcert") != null ? "VERIFY_CA" : "PREFERRED";
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "disable", "disabled" -> "DISABLED";
            case "prefer", "preferred" -> "PREFERRED";
            case "require", "required" -> "REQUIRED";
            case "verify-ca", "verify_ca" -> "VERIFY_CA";
            case "verify-full", "verify_identity" -> "VERIFY_IDENTITY";
            default -> throw new DatabaseConnectionException(ConnectionErrorCode.INVALID_URL,
                    "Invalid database URL: sslmode=" + mode + " is not one of disable, prefer, require.");
        };
    }

    private static DataSource sqlite(DatabaseUrl url, boolean create) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        Duration busy = url.socketTimeout().isZero() ? SQLITE_BUSY_TIMEOUT : url.socketTimeout();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busy.toMillis()));
        if (!create) config.resetOpenMode(SQLiteOpenMode.CREATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + url.file());
        return ds;
    }

    private static Path resolve(DatabaseUrl url, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : url.baseDirectory().resolve(p).toAbsolutePath().normalize();
    }

    private static int seconds(Duration d) { return (int) Math.min(Integer.MAX_VALUE, d.toSeconds()); }

    private static int millis(Duration d) { return (int) Math.min(Integer.MAX_VALUE, d.toMillis()); }
}
