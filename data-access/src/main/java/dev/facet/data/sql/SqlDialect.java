package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What differs between the SQL databases Facet speaks to: identifier quoting, how values are bound
 * and read back, case-insensitive comparison, and a few capabilities. Strategy follows these
 * capabilities, never {@code instanceof} on a dialect.
 */
public abstract class SqlDialect {
    /** The schema whose enums and table names the dialect resolves. */
    protected final Schema schema;

    protected SqlDialect(Schema schema) { this.schema = schema; }

    /** @return the dialect for the schema's provider */
    public static SqlDialect of(Schema schema) {
        Provider p = schema.provider().orElseThrow(() -> new IllegalArgumentException("the schema has no datasource"));
        return switch (SqlFamily.of(p)) {
            case POSTGRES -> new Postgres(schema);
            case MYSQL -> new MySql(schema);
            case SQLITE -> new Sqlite(schema);
        };
    }

    /** @return the family of databases this dialect speaks to, whose one quoting function it uses */
    public abstract SqlFamily family();

    /** @return the identifier quoted for this database */
    public final String quote(String identifier) { return family().quote(identifier); }

    /** @return the qualified, quoted name of a table ({@code "schema"."table"} where the model names a schema) */
    public String table(String databaseName, String dbSchema) {
        return dbSchema == null ? quote(databaseName) : quote(dbSchema) + "." + quote(databaseName);
    }

    /** @return whether {@code mode: 'insensitive'} can be answered by the database */
    public abstract boolean supportsInsensitiveMode();

    /** @return whether {@code INSERT ... ON CONFLICT (...) DO UPDATE} exists, as Prisma uses it for upserts */
    public boolean supportsNativeUpsert() { return true; }

    /** @return whether Prisma offers {@code skipDuplicates} on this database (its SQLite connector does not) */
    public boolean supportsSkipDuplicates() { return true; }

    /** @return whether {@code INSERT ... RETURNING} gives back the stored row */
    public boolean supportsReturning() { return true; }

    /** @return whether the foreign keys carry out {@code SetDefault} (MySQL's InnoDB treats it as {@code NoAction}) */
    public boolean foreignKeysSetDefault() { return true; }

    /** @return whether a Json filter's path is a list of keys (else a JSON path text such as {@code $.a.b}) */
    public boolean jsonPathAsKeys() { return false; }

    /** @return whether Json values can be ordered ({@code lt}...) and searched as arrays ({@code array_contains}) */
    public boolean jsonComparisons() { return true; }

    /** @return what this database can do, as the neutral layers see it: derived from the dialect's own answers */
    public final Set<ConnectorCapability> capabilities() {
        EnumSet<ConnectorCapability> c = EnumSet.of(ConnectorCapability.FOREIGN_KEYS, ConnectorCapability.TRANSACTIONS);
        if (supportsInsensitiveMode()) c.add(ConnectorCapability.INSENSITIVE_FILTERS);
        if (supportsReturning()) c.add(ConnectorCapability.RETURNING);
        if (supportsNativeUpsert()) c.add(ConnectorCapability.NATIVE_UPSERT);
        if (supportsSkipDuplicates()) c.add(ConnectorCapability.SKIP_DUPLICATES);
        if (foreignKeysSetDefault()) c.add(ConnectorCapability.FOREIGN_KEY_SET_DEFAULT);
        if (supportsScalarLists()) c.add(ConnectorCapability.SCALAR_LISTS);
        if (jsonPathAsKeys()) c.add(ConnectorCapability.JSON_PATH_AS_KEYS);
        if (jsonComparisons()) c.add(ConnectorCapability.JSON_COMPARISONS);
        return Collections.unmodifiableSet(c);
    }

    /** @return the tail of an INSERT that stores a row of defaults only */
    public String emptyInsert() { return " DEFAULT VALUES"; }

    /** @return the head of an INSERT that skips rows breaking a unique constraint */
    public String insertIgnore() { return "INSERT INTO "; }

    /** @return the tail that goes with {@link #insertIgnore()} */
    public String onConflictIgnore() { return " ON CONFLICT DO NOTHING"; }

    /** @return the head of a DELETE of {@code table} under {@code alias}, so that its WHERE can name the rows' columns as an UPDATE's does */
    public String deleteFrom(String table, String alias) { return "DELETE FROM " + table + " AS " + alias; }

