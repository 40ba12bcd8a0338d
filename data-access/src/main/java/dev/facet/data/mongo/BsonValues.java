package dev.facet.data.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.Generated;
import dev.facet.data.value.Values;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/**
 * Converts between the neutral values of the query model (see {@link Values}) and the values the driver's
 * {@link Document} holds, as Prisma stores them on MongoDB: ObjectIds from and to 24-character lowercase hex strings,
 * {@code Int} as a 64-bit integer unless {@code @db.Int}, {@code DateTime} as a BSON date, {@code Bytes} as binary,
 * {@code Json} as the BSON value itself, composite types as embedded documents.
 */
final class BsonValues {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;

    BsonValues(Schema schema) { this.schema = schema; }

    /** @return whether the field holds ObjectIds ({@code @db.ObjectId}) */
    static boolean isObjectId(ScalarField f) {
        return f.nativeType() != null && f.nativeType().name().equals("ObjectId");
    }

    // ---------------------------------------------------------------- to BSON

    /** A neutral value (or list of them) of {@code field} as stored. */
    Object toBson(ScalarField field, Object value) {
        if (value == null) return null;
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(toBson(field, v));
            return out;
        }
        if (field.kind() == FieldKind.COMPOSITE) return compositeToBson(field, value);
        if (field.kind() != FieldKind.SCALAR) return value;
        return switch (field.scalarType()) {
            case STRING -> isObjectId(field) ? objectId(field, (String) value) : value;
            case INT -> {
                long l = ((Number) value).longValue();
                yield isInt32(field) ? (Object) (int) l : (Object) l;
            }
            case BIG_INT -> ((Number) value).longValue();
            case FLOAT -> ((Number) value).doubleValue();
            case DATE_TIME -> Date.from((Instant) value);
            case BYTES -> isObjectId(field) ? new ObjectId((byte[]) value) : new Binary((byte[]) value);
            case JSON -> jsonToBson((JsonNode) value);
            case DECIMAL -> new Decimal128((BigDecimal) value);
            default -> value;
        };
    }

    private static boolean isInt32(ScalarField f) { return f.nativeType() != null && f.nativeType().name().equals("Int"); }

    /**
     * Parses an ObjectId as Prisma does, with its P2023 for anything but 24 hex digits.
     */
    static ObjectId objectId(ScalarField field, String hex) {
        if (ObjectId.isValid(hex)) return new ObjectId(hex);
        throw new QueryError("P2023", "Inconsistent column data: Malformed ObjectID: provided hex string representation must be exactly "
                + "12 bytes, instead got: \"" + hex + "\", length " + hex.length() + " for the field '" + field.name() + "'.");
    }

    /** A Json value as stored: objects as documents, arrays as lists, numbers as int, long or double. */
    static Object jsonToBson(JsonNode n) {
        if (n == null || n.isNull()) return null;
        if (n.isObject()) {
            Document d = new Document();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                d.put(e.getKey(), jsonToBson(e.getValue()));
            }
            return d;
        }
        if (n.isArray()) {
            List<Object> out = new ArrayList<>();
            for (JsonNode c : n) out.add(jsonToBson(c));
            return out;
        }
        if (n.isBoolean()) return n.booleanValue();
        if (n.isTextual()) return n.textValue();
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                long l = d.longValue();
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
            }
            return n.doubleValue();
        }
        return n.asText();
    }

    /** A composite value given as JSON (the shape Prisma Client takes) as an embedded document. */
    private Object compositeToBson(ScalarField field, Object value) {
        CompositeType type = schema.compositeType(field.typeName());
        if (value instanceof Document d) return d;
        if (!(value instanceof JsonNode given) || !(given.isObject() || given.isArray())) return value;
        // `{set: {...}}` is the same value as `{...}` (Prisma's composite create and update input).
        JsonNode node = given.size() == 1 && given.has("set") && type.field("set") == null ? given.get("set") : given;
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) items.add(compositeToBson(field, item));
            return items;
        }
        if (node.isNull()) return null;
        Document d = new Document();
        for (ScalarField f : type.fields()) {
            JsonNode v = node.get(f.name());
            if (v == null) {
                if (f.defaultValue() != null) d.put(f.databaseName(), toBson(f, Literals.defaultFor(f)));
                continue;
            }
            if (v.isNull()) {
                d.put(f.databaseName(), null);
                continue;
            }
            Object neutral;
            if (f.kind() == FieldKind.COMPOSITE) neutral = v;
            else if (f.isList()) neutral = Values.listFromJson(f, schema.enumType(f.typeName()), v, f.name());
            else neutral = Values.fromJson(f, schema.enumType(f.typeName()), v, f.name());
            if (f.kind() == FieldKind.COMPOSITE && f.isList() && v.isArray()) {
                List<Object> items = new ArrayList<>();
                for (JsonNode item : v) items.add(compositeToBson(f, item));
                d.put(f.databaseName(), items);
            } else {
                d.put(f.databaseName(), toBson(f, neutral));
            }
        }
        return d;
    }

    /**
     * A composite value of an equality filter as stored, for comparison with {@code $eq}: the fields in the order given
     * and no defaults filled in (Prisma compares the embedded document as written, field order included).
     */
    Object compositeEquality(ScalarField field, JsonNode value) {
        if (value == null || value.isNull()) return null;
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : value) items.add(compositeEquality(field, item));
            return items;
        }
        CompositeType type = schema.compositeType(field.typeName());
        Document d = new Document();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            var e = it.next();
            ScalarField f = type.field(e.getKey());
            JsonNode v = e.getValue();
            Object stored;
            if (v.isNull()) stored = null;
            else if (f.kind() == FieldKind.COMPOSITE) stored = compositeEquality(f, v);
            else if (f.isList()) stored = toBson(f, Values.listFromJson(f, schema.enumType(f.typeName()), v, f.name()));
            else stored = toBson(f, Values.fromJson(f, schema.enumType(f.typeName()), v, f.name()));
            d.put(f.databaseName(), stored);
        }
        return d;
    }

    // ---------------------------------------------------------------- from BSON

    /**
     * A stored value of {@code field} as a neutral value.
     *
     * @param where the model and document, for the message when the value does not fit the schema
     * @throws QueryError P2023 when the stored value has another type than the schema says
     */
    Object fromBson(ScalarField field, Object value, String where) {
        if (value == null) return null;
        if (field.isList()) {
            if (!(value instanceof List<?> list)) throw mismatch(field, value, where);
            List<Object> out = new ArrayList<>(list.size());
            for (Object v : list) out.add(single(field, v, where));
            return out;
        }
        return single(field, value, where);
    }

    private Object single(ScalarField field, Object value, String where) {
        if (value == null) return null;
        if (field.kind() == FieldKind.COMPOSITE) {
            if (!(value instanceof Document d)) throw mismatch(field, value, where);
            return composite(schema.compositeType(field.typeName()), d, where + "." + field.name());
        }
        if (field.kind() == FieldKind.ENUM) {
            if (value instanceof String) return value;
            throw mismatch(field, value, where);
        }
        if (field.kind() != FieldKind.SCALAR) return null;
        ScalarType t = field.scalarType();
        Object out = switch (t) {
            case STRING -> value instanceof ObjectId id ? id.toHexString() : value instanceof String ? value : null;
            case INT -> value instanceof Integer || value instanceof Long ? narrow(((Number) value).longValue())
                    : value instanceof Double d && d == Math.rint(d) ? narrow(d.longValue()) : null;
            case BIG_INT -> value instanceof Integer || value instanceof Long ? (Object) ((Number) value).longValue() : null;
            case FLOAT -> value instanceof Number n && !(value instanceof Decimal128) ? (Object) n.doubleValue() : null;
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case DATE_TIME -> value instanceof Date d ? d.toInstant() : null;
            case BYTES -> value instanceof Binary b ? b.getData() : value instanceof ObjectId id ? id.toByteArray() : null;
            case JSON -> bsonToJson(value);
            case DECIMAL -> value instanceof Decimal128 d ? d.bigDecimalValue() : null;
        };
        if (out == null) throw mismatch(field, value, where);
        return out;
    }

    private static Object narrow(long l) { return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l; }

    /** An embedded document as Prisma Client returns it: the type's fields in order, missing ones as null or their default. */
    JsonNode composite(CompositeType type, Document d, String where) {
        ObjectNode out = JSON.objectNode();
        for (ScalarField f : type.fields()) {
            Object raw = d.get(f.databaseName());
            Object v;
            // Only a required field reads as its default when missing; an optional one unset reads as null (Prisma's test kit).
            if (raw == null && !d.containsKey(f.databaseName()) && f.isRequired() && f.defaultValue() != null
                    && !(f.defaultValue() instanceof DefaultValue.Auto)) {
                v = Literals.defaultFor(f);
            } else {
                v = fromBson(f, raw, where);
            }
            if (v == null && f.isRequired()) throw notNullable(f, where);
            out.set(f.name(), v instanceof JsonNode n && f.kind() == FieldKind.COMPOSITE ? n : listOrValue(f, v));
        }
        return out;
    }

    private static JsonNode listOrValue(ScalarField f, Object v) {
        if (f.kind() == FieldKind.COMPOSITE && v instanceof List<?> list) {
            ArrayNode arr = JSON.arrayNode();
            for (Object o : list) arr.add((JsonNode) o);
            return arr;
        }
        return Values.toJson(f, v);
    }

    /** A stored BSON value as JSON (documents as objects, dates and ObjectIds as text). */
    static JsonNode bsonToJson(Object value) {
        return switch (value) {
            case null -> JSON.nullNode();
            case Document d -> {
                ObjectNode o = JSON.objectNode();
                d.forEach((k, v) -> o.set(k, bsonToJson(v)));
                yield o;
            }
            case List<?> list -> {
                ArrayNode a = JSON.arrayNode();
                for (Object v : list) a.add(bsonToJson(v));
                yield a;
            }
            case String s -> JSON.textNode(s);
            case Boolean b -> JSON.booleanNode(b);
            case Integer i -> JSON.numberNode(i);
            case Long l -> JSON.numberNode(l);
            case Double d -> JSON.numberNode(d);
            case Decimal128 d -> JSON.numberNode(d.bigDecimalValue());
            case ObjectId id -> JSON.textNode(id.toHexString());
            case Date d -> Values.toJson(DATE_FIELD, d.toInstant());
            case Binary b -> JSON.textNode(java.util.Base64.getEncoder().encodeToString(b.getData()));
            default -> JSON.textNode(value.toString());
        };
    }

    private static final ScalarField DATE_FIELD = new ScalarField("d", "d", FieldKind.SCALAR, ScalarType.DATE_TIME, "DateTime",
            dev.facet.schema.model.FieldArity.REQUIRED, null, null, null, false, false, false, false, null, null);

    /** A stored value of another type than the schema says (Prisma's P2023). */
    static QueryError mismatch(ScalarField field, Object value, String where) {
        return new QueryError("P2023", "Inconsistent column data: Failed to convert '" + describe(value) + "' to '" + field.typeName()
                + (field.isList() ? "[]" : "") + "' for the field '" + field.name() + "' (" + where + ").");
    }

    /** A required field missing or null in a stored document (Prisma's P2032). */
    static QueryError notNullable(ScalarField field, String where) {
        return new QueryError("P2032", "Error converting field \"" + field.name() + "\" of expected non-nullable type \"" + field.typeName()
                + "\", found incompatible value of \"null\" (" + where + ").");
    }

    private static String describe(Object v) {
        String type = switch (v) {
            case String s -> "String";
            case Integer i -> "Int32";
            case Long l -> "Int64";
            case Double d -> "Double";
            case Boolean b -> "Boolean";
            case Document d -> "Document";
            case List<?> l -> "Array";
            case ObjectId o -> "ObjectId";
            case Date d -> "DateTime";
            case Binary b -> "Binary";
            default -> v.getClass().getSimpleName();
        };
        String text = String.valueOf(v instanceof Document d ? d.toJson() : v);
        if (text.length() > 60) text = text.substring(0, 57) + "...";
        return type + " " + text;
    }
}
