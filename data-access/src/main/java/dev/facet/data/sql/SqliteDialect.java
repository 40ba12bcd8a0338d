package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** SQLite. Date-times are stored as ISO-8601 text, as Prisma 7's SQLite adapters store them. */
final class SqliteDialect extends SqlDialect {
    @Override public boolean supportsSkipDuplicates() { return false; }
    /** The proleptic year ({@code uuuu}), so that 0000 stays 0000 (Prisma stores it so on SQLite). */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    SqliteDialect(Schema schema) { super(schema); }

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
            throw new QueryError("P2020", "Value out of range for the type: the Decimal " + d.toString().replace("E", "e")
                    + " is beyond what SQLite holds (a 64-bit floating point number)");
        }
        ps.setString(index, d.toPlainString());
    }

    @Override
    protected String dateTimeText(Instant t) { return ISO.format(t); }

    /** SQLite has no words for NaN and the infinities: an overflowing number is its infinity, NaN is stored as NULL. */
    @Override
    protected String floatLiteral(double d) {
        if (Double.isNaN(d)) return "NULL";
        return Double.isInfinite(d) ? (d > 0 ? "9e999" : "-9e999") : super.floatLiteral(d);
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
