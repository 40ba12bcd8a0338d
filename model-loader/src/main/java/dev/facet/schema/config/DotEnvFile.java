package dev.facet.schema.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code .env} file, read the way the {@code dotenv} package (which Prisma uses) reads one:
 *
 * <ul>
 *   <li>{@code KEY=VALUE} or {@code KEY: VALUE} lines, optionally prefixed with {@code export}; keys are
 *       letters, digits, {@code _}, {@code .} and {@code -}; lines that are not assignments are skipped;
 *       a later assignment of a key wins;
 *   <li>values in single, double or backtick quotes may span lines; in double quotes {@code \n} and
 *       {@code \r} become line breaks (no other escapes are decoded, as in dotenv);
 *   <li>a {@code #} starts a comment on its own line, after a quoted value, and anywhere in an unquoted
 *       value (dotenv ends an unquoted value at the first {@code #}, space or not: quote a value that
 *       holds one); unquoted values are trimmed;
 *   <li>CRLF or CR line ends and a leading byte order mark are accepted.
 * </ul>
 *
 * <p>Then variable references are expanded (see {@link Expansion}). A reference is looked up in the
 * environment first, then in this file (expanded in turn), as both dotenv-expand and Prisma's copy of
 * it do ("process.env value wins over .env file's value"); an unknown name expands to the empty string.
 * {@link #values()} holds what the file itself says: a key that is also set in the environment keeps the
 * file's value here, and callers decide which wins.
 */
public final class DotEnvFile {
    /** How {@code $} references in values are expanded. */
    public enum Expansion {
        /** No expansion: values as written. */
        NONE,
        /**
         * Prisma's rule (its own copy of dotenv-expand, {@code packages/internals/src/dotenvExpand.ts}):
         * only {@code ${NAME}} is expanded and {@code \${NAME}} stays literal, so a {@code $} inside a
         * password is kept. Facet uses this to resolve connection URLs.
         */
        PRISMA,
        /**
         * dotenv-expand's rule: {@code ${NAME}}, {@code $NAME}, and defaults {@code ${NAME:-default}} /
         * {@code ${NAME-default}} (used when the name is unset or empty); {@code \$} gives a literal
         * {@code $}.
         */
        DOTENV_EXPAND
    }

    private final Map<String, String> values;

    private DotEnvFile(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * @param text        the file's text
     * @param environment the process environment, for references (not copied into the result)
     * @param expansion   how to expand references
     * @return the file's assignments, in file order, expanded
     */
    public static DotEnvFile parse(String text, Map<String, String> environment, Expansion expansion) {
        Objects.requireNonNull(environment, "environment");
        Map<String, String> raw = parseRaw(text);
        if (expansion == Expansion.NONE) return new DotEnvFile(raw);
        return new DotEnvFile(new Expander(raw, environment, expansion).expandAll());
    }

    /**
     * @param file        the {@code .env} file (UTF-8)
     * @param environment the process environment, for references
     * @param expansion   how to expand references
     * @return the parsed file
     * @throws IOException when the file cannot be read (absent, a folder, not UTF-8, ...)
     */
    public static DotEnvFile read(Path file, Map<String, String> environment, Expansion expansion) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), environment, expansion);
    }

    /** @return the value of {@code key}, if the file assigns it */
    public Optional<String> get(String key) { return Optional.ofNullable(values.get(key)); }

    /** @return every assignment in file order (unmodifiable) */
    public Map<String, String> values() { return values; }

    // ---- parsing ----

    private static Map<String, String> parseRaw(String input) {
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        Map<String, String> out = new LinkedHashMap<>();
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int lineEnd = lineEnd(text, pos);
            int i = skipBlanks(text, pos, lineEnd);
            if (text.startsWith("export", i) && i + 6 < lineEnd && isBlank(text.charAt(i + 6))) {
                i = skipBlanks(text, i + 6, lineEnd);
            }
            int keyStart = i;
            while (i < lineEnd && isKeyChar(text.charAt(i))) i++;
            String key = text.substring(keyStart, i);
            i = skipBlanks(text, i, lineEnd);
            boolean assignment = !key.isEmpty() && i < lineEnd
                    && (text.charAt(i) == '=' || (text.charAt(i) == ':' && i + 1 < lineEnd && isBlank(text.charAt(i + 1))));
            if (!assignment) {
                pos = lineEnd + 1;
                continue;
            }
            i = skipBlanks(text, i + 1, lineEnd);
            char quote = i < lineEnd ? text.charAt(i) : 0;
            int close = quote == '"' || quote == '\'' || quote == '`' ? closingQuote(text, i + 1, quote) : -1;
            if (close >= 0 && restIsComment(text, close + 1)) {
                String value = text.substring(i + 1, close);
                if (quote == '"') value = value.replace("\\n", "\n").replace("\\r", "\r");
                out.put(key, value);
                pos = lineEnd(text, close) + 1;
            } else {
                // Unquoted, or a quote that does not close cleanly: dotenv then takes the line as written.
                int valueEnd = text.indexOf('#', i);
                if (valueEnd < 0 || valueEnd > lineEnd) valueEnd = lineEnd;
                out.put(key, text.substring(i, valueEnd).strip());
                pos = lineEnd + 1;
            }
        }
        return out;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static int skipBlanks(String text, int i, int end) {
        while (i < end && isBlank(text.charAt(i))) i++;
        return i;
    }

    private static boolean isBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\u000B'; }

    private static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    }

    /** A backslash-quote does not close the value (dotenv's grammar); the backslash stays in the value. */
    private static int closingQuote(String text, int from, char quote) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) i++;
            else if (c == quote) return i;
        }
        return -1;
    }

    private static boolean restIsComment(String text, int from) {
        int end = lineEnd(text, from);
        int i = skipBlanks(text, from, end);
        return i == end || text.charAt(i) == '#';
    }

    // ---- expansion ----

    private static final class Expander {
        private final Map<String, String> raw;
        private final Map<String, String> environment;
        private final Expansion mode;
        private final Map<String, String> done = new LinkedHashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Expander(Map<String, String> raw, Map<String, String> environment, Expansion mode) {
            this.raw = raw;
            this.environment = environment;
            this.mode = mode;
        }

        Map<String, String> expandAll() {
            Map<String, String> out = new LinkedHashMap<>();
            for (String key : raw.keySet()) out.put(key, expandKey(key));
            return out;
        }

        private String expandKey(String key) {
            String known = done.get(key);
            if (known != null) return known;
            // A cycle (A=${B}, B=${A}) has no value: it expands to nothing rather than looping.
            if (!inProgress.add(key)) return "";
            String value = interpolate(raw.get(key));
            inProgress.remove(key);
            done.put(key, value);
            return value;
        }

        /** @return the referenced value, or null when unset (dotenv-expand also treats empty as unset) */
        private String lookup(String name) {
            String env = environment.get(name);
            if (env != null && (mode == Expansion.PRISMA || !env.isEmpty())) return env;
            if (!raw.containsKey(name)) return null;
            String value = expandKey(name);
            return mode == Expansion.DOTENV_EXPAND && value.isEmpty() ? null : value;
        }

        private String interpolate(String value) {
            StringBuilder out = new StringBuilder(value.length());
            int i = 0;
            while (i < value.length()) {
                char c = value.charAt(i);
                if (c == '\\' && value.startsWith("$", i + 1)) {
                    if (mode == Expansion.DOTENV_EXPAND) {
                        out.append('$');
                        i += 2;
                    } else if (value.startsWith("${", i + 1) && bracedEnd(value, i + 1) > 0) {
                        int end = bracedEnd(value, i + 1);
                        out.append(value, i + 1, end + 1);
                        i = end + 1;
                    } else {
                        out.append(c);
                        i++;
                    }
                } else if (c == '$' && value.startsWith("{", i + 1) && bracedEnd(value, i) > 0) {
                    int end = bracedEnd(value, i);
                    String replaced = braced(value.substring(i + 2, end));
                    out.append(replaced != null ? replaced : value.substring(i, end + 1));
                    i = end + 1;
                } else if (c == '$' && mode == Expansion.DOTENV_EXPAND && i + 1 < value.length() && isNameChar(value.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < value.length() && isNameChar(value.charAt(end))) end++;
                    String found = lookup(value.substring(i + 1, end));
                    out.append(found != null ? found : "");
                    i = end;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        /** @return the replacement for {@code ${inner}}, or null to keep it as written */
        private String braced(String inner) {
            int nameEnd = 0;
            while (nameEnd < inner.length() && isNameChar(inner.charAt(nameEnd))) nameEnd++;
            if (nameEnd == 0) return null;
            String name = inner.substring(0, nameEnd);
            String rest = inner.substring(nameEnd);
            if (mode == Expansion.PRISMA) {
                if (!rest.isEmpty()) return null;
                String found = lookup(name);
                return found != null ? found : "";
            }
            String fallback;
            if (rest.isEmpty()) fallback = "";
            else if (rest.startsWith(":-")) fallback = rest.substring(2);
            else if (rest.startsWith("-")) fallback = rest.substring(1);
            else return null;
            String found = lookup(name);
            return found != null ? found : interpolate(fallback);
        }

        /** @return the index of the brace closing {@code ${} at {@code dollar}, counting nested braces; -1 if none */
        private static int bracedEnd(String value, int dollar) {
            int depth = 0;
            for (int i = dollar + 1; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '{') depth++;
                else if (c == '}' && --depth == 0) return i;
            }
            return -1;
        }

        private static boolean isNameChar(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
    }
}
