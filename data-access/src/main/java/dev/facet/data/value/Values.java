package dev.facet.data.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Converts values between Prisma's JSON encoding and the Java values the query model carries:
 * String, Integer (Int), Long (BigInt), Double (Float), BigDecimal (Decimal, exact), Boolean,
 * Instant (DateTime), byte[] (Bytes), JsonNode (Json), and the enum value's client name (String); from a document
 * connector also {@link ObjectIdValue} (written as its hex text) and {@link CompositeValue} (an embedded document).
 */
public final class Values {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The proleptic year ({@code uuuu}): the year 0000 prints as such, not as 0001 of the era before Christ. */
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** The most digits a Decimal may have before its point and after it: PostgreSQL's numeric, the widest of the databases. */
    static final int DECIMAL_MAX_INTEGER_DIGITS = 131072;
    static final int DECIMAL_MAX_FRACTION_DIGITS = 16383;

    private Values() {}

    /**
     * Reads one (non-list) value of {@code field} from a request.
     *
     * @param path where the value is, for error messages
     * @throws QueryError P2009 when the value does not fit the field's type
     */
    public static Object fromJson(ScalarField field, EnumType enumType, JsonNode node, String path) {
        return fromJson(field, enumType, node, path, TypeErrors.placeOf(path));
    }

    /**
     * Reads one (non-list) value of {@code field} at a known place of a request (the place decides the types Prisma's
     * error names, e.g. an update's value or its operations).
     */
    public static Object fromJson(ScalarField field, EnumType enumType, JsonNode node, String path, TypeErrors.Place place) {
        JsonNode value = untag(node);
        if (field.kind() == FieldKind.ENUM) {
            if (value.isTextual() && (enumType == null || enumType.value(value.asText()) != null)) return value.asText();
            throw invalid(path, field, node, place);
        }
        // A composite value (MongoDB's embedded documents) goes to the connector as given; it knows the type's fields.
        if (field.kind() == FieldKind.COMPOSITE && node.isObject()) return node;
        if (field.kind() != FieldKind.SCALAR) throw QueryError.validation(path, "Field of type `" + field.typeName() + "` cannot be filtered or written here.");
        ScalarType type = field.scalarType();
        try {
            return switch (type) {
                case STRING -> { if (!value.isTextual()) throw invalid(path, field, node, place); yield wellFormed(value.asText()); }
                case BOOLEAN -> { if (!value.isBoolean()) throw invalid(path, field, node, place); yield value.asBoolean(); }
                // Prisma 7 takes any JSON number for an Int and drops the fraction (a BigInt needs a whole number). An
                // Int beyond 32 bits goes to the database as it is, which decides (PostgreSQL refuses it, SQLite stores it,
                // both as with Prisma); beyond 64 bits it is refused with Prisma's message.
                case INT -> {
                    if (!value.isNumber()) throw invalid(path, field, node, place);
                    long l = wholeNumber(value, path);
                    yield l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
                }
                case BIG_INT -> {
                    if (value.isTextual()) yield Long.parseLong(value.asText().strip());
                    if (!value.isIntegralNumber()) throw invalid(path, field, node, place);
                    yield value.bigIntegerValue().longValueExact();
                }
                case FLOAT -> {
                    if (!value.isNumber()) throw invalid(path, field, node, place);
                    // Beyond a double (1e309) would be stored as Infinity; Prisma Client cannot even pass it.
                    double d = value.doubleValue();
                    if (Double.isInfinite(d)) {
                        throw QueryError.validation(path, "Unable to fit value " + jsText(value.decimalValue()) + " into a 64-bit floating point number for field `"
                                + lastSegment(path) + "`");
                    }
                    yield d;
                }
                case DECIMAL -> {
                    if (value.isTextual()) yield decimalInRange(new BigDecimal(value.asText().strip()), path);
                    // Numbers keep the digits as written in the request: Jackson is set to read them as BigDecimal.
                    if (value.isNumber()) yield decimalInRange(value.decimalValue(), path);
                    throw invalid(path, field, node, place);
                }
                case DATE_TIME -> {
                    if (!value.isTextual()) throw invalid(path, field, node, place);
                    yield parseDateTime(value.asText());
                }
                case JSON -> node.isObject() && node.has("$type") && "Json".equals(node.get("$type").asText())
                        ? JsonCodec.parse(node.get("value").asText()) : value;
                case BYTES -> {
                    if (!value.isTextual()) throw invalid(path, field, node, place);
                    try {
                        yield base64(value.asText());
                    } catch (IllegalArgumentException e) {
                        throw QueryError.validation(path, "Invalid value for argument `" + lastSegment(path)
                                + "`: Could not convert from `base64 encoded bytes` to `PrismaValue::Bytes`. Expected base64 String.");
                    }
                }
            };
        } catch (ArithmeticException | DateTimeParseException | IllegalArgumentException e) {
            throw invalid(path, field, node, place);
        }
    }