    /** @return the tail of a SELECT that locks the rows it returns until the transaction ends; empty where write transactions lock it all */
    public String lockRows() { return " FOR UPDATE"; }

    /** @return the statement that begins a write transaction, or null to let the driver begin it */
    public String beginWrite() { return null; }

    // Json filters, written as Prisma's SQL for each database so that edge cases (missing keys, mixed types) agree.

    /** @return the JSON under {@code path} in {@code column} (the column itself for an empty path) */
    abstract Sql jsonAt(String column, List<String> path);

    /** @return the text under the path for LIKE; {@code lowered}: as the operand of LOWER() */
    abstract Sql jsonTextAt(String column, List<String> path, boolean lowered);

    /** @return {@code target} equal (or, with {@code not}, unequal) to a JSON value */
    abstract Sql jsonEquals(Sql target, JsonNode value, boolean not);

    /** @return {@code target} compared by {@code op} with a JSON value */
    abstract Sql jsonCompare(Sql target, String op, JsonNode value);

    /** @return {@code target} containing the JSON value (an array: all its elements) */
    abstract Sql jsonArrayContains(Sql target, JsonNode value);

    /** @return the first (or last) element of the array {@code target} */
    abstract Sql jsonElement(Sql target, boolean last);

    /** @return {@code target} having (or, with {@code is} false, not having) the JSON type of {@code typeOf} */
    abstract Sql jsonTypeCheck(Sql target, JsonNode typeOf, boolean is);

    /** @return {@code target} with a bound JSON text, in the database's form: {@code head} target {@code middle} ? {@code tail} */
    static Sql jsonOp(String head, Sql target, String middle, Object param, String tail) {
        Sql sql = new Sql().append(head).append(target).append(middle).append("?");
        sql.params().add(new Sql.Param(null, param));
        return sql.append(tail);
    }

    static String jsonText(JsonNode value) { return JsonCodec.write(value); }

    /** @return the operand of an increment, decrement, multiply or divide, as the database is to receive it */
    public Object arithmeticOperand(ScalarField field, Object operand) { return operand; }

    /** @return a value compared in {@code having}, as the database is to receive it ({@code ofAggregate}: with an aggregate) */
    public Object aggregateOperand(boolean ofAggregate, Object value) { return value; }

    /** @return what orders like the enum value {@code expression} gives from a subquery (where it may lose its column type) */
    public String enumOrderKey(String expression, EnumType type) { return expression; }

    /** @return whether scalar lists exist */
    public boolean supportsScalarLists() { return false; }

    /** @return SQL that compares {@code column} case-insensitively with a bound pattern or value */
    public String insensitive(String column, String operator) {
        return "LOWER(" + column + ") " + operator + " LOWER(?)";
    }

    /** @return the placeholder for a value of {@code field}, with a cast where the database needs one */
    public String placeholder(ScalarField field) { return "?"; }

    /** @return {@code LIMIT/OFFSET} for this database; {@code limit} may be null */
    public String limitOffset(Long limit, Long offset) {
        StringBuilder sb = new StringBuilder();
        if (limit != null) sb.append(" LIMIT ").append(limit);
        if (offset != null && offset > 0) {
            if (limit == null) sb.append(noLimit());
            sb.append(" OFFSET ").append(offset);
        }
        return sb.toString();
    }

    /** What to write for "no limit" when only an offset is given. */
    protected String noLimit() { return ""; }

    /** @return how nulls sort by default: true when NULL sorts as the largest value (PostgreSQL) */
    public abstract boolean nullsSortHigh();

    /** @return whether {@code NULLS FIRST/LAST} can be written in ORDER BY */
    public boolean supportsNullsOrdering() { return true; }

