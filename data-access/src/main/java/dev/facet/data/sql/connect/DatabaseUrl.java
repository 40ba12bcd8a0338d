package dev.facet.data.sql.connect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A database connection URL as users write it for Prisma, in {@code .env} or a datasource block:
 * {@code postgresql://} or {@code postgres://} (PostgreSQL and CockroachDB), {@code mysql://} (MySQL and MariaDB)
 * and {@code file:} (SQLite).
 *
 * <p>User name, password and database name are percent-decoded. The query arguments Facet understands are
 * {@code schema} (PostgreSQL search path, default {@code public}), {@code sslmode}, {@code sslaccept},
 * {@code sslcert}, {@code connection_limit}, {@code connect_timeout} (seconds, default 5), {@code pool_timeout}
 * (seconds, default 10), {@code socket_timeout} (seconds) and {@code pgbouncer}; other arguments are kept but
 * ignored. A relative SQLite path resolves against the folder of the schema file, as Prisma does.
 *
 * <p>The password never leaves this object in text form except through {@link #password()}: {@link #toString()}
 * and {@link #masked()} print {@code ****} in its place.
 */
public final class DatabaseUrl {
    /** The kind of database a URL points at, from its scheme. */
    public enum Scheme {
        /** {@code postgresql://} or {@code postgres://}: PostgreSQL, or CockroachDB with that provider. */
        POSTGRESQL(5432),
        /** {@code mysql://}: MySQL or MariaDB. */
        MYSQL(3306),
        /** {@code file:}: a SQLite database file. */
        SQLITE(0);

        private final int defaultPort;

        Scheme(int defaultPort) { this.defaultPort = defaultPort; }

        /** @return the port used when the URL gives none (0 for SQLite) */
        public int defaultPort() { return defaultPort; }
    }

    /** Prisma's default {@code connect_timeout}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Prisma's default {@code pool_timeout}. */
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(10);

    private static final String MASK = "****";

    private final Scheme scheme;
    private final String schemeText;
    private final String host;
    private final Integer explicitPort;
    private final String user;
    private final String password;
    private final String database;
    private final Path file;
    private final String fileText;
    private final Map<String, String> arguments;
    private final Path baseDirectory;

    private DatabaseUrl(Scheme scheme, String schemeText, String host, Integer explicitPort, String user, String password,
                        String database, Path file, String fileText, Map<String, String> arguments, Path baseDirectory) {
        this.scheme = scheme;
        this.schemeText = schemeText;
        this.host = host;
        this.explicitPort = explicitPort;
        this.user = user;
        this.password = password;
        this.database = database;
        this.file = file;
        this.fileText = fileText;
        this.arguments = Collections.unmodifiableMap(arguments);
        this.baseDirectory = baseDirectory;
    }

    /**
     * Parses a Prisma-style URL.
     *
     * @param url           the URL as written
     * @param baseDirectory the folder relative SQLite paths and certificate paths resolve against (the schema
     *                      file's folder); null for the working directory
     * @return the parsed URL
     * @throws DatabaseConnectionException with code {@code P1013} when the URL is not one Facet can use; the message
     *                                     never contains the password
     */
    public static DatabaseUrl parse(String url, Path baseDirectory) {
        if (url == null || url.isBlank()) throw invalid("the URL is empty");
        String text = url.strip();
        Path base = baseDirectory != null ? baseDirectory : Path.of("");
        if (text.regionMatches(true, 0, "file:", 0, 5)) return parseFile(text, base);
        int sep = text.indexOf("://");
        if (sep <= 0) throw invalid("it must start with postgresql://, postgres://, mysql:// or file:");
        String schemeText = text.substring(0, sep);
        Scheme scheme = switch (schemeText.toLowerCase(Locale.ROOT)) {
            case "postgresql", "postgres" -> Scheme.POSTGRESQL;
            case "mysql" -> Scheme.MYSQL;
            case "prisma", "prisma+postgres" ->
                    throw invalid("Prisma Accelerate URLs (" + schemeText + "://) are not supported; use the database's direct URL");
            default -> throw invalid("the scheme " + schemeText + ":// is not supported; use postgresql://, postgres://, mysql:// or file:");
        };
        String rest = text.substring(sep + 3);
        int fragment = rest.indexOf('#');
        if (fragment >= 0) rest = rest.substring(0, fragment);
        int authorityEnd = indexOfAny(rest, "/?");
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String afterAuthority = authorityEnd < 0 ? "" : rest.substring(authorityEnd);

        // The last '@' ends the user info, so an unencoded '@' in a password still parses.
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        String hostPort = authority;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon), false);
            password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1), false);
            if (user.isEmpty()) user = null;
        }

        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw invalid("the IPv6 host is missing its closing ']'");
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) portText = after.substring(1);
            else if (!after.isEmpty()) throw invalid("unexpected text after the host");
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (colon >= 0) portText = hostPort.substring(colon + 1);
            host = percentDecode(host, false);
        }
        if (host.isEmpty()) throw invalid("the host is missing");
        checkHost(host, hostPort.startsWith("["));
        Integer port = null;
        if (portText != null && !portText.isEmpty()) {
            port = parsePort(portText);
        }

        String path = afterAuthority;
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        String database = path.startsWith("/") ? percentDecode(path.substring(1), false) : percentDecode(path, false);
        if (database.isEmpty()) database = null;
        Map<String, String> args = parseQuery(query);
        checkNumbers(args);
        return new DatabaseUrl(scheme, schemeText, host, port, user, password, database, null, null, args, base);
    }

    private static DatabaseUrl parseFile(String text, Path base) {
        String rest = text.substring(5);
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        // file:///abs/path and file://localhost/abs/path are URI forms of an absolute path.
        if (rest.startsWith("//")) {
            String afterSlashes = rest.substring(2);
            int slash = afterSlashes.indexOf('/');
            if (slash < 0) throw invalid("the SQLite file path is missing");
            rest = afterSlashes.substring(slash);
        }
        if (rest.isEmpty()) throw invalid("the SQLite file path is missing");
        Path file;
        try {
            Path p = Path.of(rest);
            file = (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid("the SQLite file path is not valid: " + e.getReason());
        }
        Map<String, String> args = parseQuery(query);
        checkNumbers(args);
        return new DatabaseUrl(Scheme.SQLITE, "file", null, null, null, null, null, file, rest, args, base);
    }

    /**
     * A host name is letters, digits, dots, hyphens and underscores; an IPv6 address (in brackets) hex digits, colons
     * and dots. Anything else ({@code ::} without brackets, spaces, a stray {@code @}) is a mistake in the URL, never
     * an address to send credentials to.
     */
    private static void checkHost(String host, boolean bracketed) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = bracketed
                    ? Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%'
                    : Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
            if (!ok) {
                throw invalid(c == ':' && !bracketed ? "the host '" + host + "' is not valid (an IPv6 address goes in brackets: [::1])"
                        : "the host '" + host + "' is not valid");
            }
        }
        if (bracketed && host.indexOf(':') < 0) throw invalid("the host '[" + host + "]' is not an IPv6 address");
    }

    private static int parsePort(String text) {
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) throw invalid("the port '" + text + "' is not a number");
        try {
            int port = Integer.parseInt(text);
            if (port <= 0 || port > 65535) throw invalid("the port " + text + " is out of range");
            return port;
        } catch (NumberFormatException e) {
            throw invalid("the port '" + text + "' is not a number");
        }
    }

    private static void checkNumbers(Map<String, String> args) {
        for (String name : new String[] {"connection_limit", "connect_timeout", "pool_timeout", "socket_timeout"}) {
            String v = args.get(name);
            if (v == null) continue;
            try {
                if (Long.parseLong(v.strip()) < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw invalid("the argument " + name + "=" + v + " must be a whole number of "
                        + (name.equals("connection_limit") ? "connections" : "seconds"));
            }
        }
        String limit = args.get("connection_limit");
        if (limit != null && Long.parseLong(limit.strip()) == 0) throw invalid("connection_limit must be at least 1");
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> args = new LinkedHashMap<>();
        if (query.isEmpty()) return args;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = percentDecode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : percentDecode(pair.substring(eq + 1), true);
            args.put(name, value);
        }
        return args;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }

    /** Decodes %XX escapes as UTF-8; a malformed escape stays as written, like Prisma's URL parser. */
    static String percentDecode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) return s;
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else if (b == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    private static DatabaseConnectionException invalid(String detail) {
        return new DatabaseConnectionException(ConnectionErrorCode.INVALID_URL, "Invalid database URL: " + detail + ".");
    }

    /** @return the kind of database, from the scheme */
    public Scheme scheme() { return scheme; }

    /** @return the host name or address (without IPv6 brackets); null for SQLite */
    public String host() { return host; }

    /** @return the port: the one in the URL, else the scheme's default; 0 for SQLite */
    public int port() { return explicitPort != null ? explicitPort : scheme.defaultPort(); }

    /** @return the user name, or null when the URL has none */
    public String user() { return user; }

    /**
     * @return the password, or null when the URL has none. Hand it only to a driver: never print or log it.
     */
    public String password() { return password; }

    /** @return the database name, or null when the URL has none; null for SQLite */
    public String database() { return database; }

    /**
     * @param other the database to name instead, or null for none (the server's default)
     * @return this server URL with another database, the same user, password and arguments: to reach a server whose
     *         database does not exist yet (creating it)
     */
    public DatabaseUrl withDatabase(String other) {
        if (scheme == Scheme.SQLITE) throw new IllegalStateException("A SQLite URL names a file, not a database");
        return new DatabaseUrl(scheme, schemeText, host, explicitPort, user, password, other, null, null, arguments, baseDirectory);
    }

    /** @return the absolute path of the SQLite database file, or null for a server URL */
    public Path file() { return file; }

    /** @return every query argument as written (decoded), in order */
    public Map<String, String> arguments() { return arguments; }

    /** @return the query argument with this name, or null */
    public String argument(String name) { return arguments.get(name); }

    /** @return the PostgreSQL schema ({@code ?schema=}), {@code public} by default; null for other databases */
    public String schema() {
        if (scheme != Scheme.POSTGRESQL) return null;
        String s = arguments.get("schema");
        return s == null || s.isBlank() ? "public" : s;
    }

    /** @return {@code connection_limit}, if given */
    public OptionalInt connectionLimit() {
        String v = arguments.get("connection_limit");
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v.strip()));
    }

    /** @return {@code connect_timeout} (5 s by default); zero means no limit */
    public Duration connectTimeout() { return seconds("connect_timeout", DEFAULT_CONNECT_TIMEOUT); }

    /** @return {@code pool_timeout} (10 s by default); zero means no limit */
    public Duration poolTimeout() { return seconds("pool_timeout", DEFAULT_POOL_TIMEOUT); }

    /** @return {@code socket_timeout}; zero (the default) means no limit */
    public Duration socketTimeout() { return seconds("socket_timeout", Duration.ZERO); }

    private Duration seconds(String name, Duration fallback) {
        String v = arguments.get(name);
        return v == null ? fallback : Duration.ofSeconds(Long.parseLong(v.strip()));
    }

    /** @return the folder relative paths in this URL resolve against */
    public Path baseDirectory() { return baseDirectory; }

    /** @return {@code host:port}, with brackets around an IPv6 address; the file path for SQLite */
    public String address() {
        if (scheme == Scheme.SQLITE) return file.toString();
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return h + ":" + port();
    }

    /**
     * @return the URL with the password replaced by {@code ****}, e.g. {@code postgresql://user:****@host:5432/db},
     *         safe for messages and logs
     */
    public String masked() {
        if (scheme == Scheme.SQLITE) return "file:" + fileText + queryText();
        StringBuilder sb = new StringBuilder(schemeText).append("://");
        if (user != null) {
            sb.append(user);
            if (password != null) sb.append(':').append(MASK);
            sb.append('@');
        } else if (password != null) {
            sb.append(':').append(MASK).append('@');
        }
        sb.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (explicitPort != null) sb.append(':').append(explicitPort);
        if (database != null) sb.append('/').append(database);
        return sb.append(queryText()).toString();
    }

    private String queryText() {
        if (arguments.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (var e : arguments.entrySet()) {
            sb.append(sb.isEmpty() ? '?' : '&').append(e.getKey());
            // Some drivers accept credentials as arguments; never echo those either.
            String value = e.getKey().toLowerCase(Locale.ROOT).contains("password") ? MASK : e.getValue();
            if (!value.isEmpty()) sb.append('=').append(value);
        }
        return sb.toString();
    }

    /** @return the same as {@link #masked()}: the password is never printed */
    @Override
    public String toString() { return masked(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseUrl u && scheme == u.scheme && Objects.equals(host, u.host) && port() == u.port()
                && Objects.equals(user, u.user) && Objects.equals(password, u.password) && Objects.equals(database, u.database)
                && Objects.equals(file, u.file) && arguments.equals(u.arguments);
    }

    @Override
    public int hashCode() { return Objects.hash(scheme, host, port(), user, database, file, arguments); }
}
