package dev.facet.data.sql;

import dev.facet.data.connector.RowMap;
import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Answers {@link ReadQuery}s with SQL: one statement for the top level and one per included relation
 * level, whatever the number of rows (parents' keys are batched in {@code IN (...)}).
 *
 * <p>Records come back as ordered maps from field name to value; a relation's value is a list of
 * records (to-many) or a record or null (to-one); {@code _count} maps relation names to counts.
 */
public final class SqlReader {
    private final Schema schema;
    private final SqlDialect dialect;
    private final Consumer<String> statementLog;
    private final SqlOrdering ordering;
    private final NestedReads relations;
    private final javax.sql.DataSource direct;

    /**
     * @param schema       the schema
     * @param dialect      the database's dialect
     * @param statementLog receives every SQL statement run (tests count them); may be null
     * @param direct       the driver's own data source, outside the pool (MySQL's cancel connects through it); may be null
     */
    public SqlReader(Schema schema, SqlDialect dialect, Consumer<String> statementLog, javax.sql.DataSource direct) {
        this.schema = schema;
        this.dialect = dialect;
        this.statementLog = statementLog;
        this.ordering = new SqlOrdering(schema, dialect);
        this.relations = new NestedReads(schema, dialect, ordering, this);
        this.direct = direct;
    }

    /** Runs a top-level read. */
    public List<Map<String, Object>> read(Connection connection, ReadQuery query) throws SQLException {
        TopLevel top = topLevel(query);
        List<Map<String, Object>> rows = run(connection, top.sql(), top.columns(), false);
        if (top.cursorInMemory()) rows = MemoryPaging.fromCursorRow(rows, query.cursor());
        if (top.inMemoryPaging()) rows = MemoryPaging.page(query.distinct().isEmpty() ? rows : MemoryPaging.distinct(rows, query.distinct()), query.skip(), top.limit());
        if (top.backwards()) Collections.reverse(rows);
        relations.loadNested(connection, query.model(), rows, query.selection());
        return rows;
    }

    /**
     * Runs a top-level read and hands its records to {@code chunks} a few at a time, each chunk with its relations
     * and counts loaded, in the order {@link #read} returns them: a read of a million rows never holds them all.
     * Reads paged in memory (distinct, cursors on a non-unique order, backwards pages) come in one chunk.
     *
     * @param chunkSize how many records a chunk holds at most
     */
    public void readEach(Connection connection, ReadQuery query, int chunkSize, Consumer<List<Map<String, Object>>> chunks)
            throws SQLException {
        TopLevel top = topLevel(query);
        boolean nested = query.selection().items().stream().anyMatch(i -> !(i instanceof Selection.Scalar));
        Integer fetchSize = dialect.streamingFetchSize(chunkSize, nested);
        if (fetchSize == null && !top.inMemoryPaging() && !top.backwards()) {
            List<Ordering> orderings = query.orderBy().isEmpty() ? SqlOrdering.tieBreaker(query.model()).stream()
                    .map(f -> (Ordering) new Ordering.ByField(List.of(), f, false, null)).toList() : query.orderBy();
            if (PagedRead.readEach(this, connection, query, orderings, chunkSize, chunks)) return;
        }
        if (top.inMemoryPaging() || top.backwards() || fetchSize == null) {
            chunks.accept(read(connection, query));
            return;
        }
        List<ScalarField> columns = top.columns();
        try (PreparedStatement ps = prepare(connection, top.sql())) {
            ps.setFetchSize(fetchSize);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> chunk = new ArrayList<>(Math.min(chunkSize, 256));
                while (rs.next()) {
                    chunk.add(row(rs, columns, false));
                    if (chunk.size() == chunkSize) {
                        relations.loadNested(connection, query.model(), chunk, query.selection());
                        chunks.accept(chunk);
                        chunk = new ArrayList<>(chunkSize);
                    }
                }
                if (!chunk.isEmpty()) {
                    relations.loadNested(connection, query.model(), chunk, query.selection());
                    chunks.accept(chunk);
                }
            }
        }
    }

    /** The top-level statement of a read, and what is left to do in memory after it. */
    private record TopLevel(Sql sql, List<ScalarField> columns, boolean cursorInMemory, boolean inMemoryPaging, boolean backwards, Long limit) {}

    private TopLevel topLevel(ReadQuery query) {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Model model = query.model();
        String alias = "t0";
        List<Ordering> orderings = ordering.effectiveOrderings(query);
        boolean backwards = query.take() != null && query.take() < 0;
        // Prisma 7 pages from a cursor in SQL only when the ordering is unique and has no nullable field (where NULLs
        // sort is the database's choice; a related record's field is null without a related record) and there is no
        // distinct (which Prisma applies in memory, cursor included); otherwise it reads the ordered rows and starts
        // at the cursor row itself (none when that row is filtered out).
        boolean cursorInMemory = query.cursor() != null && (!SqlOrdering.isUnique(model, orderings) || !query.distinct().isEmpty()
                || orderings.stream().anyMatch(o -> o instanceof Ordering.ByField bf && (!bf.path().isEmpty() || !bf.field().isRequired())));
        boolean inMemoryPaging = !query.distinct().isEmpty() || cursorInMemory;

        Sql sql = new Sql().append("SELECT ");
        List<ScalarField> columns = columnsFor(query);
        appendColumns(sql, fc, alias, columns);
        sql.append(" FROM ").append(fc.table(model)).append(" ").append(alias);
        CountOrderJoins countJoins = CountOrderJoins.append(schema, dialect, fc, sql, model, alias, orderings);
        Sql where = new Sql();
        fc.compile(query.where(), model, alias, where);
        if (query.cursor() != null && !cursorInMemory) {
            where.append(" AND ");
            ordering.cursorCondition(fc, model, alias, orderings, query.cursor(), backwards, where);
        }
        sql.append(" WHERE ").append(where);
        ordering.appendOrderBy(sql, fc, model, alias, orderings, backwards, countJoins::expression);
        Long limit = query.take() != null ? Long.valueOf(Math.abs(query.take())) : query.limit();
        if (!inMemoryPaging) sql.append(dialect.limitOffset(limit, query.skip()));
        return new TopLevel(sql, columns, cursorInMemory, inMemoryPaging, backwards, limit);
    }

    /** Counts the records a filter matches. */
    public long count(Connection connection, Model model, Filter where) throws SQLException {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        Sql sql = new Sql().append("SELECT COUNT(*) FROM ").append(fc.table(model)).append(" t0 WHERE ");
        fc.compile(where, model, "t0", sql);
        try (PreparedStatement ps = prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- columns and execution

    /** The columns a read needs: the selected scalars plus the keys its relations join on and its distinct fields. */
    List<ScalarField> columnsFor(ReadQuery q) {
        LinkedHashSet<ScalarField> out = new LinkedHashSet<>(q.selection().scalars());
        for (Selection.Item item : q.selection().items()) {
            RelationField rf = switch (item) {
                case Selection.Relation r -> r.field();
                default -> null;
            };
            if (rf != null) out.addAll(RelationLink.of(schema, q.model(), rf).parentKeys());
            if (item instanceof Selection.Count c) {
                for (Selection.CountedRelation cr : c.relations()) out.addAll(RelationLink.of(schema, q.model(), cr.field()).parentKeys());
            }
        }
        out.addAll(q.distinct());
        if (q.cursor() != null) for (ScalarField f : q.cursor().keySet()) out.add(f);
        return new ArrayList<>(out);
    }

    void appendColumns(Sql sql, FilterCompiler fc, String alias, List<ScalarField> columns) {
        if (columns.isEmpty()) {
            sql.append("1");
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(fc.column(alias, columns.get(i)));
        }
    }

    List<Map<String, Object>> run(Connection connection, Sql sql, List<ScalarField> columns, boolean withParentKey) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rows.add(row(rs, columns, withParentKey));
        }
        return rows;
    }

    private Map<String, Object> row(ResultSet rs, List<ScalarField> columns, boolean withParentKey) throws SQLException {
        // Room for the relations and counts loaded into the row later.
        Map<String, Object> row = new RowMap(columns.size() + 3);
        for (int i = 0; i < columns.size(); i++) row.put(columns.get(i).name(), dialect.read(rs, i + 1, columns.get(i)));
        if (withParentKey) row.put(NestedReads.PARENT_KEY, rs.getObject(columns.size() + 1));
        return row;
    }

    void log(String statement) {
        if (statementLog != null) statementLog.accept(statement);
    }

    PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        log(sql.text());
        PreparedStatement raw = connection.prepareStatement(sql.text());
        PreparedStatement ps = raw;
        try {
            PreparedStatement killable = MysqlStatementKill.track(connection, raw, direct);
            if (killable != null) ps = killable;
            else dev.facet.data.connector.Cancellation.track(jdbcCancel(raw));
            List<Sql.Param> params = sql.params();
            for (int i = 0; i < params.size(); i++) dialect.bind(ps, i + 1, params.get(i).field(), params.get(i).value());
            // Cancelled while it was being prepared: MySQL's driver cannot stop a statement that has not started.
            if (dev.facet.data.connector.Cancellation.currentCancelled()) throw dev.facet.data.connector.Cancellation.cancelledError();
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /** JDBC's own cancel: PostgreSQL's cancel request, SQLite's interrupt. */
    private static dev.facet.data.connector.Cancellation.Canceller jdbcCancel(PreparedStatement ps) {
        return new dev.facet.data.connector.Cancellation.Canceller() {
            @Override public void cancel() throws SQLException { if (!ps.isClosed()) ps.cancel(); }

            @Override public boolean finished() {
                try {
                    return ps.isClosed();
                } catch (SQLException e) {
                    return true;
                }
            }
        };
    }
}
