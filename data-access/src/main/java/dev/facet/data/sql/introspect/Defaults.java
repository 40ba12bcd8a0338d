package dev.facet.data.sql.introspect;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a column's SQL default into what Prisma writes inside {@code @default(...)}. */
final class Defaults {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private Defaults() {}

    /**
     * @param sql  the default as the catalog gives it, e.g. {@code 'it''s me'}, {@code 42}, {@code CURRENT_TIMESTAMP}; null for none
     * @param type the column's Prisma type
     * @return Prisma's default text, or null
     */
    static String sqlLiteral(String sql, String type) {
        if (sql == null) return null;
        String s = sql.trim();
        while (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).trim();
        if (s.equalsIgnoreCase("NULL")) return null;
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("CURRENT_TIMESTAMP") || upper.startsWith("CURRENT_TIMESTAMP(") || upper.equals("NOW()")) {
            return type.equals("DateTime") ? "now()" : dbGenerated(s);
        }
        String text = s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1).replace("''", "'") : null;
        String value = text != null ? text : s;
        return switch (type) {
            case "String", "Json", "DateTime", "Bytes" -> text != null ? quote(text) : dbGenerated(s);
            case "Boolean" -> switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "1" -> "true";
                case "false", "0" -> "false";
                default -> dbGenerated(s);
            };
            case "Int", "BigInt", "Float", "Decimal" -> NUMBER.matcher(value).matches() ? value : dbGenerated(s);
            default -> type.startsWith("Unsupported") ? dbGenerated(s) : text != null ? text : dbGenerated(s);
        };
    }

    /** @return {@code dbgenerated("expr")} */
    static String dbGenerated(String expression) { return "dbgenerated(" + quote(expression) + ")"; }

    /** @return a Prisma string literal */
    static String quote(String text) { return "\"" + escape(text) + "\""; }

    /** @return the text escaped for a Prisma string literal */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
