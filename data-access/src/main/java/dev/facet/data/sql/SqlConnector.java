package dev.facet.data.sql;

import dev.facet.data.QueryError;
import dev.facet.data.connector.Connector;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The connector for PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite, over a pooled {@link DataSource}. */
public final class SqlConnector implements Connector {
    private final Schema schema;
    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final SqlReader reader;
    private final AutoCloseable onClose;

    /**
     * @param schema       the schema
     * @param dataSource   the pool to take connections from
     * @param onClose      what closing the connector closes (the pool), or null
     * @param statementLog receives each SQL statement run (for tests and diagnostics), or null
     */
    public SqlConnector(Schema schema, DataSource dataSource, AutoCloseable onClose, Consumer<String> statementLog) {
        this.schema = schema;
        this.dataSource = dataSource;
        this.dialect = SqlDialect.of(schema);
        this.reader = new SqlReader(schema, dialect, statementLog);
        this.onClose = onClose;
    }

    /** @return the dialect in use */
    public SqlDialect dialect() { return dialect; }

    @Override
    public List<Map<String, Object>> read(ReadQuery query) {
        try (Connection c = dataSource.getConnection()) {
            return reader.read(c, query);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public long count(Model model, Filter where) {
        try (Connection c = dataSource.getConnection()) {
            return reader.count(c, model, where);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public <T> T transaction(java.util.function.Function<dev.facet.data.connector.Session, T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(new SqlSession(schema, dialect, reader, c, this));
                c.commit();
                return result;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // the connection is going back to the pool or is already broken
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public boolean supportsInsensitiveFilters() { return dialect.supportsInsensitiveMode(); }

    @Override
    public List<Map<String, Object>> aggregate(Aggregation a) {
        try (Connection c = dataSource.getConnection()) {
            return aggregate(c, a);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    List<Map<String, Object>> aggregate(Connection connection, Aggregation a) throws SQLException {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Model model = a.model();
        boolean grouped = !a.groupBy().isEmpty();
        Sql inner = new Sql().append("SELECT t0.* FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(a.where(), model, "t0", inner);
        if (!grouped) {
            if (!a.orderBy().isEmpty()) {
                inner.append(" ORDER BY ");
                for (int i = 0; i < a.orderBy().size(); i++) {
                    if (i > 0) inner.append(", ");
                    Ordering.ByField o = (Ordering.ByField) a.orderBy().get(i);
                    inner.append(fc.column("t0", o.field())).append(o.descending() ? " DESC" : " ASC");
                }
            }
            inner.append(dialect.limitOffset(a.take(), a.skip()));
        }
        Sql sql = new Sql().append("SELECT ");
        List<String> parts = new ArrayList<>();
        for (ScalarField f : a.groupBy()) parts.add(fc.column("s", f));
        for (Aggregation.Aggregate agg : a.aggregates()) parts.add(aggregateExpression(fc, agg));
        sql.append(String.join(", ", parts)).append(" FROM (").append(inner).append(") s");
        if (grouped) {
            sql.append(" GROUP BY ").append(String.join(", ", a.groupBy().stream().map(f -> fc.column("s", f)).toList()));
            if (a.having() != null) {
                sql.append(" HAVING ");
                having(fc, a.having(), sql);
            }
            if (!a.orderBy().isEmpty()) {
                sql.append(" ORDER BY ");
                for (int i = 0; i < a.orderBy().size(); i++) {
                    if (i > 0) sql.append(", ");
                    Ordering o = a.orderBy().get(i);
                    String expr = o instanceof Ordering.ByField bf ? fc.column("s", bf.field()) : "1";
                    sql.append(expr).append(o.descending() ? " DESC" : " ASC");
                }
            }
            sql.append(dialect.limitOffset(a.take(), a.skip()));
        }
        try (PreparedStatement ps = reader.prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> out = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                int col = 1;
                for (ScalarField f : a.groupBy()) row.put(f.name(), dialect.read(rs, col++, f));
                for (Aggregation.Aggregate agg : a.aggregates()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> group = (Map<String, Object>) row.computeIfAbsent(agg.function().key(), k -> new LinkedHashMap<String, Object>());
                    group.put(agg.key(), readAggregate(rs, col++, agg));
                }
                out.add(row);
            }
            return out;
        }
    }

    private String aggregateExpression(FilterCompiler fc, Aggregation.Aggregate agg) {
        if (agg.field() == null) return "COUNT(*)";
        String col = fc.column("s", agg.field());
        return switch (agg.function()) {
            case COUNT -> "COUNT(" + col + ")";
            case SUM -> "SUM(" + col + ")";
            case AVG -> "AVG(" + col + ")";
            case MIN -> "MIN(" + col + ")";
            case MAX -> "MAX(" + col + ")";
        };
    }

    private Object readAggregate(ResultSet rs, int column, Aggregation.Aggregate agg) throws SQLException {
        switch (agg.function()) {
            case COUNT -> {
                return rs.getLong(column);
            }
            case AVG -> {
                if (agg.field().scalarType() == ScalarType.DECIMAL) {
                    String s = rs.getString(column);
                    return s == null ? null : new BigDecimal(s);
                }
                double d = rs.getDouble(column);
                return rs.wasNull() ? null : d;
            }
            case SUM -> {
                ScalarType t = agg.field().scalarType();
                if (t == ScalarType.INT || t == ScalarType.BIG_INT) {
                    long l = rs.getLong(column);
                    return rs.wasNull() ? null : l;
                }
                if (t == ScalarType.DECIMAL) {
                    String s = rs.getString(column);
                    return s == null ? null : new BigDecimal(s);
                }
                double d = rs.getDouble(column);
                return rs.wasNull() ? null : d;
            }
            default -> {
                return dialect.read(rs, column, agg.field());
            }
        }
    }

    private void having(FilterCompiler fc, Aggregation.Having h, Sql out) {
        switch (h.kind()) {
            case AND, OR -> {
                if (h.children().isEmpty()) {
                    out.append(h.kind() == Aggregation.Having.Kind.AND ? "1=1" : "1=0");
                    return;
                }
                out.append("(");
                for (int i = 0; i < h.children().size(); i++) {
                    if (i > 0) out.append(h.kind() == Aggregation.Having.Kind.AND ? " AND " : " OR ");
                    having(fc, h.children().get(i), out);
                }
                out.append(")");
            }
            case NOT -> {
                out.append("NOT (");
                having(fc, new Aggregation.Having(Aggregation.Having.Kind.AND, h.children(), null, null, null), out);
                out.append(")");
            }
            case IS_NULL -> out.append(havingOperand(fc, h.aggregate())).append(" IS NULL");
            case IN -> {
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) h.value();
                if (values.isEmpty()) {
                    out.append("1=0");
                    return;
                }
                out.append(havingOperand(fc, h.aggregate())).append(" IN (");
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) out.append(", ");
                    out.param(h.aggregate().field(), values.get(i), dialect);
                }
                out.append(")");
            }
            case COMPARE -> {
                String op = switch (h.op()) {
                    case EQUALS -> "=";
                    case NOT_EQUALS -> "<>";
                    case LT -> "<";
                    case LTE -> "<=";
                    case GT -> ">";
                    case GTE -> ">=";
                    default -> throw QueryError.validation("having", "only comparisons are supported in having");
                };
                ScalarField bindAs = h.aggregate().function() == Aggregation.Function.COUNT ? null : h.aggregate().field();
                out.append(havingOperand(fc, h.aggregate())).append(" ").append(op).append(" ").param(bindAs, h.value(), dialect);
            }
        }
    }

    private String havingOperand(FilterCompiler fc, Aggregation.Aggregate agg) {
        return agg.function() == null ? fc.column("s", agg.field()) : aggregateExpression(fc, agg);
    }

    @Override
    public void close() {
        if (onClose == null) return;
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the connection pool", e);
        }
    }
}