    /** Prisma's three nulls of a Json field: the database's NULL, the JSON value {@code null}, and either. */
    public enum JsonNullKind { DB_NULL, JSON_NULL, ANY_NULL }

    /** @return which of Prisma's Json nulls {@code node} names ({@code {"$type": "Enum", "value": "DbNull"}}), or null for a value */
    public static JsonNullKind jsonNullKind(JsonNode node) {
        if (node == null || !node.isObject() || !"Enum".equals(node.path("$type").asText())) return null;
        return switch (node.path("value").asText()) {
            case "DbNull" -> JsonNullKind.DB_NULL;
            case "JsonNull" -> JsonNullKind.JSON_NULL;
            case "AnyNull" -> JsonNullKind.ANY_NULL;
            default -> null;
        };
    }

    /**
     * The integer part of a JSON number, as Prisma 7 reads an Int, {@code skip} or {@code take}: the fraction dropped,
     * and beyond 64 bits Prisma's validation error.
     */
    public static long wholeNumber(JsonNode number, String path) {
        BigDecimal d = number.decimalValue();
        // Compared before setScale, so that 1e1000000000 and 1e-1000000000 are not written out digit by digit.
        if ((long) d.precision() - d.scale() <= 0) return 0;
        if (d.precision() - d.scale() > 19 || d.setScale(0, java.math.RoundingMode.DOWN).toBigInteger().bitLength() > 63) {
            throw QueryError.validation(path, "Unable to fit value " + jsText(d) + " into a 64-bit signed integer for field `" + lastSegment(path) + "`");
        }
        return d.setScale(0, java.math.RoundingMode.DOWN).longValue();
    }

    /** A number as JavaScript prints it when it is large ({@code 1e+30}), as in Prisma's messages. */
    private static String jsText(BigDecimal d) { return d.stripTrailingZeros().toString().replace("E", "e"); }

    /**
     * A Decimal no database can hold is refused as the database would refuse it (P2020), before it reaches a driver:
     * PostgreSQL's driver would otherwise send 1e1000000000 as 0, and writing out its digits takes minutes. Digits
     * beyond the 16383rd after the point are rounded off, as every database rounds a Decimal to its column's scale
     * (PostgreSQL's widest); so a value below that, such as 1e-1000000000, is 0 as Prisma stores 1e-400.
     */
    static BigDecimal decimalInRange(BigDecimal d, String path) {
        long integerDigits = (long) d.precision() - d.scale();
        if (d.signum() != 0 && integerDigits > DECIMAL_MAX_INTEGER_DIGITS) {
            throw new QueryError("P2020", "Value out of range for the type: the Decimal " + d.toString().replace("E", "e") + " at " + path
                    + " has more digits than a database holds (at most " + DECIMAL_MAX_INTEGER_DIGITS + " before the decimal point)");
        }
        if (d.scale() <= DECIMAL_MAX_FRACTION_DIGITS) return d;
        // Below half a unit of the last place kept, without computing a power of ten as large as the scale.
        if (integerDigits < -DECIMAL_MAX_FRACTION_DIGITS) return BigDecimal.ZERO;
        return d.setScale(DECIMAL_MAX_FRACTION_DIGITS, java.math.RoundingMode.HALF_EVEN);
    }