    /**
     * Appends {@code column IN (?, ...)}: the row's key is one of {@code values} (the keys of the parents whose
     * related rows are being loaded), each bound as a value of {@code field}.
     */
    void appendKeysIn(Sql sql, String column, ScalarField field, List<Object> values) {
        sql.append(column).append(" IN (");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.param(field, values.get(i), this);
        }
        sql.append(")");
    }

    /**
     * Appends {@code column = ANY(?)} with {@code values} bound as one array, when this database and the field's type
     * allow it; otherwise appends nothing.
     *
     * @return whether it appended the condition
     */
    boolean appendValuesIn(Sql sql, String column, ScalarField field, List<Object> values) { return false; }

    /**
     * Appends the case-insensitive {@code column IN (values)} of {@code mode: 'insensitive'} with {@code values} bound
     * as one array, when this database allows it; otherwise appends nothing.
     *
     * @return whether it appended the condition
     */
    boolean appendInsensitiveValuesIn(Sql sql, String column, ScalarField field, List<Object> values) { return false; }

    /**
     * The fetch size with which a long read comes from the server a chunk at a time while the same connection loads
     * each chunk's relations ({@code nested}); null when this database cannot do both at once.
     */
    public Integer streamingFetchSize(int chunkSize, boolean nested) { return chunkSize; }

    /** @return whether a result comes a chunk at a time only inside a transaction (PostgreSQL's cursors) */
    public boolean cursorNeedsTransaction() { return false; }

    /** Binds a value of {@code field} (never a list unless the field is a list). */
    public void bind(PreparedStatement ps, int index, ScalarField field, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
            return;
        }
        switch (value) {
            case String s -> ps.setString(index, field != null && field.isEnum() ? enumDatabaseValue(field, s) : s);
            case Integer i -> ps.setInt(index, i);
            case Long l -> ps.setLong(index, l);
            case Double d -> ps.setDouble(index, d);
            case BigDecimal d -> bindDecimal(ps, index, d);
            case Boolean b -> bindBoolean(ps, index, b);
            case Instant t -> bindDateTime(ps, index, t);
            case byte[] bytes -> ps.setBytes(index, bytes);
            case JsonNode n -> ps.setString(index, JsonCodec.write(n));
            default -> ps.setObject(index, value);
        }
    }

    protected void bindDecimal(PreparedStatement ps, int index, BigDecimal d) throws SQLException { ps.setBigDecimal(index, d); }

    protected void bindBoolean(PreparedStatement ps, int index, boolean b) throws SQLException { ps.setBoolean(index, b); }

    protected void bindDateTime(PreparedStatement ps, int index, Instant t) throws SQLException {
        ps.setObject(index, LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /** Reads column {@code column} as a value of {@code field}; null stays null. */
    public Object read(ResultSet rs, int column, ScalarField field) throws SQLException {
        if (field.isList()) return readList(rs, column, field);
        if (field.kind() == FieldKind.ENUM) {
            String s = rs.getString(column);
            return s == null ? null : enumClientValue(field, s);
        }
        if (field.kind() != FieldKind.SCALAR) {
            Object o = rs.getObject(column);
            return o == null ? null : o.toString();
        }
        return readScalar(rs, column, field.scalarType());
    }

    /** Reads a scalar list column; only databases with lists have them. */
    protected Object readList(ResultSet rs, int column, ScalarField field) throws SQLException {
        throw new IllegalStateException(field.name() + " is a list, which this database does not have");
    }

    protected Object readScalar(ResultSet rs, int column, ScalarType type) throws SQLException {
        // Getters of objects return null for NULL; only those of primitives need wasNull(), which costs the SQLite
        // driver a native call per value.
        return switch (type) {
            case STRING -> rs.getString(column);
            case DECIMAL -> readDecimal(rs, column);
            case DATE_TIME -> readDateTime(rs, column);
            case JSON -> {
                String s = rs.getString(column);
                yield s == null ? null : JsonCodec.parse(s);
            }
            case BYTES -> rs.getBytes(column);
            case BOOLEAN -> orNull(rs, rs.getBoolean(column));
            case INT -> {
                // SQLite keeps what it is given, also beyond 32 bits (as Prisma writes it there).
                long l = rs.getLong(column);
                yield orNull(rs, l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l);
            }
            case BIG_INT -> orNull(rs, rs.getLong(column));
            case FLOAT -> orNull(rs, rs.getDouble(column));
        };
    }

    /** A primitive getter's value, or null when the column just read was NULL. */
    private static Object orNull(ResultSet rs, Object primitive) throws SQLException {
        return rs.wasNull() ? null : primitive;
    }

    protected Object readDecimal(ResultSet rs, int column) throws SQLException { return rs.getBigDecimal(column); }

    protected Object readDateTime(ResultSet rs, int column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : toInstant(o);
    }

    /** Converts whatever a driver returns for a date-time column into an Instant (UTC). */
    protected static Instant toInstant(Object o) {
        return switch (o) {
            case Instant i -> i;
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
            case OffsetDateTime odt -> odt.toInstant();
            case LocalDate d -> d.atStartOfDay().toInstant(ZoneOffset.UTC);
            case java.sql.Date d -> d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
            case Number n -> Instant.ofEpochMilli(n.longValue());
            case String s -> parseText(s);
            default -> parseText(o.toString());
        };
    }

    private static final DateTimeFormatter SQL_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

    private static Instant parseText(String s) {
        String t = s.strip();
        if (t.matches("-?\\d+")) return Instant.ofEpochMilli(Long.parseLong(t));
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            if (t.length() == 10) return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    /** @return the stored value of an enum value (its {@code @map}, else its name) */
    protected String enumDatabaseValue(ScalarField field, String clientValue) {
        EnumType e = schema.enumType(field.typeName());
        if (e == null) return clientValue;
        var v = e.value(clientValue);
        return v == null ? clientValue : v.databaseName();
    }

    /** @return the client name of a stored enum value */
    protected String enumClientValue(ScalarField field, String stored) {
        EnumType e = schema.enumType(field.typeName());
        if (e == null) return stored;
        for (var v : e.values()) if (v.databaseName().equals(stored)) return v.name();
        return stored;
    }

    // ---------------------------------------------------------------- the dialects

    /** PostgreSQL and CockroachDB. */
    public static final class Postgres extends SqlDialect {
        Postgres(Schema schema) { super(schema); }

        @Override public SqlFamily family() { return SqlFamily.POSTGRES; }

        @Override public boolean supportsInsensitiveMode() { return true; }

        @Override public boolean supportsScalarLists() { return true; }

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
                throw new dev.facet.data.error.QueryError("P2020", "Value out of range for the type: value \"" + l + "\" is out of range for type integer");
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

        /** PostgreSQL's text cannot hold U+0000; the driver would fail with a message about encodings. */
        /** PostgreSQL's text cannot hold U+0000; Prisma passes on the database's refusal (22021) as P2039. */
        private static dev.facet.data.error.QueryError nul(ScalarField field) {
            return new dev.facet.data.error.QueryError("P2039", "Database error. Code: `22021`. Message: `invalid byte sequence for encoding \"UTF8\": 0x00`");
        }
    }

    /** MySQL and MariaDB. */
    public static final class MySql extends SqlDialect {
        private static final java.time.format.DateTimeFormatter MYSQL_DATE_TIME =
                java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

        MySql(Schema schema) { super(schema); }

        @Override public SqlFamily family() { return SqlFamily.MYSQL; }

        @Override public boolean supportsInsensitiveMode() { return false; }

        @Override public boolean nullsSortHigh() { return false; }

        @Override public boolean supportsNullsOrdering() { return false; }

        @Override protected String noLimit() { return " LIMIT 18446744073709551615"; }

        @Override public boolean supportsReturning() { return false; }

        @Override public boolean supportsNativeUpsert() { return false; }

        @Override public boolean foreignKeysSetDefault() { return false; }
        /**
         * Connector/J streams a result row by row only with {@link Integer#MIN_VALUE}, and then no other statement may
         * run on the connection until it is read: a read with relations is read whole.
         */
        @Override public Integer streamingFetchSize(int chunkSize, boolean nested) { return nested ? null : Integer.MIN_VALUE; }

        @Override public String emptyInsert() { return " () VALUES ()"; }

        @Override public String insertIgnore() { return "INSERT IGNORE INTO "; }

        @Override public String onConflictIgnore() { return ""; }

        // MariaDB has no alias in a single-table DELETE; the multi-table form takes one.
        @Override public String deleteFrom(String table, String alias) { return "DELETE " + alias + " FROM " + table + " " + alias; }

        @Override
        Sql jsonAt(String column, List<String> path) {
            return path.isEmpty() ? new Sql().append(column) : jsonOp("JSON_EXTRACT(", new Sql().append(column), ", ", path.getFirst(), ")");
        }

        @Override
        Sql jsonTextAt(String column, List<String> path, boolean lowered) {
            return path.isEmpty() ? new Sql().append(column) : new Sql().append("JSON_UNQUOTE(").append(jsonAt(column, path)).append(")");
        }

        /** Prisma tests equality of JSON on MySQL as containment both ways. */
        @Override
        Sql jsonEquals(Sql target, JsonNode value, boolean not) {
            String text = jsonText(value);
            Sql sql = jsonOp(not ? "(NOT JSON_CONTAINS(" : "(JSON_CONTAINS(", target, ", ", text, not ? ") OR NOT JSON_CONTAINS(" : ") AND JSON_CONTAINS(");
            sql.params().add(new Sql.Param(null, text));
            return sql.append("?, ").append(target).append("))");
        }

        /**
         * A string operand goes as text, a number as a number: MariaDB compares a JSON number with a text operand as
         * text ({@code 40 > '100'}), while Prisma compares numbers.
         */
        @Override
        Sql jsonCompare(Sql target, String op, JsonNode value) {
            Object operand = value.isTextual() ? value.textValue()
                    : value.isIntegralNumber() ? (value.canConvertToLong() ? (Object) value.longValue() : new BigDecimal(value.bigIntegerValue()))
                    : value.isNumber() ? (Object) value.doubleValue() : jsonText(value);
            return jsonOp("", target, " " + op + " ", operand, "");
        }

        /**
         * Sent as text with its milliseconds: Connector/J drops the fraction of a date-time parameter when the server
         * announces itself as older than MySQL 5.6.4, which MariaDB before 11 does ({@code 5.5.5-10.11...}); and it
         * would pass the year 0000 through the Julian calendar, as 0001.
         */
        @Override
        protected void bindDateTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setString(index, MYSQL_DATE_TIME.format(t));
        }

        @Override
        Sql jsonArrayContains(Sql target, JsonNode value) { return jsonOp("JSON_CONTAINS(", target, ", ", jsonText(value), ")"); }

        @Override
        Sql jsonElement(Sql target, boolean last) {
            Sql sql = new Sql().append("JSON_EXTRACT(").append(target);
            if (!last) return sql.append(", '$[0]')");
            return sql.append(", CONCAT('$[', JSON_LENGTH(").append(target).append(") - 1, ']'))");
        }

        @Override
        Sql jsonTypeCheck(Sql target, JsonNode typeOf, boolean is) {
            Sql sql = new Sql();
            if (typeOf.isNumber()) {
                // A JSON number is an INTEGER or a DOUBLE to MySQL.
                return sql.append("(JSON_TYPE(").append(target).append(is ? ") = 'INTEGER' OR JSON_TYPE(" : ") != 'INTEGER' AND JSON_TYPE(")
                        .append(target).append(is ? ") = 'DOUBLE')" : ") != 'DOUBLE')");
            }
            String type = typeOf.isTextual() ? "STRING" : typeOf.isBoolean() ? "BOOLEAN" : typeOf.isArray() ? "ARRAY" : typeOf.isObject() ? "OBJECT" : "NULL";
            return sql.append("JSON_TYPE(").append(target).append(is ? ") = '" : ") != '").append(type).append("'");
        }

        /**
         * An ENUM column orders by the values' order in the type, but a scalar subquery gives plain text, which orders
         * alphabetically; FIELD() gives the position back (0 for NULL, which sorts where NULL does).
         */
        @Override
        public String enumOrderKey(String expression, EnumType type) {
            if (type == null) return expression;
            StringBuilder sb = new StringBuilder("FIELD(").append(expression);
            for (var v : type.values()) sb.append(", '").append(v.databaseName().replace("'", "''")).append("'");
            return sb.append(")").toString();
        }

        /** Prisma's MySQL adapter sends a Decimal operand as text, which MySQL's arithmetic reads as a double. */
        @Override
        public Object arithmeticOperand(ScalarField field, Object operand) {
            return operand instanceof BigDecimal d ? d.toPlainString() : operand;
        }

    }

    /** SQLite. Date-times are stored as ISO-8601 text, as Prisma 7's SQLite adapters store them. */
    public static final class Sqlite extends SqlDialect {
        @Override public boolean supportsSkipDuplicates() { return false; }
        /** The proleptic year ({@code uuuu}), so that 0000 stays 0000 (Prisma stores it so on SQLite). */
        private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        Sqlite(Schema schema) { super(schema); }

        @Override public SqlFamily family() { return SqlFamily.SQLITE; }

        @Override public boolean supportsInsensitiveMode() { return false; }

        @Override public boolean jsonComparisons() { return false; }

        @Override public boolean nullsSortHigh() { return false; }

        @Override protected String noLimit() { return " LIMIT -1"; }

        @Override public String lockRows() { return ""; }

        /*
         * The write lock is taken first, waiting up to the busy timeout for another writer. A deferred transaction takes
         * it at its first write, when it may already hold a read lock: SQLite then fails at once rather than wait, since
         * waiting could deadlock with the other writer.
         */
        @Override public String beginWrite() { return "BEGIN IMMEDIATE"; }

        @Override
        protected void bindDateTime(PreparedStatement ps, int index, Instant t) throws SQLException {
            ps.setString(index, ISO.format(t));
        }

        @Override
        protected void bindDecimal(PreparedStatement ps, int index, BigDecimal d) throws SQLException {
            // SQLite keeps it as a REAL: beyond a double it would become Infinity, which Prisma refuses to send.
            if (d.precision() - d.scale() > 309 && Double.isInfinite(d.doubleValue())) {
                throw new dev.facet.data.error.QueryError("P2020", "Value out of range for the type: the Decimal " + d.toString().replace("E", "e")
                        + " is beyond what SQLite holds (a 64-bit floating point number)");
            }
            ps.setString(index, d.toPlainString());
        }

        /** SQLite keeps a decimal as a REAL; like Prisma (which reads it as a JavaScript number), its shortest decimal text. */
        @Override
        protected Object readDecimal(ResultSet rs, int column) throws SQLException {
            Object o = rs.getObject(column);
            return switch (o) {
                case null -> null;
                case Double d -> new BigDecimal(Double.toString(d));
                case Float f -> new BigDecimal(Double.toString(f));
                default -> new BigDecimal(o.toString());
            };
        }

        /**
         * An aggregate has no column affinity, so a Decimal bound as text would compare as text (always above any
         * number); Prisma sends it as a number.
         */
        @Override
        public Object aggregateOperand(boolean ofAggregate, Object value) {
            return ofAggregate && value instanceof BigDecimal d ? (Object) d.doubleValue() : value;
        }

        /** Prisma's SQLite adapter (libsql) sends JavaScript numbers as REALs: an Int divided that way keeps its fraction. */
        @Override
        public Object arithmeticOperand(ScalarField field, Object operand) {
            return operand instanceof Integer i ? Double.valueOf(i) : operand;
        }

        @Override
        protected Object readDateTime(ResultSet rs, int column) throws SQLException {
            Object o = rs.getObject(column);
            return o == null ? null : toInstant(o);
        }

        /** SQLite keeps an overflowed REAL as infinity, which Prisma's SQLite adapter reads as null. */
        @Override
        protected Object readScalar(ResultSet rs, int column, ScalarType type) throws SQLException {
            Object value = super.readScalar(rs, column, type);
            return value instanceof Double d && d.isInfinite() ? null : value;
        }

        @Override
        Sql jsonAt(String column, List<String> path) {
            return path.isEmpty() ? new Sql().append(column) : jsonOp("", new Sql().append(column), "->", path.getFirst(), "");
        }

        @Override
        Sql jsonTextAt(String column, List<String> path, boolean lowered) {
            return path.isEmpty() ? new Sql().append(column) : jsonOp("", new Sql().append(column), "->>", path.getFirst(), "");
        }

        /** {@code ->} gives the JSON text of the value, which Prisma compares with the JSON text of the operand. */
        @Override
        Sql jsonEquals(Sql target, JsonNode value, boolean not) { return jsonOp("", target, not ? " <> " : " = ", jsonText(value), ""); }

        @Override
        Sql jsonCompare(Sql target, String op, JsonNode value) { throw new IllegalStateException("SQLite has no Json comparisons"); }

        @Override
        Sql jsonArrayContains(Sql target, JsonNode value) { throw new IllegalStateException("SQLite has no array_contains"); }

        @Override
        Sql jsonElement(Sql target, boolean last) { return new Sql().append(target).append(last ? "->'$[#-1]'" : "->'$[0]'"); }

        @Override
        Sql jsonTypeCheck(Sql target, JsonNode typeOf, boolean is) {
            String type = typeOf.isTextual() ? "text" : typeOf.isArray() ? "array" : typeOf.isObject() ? "object" : typeOf.isIntegralNumber() ? "integer"
                    : typeOf.isNumber() ? "real" : typeOf.isBoolean() ? typeOf.asText() : "null";
            return new Sql().append("(JSON_TYPE(").append(target).append(is ? ") = '" : ") != '").append(type).append("')");
        }
    }
}
