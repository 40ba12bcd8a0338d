package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** PostgreSQL and CockroachDB. */
final class PostgresDialect extends SqlDialect {
    PostgresDialect(Schema schema) { super(schema); }

    @Override public SqlFamily family() { return SqlFamily.POSTGRES; }

    @Override public boolean supportsInsensitiveMode() { return true; }

    @Override public boolean jsonPathAsKeys() { return true; }
    @Override public boolean cursorNeedsTransaction() { return true; }

    @Override public boolean nullsSortHigh() { return true; }

    @Override
    Sql jsonAt(String column, List<String> path) {
        return path.isEmpty() ? new Sql().append(column) : keys(column + "#>", path);
    }

    @Override
    Sql jsonTextAt(String column, List<String> path, boolean lowered) {
        // LOWER() of the bare jsonb column fails as in Prisma ("function lower(jsonb) does not exist").
        if (path.isEmpty()) return new Sql().append(lowered ? column : column + "::text");
        return keys(column + "#>>", path);
    }

    private static Sql keys(String head, List<String> path) {
        Sql sql = new Sql().append("(").append(head).append("ARRAY[");
        for (int i = 0; i < path.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            sql.params().add(new Sql.Param(null, path.get(i)));
        }
        return sql.append("]::text[])");
    }

    @Override
    Sql jsonEquals(Sql target, JsonNode value, boolean not) {
        return jsonOp("", target, not ? " <> CAST(" : " = CAST(", jsonText(value), " AS jsonb)");
    }

    @Override
    Sql jsonCompare(Sql target, String op, JsonNode value) {
        return jsonOp("", target, " " + op + " CAST(", jsonText(value), " AS jsonb)");
    }

    @Override
    Sql jsonArrayContains(Sql target, JsonNode value) { return jsonOp("", target, " @> CAST(", jsonText(value), " AS jsonb)"); }

    @Override
    Sql jsonElement(Sql target, boolean last) { return new Sql().append("(").append(target).append(last ? "->-1)" : "->0)"); }

    @Override
    Sql jsonTypeCheck(Sql target, JsonNode typeOf, boolean is) {
        String type = typeOf.isNumber() ? "number" : typeOf.isTextual() ? "string" : typeOf.isBoolean() ? "boolean"
                : typeOf.isArray() ? "array" : typeOf.isObject() ? "object" : "null";
        return new Sql().append("JSONB_TYPEOF(").append(target).append(is ? ") = '" : ") != '").append(type).append("'");
    }

    @Override
    public String insensitive(String column, String operator) {
        return switch (operator) {
            case "LIKE" -> column + "::text ILIKE ?";
            case "NOT LIKE" -> column + "::text NOT ILIKE ?";
            default -> "LOWER(" + column + "::text) " + operator + " LOWER(?)";
        };
    }

    @Override
    public String placeholder(ScalarField field) {
        if (field == null) return "?";
        if (field.isEnum()) {
            EnumType e = schema.enumType(field.typeName());
            String type = e == null ? quote(field.typeName()) : table(e.databaseName(), e.schema());
            return "CAST(? AS " + type + (field.isList() ? "[]" : "") + ")";
        }
        // A list is bound as an array of its element type (see bind), so it needs no cast.
        if (field.kind() == FieldKind.SCALAR && field.scalarType() == ScalarType.JSON && !field.isList()) return "CAST(? AS jsonb)";
        return "?";
    }

    /**
     * Integer and text keys go as one array: the statement's text is then the same for any number of
     * parents, so the server plans it once per connection instead of planning a long IN list on each call
     * (that planning cost more than running the statement). Other key types keep the IN list.
     */
    @Override
    void appendKeysIn(Sql sql, String column, ScalarField field, List<Object> values) {
        if (!bindsKeysAsArray(field)) {
            super.appendKeysIn(sql, column, field, values);
            return;
        }
        sql.append(column).append(" = ANY(").param(field, values, this).append(")");
    }

