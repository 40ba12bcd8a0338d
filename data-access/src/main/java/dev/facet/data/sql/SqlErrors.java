package dev.facet.data.sql;

import dev.facet.data.QueryError;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns driver exceptions into Prisma's errors, by SQLSTATE, vendor code and the database's own
 * wording, so that every database reports a broken unique constraint as P2002, a foreign key as P2003,
 * a NOT NULL as P2011, each naming the constraint or fields as Prisma does for that database. The
 * driver's text is kept as the cause, never shown as the message.
 */
final class SqlErrors {
    private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]*)\\)=");
    private static final Pattern PG_CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern PG_COLUMN = Pattern.compile("column \"([^\"]+)\"");
    private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([^)\\]]+)");
    private static final Pattern MYSQL_KEY = Pattern.compile("for key '([^']+)'");
    private static final Pattern MYSQL_FK_COLUMNS = Pattern.compile("FOREIGN KEY \\(([^)]*)\\)");
    private static final Pattern MYSQL_COLUMN = Pattern.compile("Column '([^']+)'");

    /** SQLSTATEs of a connection lost after it was made: closed, failed, or ended by the server. */
    private static final java.util.Set<String> LOST = java.util.Set.of("08003", "08006", "08007", "08S01", "57P01", "57P02", "57P03");

    private SqlErrors() {}

    static QueryError translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = e.getMessage() == null ? "" : e.getMessage();
        int vendor = e.getErrorCode();
        if (LOST.contains(state)) {
            // The connection was lost in the middle of a request; its transaction is rolled back by the database.
            return new QueryError("P1017", "Server has closed the connection.", e);
        }
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
            return new QueryError("P1001", "Can't reach database server: " + firstLine(text), e);
        }
        if (state.equals("23505") || vendor == 1062 || text.contains("UNIQUE constraint failed")) {
            return new QueryError("P2002", "Unique constraint failed on the " + unique(text), e);
        }
        if (state.equals("23503") || vendor == 1451 || vendor == 1452 || text.contains("FOREIGN KEY constraint failed")) {
            return new QueryError("P2003", "Foreign key constraint violated on the " + foreignKey(text), e);
        }
        if (state.equals("23502") || vendor == 1048 || text.contains("NOT NULL constraint failed")) {
            return new QueryError("P2011", "Null constraint violation on the " + notNull(text), e);
        }
        if (state.equals("22001") || vendor == 1406 || text.contains("too long")) {
            return new QueryError("P2000", "The provided value for the column is too long for the column's type.", e);
        }
        if (state.startsWith("22") || vendor == 1264 || vendor == 1366) {
            return new QueryError("P2007", "Data validation error: " + firstLine(text), e);
        }
        return new QueryError("P2010", "The database reported an error: " + firstLine(text), e);
    }

    private static String unique(String text) {
        Matcher pg = PG_KEY.matcher(text);
        if (pg.find()) return fields(Arrays.stream(pg.group(1).split(",\\s*")));
        Matcher sqlite = SQLITE_COLUMNS.matcher(text);
        if (sqlite.find()) {
            return fields(Arrays.stream(sqlite.group(1).split(",\\s*")).map(c -> c.contains(".") ? c.substring(c.lastIndexOf('.') + 1) : c));
        }
        Matcher mysql = MYSQL_KEY.matcher(text);
        if (mysql.find()) {
            String key = mysql.group(1);
            return "constraint: `" + (key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key) + "`";
        }
        return "(not available)";
    }

    private static String foreignKey(String text) {
        Matcher mysql = MYSQL_FK_COLUMNS.matcher(text);
        if (mysql.find()) return fields(Arrays.stream(mysql.group(1).split(",\\s*")).map(c -> c.replace("`", "")));
        Matcher pg = PG_CONSTRAINT.matcher(text);
        if (pg.find()) return "constraint: `" + pg.group(1) + "`";
        return "foreign key";
    }

    private static String notNull(String text) {
        Matcher pg = PG_COLUMN.matcher(text);
        if (pg.find()) return fields(java.util.stream.Stream.of(pg.group(1)));
        Matcher mysql = MYSQL_COLUMN.matcher(text);
        if (mysql.find()) return fields(java.util.stream.Stream.of(mysql.group(1)));
        Matcher sqlite = SQLITE_COLUMNS.matcher(text);
        if (sqlite.find()) {
            String c = sqlite.group(1);
            return fields(java.util.stream.Stream.of(c.contains(".") ? c.substring(c.lastIndexOf('.') + 1) : c));
        }
        return "(not available)";
    }

    /** Prisma's rendering of a field list: {@code fields: (`a`,`b`)}. */
    private static String fields(java.util.stream.Stream<String> columns) {
        return "fields: (" + columns.map(String::strip).map(c -> "`" + c.replace("\"", "") + "`").collect(Collectors.joining(",")) + ")";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