    /**
     * Text as Prisma stores it: a lone UTF-16 surrogate (such as U+D800, written in JSON as a backslash escape)
     * cannot be encoded, and becomes U+FFFD, the replacement character, as Node.js encodes it for Prisma Client (the
     * drivers would write a {@code ?}).
     */
    static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) return replaceLoneSurrogates(text);
        }
        return text;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** Reads a list value of {@code field} (scalar lists). */
    public static List<Object> listFromJson(ScalarField field, EnumType enumType, JsonNode node, String path) {
        if (!node.isArray()) return List.of(fromJson(field, enumType, node, path));
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) out.add(fromJson(field, enumType, node.get(i), path + "." + i));
        return out;
    }

    /**
     * Accepts ISO-8601 date-times with a zone: {@code 2024-01-02T03:04:05.678Z}, {@code 2024-01-02T04:04:05+01:00} (no
     * plain dates, as Prisma). Digits beyond the millisecond are dropped, as a JavaScript Date drops them. The year
     * has four digits, 0000 to 9999: Prisma refuses signed and longer years ({@code -000001}, {@code +010000}).
     */
    public static Instant parseDateTime(String text) {
        if (text.length() < 5 || !isDigit(text.charAt(0)) || !isDigit(text.charAt(1)) || !isDigit(text.charAt(2)) || !isDigit(text.charAt(3))
                || text.charAt(4) != '-') {
            throw new DateTimeParseException("the year must have four digits", text, 0);
        }
        return OffsetDateTime.parse(text).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /**
     * Decodes base64 as Prisma's query engine does: the standard alphabet in whole groups of four, padded with
     * {@code =}; anything else ({@code "!!!"}, {@code "A"}, {@code "AA"}, {@code "AA==AA"}, the URL alphabet, spaces)
     * is refused (IllegalArgumentException), never decoded into other bytes.
     */
    static byte[] base64(String text) {
        if (text.length() % 4 != 0) throw new IllegalArgumentException("base64 text must come in groups of four characters");
        return Base64.getDecoder().decode(text);
    }

    /** Strips a {@code {"$type": ..., "value": ...}} tag; Json tags are handled by the caller. */
    private static JsonNode untag(JsonNode node) {
        if (node.isObject() && node.has("$type") && node.has("value") && !"Json".equals(node.get("$type").asText())) return node.get("value");
        return node;
    }

    /** Prisma's text for a value that does not fit the field: an unparsable string, or a value of the wrong kind. */
    private static QueryError invalid(String path, ScalarField field, JsonNode node, TypeErrors.Place place) {
        String argument = argumentName(path);
        JsonNode value = untag(node);
        if (value.isTextual() && (field.kind() == FieldKind.ENUM || field.scalarType() != ScalarType.STRING)) {
            String text = TypeErrors.unparsable(field, argument, value.asText());
            if (text != null) return QueryError.validation(path, text);
        }
        // An object where a field reference may stand is read as one (`{_ref, _container}`), which then lacks its name.
        if (value.isObject() && place == TypeErrors.Place.FILTER_OPERAND) return QueryError.validation(path, "Argument `_ref` is missing.");
        return QueryError.validation(path, TypeErrors.wrongKind(field, argument, value, place));
    }

    /** The argument a path names: its last segment, or the list's name for an element ({@code in.0} is `in`). */
    private static String argumentName(String path) {
        String last = lastSegment(path);
        if (!last.isEmpty() && Character.isDigit(last.charAt(0)) && path.contains(".")) return lastSegment(path.substring(0, path.lastIndexOf('.')));
        return last;
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * Writes a value as Prisma Client returns it: DateTime as ISO-8601 UTC with milliseconds, BigInt and
     * Decimal as exact strings, Bytes as base64, Json as the JSON value itself.
     */
    public static JsonNode toJson(ScalarField field, Object value) {
        // A list column holding NULL (never written) reads as an empty list, as in Prisma Client.
        if (value == null) return field.isList() ? JSON.arrayNode() : JSON.nullNode();
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            for (Object item : list) array.add(toJson(field, item));
            return array;
        }
        return switch (value) {
            case String s -> JSON.textNode(s);
            case Boolean b -> JSON.booleanNode(b);
            case Integer i -> JSON.numberNode(i);
            case Long l when field.scalarType() == ScalarType.BIG_INT -> JSON.textNode(Long.toString(l));
            case Long l -> l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? JSON.numberNode(l.intValue()) : JSON.numberNode(l);
            case Double d -> JSON.numberNode(d);
            case BigDecimal d -> JSON.textNode(DecimalText.format(d));
            case Instant t -> JSON.textNode(ISO_MILLIS.format(t));
            case byte[] bytes -> JSON.textNode(Base64.getEncoder().encodeToString(bytes));
            case JsonNode n -> n;
            case CompositeValue c -> c.toJson();
            default -> JSON.textNode(value.toString());
        };
    }

    /** Writes {@code value} as {@link #toJson} encodes it, without building a node first. */
    public static void write(JsonGenerator out, ScalarField field, Object value) throws IOException {
        if (value == null) {
            if (field.isList()) {
                out.writeStartArray();
                out.writeEndArray();
            } else {
                out.writeNull();
            }
            return;
        }
        if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object item : list) write(out, field, item);
            out.writeEndArray();
            return;
        }
        switch (value) {
            case String s -> out.writeString(s);
            case Boolean b -> out.writeBoolean(b);
            case Integer i -> out.writeNumber(i);
            case Long l when field.scalarType() == ScalarType.BIG_INT -> out.writeString(Long.toString(l));
            case Long l -> {
                if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) out.writeNumber(l.intValue());
                else out.writeNumber(l);
            }
            case Double d -> out.writeNumber(d);
            case BigDecimal d -> out.writeString(DecimalText.format(d));
            case Instant t -> out.writeString(ISO_MILLIS.format(t));
            case byte[] bytes -> out.writeString(Base64.getEncoder().encodeToString(bytes));
            case JsonNode n -> JsonCodec.MAPPER.writeTree(out, n);
            case CompositeValue c -> JsonCodec.MAPPER.writeTree(out, c.toJson());
            default -> out.writeString(value.toString());
        }
    }
}
