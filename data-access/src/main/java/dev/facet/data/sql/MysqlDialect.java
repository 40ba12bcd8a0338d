package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.sql.connect.SqlFamily;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** MySQL and MariaDB. */
final class MysqlDialect extends SqlDialect {
    private static final DateTimeFormatter MYSQL_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    MysqlDialect(Schema schema) { super(schema); }

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
    protected String dateTimeText(Instant t) { return MYSQL_DATE_TIME.format(t); }

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
        for (var v : type.values()) sb.append(", ").append(family().stringLiteral(v.databaseName()));
        return sb.append(")").toString();
    }

    /** Prisma's MySQL adapter sends a Decimal operand as text, which MySQL's arithmetic reads as a double. */
    @Override
    public Object arithmeticOperand(ScalarField field, Object operand) {
        return operand instanceof BigDecimal d ? d.toPlainString() : operand;
    }
}
