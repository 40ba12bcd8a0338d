package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Provider;
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
 * The query part of a database's dialect: what differs between the SQL databases Facet speaks to when it reads and
 * writes rows (how values are bound and read back, case-insensitive comparison, Json filters, paging, a few
 * capabilities). One subclass per database ({@link PostgresDialect}, {@link MysqlDialect}, {@link SqliteDialect}); the
 * facts it shares with the DDL part ({@code sql.ddl.DdlDialect}), such as quoting, namespaces and scalar lists, come
 * from its {@link SqlFamily}. Strategy follows these capabilities, never {@code instanceof} on a dialect.
 */
public abstract class SqlDialect {
    /** The schema whose enums and table names the dialect resolves. */
    protected final Schema schema;

    protected SqlDialect(Schema schema) { this.schema = schema; }

    /** @return the dialect for the schema's provider */
    public static SqlDialect of(Schema schema) {
        Provider p = schema.provider().orElseThrow(() -> new IllegalArgumentException("the schema has no datasource"));
        return switch (SqlFamily.of(p)) {
            case POSTGRES -> new PostgresDialect(schema);
            case MYSQL -> new MysqlDialect(schema);
            case SQLITE -> new SqliteDialect(schema);
        };
    }

    /** @return the family of databases this dialect speaks to, whose one quoting function it uses */
    public abstract SqlFamily family();

    /** @return the identifier quoted for this database */
    public final String quote(String identifier) { return family().quote(identifier); }

    /** @return the qualified, quoted name of a table ({@code "schema"."table"} where the model names a schema) */
    public String table(String databaseName, String dbSchema) { return family().qualified(dbSchema, databaseName); }

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
        EnumSet<ConnectorCapability> c = EnumSet.of(ConnectorCapability.FOREIGN_KEYS, ConnectorCapability.TRANSACTIONS, ConnectorCapability.JSON_FILTERS,
                ConnectorCapability.UPDATABLE_ID, ConnectorCapability.NULLS_ORDER);
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
    public final boolean supportsScalarLists() { return family().scalarLists(); }

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

    // Literals: the text form of what bind() sends, for the INSERT statements people copy (SqlInsertScript).

    /** @return {@code value} of {@code field} written as a literal this database reads back as the same value; null is NULL */
    public String literal(ScalarField field, Object value) {
        return switch (value) {
            case null -> "NULL";
            case List<?> list -> listLiteral(field, list);
            case String s -> family().stringLiteral(field.isEnum() ? enumDatabaseValue(field, s) : s);
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Double d -> floatLiteral(d);
            // Exact, as written: never through a double.
            case BigDecimal d -> d.toPlainString();
            case Boolean b -> b ? "TRUE" : "FALSE";
            case Instant t -> family().stringLiteral(dateTimeText(t));
            case byte[] b -> bytesLiteral(b);
            case JsonNode n -> family().stringLiteral(JsonCodec.write(n));
            default -> family().stringLiteral(value.toString());
        };
    }

    /** @return a Float; NaN and the infinities as the quoted words the database reads ({@code 'NaN'}) */
    protected String floatLiteral(double d) {
        if (Double.isFinite(d)) return Double.toString(d);
        return family().stringLiteral(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }

    /** @return a DateTime as the text bind() sends (UTC, milliseconds) */
    protected String dateTimeText(Instant t) { return LITERAL_DATE_TIME.format(t); }

    private static final DateTimeFormatter LITERAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** @return Bytes as a hexadecimal literal ({@code X'dead'}) */
    protected String bytesLiteral(byte[] bytes) { return "X'" + java.util.HexFormat.of().formatHex(bytes) + "'"; }

    /** @return a scalar list; only databases with lists have them */
    protected String listLiteral(ScalarField field, List<?> items) {
        throw new IllegalStateException(field.name() + " is a list, which this database does not have");
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
}
