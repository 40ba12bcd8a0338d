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
}
