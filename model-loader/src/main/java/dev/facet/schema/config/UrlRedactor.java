package dev.facet.schema.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks passwords in connection URLs before they reach a message, a log or the screen:
 * {@code postgresql://user:secret@host/db} becomes {@code postgresql://user:****@host/db}, and
 * {@code password=} / {@code pwd=} parameters (SQL Server style {@code ;password=...}, or query
 * parameters) are masked too.
 *
 * <p>When a URL is ambiguous (a password holding an unescaped {@code /} or {@code @}) it masks too much
 * rather than too little.
 */
public final class UrlRedactor {
    /** What replaces a password. */
    public static final String MASK = "****";

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;](?:[a-z0-9_]*password|pwd|pass)=)[^&;#\\s]*");

    private UrlRedactor() {}

    /**
     * @param text a URL, or any text holding URLs (each {@code scheme://...} run up to white space or a
     *             quote is treated as one URL); null gives null
     * @return the text with every URL password masked; text without credentials comes back unchanged
     */
    public static String redact(String text) {
        if (text == null) return null;
        Matcher scheme = SCHEME.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        while (scheme.find(pos)) {
            int restStart = scheme.end();
            int end = restStart;
            while (end < text.length() && !endsUrl(text.charAt(end))) end++;
            out.append(text, pos, restStart).append(redactAfterScheme(text.substring(restStart, end)));
            pos = end;
        }
        return out.append(text, pos, text.length()).toString();
    }

    private static boolean endsUrl(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>';
    }

    /** @param rest what follows {@code scheme://}: authority, path, query */
    private static String redactAfterScheme(String rest) {
        int authorityEnd = indexOfAny(rest, "/?#;", 0);
        String authority = rest.substring(0, authorityEnd);
        int at = authority.lastIndexOf('@');
        String masked = rest;
        if (at >= 0) {
            int colon = authority.indexOf(':');
            if (colon >= 0 && colon < at - 1) masked = rest.substring(0, colon + 1) + MASK + rest.substring(at);
        } else {
            // No '@' in the authority: either there are no credentials, or the password holds an
            // unescaped '/', '?', '#' or ';'. A port is all digits; anything else after ':' is a password.
            int colon = authority.indexOf(':');
            int lastAt = rest.lastIndexOf('@');
            if (colon >= 0 && lastAt > colon && !isPort(rest, colon + 1)) {
                masked = rest.substring(0, colon + 1) + MASK + rest.substring(lastAt);
            }
        }
        return PASSWORD_PARAM.matcher(masked).replaceAll("$1" + MASK);
    }

    private static boolean isPort(String rest, int from) {
        int end = indexOfAny(rest, "/?#;", from);
        if (end == from) return false;
        for (int i = from; i < end; i++) if (!Character.isDigit(rest.charAt(i))) return false;
        return true;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
        return s.length();
    }
}
