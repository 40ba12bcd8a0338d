package dev.facet.data.sql;

import dev.facet.data.QueryError;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns driver exceptions into Prisma's errors, by SQLSTATE and vendor code, so that every database
 * reports a broken unique constraint as P2002, a foreign key as P2003, and so on. The driver's own
 * text is kept as the cause, never shown as the message.
 */
final class SqlErrors {
    private SqlErrors() {}

    static QueryError translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")) {
            return new QueryError("P1001", "Can't reach database server: " + firstLine(text), e);
        }
        if (state.equals("23505") || e.getErrorCode() == 1062 || text.contains("UNIQUE constraint failed")) {
            return new QueryError("P2002", "Unique constraint failed", e);
        }
        if (state.equals("23503") || e.getErrorCode() == 1451 || e.getErrorCode() == 1452 || text.contains("FOREIGN KEY constraint failed")) {
            return new QueryError("P2003", "Foreign key constraint violated", e);
        }
        if (state.equals("23502") || e.getErrorCode() == 1048 || text.contains("NOT NULL constraint failed")) {
            return new QueryError("P2011", "Null constraint violation", e);
        }
        return new QueryError("P2010", "The database reported an error: " + firstLine(text), e);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
