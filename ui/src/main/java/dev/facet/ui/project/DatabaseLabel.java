package dev.facet.ui.project;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A short name for a database, for the window title and the recent list: {@code demo.db}, {@code shop on db:5432}. */
public final class DatabaseLabel {
    private static final Pattern SERVER_URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/]*@)?([^/?#;]+)(?:/([^?#;]*))?.*$");

    private DatabaseLabel() {}

    /**
     * @param maskedUrl a connection URL with its password already masked
     * @return the SQLite file name, or the database name and server, or the URL itself when it has neither
     */
    public static String of(String maskedUrl) {
        if (maskedUrl == null || maskedUrl.isBlank()) return "";
        String url = maskedUrl.strip();
        if (url.startsWith("file:")) {
            String path = url.substring("file:".length());
            int query = path.indexOf('?');
            if (query >= 0) path = path.substring(0, query);
            int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
            return slash >= 0 ? path.substring(slash + 1) : path;
        }
        Matcher m = SERVER_URL.matcher(url);
        if (!m.matches()) return url;
        String host = m.group(1);
        String database = m.group(2);
        return database == null || database.isEmpty() ? host : database + " on " + host;
    }

    /**
     * @param maskedUrl a connection URL (password masked or not)
     * @return whether the database is on this machine: a SQLite file, or a server on localhost or a loopback address;
     *         a URL that names no host counts as local
     */
    public static boolean isLocal(String maskedUrl) {
        if (maskedUrl == null || maskedUrl.isBlank() || maskedUrl.strip().startsWith("file:")) return true;
        Matcher m = SERVER_URL.matcher(maskedUrl.strip());
        if (!m.matches()) return true;
        for (String hostPort : m.group(1).split(",")) {
            String host = hostPort.startsWith("[") ? hostPort.substring(1, Math.max(1, hostPort.indexOf(']')))
                    : hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
            host = host.toLowerCase(java.util.Locale.ROOT);
            if (!(host.isEmpty() || host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("0.0.0.0"))) return false;
        }
        return true;
    }
}