    /**
     * Types whose array the server compares with the column as it compares single parameters: numbers, booleans,
     * text, timestamps and enums (cast to an array of the enum type). Others (uuid, inet, time, ...) keep the IN list.
     */
    @Override
    boolean appendValuesIn(Sql sql, String column, ScalarField field, List<Object> values) {
        if (field == null || field.isList()) return false;
        String placeholder;
        if (field.isEnum()) {
            EnumType e = schema.enumType(field.typeName());
            placeholder = "CAST(? AS " + (e == null ? quote(field.typeName()) : table(e.databaseName(), e.schema())) + "[])";
        } else if (bindsKeysAsArray(field) || field.kind() == FieldKind.SCALAR && field.nativeType() == null
                && List.of(ScalarType.FLOAT, ScalarType.DECIMAL, ScalarType.BOOLEAN, ScalarType.DATE_TIME).contains(field.scalarType())) {
            placeholder = "?";
        } else if (field.kind() == FieldKind.SCALAR && field.scalarType() == ScalarType.STRING && field.nativeType() != null) {
            // Bound as text[] and cast: PostgreSQL compares a Uuid, Inet, Char... column only with its own type.
            NativeType nt = field.nativeType();
            String args = nt.arguments().isEmpty() ? "" : "(" + String.join(",", nt.arguments()) + ")";
            placeholder = "CAST(? AS " + nt.name().toUpperCase(java.util.Locale.ROOT) + args + "[])";
        } else {
            return false;
        }
        // A cast array in an uncorrelated sub-select is cast once (and hashed), where a bare cast was redone for
        // every row: 70,000 enum values against 2,600 rows ran past a minute.
        if (placeholder.equals("?")) sql.append(column).append(" = ANY(?)");
        else sql.append(column).append(" IN (SELECT unnest(").append(placeholder).append("))");
        sql.params().add(new Sql.Param(field, values));
        return true;
    }

    /**
     * Compared as the short list compares (LOWER of the column as text against LOWER of each value), with the
     * values as one text[] that the server lowers itself, so that both sides use the same case rules.
     */
    @Override
    boolean appendInsensitiveValuesIn(Sql sql, String column, ScalarField field, List<Object> values) {
        sql.append("LOWER(").append(column).append("::text) IN (SELECT LOWER(v) FROM unnest(CAST(? AS text[])) AS v)");
        sql.params().add(new Sql.Param(field, values));
        return true;
    }

    /** A String field of a native type that is not one of PostgreSQL's text types (Uuid, Inet, Citext, Xml, Bit...). */
    private static boolean untypedText(ScalarField field) {
        if (field == null || field.kind() != FieldKind.SCALAR || field.isEnum() || field.isList() || field.scalarType() != ScalarType.STRING) return false;
        NativeType nt = field.nativeType();
        return nt != null && !List.of("Text", "VarChar", "Char", "String").contains(nt.name());
    }

    private static boolean bindsKeysAsArray(ScalarField field) {
        if (field == null || field.kind() != FieldKind.SCALAR || field.isList()) return false;
        String nativeType = field.nativeType() == null ? null : field.nativeType().name();
        return switch (field.scalarType()) {
            case INT, BIG_INT -> nativeType == null || List.of("Integer", "SmallInt", "BigInt", "Int4", "Int8", "Int2").contains(nativeType);
            case STRING -> nativeType == null || nativeType.equals("Text") || nativeType.equals("VarChar") || nativeType.equals("String");
            default -> false;
        };
    }

    @Override
    protected void bindDateTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        LocalDateTime local = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        // The driver would send the year 0000 as 1 BC, read back as 0001. Prisma sends the text, which
        // PostgreSQL refuses (22008, date/time field value out of range): the same text, typed by the server.
        if (local.getYear() < 1) {
            String text = DateTimeFormatter.ofPattern(local.getNano() == 0 ? "uuuu-MM-dd HH:mm:ss" : "uuuu-MM-dd HH:mm:ss.SSS").format(local);
            ps.setObject(index, text, java.sql.Types.OTHER);
        } else {
            ps.setObject(index, local);
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, ScalarField field, Object value) throws SQLException {
        if (value instanceof Long l && field != null && field.kind() == FieldKind.SCALAR && field.scalarType() == ScalarType.INT) {
            // Prisma sends an Int as an integer parameter, which PostgreSQL refuses beyond 32 bits.
            throw new QueryError("P2020", "Value out of range for the type: value \"" + l + "\" is out of range for type integer");
        }
        if (value instanceof String s && s.indexOf('\0') >= 0) throw nul(field);
        if (value instanceof String s && untypedText(field)) {
            // Sent untyped, as Prisma's adapter sends it: the server reads it as the column's type (Uuid, Inet...),
            // which a varchar parameter is not.
            ps.setObject(index, s, Types.OTHER);
            return;
        }
        if (!(value instanceof java.util.List<?> list)) {
            super.bind(ps, index, field, value);
            return;
        }
        for (Object element : list) if (element instanceof String s && s.indexOf('\0') >= 0) throw nul(field);
        // Elements go as their text form in an array of the column's element type; enums go as text[] and
        // are cast by the placeholder.
        Object[] elements = new Object[list.size()];
        for (int i = 0; i < elements.length; i++) elements[i] = elementText(field, list.get(i));
        ps.setArray(index, ps.getConnection().createArrayOf(elementType(field), elements));
    }

