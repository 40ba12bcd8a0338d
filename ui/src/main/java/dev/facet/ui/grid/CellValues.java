package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts cell values between Prisma's JSON encoding (as the query engine reads and writes them) and
 * the text a person reads and types. Parsing is strict: a value that does not fit its field is refused
 * with the reason, and exact types (BigInt, Decimal) keep the digits as typed.
 */
public final class CellValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter PRISMA = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);
    private static final int SHORT_TEXT = 200;

    /** How Bytes are written as text. */
    public enum BytesFormat { HEX, BASE64 }

    /** A typed value that does not fit its field; the message says why, for the person who typed it. */
    public static final class Refused extends RuntimeException {
        /** @param reason why the value does not fit */
        public Refused(String reason) { super(reason, null, false, false); }
    }

    private CellValues() {}

    // ---------------------------------------------------------------- showing

    /**
     * The one-line text a cell shows for a value (NULL is shown by the cell itself, not here).
     *
     * @param column the column
     * @param value  the value as the engine returns it, not null
     * @param zone   the zone DateTime values are shown in
     */
    public static String display(GridColumn column, JsonNode value, ZoneId zone) {
        if (ObjectIds.is(column)) return ObjectIds.display(value);
        if (column.kind() == GridColumn.Kind.COMPOSITE) return oneLine(Composites.summary(value));
        if (value.isArray()) return JsonCodec.write(value);
        if (column.kind() == GridColumn.Kind.ENUM) return value.asText();
        ScalarType type = column.scalarType();
        if (type == null) return value.isTextual() ? value.asText() : JsonCodec.write(value);
        return switch (type) {
            case STRING -> oneLine(value.asText());
            case DATE_TIME -> dateTime(value.asText(), zone);
            case FLOAT -> floatText(value);
            case DECIMAL -> decimalText(column, value);
            case BYTES -> bytesPreview(value.asText());
            case JSON -> oneLine(JsonCodec.write(value));
            default -> value.asText();
        };
    }

    /**
     * The full text an editor starts with: exact, so that saving it unchanged changes nothing.
     *
     * @param column the column
     * @param value  the value, or null/NullNode for NULL (gives an empty text)
     * @param zone   the zone DateTime values are shown in
     */
    public static String editText(GridColumn column, JsonNode value, ZoneId zone) {
        if (value == null || value.isNull()) return "";
        if (value.isArray()) return JsonCodec.write(value);
        if (column.kind() == GridColumn.Kind.ENUM) return value.asText();
        ScalarType type = column.scalarType();
        if (type == null) return value.isTextual() ? value.asText() : JsonCodec.write(value);
        return switch (type) {
            case DATE_TIME -> dateTime(value.asText(), zone);
            case FLOAT -> floatText(value);
            case BYTES -> bytesText(value.asText(), BytesFormat.HEX);
            case JSON -> pretty(value);
            default -> value.asText();
        };
    }

    /** @return JSON text indented for reading */
    public static String pretty(JsonNode value) {
        try {
            return JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JsonCodec.write(value);
        }
    }

    private static String oneLine(String s) {
        String flat = s.replace("\r\n", "\n").replace('\r', '\n').replace("\n", " ⏎ ");
        return flat.length() > SHORT_TEXT ? flat.substring(0, SHORT_TEXT) + "…" : flat;
    }

    static String dateTime(String iso, ZoneId zone) {
        try {
            Instant at = prismaInstant(iso);
            ZonedDateTime t = (at != null ? at : Instant.parse(iso)).atZone(zone);
            String quick = shortDateTime(t);
            return quick != null ? quick : (t.getNano() == 0 ? SECONDS : MILLIS).format(t);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /*
     * Every DateTime cell shown while scrolling is read and written again; java.time's parser and formatter made a
     * dozen objects for each. Prisma's own form (2025-01-01T00:00:37.000Z) and the grid's are read and written here by
     * hand; anything else goes through java.time.
     */

    /** @return Prisma's {@code yyyy-MM-ddTHH:mm:ss.SSSZ} read by hand, or null when {@code s} is in another form */
    private static Instant prismaInstant(String s) {
        if (s.length() != 24 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
            || s.charAt(16) != ':' || s.charAt(19) != '.' || s.charAt(23) != 'Z') return null;
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2), millis = digits(s, 20, 3);
        if ((year | month | day | hour | minute | second | millis) < 0) return null;
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** @return as SECONDS or MILLIS write {@code t}, for years 1 to 9999 and whole milliseconds; else null */
    private static String shortDateTime(ZonedDateTime t) {
        int nano = t.getNano();
        // From year 1: the pattern's yyyy is the year of the era, so the year 0 is written 0001 (1 BC).
        if (t.getYear() < 1 || t.getYear() > 9999 || nano % 1_000_000 != 0) return null;
        StringBuilder sb = new StringBuilder(23);
        pad(sb, t.getYear(), 4).append('-');
        pad(sb, t.getMonthValue(), 2).append('-');
        pad(sb, t.getDayOfMonth(), 2).append(' ');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        if (nano != 0) pad(sb.append('.'), nano / 1_000_000, 3);
        return sb.toString();
    }

    /** Appends {@code n} (0 to 9999) with leading zeros up to {@code width} digits (2 to 4). */
    private static StringBuilder pad(StringBuilder sb, int n, int width) {
        if (width >= 4 && n < 1000) sb.append('0');
        if (width >= 3 && n < 100) sb.append('0');
        if (n < 10) sb.append('0');
        return sb.append(n);
    }

    private static String floatText(JsonNode value) {
        if (!value.isNumber()) return value.asText();
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        // Shortest text that reads back as the same double, without exponent notation.
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /**
     * A Decimal shows the scale its column declares ({@code 1234.50} in a {@code Decimal(10,2)}), as the database
     * stores it; the value read back may have lost its trailing zeros.
     */
    private static String decimalText(GridColumn column, JsonNode value) {
        String text = value.asText();
        NativeType nt = column.scalar() == null ? null : column.scalar().nativeType();
        if (nt == null || !nt.name().equals("Decimal") || nt.arguments().size() < 2) return text;
        try {
            int scale = Integer.parseInt(nt.arguments().get(1).strip());
            BigDecimal v = new BigDecimal(text);
            return v.scale() < scale ? v.setScale(scale).toPlainString() : text;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /**
     * The type a column header shows: the native type where the schema gives one ({@code VarChar(40)},
     * {@code Decimal(10,2)}), as Prisma Studio does, with the field's {@code ?} or {@code []}; else the schema's type.
     */
    static String headerType(GridColumn column) {
        NativeType nt = column.kind() == GridColumn.Kind.SCALAR && column.scalar() != null ? column.scalar().nativeType() : null;
        if (nt == null) return column.typeLabel();
        String label = column.typeLabel();
        String arity = label.endsWith("[]") ? "[]" : label.endsWith("?") ? "?" : "";
        String args = nt.arguments().stream().map(String::strip).reduce((a, b) -> a + "," + b).orElse(null);
        return nt.name() + (args == null ? "" : "(" + args + ")") + arity;
    }

    private static String bytesPreview(String base64) {
        byte[] bytes = decodeBase64(base64);
        if (bytes == null) return base64;
        int shown = Math.min(bytes.length, 12);
        String hex = HexFormat.of().formatHex(bytes, 0, shown);
        return "0x" + hex + (bytes.length > shown ? "…" : "") + " (" + size(bytes.length) + ")";
    }

    /** @return a byte count for people: {@code 12 bytes}, {@code 3.4 KB} */
    public static String size(long n) {
        if (n < 1024) return n + (n == 1 ? " byte" : " bytes");
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    /** @return Bytes (base64 as the engine returns them) as hex ({@code 0x…}) or base64 text */
    public static String bytesText(String base64, BytesFormat format) {
        byte[] bytes = decodeBase64(base64);
        if (bytes == null) return base64;
        return format == BytesFormat.HEX ? "0x" + HexFormat.of().formatHex(bytes) : Base64.getEncoder().encodeToString(bytes);
    }

    /** @return the bytes of a base64 value, or null when it is not base64 */
    public static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- typing

    /**
     * Parses what was typed into a value for the column, as the engine takes it: numbers for Int and
     * Float, exact strings for BigInt and Decimal, ISO-8601 UTC for DateTime, base64 for Bytes.
     *
     * @param column the column (scalar or enum, single value or list)
     * @param text   what was typed
     * @param zone   the zone a DateTime without an offset is read in
     * @return the value, never a JSON null: NULL is chosen explicitly, not typed
     * @throws Refused when the text does not fit the column's type
     */
    public static JsonNode parse(GridColumn column, String text, ZoneId zone) {
        if (!column.editable()) throw new Refused(column.name() + " is read-only");
        if (column.isList()) return parseList(column, text, zone);
        return parseOne(column, text, zone);
    }

    /**
     * Parses one item of a scalar or enum list column, with the checks a single value of its type gets.
     *
     * @param column the list column
     * @param text   what was typed for the item
     * @param zone   the zone a DateTime without an offset is read in
     * @return the item's value, never a JSON null
     * @throws Refused when the text does not fit the item type
     */
    public static JsonNode parseItem(GridColumn column, String text, ZoneId zone) {
        if (!column.editable()) throw new Refused(column.name() + " is read-only");
        return parseOne(column, text, zone);
    }

    private static JsonNode parseList(GridColumn column, String text, ZoneId zone) {
        String t = text.strip();
        if (t.isEmpty()) return JSON.arrayNode();
        JsonNode array;
        try {
            array = JsonCodec.parse(t);
        } catch (IllegalArgumentException e) {
            throw new Refused("a list is written as a JSON array, such as [\"a\", \"b\"] or [1, 2]");
        }
        if (!array.isArray()) throw new Refused("a list is written as a JSON array, such as [\"a\", \"b\"] or [1, 2]");
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isNull()) throw new Refused("item " + (i + 1) + ": a list cannot hold NULL");
            if (column.scalarType() == ScalarType.JSON) {
                out.add(item);
                continue;
            }
            try {
                out.add(parseOne(column, item.isTextual() ? item.asText() : JsonCodec.write(item), zone));
            } catch (Refused r) {
                throw new Refused("item " + (i + 1) + ": " + r.getMessage());
            }
        }
        return out;
    }

    private static JsonNode parseOne(GridColumn column, String text, ZoneId zone) {
        if (column.kind() == GridColumn.Kind.ENUM) return enumValue(column.enumType(), text);
        NativeType nt = column.scalar().nativeType();
        if (ObjectIds.is(column)) return JSON.textNode(ObjectIds.parse(text));
        return switch (column.scalarType()) {
            case STRING -> string(text, nt);
            case BOOLEAN -> bool(text);
            case INT -> JSON.numberNode(integer(text, nt));
            case BIG_INT -> JSON.textNode(bigInt(text));
            case FLOAT -> JSON.numberNode(floating(text));
            case DECIMAL -> JSON.textNode(decimal(text, nt));
            case DATE_TIME -> JSON.textNode(PRISMA.format(parseDateTime(text, zone)));
            case JSON -> json(text);
            case BYTES -> JSON.textNode(Base64.getEncoder().encodeToString(parseBytes(text, null)));
        };
    }

    private static JsonNode string(String text, NativeType nt) {
        Integer max = nt != null && (nt.name().equals("VarChar") || nt.name().equals("Char") || nt.name().equals("NVarChar")
                || nt.name().equals("NChar")) && !nt.arguments().isEmpty() ? intArgument(nt, 0) : null;
        int length = text.codePointCount(0, text.length());
        if (max != null && length > max) {
            throw new Refused(length + " characters is too long for " + nt + " (at most " + max + ")");
        }
        return JSON.textNode(text);
    }

    private static JsonNode bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> JSON.booleanNode(true);
            case "false", "no", "0" -> JSON.booleanNode(false);
            default -> throw new Refused("'" + text.strip() + "' is not a Boolean: type true or false");
        };
    }

    private static BigInteger wholeNumber(String t) {
        if (t.isEmpty()) throw new Refused("type a whole number");
        if (!INTEGER.matcher(t).matches()) throw new Refused("'" + t + "' is not a whole number");
        return new BigInteger(t.startsWith("+") ? t.substring(1) : t);
    }

    private static int integer(String text, NativeType nt) {
        String t = text.strip();
        BigInteger v = wholeNumber(t);
        long min = Integer.MIN_VALUE;
        long max = Integer.MAX_VALUE;
        String range = "Int";
        if (nt != null) {
            switch (nt.name()) {
                case "SmallInt" -> { min = Short.MIN_VALUE; max = Short.MAX_VALUE; range = "SmallInt"; }
                case "TinyInt" -> { min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; range = "TinyInt"; }
                case "UnsignedTinyInt" -> { min = 0; max = 255; range = "UnsignedTinyInt"; }
                case "UnsignedSmallInt" -> { min = 0; max = 65_535; range = "UnsignedSmallInt"; }
                case "MediumInt" -> { min = -8_388_608; max = 8_388_607; range = "MediumInt"; }
                case "UnsignedMediumInt" -> { min = 0; max = 16_777_215; range = "UnsignedMediumInt"; }
                case "UnsignedInt" -> { min = 0; range = "UnsignedInt"; }
                default -> { }
            }
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Refused(t + " is out of range for " + range + " (" + min + " to " + max + ")");
        }
        return v.intValue();
    }

    private static String bigInt(String text) {
        String t = text.strip();
        BigInteger v = wholeNumber(t);
        if (v.bitLength() > 63) throw new Refused(t + " is out of range for BigInt (64-bit)");
        return v.toString();
    }

    private static BigDecimal number(String t, String what) {
        if (t.isEmpty()) throw new Refused("type a number");
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new Refused("'" + t + "' is not " + what);
        }
    }

    private static BigDecimal floating(String text) {
        String t = text.strip();
        BigDecimal v = number(t, "a number");
        if (Double.isInfinite(v.doubleValue())) throw new Refused(t + " is too large for Float");
        return v;
    }

    private static String decimal(String text, NativeType nt) {
        String t = text.strip();
        BigDecimal v = number(t, "a decimal number");
        if (nt != null && nt.name().equals("Decimal") && !nt.arguments().isEmpty()) {
            int precision = intArgument(nt, 0);
            int scale = nt.arguments().size() > 1 ? intArgument(nt, 1) : 0;
            BigDecimal s = v.stripTrailingZeros();
            int fraction = Math.max(0, s.scale());
            int whole = s.precision() - s.scale();
            if (fraction > scale) throw new Refused(t + " has " + fraction + " decimals; " + nt + " keeps " + scale);
            if (whole > precision - scale) throw new Refused(t + " is too large for " + nt + " (" + (precision - scale) + " digits before the point)");
        }
        return t.startsWith("+") ? t.substring(1) : t;
    }

    private static int intArgument(NativeType nt, int index) {
        try {
            return Integer.parseInt(nt.arguments().get(index).strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Reads a date-time: {@code 2024-03-05}, {@code 2024-03-05 14:22}, {@code 2024-03-05 14:22:01.123},
     * with {@code T} or a space, and with an optional offset ({@code Z}, {@code +02:00}); without one the
     * time is in {@code zone}.
     */
    public static Instant parseDateTime(String text, ZoneId zone) {
        String t = text.strip();
        if (t.isEmpty()) throw new Refused("type a date and time, such as 2024-03-05 14:22:01");
        String iso = t.replace(' ', 'T');
        Instant instant;
        try {
            instant = OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                instant = (iso.length() <= 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso)).atZone(zone).toInstant();
            } catch (DateTimeParseException e2) {
                throw new Refused("'" + t + "' is not a date-time; type it as 2024-03-05 14:22:01 (" + zoneLabel(zone) + ")");
            }
        }
        if (instant.getNano() % 1_000_000 != 0) throw new Refused("DateTime keeps milliseconds: at most 3 digits after the seconds");
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return how a zone is named beside DateTime values: {@code UTC}, or its id */
    public static String zoneLabel(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    private static JsonNode json(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new Refused("type JSON, such as {\"key\": 1}, [1, 2] or \"text\"; or choose NULL");
        JsonNode node;
        try {
            node = JsonCodec.parse(t);
        } catch (IllegalArgumentException e) {
            throw new Refused(firstLine(e.getMessage()));
        }
        if (node.isNull()) throw new Refused("a JSON null cannot be stored apart from a database NULL here; choose NULL instead");
        return node;
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Reads Bytes written as hex ({@code 0x} prefix optional when {@code format} says hex) or base64.
     *
     * @param format the format, or null to take {@code 0x…} as hex and anything else as base64
     */
    public static byte[] parseBytes(String text, BytesFormat format) {
        String t = text.strip().replaceAll("\\s+", "");
        boolean hex = format == BytesFormat.HEX || format == null && (t.startsWith("0x") || t.startsWith("0X"));
        if (hex) {
            String digits = t.startsWith("0x") || t.startsWith("0X") ? t.substring(2) : t;
            if (digits.length() % 2 != 0) throw new Refused("hex needs two digits per byte");
            try {
                return HexFormat.of().parseHex(digits);
            } catch (IllegalArgumentException e) {
                throw new Refused("not hex: use the digits 0-9 and a-f");
            }
        }
        byte[] bytes = decodeBase64(t);
        if (bytes == null) throw new Refused("not base64 (write hex as 0x…)");
        return bytes;
    }

    private static JsonNode enumValue(EnumType type, String text) {
        String t = text.strip();
        if (type == null) return JSON.textNode(t);
        if (type.value(t) != null) return JSON.textNode(t);
        List<EnumValue> matches = type.values().stream().filter(v -> v.name().equalsIgnoreCase(t)).toList();
        if (matches.size() == 1) return JSON.textNode(matches.getFirst().name());
        throw new Refused("'" + t + "' is not a " + type.name() + ": expected one of "
                + String.join(", ", type.values().stream().map(EnumValue::name).toList()));
    }
}
