package dev.facet.data.sql.connect;

import dev.facet.schema.model.Provider;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/** Turns a driver's connection failure into one clear line with Prisma's error code. */
final class ConnectionErrors {
    private ConnectionErrors() {}

    static DatabaseConnectionException translate(Throwable failure, Provider provider, DatabaseUrl url) {
        String address = url.address();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            switch (c) {
                case UnknownHostException u ->
                        { return cantReach(url, "unknown host '" + url.host() + "'"); }
                case NoRouteToHostException n -> { return cantReach(url, "no route to host"); }
                case ConnectException ce -> { return cantReach(url, "connection refused"); }
                case SocketTimeoutException t -> {
                    String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
                    if (m.contains("connect timed out")) return cantReach(url, "timed out after " + secondsText(url.connectTimeout()));
                    return timedOut(url);
                }
                case SSLException s -> {
                    return new DatabaseConnectionException(ConnectionErrorCode.TLS,
                            "Can't open a TLS connection to " + address + ": " + clean(s.getMessage(), url));
                }
                default -> { }
            }
        }
        SQLException sql = firstSqlException(failure);
        if (sql != null) {
            DatabaseConnectionException known = switch (provider) {
                case POSTGRESQL, COCKROACHDB -> postgres(sql, url);
                case MYSQL -> mysql(sql, url);
                case SQLITE -> sqlite(sql, url);
                default -> null;
            };
            if (known != null) return known;
        }
        String detail = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new DatabaseConnectionException(ConnectionErrorCode.OTHER, where(url) + ": " + clean(detail, url));
    }

    private static DatabaseConnectionException postgres(SQLException e, DatabaseUrl url) {
        String state = String.valueOf(e.getSQLState());
        return switch (state) {
            case "28P01" -> authenticationFailed(url, null);
            // pg_hba rejections and unknown roles: still a credentials problem, the server's words say which.
            case "28000" -> authenticationFailed(url, serverText(e, url));
            case "3D000" -> databaseMissing(url, url.database() != null ? url.database() : "postgres");
            case "42501" -> accessDenied(url);
            case "57P03" -> cantReach(url, "the database system is starting up");
            case "08004" -> e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("ssl")
                    ? new DatabaseConnectionException(ConnectionErrorCode.TLS,
                            "Can't open a TLS connection to " + url.address() + ": " + clean(e.getMessage(), url))
                    : null;
            case "08001" -> e.getMessage() != null && e.getMessage().contains("timed out") ? timedOut(url) : null;
            default -> null;
        };
    }

    private static DatabaseConnectionException mysql(SQLException e, DatabaseUrl url) {
        return switch (e.getErrorCode()) {
            case 1045, 1698 -> authenticationFailed(url, null);
            case 1049 -> databaseMissing(url, url.database());
            case 1044 -> accessDenied(url);
            case 1130 -> new DatabaseConnectionException(ConnectionErrorCode.ACCESS_DENIED,
                    "The server at " + url.address() + " does not accept connections from this host: " + serverText(e, url));
            default -> "08S01".equals(e.getSQLState()) ? cantReach(url, firstLine(clean(e.getMessage(), url))) : null;
        };
    }

    private static DatabaseConnectionException sqlite(SQLException e, DatabaseUrl url) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_CANTOPEN")) {
            return new DatabaseConnectionException(ConnectionErrorCode.DATABASE_DOES_NOT_EXIST,
                    "Can't open SQLite database " + url.file() + ": " + firstLine(m));
        }
        if (m.contains("SQLITE_NOTADB")) {
            return new DatabaseConnectionException(ConnectionErrorCode.OTHER, url.file() + " is not a SQLite database");
        }
        return null;
    }

    static DatabaseConnectionException cantReach(DatabaseUrl url, String cause) {
        return new DatabaseConnectionException(ConnectionErrorCode.CANT_REACH,
                "Can't reach database server at " + url.address() + ": " + cause);
    }

    static DatabaseConnectionException timedOut(DatabaseUrl url) {
        return new DatabaseConnectionException(ConnectionErrorCode.TIMED_OUT, "The database server at " + url.address()
                + " was reached but did not answer within " + secondsText(url.connectTimeout()));
    }

    static DatabaseConnectionException databaseMissing(DatabaseUrl url, String database) {
        return new DatabaseConnectionException(ConnectionErrorCode.DATABASE_DOES_NOT_EXIST,
                "Database '" + database + "' does not exist at " + url.address());
    }

    private static DatabaseConnectionException authenticationFailed(DatabaseUrl url, String serverText) {
        String who = url.user() != null ? "user '" + url.user() + "'" : "the default user (the URL names none)";
        return new DatabaseConnectionException(ConnectionErrorCode.AUTHENTICATION_FAILED,
                "Authentication failed for " + who + " at " + url.address() + (serverText != null ? ": " + serverText : ""));
    }

    private static DatabaseConnectionException accessDenied(DatabaseUrl url) {
        return new DatabaseConnectionException(ConnectionErrorCode.ACCESS_DENIED,
                "User '" + url.user() + "' was denied access to database '" + url.database() + "' at " + url.address());
    }

    private static String where(DatabaseUrl url) {
        if (url.scheme() == DatabaseUrl.Scheme.SQLITE) return "Can't open SQLite database " + url.file();
        return url.database() != null
                ? "Can't connect to database '" + url.database() + "' at " + url.address()
                : "Can't connect to " + url.address();
    }

    private static SQLException firstSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) if (c instanceof SQLException s) return s;
        return null;
    }

    private static String serverText(SQLException e, DatabaseUrl url) {
        String m = firstLine(clean(String.valueOf(e.getMessage()), url));
        // PostgreSQL prefixes its severity; it adds nothing for a reader.
        return m.replaceFirst("^(FATAL|ERROR):\\s*", "");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String secondsText(Duration d) { return d.toSeconds() + " s"; }

    /**
     * Removes the password from a driver's text. Passwords shorter than four characters are left alone: replacing
     * them would garble ordinary words, and drivers do not quote passwords in their messages anyway.
     */
    static String clean(String text, DatabaseUrl url) {
        if (text == null) return "";
        String p = url.password();
        if (p == null || p.length() < 4) return text;
        String out = text.replace(p, "****");
        String encoded = java.net.URLEncoder.encode(p, java.nio.charset.StandardCharsets.UTF_8);
        return encoded.equals(p) ? out : out.replace(encoded, "****");
    }
}