    private String elementText(ScalarField field, Object v) {
        return switch (v) {
            case null -> null;
            case String s -> field != null && field.isEnum() ? enumDatabaseValue(field, s) : s;
            case Instant t -> LocalDateTime.ofInstant(t, ZoneOffset.UTC).toString();
            case BigDecimal d -> d.toPlainString();
            case byte[] b -> "\\x" + java.util.HexFormat.of().formatHex(b);
            case JsonNode n -> JsonCodec.write(n);
            default -> v.toString();
        };
    }

    /** With its offset: a {@code timestamptz} column reads the instant, a {@code timestamp} column ignores the {@code +00}. */
    @Override
    protected String dateTimeText(Instant t) { return super.dateTimeText(t) + "+00"; }

    /** The hex form of bytea, which needs no escapes with standard_conforming_strings (the default since 9.1). */
    @Override
    protected String bytesLiteral(byte[] bytes) { return family().stringLiteral("\\x" + java.util.HexFormat.of().formatHex(bytes)); }

    /**
     * An array as its quoted text ({@code '{"a","b"}'}), which the server reads as the column's array type (enums
     * included), where {@code ARRAY['a']} would be a text[] the column refuses.
     */
    @Override
    protected String listLiteral(ScalarField field, List<?> items) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            Object v = items.get(i);
            String text = v instanceof Instant t ? super.dateTimeText(t) : elementText(field, v);
            if (text == null) sb.append("NULL");
            else sb.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return family().stringLiteral(sb.append('}').toString());
    }

    private static String elementType(ScalarField field) {
        if (field == null || field.isEnum() || field.kind() != FieldKind.SCALAR) return "text";
        return switch (field.scalarType()) {
            case STRING -> "text";
            case INT -> "int4";
            case BIG_INT -> "int8";
            case FLOAT -> "float8";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "bool";
            case DATE_TIME -> "timestamp";
            case BYTES -> "bytea";
            case JSON -> "jsonb";
        };
    }

    @Override
    protected Object readList(ResultSet rs, int column, ScalarField field) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) return null;
        Object[] items = (Object[]) array.getArray();
        java.util.List<Object> out = new java.util.ArrayList<>(items.length);
        for (Object item : items) out.add(listElement(field, item));
        return out;
    }

    private Object listElement(ScalarField field, Object item) throws SQLException {
        if (item == null) return null;
        if (field.isEnum()) return enumClientValue(field, item.toString());
        if (field.kind() != FieldKind.SCALAR) return item.toString();
        return switch (field.scalarType()) {
            case INT -> ((Number) item).intValue();
            case BIG_INT -> ((Number) item).longValue();
            case FLOAT -> ((Number) item).doubleValue();
            case DECIMAL -> item instanceof BigDecimal d ? d : new BigDecimal(item.toString());
            case DATE_TIME -> toInstant(item);
            case JSON -> JsonCodec.parse(item.toString());
            case BYTES -> item instanceof byte[] b ? b : org.postgresql.util.PGbytea.toBytes(item.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            default -> item;
        };
    }

    /** PostgreSQL's text cannot hold U+0000; Prisma passes on the database's refusal (22021) as P2039. */
    private static QueryError nul(ScalarField field) {
        return new QueryError("P2039", "Database error. Code: `22021`. Message: `invalid byte sequence for encoding \"UTF8\": 0x00`");
    }
}
