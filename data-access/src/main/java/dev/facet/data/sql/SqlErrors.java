package dev.facet.data.sql;

import dev.facet.data.error.QueryError;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns driver exceptions into the errors Prisma 7 reports through its driver adapters: each database's error
 * (PostgreSQL's SQLSTATE, MySQL's error number, SQLite's extended result code) is classified as Prisma's adapters
 * classify it (a unique constraint, a foreign key, a value out of range, ...) and worded as Prisma Client words
 * that class, naming the constraint or fields in the same way. Anything else is P2039 with the database's code
 * and message. The driver's exception is kept as the cause.
 */
final class SqlErrors {
    private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]+)\\)");
    private static final Pattern SQLITE_INNER = Pattern.compile("\\((.*)\\)\\s*$", Pattern.DOTALL);

    /** SQLSTATEs of a connection lost after it was made: closed, failed, or ended by the server. */
    private static final java.util.Set<String> LOST = java.util.Set.of("08003", "08006", "08007", "08S01", "57P01", "57P02", "57P03");

    private SqlErrors() {}

    static QueryError translate(SQLException e) {
        // The statement was stopped because its work was cancelled: whatever the database calls that.
        if (dev.facet.data.connector.Cancellation.currentCancelled()) {
            QueryError cancelled = dev.facet.data.connector.Cancellation.cancelledError();
            cancelled.initCause(e);
            return cancelled;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (LOST.contains(state)) {
            // The connection was lost in the middle of a request; its transaction is rolled back by the database.
            return new QueryError("P1017", "Server has closed the connection.", e);
        }
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
            return new QueryError("P1001", "Can't reach database server: " + firstLine(e.getMessage()), e);
        }
        if (e instanceof org.postgresql.util.PSQLException pg) return postgres(pg);
        if (e instanceof org.sqlite.SQLiteException sqlite) return sqlite(sqlite);
        return mysql(e);
    }

    // ---------------------------------------------------------------- PostgreSQL, as @prisma/adapter-pg

    private static QueryError postgres(org.postgresql.util.PSQLException e) {
        org.postgresql.util.ServerErrorMessage server = e.getServerErrorMessage();
        String code = e.getSQLState() == null ? "N/A" : e.getSQLState();
        String message = server != null && server.getMessage() != null ? server.getMessage() : firstLine(e.getMessage());
        String detail = server == null ? null : server.getDetail();
        String column = server == null ? null : server.getColumn();
        String constraint = server == null ? null : server.getConstraint();
        return switch (code) {
            case "22001" -> lengthMismatch(column, e);
            case "22003" -> new QueryError("P2020", "Value out of range for the type: " + message, e);
            case "22P02" -> new QueryError("P2007", "Invalid input value: " + message, e);
            case "23505" -> {
                List<String> keyFields = keyFields(detail);
                yield unique(constraint != null ? index(constraint) : keyFields != null ? fields(keyFields) : null, e);
            }
            case "23502" -> nullViolation(keyFields(detail) == null ? null : fields(keyFields(detail)), e);
            case "23503", "23001" -> foreignKey(column != null ? fields(List.of(column)) : constraint != null ? index(constraint) : null, e);
            case "40001", "40P01" -> writeConflict(e);
            case "42P01" -> new QueryError("P2021", "The table `" + quotedName(message) + "` does not exist in the current database.", e);
            case "42703" -> new QueryError("P2022", "The column `" + columnNotFound(message) + "` does not exist in the current database.", e);
            case "53300" -> new QueryError("P2037", "Too many database connections opened: " + message, e);
            default -> databaseError(code, message, e);
        };
    }

    private static List<String> keyFields(String detail) {
        if (detail == null) return null;
        Matcher m = PG_KEY.matcher(detail);
        return m.find() ? Arrays.asList(m.group(1).split(", ")) : null;
    }

    private static String quotedName(String message) {
        String[] words = message.split(" ");
        if (words.length < 2) return "(not available)";
        String[] parts = words[1].split("\"");
        return parts.length > 1 ? parts[1] : "(not available)";
    }

    private static String columnNotFound(String message) {
        Matcher m = Pattern.compile("^column (.+) does not exist$").matcher(message);
        return m.find() ? m.group(1).replaceAll("\"((?:\"\"|[^\"])*)\"", "$1").replace("\"\"", "\"") : "(not available)";
    }

    // ---------------------------------------------------------------- SQLite, as @prisma/adapter-libsql

    private static QueryError sqlite(org.sqlite.SQLiteException e) {
        int code = e.getResultCode() == null ? e.getErrorCode() : e.getResultCode().code;
        String inner = sqliteMessage(e);
        return switch (code) {
            case 2067, 1555 -> unique(fields(constraintColumns(inner)), e);
            case 1299 -> nullViolation(fields(constraintColumns(inner)), e);
            case 787, 1811 -> foreignKey("foreign key", e);
            default -> {
                // SQLITE_BUSY once the busy timeout has passed: Prisma's code for it, and what kept the write waiting.
                if ((code & 0xff) == 5) yield new QueryError("P1008", "Operation has timed out: the database is locked by another writer", e);
                if (inner.startsWith("no such table")) yield new QueryError("P2021", "The table `" + after(inner, ": ")
                        + "` does not exist in the current database.", e);
                if (inner.startsWith("no such column")) yield new QueryError("P2022", "The column `" + after(inner, ": ")
                        + "` does not exist in the current database.", e);
                yield databaseError(Integer.toString(code), primaryName(code) + ": " + inner, e);
            }
        };
    }

    /** The database's own text inside the driver's "[CODE] description (text)". */
    private static String sqliteMessage(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        Matcher inner = SQLITE_INNER.matcher(m);
        return inner.find() ? inner.group(1) : m;
    }

    private static List<String> constraintColumns(String message) {
        int at = message.indexOf("constraint failed: ");
        if (at < 0) return null;
        return Arrays.stream(message.substring(at + "constraint failed: ".length()).split(", "))
                .map(c -> c.substring(c.lastIndexOf('.') + 1)).toList();
    }

    private static String primaryName(int code) {
        org.sqlite.SQLiteErrorCode primary = org.sqlite.SQLiteErrorCode.getErrorCode(code & 0xff);
        return primary == null || primary == org.sqlite.SQLiteErrorCode.UNKNOWN_ERROR ? "SQLITE_ERROR" : primary.name();
    }

    // ---------------------------------------------------------------- MySQL and MariaDB, as @prisma/adapter-mariadb

    private static QueryError mysql(SQLException e) {
        // Connector/J puts "Data truncation: " before the server's own message.
        String message = e.getMessage() == null ? "N/A" : e.getMessage().replaceFirst("^Data truncation: ", "");
        String[] words = message.split(" ");
        return switch (e.getErrorCode()) {
            case 1062 -> unique(quoted(words[words.length - 1]) == null ? null : index(lastSegment(quoted(words[words.length - 1]))), e);
            case 1451, 1452 -> {
                String field = words.length > 17 ? backquoted(words[17]) : null;
                yield foreignKey(field == null ? null : fields(List.of(field)), e);
            }
            case 1263 -> nullViolation(quoted(words[words.length - 1]) == null ? null : index(quoted(words[words.length - 1])), e);
            case 1264 -> new QueryError("P2020", "Value out of range for the type: " + message, e);
            case 1364, 1048 -> nullViolation(words.length > 1 && quoted(words[1]) != null ? fields(List.of(quoted(words[1]))) : null, e);
            case 1146 -> new QueryError("P2021", "The table `" + (words.length > 1 && quoted(words[1]) != null
                    ? lastSegment(quoted(words[1])) : "(not available)") + "` does not exist in the current database.", e);
            case 1054 -> new QueryError("P2022", "The column `" + (words.length > 2 && quoted(words[2]) != null ? quoted(words[2])
                    : "(not available)") + "` does not exist in the current database.", e);
            case 1406 -> {
                List<String> parts = Arrays.stream(words).flatMap(w -> Arrays.stream(w.split("'", -1))).toList();
                yield lengthMismatch(parts.size() > 6 ? parts.get(6) : null, e);
            }
            case 1213 -> writeConflict(e);
            case 1040, 1203 -> new QueryError("P2037", "Too many database connections opened: " + message, e);
            default -> databaseError(Integer.toString(e.getErrorCode()), message, e);
        };
    }

    private static String quoted(String word) {
        String[] parts = word.split("'", -1);
        return parts.length > 2 ? parts[1] : null;
    }

    private static String backquoted(String word) {
        String[] parts = word.split("`", -1);
        return parts.length > 2 ? parts[1] : null;
    }

    private static String lastSegment(String name) { return name.substring(name.lastIndexOf('.') + 1); }

    // ---------------------------------------------------------------- Prisma Client's wording

    private static QueryError unique(String constraint, SQLException e) {
        return new QueryError("P2002", "Unique constraint failed on the " + orUnknown(constraint), e);
    }

    private static QueryError foreignKey(String constraint, SQLException e) {
        return new QueryError("P2003", "Foreign key constraint violated on the " + orUnknown(constraint), e);
    }

    private static QueryError nullViolation(String constraint, SQLException e) {
        return new QueryError("P2011", "Null constraint violation on the " + orUnknown(constraint), e);
    }

    private static QueryError lengthMismatch(String column, SQLException e) {
        return new QueryError("P2000", "The provided value for the column is too long for the column's type. Column: "
                + (column == null ? "(not available)" : column), e);
    }

    private static QueryError writeConflict(SQLException e) {
        return new QueryError("P2034", "Transaction failed due to a write conflict or a deadlock. Please retry your transaction", e);
    }

    private static QueryError databaseError(String code, String message, SQLException e) {
        return new QueryError("P2039", "Database error. Code: `" + code + "`. Message: `" + message + "`", e);
    }

    private static String orUnknown(String constraint) { return constraint == null ? "(not available)" : constraint; }

    /** Prisma's rendering of a field list: {@code fields: (`a`, `b`)}. */
    private static String fields(List<String> columns) {
        if (columns == null) return null;
        return "fields: (" + String.join(", ", columns.stream().map(c -> "`" + c + "`").toList()) + ")";
    }

    private static String index(String name) { return "constraint: `" + name + "`"; }

    private static String after(String text, String separator) {
        int at = text.indexOf(separator);
        return at < 0 ? text : text.substring(at + separator.length());
    }

    private static String firstLine(String text) {
        if (text == null) return "";
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
