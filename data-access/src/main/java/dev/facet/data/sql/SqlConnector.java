package dev.facet.data.sql;

import dev.facet.data.error.QueryError;
import dev.facet.data.connector.Connector;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
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
        this.reader = new SqlReader(schema, dialect, statementLog,
                dataSource instanceof com.zaxxer.hikari.HikariDataSource pool ? pool.getDataSource() : null);
        this.onClose = onClose;
    }

    @Override
    public int concurrentReads() {
        return dataSource instanceof com.zaxxer.hikari.HikariDataSource pool ? Math.max(1, pool.getMaximumPoolSize()) : 1;
    }

    @Override
    public int connectionsHeld() {
        if (!(dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) || pool.getHikariPoolMXBean() == null) return -1;
        return pool.getHikariPoolMXBean().getTotalConnections();
    }

    @Override
    public java.util.Optional<dev.facet.data.drift.SchemaDrift> drift() {
        if (!(onClose instanceof dev.facet.data.sql.connect.SqlDatabase db)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(dev.facet.data.sql.introspect.DriftComparer.compare(schema, dev.facet.data.sql.introspect.SchemaPuller.catalog(db)));
        } catch (dev.facet.data.sql.introspect.IntrospectionException e) {
            throw new QueryError("P1001", e.getMessage(), e);
        }
    }

    @Override
    public Map<String, dev.facet.data.connector.RowEstimate> estimateRows(List<Model> models) {
        if (!(onClose instanceof dev.facet.data.sql.connect.SqlDatabase db)) return Map.of();
        try (Connection c = connection()) {
            return dev.facet.data.sql.introspect.RowEstimates.read(db, c, models);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /**
     * A connection from the pool. Waiting longer than {@code pool_timeout} for one while the others are busy is
     * Prisma's P2024, not an unreachable server: the pool says so by giving no cause (a failed connection attempt
     * would be the cause).
     */
    private Connection connection() throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (java.sql.SQLTransientConnectionException e) {
            if (e.getCause() == null && dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
                throw new QueryError("P2024", "Timed out fetching a new connection from the connection pool. More info: http://pris.ly/d/connection-pool"
                        + " (Current connection pool timeout: " + pool.getConnectionTimeout() / 1000 + ", connection limit: " + pool.getMaximumPoolSize() + ")", e);
            }
            throw e;
        }
    }

    /** @return the dialect in use */
    public SqlDialect dialect() { return dialect; }

    @Override
    public List<Map<String, Object>> read(ReadQuery query) {
        try (Connection c = connection()) {
            return reader.read(c, query);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** How many records a chunk of {@link #readEach} holds: the parents of one statement per relation. */
    static final int CHUNK = 1000;

    @Override
    public void readEach(ReadQuery query, Consumer<List<Map<String, Object>>> chunks) {
        try (Connection c = connection()) {
            // PostgreSQL keeps a cursor (fetches rows a chunk at a time) only inside a transaction; a page of at most
            // a chunk needs none, and spares the transaction's round trip.
            boolean small = query.take() != null && Math.abs(query.take()) <= CHUNK;
            boolean autoCommit = dialect.cursorNeedsTransaction() && !small && c.getAutoCommit();
            if (autoCommit) c.setAutoCommit(false);
            try {
                reader.readEach(c, query, CHUNK, chunks);
            } finally {
                if (autoCommit) endReadOnly(c);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Ends the transaction of a read (nothing to keep) and gives the connection back as it came. */
    private static void endReadOnly(Connection c) throws SQLException {
        try {
            c.rollback();
        } finally {
            c.setAutoCommit(true);
        }
    }

    @Override
    public long count(Model model, Filter where) {
        try (Connection c = connection()) {
            return reader.count(c, model, where);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public <T> T transaction(java.util.function.Function<dev.facet.data.connector.Session, T> work) {
        try (Connection c = connection()) {
            if (dialect.beginWrite() != null) return explicitTransaction(c, work);
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

    /**
     * A transaction begun by the dialect's own statement and ended by COMMIT or ROLLBACK, the connection staying in
     * auto-commit for the driver. The SQLite driver's transactions begin deferred, and begin the next one as soon as one
     * ends, which with {@code BEGIN IMMEDIATE} would wait for another writer after a commit that already succeeded.
     */
    private <T> T explicitTransaction(Connection c, java.util.function.Function<dev.facet.data.connector.Session, T> work) throws SQLException {
        run(c, dialect.beginWrite());
        try {
            T result = work.apply(new SqlSession(schema, dialect, reader, c, this));
            run(c, "COMMIT");
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                run(c, "ROLLBACK");
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    private static void run(Connection c, String statement) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
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
    public java.util.Set<dev.facet.data.connector.ConnectorCapability> capabilities() { return dialect.capabilities(); }

    @Override
    public List<Map<String, Object>> aggregate(Aggregation a) {
        try (Connection c = connection()) {
            return aggregate(c, a);
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }

    List<Map<String, Object>> aggregate(Connection connection, Aggregation a) throws SQLException {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Model model = a.model();
        boolean grouped = !a.groupBy().isEmpty();
        Filter rows = a.where();
        if (!grouped && (a.cursor() != null || a.skip() != null || a.take() != null)) {
            // The rows a findMany with the same arguments reads (ordering, cursor, negative take), by key.
            rows = keysOf(model, reader.read(connection, new ReadQuery(model, a.where(), a.orderBy(), a.cursor(), a.skip(), a.take(),
                    List.of(), new Selection(SqlSession.keyFields(model).stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList()))));
        }
        Sql inner = new Sql().append("SELECT t0.* FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(rows, model, "t0", inner);
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
                    String expr;
                    Ordering.Nulls nulls;
                    switch (o) {
                        case Ordering.ByField bf -> {
                            expr = fc.column("s", bf.field());
                            nulls = bf.nulls();
                        }
                        case Ordering.ByAggregate ba -> {
                            expr = aggregateExpression(fc, new Aggregation.Aggregate(ba.function(), ba.field()));
                            nulls = ba.nulls();
                        }
                        default -> throw new IllegalStateException("groupBy orders by its fields and aggregates only");
                    }
                    if (nulls != null && !dialect.supportsNullsOrdering()) {
                        sql.append("(").append(expr).append(" IS NULL) ").append(nulls == Ordering.Nulls.FIRST ? "DESC" : "ASC").append(", ");
                        nulls = null;
                    }
                    sql.append(expr).append(o.descending() ? " DESC" : " ASC");
                    if (nulls != null) sql.append(nulls == Ordering.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
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

    /** A filter selecting exactly the rows with these keys (none for no keys). */
    private static Filter keysOf(Model model, List<Map<String, Object>> keys) {
        List<ScalarField> fields = SqlSession.keyFields(model);
        List<Filter> any = new ArrayList<>();
        for (Map<String, Object> k : keys) {
            any.add(Filter.and(fields.stream().map(f -> (Filter) new Filter.Compare(f, Filter.CompareOp.EQUALS, k.get(f.name()), false)).toList()));
        }
        return new Filter.Or(any);
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
                    // SQLite averages in binary floating point; Prisma turns that double into its shortest decimal.
                    Object o = rs.getObject(column);
                    if (o instanceof Double dbl) return new BigDecimal(Double.toString(dbl));
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
                    out.param(h.aggregate().function() == Aggregation.Function.COUNT ? null : h.aggregate().field(),
                            dialect.aggregateOperand(h.aggregate().function() != null, values.get(i)), dialect);
                }
                out.append(")");
            }
            case COMPARE -> {
                if (h.op() == Filter.CompareOp.CONTAINS || h.op() == Filter.CompareOp.STARTS_WITH || h.op() == Filter.CompareOp.ENDS_WITH) {
                    String pattern = switch (h.op()) {
                        case CONTAINS -> "%" + h.value() + "%";
                        case STARTS_WITH -> h.value() + "%";
                        default -> "%" + h.value();
                    };
                    out.append(havingOperand(fc, h.aggregate())).append(" LIKE ").param(null, pattern, dialect);
                    return;
                }
                String op = switch (h.op()) {
                    case EQUALS -> "=";
                    case NOT_EQUALS -> "<>";
                    case LT -> "<";
                    case LTE -> "<=";
                    case GT -> ">";
                    default -> ">=";
                };
                ScalarField bindAs = h.aggregate().function() == Aggregation.Function.COUNT ? null : h.aggregate().field();
                out.append(havingOperand(fc, h.aggregate())).append(" ").append(op).append(" ")
                        .param(bindAs, dialect.aggregateOperand(h.aggregate().function() != null, h.value()), dialect);
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
