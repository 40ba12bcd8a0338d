package dev.facet.data.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.QueryError;
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
 * Instant (DateTime), byte[] (Bytes), JsonNode (Json), and the enum value's client name (String).
 */
public final class Values {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Values() {}

    /**
     * Reads one (non-list) value of {@code field} from a request.
     *
     * @param path where the value is, for error messages
     * @throws QueryError P2009 when the value does not fit the field's type
     */
    public static Object fromJson(ScalarField field, EnumType enumType, JsonNode node, String path) {
        JsonNode value = untag(node);
        if (field.kind() == FieldKind.ENUM) {
            if (value.isTextual() && (enumType == null || enumType.value(value.asText()) != null)) return value.asText();
            throw invalid(path, field, node);
        }
        // A composite value (MongoDB's embedded documents) goes to the connector as given; it knows the type's fields.
        if (field.kind() == FieldKind.COMPOSITE && node.isObject()) return node;
        if (field.kind() != FieldKind.SCALAR) throw QueryError.validation(path, "Field of type `" + field.typeName() + "` cannot be filtered or written here.");
        ScalarType type = field.scalarType();
        try {
            return switch (type) {
                case STRING -> { if (!value.isTextual()) throw invalid(path, field, node); yield value.asText(); }
                case BOOLEAN -> { if (!value.isBoolean()) throw invalid(path, field, node); yield value.asBoolean(); }
                // Prisma 7 takes any JSON number for an Int and drops the fraction (a BigInt needs a whole number). An
                // Int beyond 32 bits goes to the database as it is, which decides (PostgreSQL refuses it, SQLite stores it).
                case INT -> {
                    if (!value.isNumber()) throw invalid(path, field, node);
                    long l = wholeNumber(value.decimalValue());
                    yield l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
                }
                case BIG_INT -> {
                    if (value.isTextual()) yield Long.parseLong(value.asText().strip());
                    if (!value.isIntegralNumber()) throw invalid(path, field, node);
                    yield value.bigIntegerValue().longValueExact();
                }
                case FLOAT -> {
                    if (value.isNumber()) yield value.doubleValue();
                    throw invalid(path, field, node);
                }
                case DECIMAL -> {
                    if (value.isTextual()) yield new BigDecimal(value.asText().strip());
                    // Numbers keep the digits as written in the request: Jackson is set to read them as BigDecimal.
                    if (value.isNumber()) yield value.decimalValue();
                    throw invalid(path, field, node);
                }
                case DATE_TIME -> {
                    if (!value.isTextual()) throw invalid(path, field, node);
                    yield parseDateTime(value.asText());
                }
                case JSON -> node.isObject() && node.has("$type") && "Json".equals(node.get("$type").asText())
                        ? JsonCodec.parse(node.get("value").asText()) : value;
                case BYTES -> {
                    if (!value.isTextual()) throw invalid(path, field, node);
                    yield base64(value.asText());
                }
            };
        } catch (ArithmeticException | DateTimeParseException | IllegalArgumentException e) {
            throw invalid(path, field, node);
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

    /** The integer part of a number, as a 64-bit integer (an ArithmeticException beyond it). */
    private static long wholeNumber(BigDecimal d) {
        return d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
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
     * plain dates, as Prisma). Digits beyond the millisecond are dropped, as a JavaScript Date drops them.
     */
    public static Instant parseDateTime(String text) {
        return OffsetDateTime.parse(text).toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    /**
     * Decodes base64 as Node.js does for Prisma Client: the standard and the URL alphabet, other characters skipped,
     * the text ending at the first {@code =}, and a last incomplete group giving what bytes it can.
     */
    static byte[] base64(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '=') break;
            if (c == '-') clean.append('+');
            else if (c == '_') clean.append('/');
            else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/') clean.append(c);
        }
        if (clean.length() % 4 == 1) clean.setLength(clean.length() - 1);
        return Base64.getDecoder().decode(clean.toString());
    }

    /** Strips a {@code {"$type": ..., "value": ...}} tag; Json tags are handled by the caller. */
    private static JsonNode untag(JsonNode node) {
        if (node.isObject() && node.has("$type") && node.has("value") && !"Json".equals(node.get("$type").asText())) return node.get("value");
        return node;
    }

    private static QueryError invalid(String path, ScalarField field, JsonNode node) {
        String type = field.kind() == FieldKind.ENUM ? field.typeName() : field.scalarType().id();
        return QueryError.validation(path, "Invalid argument type. `" + lastSegment(path) + "` should be of any of the following types: `"
                + type + "`, but received " + node + ".");
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
            default -> out.writeString(value.toString());
        }
    }
}
