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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Answers {@link ReadQuery}s with SQL: one statement for the top level and one per included relation
 * level, whatever the number of rows (parents' keys are batched in {@code IN (...)}).
 *
 * <p>Records come back as ordered maps from field name to value; a relation's value is a list of
 * records (to-many) or a record or null (to-one); {@code _count} maps relation names to counts.
 */
public final class SqlReader {
    /** The key under which a related row carries its parent's join-table key. */
    private static final String PARENT_KEY = "__parent";
    private static final String ROW_NUMBER = "__row_number";
    private static final int MAX_PARAMS_PER_STATEMENT = 30_000;

    private final Schema schema;
    private final SqlDialect dialect;
    private final Consumer<String> statementLog;

    /**
     * @param schema       the schema
     * @param dialect      the database's dialect
     * @param statementLog receives every SQL statement run (tests count them); may be null
     */
    public SqlReader(Schema schema, SqlDialect dialect, Consumer<String> statementLog) {
        this.schema = schema;
        this.dialect = dialect;
        this.statementLog = statementLog;
    }

    /** Runs a top-level read. */
    public List<Map<String, Object>> read(Connection connection, ReadQuery query) throws SQLException {
        TopLevel top = topLevel(query);
        List<Map<String, Object>> rows = run(connection, top.sql(), top.columns(), false);
        if (top.cursorInMemory()) rows = fromCursorRow(rows, query.cursor());
        if (top.inMemoryPaging()) rows = page(query.distinct().isEmpty() ? rows : distinct(rows, query.distinct()), query.skip(), top.limit());
        if (top.backwards()) Collections.reverse(rows);
        loadNested(connection, query.model(), rows, query.selection());
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
            List<Ordering> orderings = query.orderBy().isEmpty() ? tieBreaker(query.model()).stream()
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
                        loadNested(connection, query.model(), chunk, query.selection());
                        chunks.accept(chunk);
                        chunk = new ArrayList<>(chunkSize);
                    }
                }
                if (!chunk.isEmpty()) {
                    loadNested(connection, query.model(), chunk, query.selection());
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
        List<Ordering> orderings = effectiveOrderings(query);
        boolean backwards = query.take() != null && query.take() < 0;
        // Prisma 7 pages from a cursor in SQL only when the ordering is unique and has no nullable field (where NULLs
        // sort is the database's choice; a related record's field is null without a related record) and there is no
        // distinct (which Prisma applies in memory, cursor included); otherwise it reads the ordered rows and starts
        // at the cursor row itself (none when that row is filtered out).
        boolean cursorInMemory = query.cursor() != null && (!isUnique(model, orderings) || !query.distinct().isEmpty()
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
            cursorCondition(fc, model, alias, orderings, query.cursor(), backwards, where);
        }
        sql.append(" WHERE ").append(where);
        appendOrderBy(sql, fc, model, alias, orderings, backwards, countJoins::expression);
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

    // ---------------------------------------------------------------- ordering and cursors

    /**
     * The orderings actually used, as Prisma 7 does: the requested ones as given (ties stay in the database's
     * order), or the primary key when none is requested but a cursor, skip or take needs an order.
     */
    private List<Ordering> effectiveOrderings(ReadQuery q) {
        if (!q.orderBy().isEmpty()) return q.orderBy();
        boolean paging = q.cursor() != null || q.take() != null || q.skip() != null;
        if (!paging) return List.of();
        List<Ordering> out = new ArrayList<>();
        for (ScalarField f : tieBreaker(q.model())) out.add(new Ordering.ByField(List.of(), f, false, null));
        return out;
    }

    /** @return whether the orderings name every field of the model's id or of one of its unique constraints */
    private static boolean isUnique(Model model, List<Ordering> orderings) {
        Set<String> ordered = new HashSet<>();
        for (Ordering o : orderings) if (o instanceof Ordering.ByField bf && bf.path().isEmpty()) ordered.add(bf.field().name());
        if (model.primaryKey() != null && ordered.containsAll(model.primaryKey().fieldNames())) return true;
        for (var u : model.uniqueIndexes()) if (ordered.containsAll(u.fieldNames())) return true;
        return false;
    }

    /** The rows from the cursor row on, in the order read; none when the cursor row is not among them. */
    private static List<Map<String, Object>> fromCursorRow(List<Map<String, Object>> rows, Map<ScalarField, Object> cursor) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            if (cursor.entrySet().stream().allMatch(e -> equal(r.get(e.getKey().name()), e.getValue()))) return rows.subList(i, rows.size());
        }
        return new ArrayList<>();
    }

    private static List<ScalarField> tieBreaker(Model model) {
        if (model.primaryKey() != null) return model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        for (var u : model.uniqueIndexes()) {
            List<ScalarField> fields = u.fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
            if (fields.stream().allMatch(ScalarField::isRequired)) return fields;
        }
        return List.of();
    }

    private String orderExpression(FilterCompiler fc, Model model, String alias, Ordering o) {
        return switch (o) {
            case Ordering.ByField bf -> {
                String value = throughPath(fc, model, alias, bf.path(), 0, (m, a) -> fc.column(a, bf.field()));
                yield bf.path().isEmpty() || !bf.field().isEnum() ? value : dialect.enumOrderKey(value, schema.enumType(bf.field().typeName()));
            }
            case Ordering.ByRelationCount rc -> {
                String count = throughPath(fc, model, alias, rc.path(), 0, (m, a) -> {
                    Sql sub = new Sql();
                    fc.related(RelationLink.of(schema, m, rc.relation()), a, sub);
                    return "(" + sub.text().replaceFirst("^SELECT 1 ", "SELECT COUNT(*) ") + ")";
                });
                // Through a to-one relation that is not there, the count is 0 (not NULL), as in Prisma.
                yield rc.path().isEmpty() ? count : "COALESCE(" + count + ", 0)";
            }
            case Ordering.ByAggregate ba -> throw new IllegalStateException("only groupBy orders by " + ba.function().key());
        };
    }

    /**
     * A value reached through to-one relations, as nested scalar subqueries: a join could multiply
     * rows, a scalar subquery cannot. {@code leaf} gives the value on the last model.
     */
    private String throughPath(FilterCompiler fc, Model model, String alias, List<RelationField> path, int index,
                               java.util.function.BiFunction<Model, String, String> leaf) {
        if (index == path.size()) return leaf.apply(model, alias);
        RelationLink link = RelationLink.of(schema, model, path.get(index));
        Sql sub = new Sql();
        String child = fc.related(link, alias, sub);
        String inner = throughPath(fc, link.child(), child, path, index + 1, leaf);
        return "(" + sub.text().replaceFirst("^SELECT 1 ", java.util.regex.Matcher.quoteReplacement("SELECT " + inner + " ")) + ")";
    }

    private void appendOrderBy(Sql sql, FilterCompiler fc, Model model, String alias, List<Ordering> orderings, boolean backwards) {
        appendOrderBy(sql, fc, model, alias, orderings, backwards, o -> null);
    }

    /** @param joined the sort value of an ordering the statement joins for, or null to compute it in place */
    private void appendOrderBy(Sql sql, FilterCompiler fc, Model model, String alias, List<Ordering> orderings, boolean backwards,
                               java.util.function.Function<Ordering, String> joined) {
        if (orderings.isEmpty()) return;
        sql.append(" ORDER BY ");
        for (int i = 0; i < orderings.size(); i++) {
            if (i > 0) sql.append(", ");
            Ordering o = orderings.get(i);
            String expr = joined.apply(o) != null ? joined.apply(o) : orderExpression(fc, model, alias, o);
            boolean desc = o.descending() ^ backwards;
            Ordering.Nulls nulls = o instanceof Ordering.ByField bf ? bf.nulls() : null;
            if (nulls != null && backwards) nulls = nulls == Ordering.Nulls.FIRST ? Ordering.Nulls.LAST : Ordering.Nulls.FIRST;
            if (nulls != null && !dialect.supportsNullsOrdering()) {
                sql.append("(").append(expr).append(" IS NULL) ").append(nulls == Ordering.Nulls.FIRST ? "DESC" : "ASC").append(", ");
                nulls = null;
            }
            sql.append(expr).append(desc ? " DESC" : " ASC");
            if (nulls != null) sql.append(nulls == Ordering.Nulls.FIRST ? " NULLS FIRST" : " NULLS LAST");
        }
    }

    /**
     * Rows at or after the cursor row in the ordering. The cursor row's values come from scalar
     * subqueries, so that the database can seek with an index: {@code (o1, o2) >= (SELECT o1, o2 FROM T
     * WHERE cursor)} when every ordering runs the same way, else {@code (o1 > c1) OR (o1 = c1 AND o2 > c2)
     * ... OR (all equal)}. A cursor row that does not exist yields NULL, which matches nothing.
     */
    private void cursorCondition(FilterCompiler fc, Model model, String alias, List<Ordering> orderings, Map<ScalarField, Object> cursor,
                                 boolean backwards, Sql out) {
        String cursorAlias = "c0";
        Sql cursorWhere = new Sql();
        boolean first = true;
        for (var e : cursor.entrySet()) {
            if (!first) cursorWhere.append(" AND ");
            first = false;
            cursorWhere.append(fc.column(cursorAlias, e.getKey())).append(" = ").param(e.getKey(), e.getValue(), dialect);
        }
        if (orderings.isEmpty()) {
            out.append("EXISTS (SELECT 1 FROM ").append(fc.table(model)).append(" ").append(cursorAlias).append(" WHERE ").append(cursorWhere).append(")");
            return;
        }
        boolean sameDirection = orderings.stream().allMatch(o -> o.descending() == orderings.getFirst().descending());
        if (sameDirection) {
            boolean after = !(orderings.getFirst().descending() ^ backwards);
            List<String> mine = new ArrayList<>();
            List<String> theirs = new ArrayList<>();
            for (Ordering o : orderings) {
                mine.add(orderExpression(fc, model, alias, o));
                theirs.add(orderExpression(fc, model, cursorAlias, o));
            }
            String left = mine.size() == 1 ? mine.getFirst() : "(" + String.join(", ", mine) + ")";
            out.append(left).append(after ? " >= " : " <= ").append("(SELECT ").append(String.join(", ", theirs)).append(" FROM ")
                    .append(fc.table(model)).append(" ").append(cursorAlias).append(" WHERE ").append(cursorWhere).append(")");
            return;
        }
        out.append("(");
        for (int i = 0; i <= orderings.size(); i++) {
            if (i > 0) out.append(" OR ");
            out.append("(");
            for (int j = 0; j < i && j < orderings.size(); j++) {
                if (j > 0) out.append(" AND ");
                Ordering o = orderings.get(j);
                out.append(orderExpression(fc, model, alias, o)).append(" = ");
                appendCursorValue(out, fc, model, cursorAlias, o, cursorWhere);
            }
            if (i < orderings.size()) {
                if (i > 0) out.append(" AND ");
                Ordering o = orderings.get(i);
                boolean after = !(o.descending() ^ backwards);
                out.append(orderExpression(fc, model, alias, o)).append(after ? " > " : " < ");
                appendCursorValue(out, fc, model, cursorAlias, o, cursorWhere);
            }
            out.append(")");
        }
        out.append(")");
    }

    /** Appends {@code (SELECT <ordering value> FROM T c0 WHERE <cursor>)}; each use binds the cursor's values again. */
    private void appendCursorValue(Sql out, FilterCompiler fc, Model model, String cursorAlias, Ordering o, Sql cursorWhere) {
        out.append("(SELECT ").append(orderExpression(fc, model, cursorAlias, o)).append(" FROM ").append(fc.table(model)).append(" ")
                .append(cursorAlias).append(" WHERE ").append(cursorWhere).append(")");
    }

    // ---------------------------------------------------------------- nested relations

    private void loadNested(Connection connection, Model model, List<Map<String, Object>> rows, Selection selection) throws SQLException {
        if (rows.isEmpty()) return;
        for (Selection.Item item : selection.items()) {
            switch (item) {
                case Selection.Relation rel -> loadRelation(connection, model, rows, rel);
                case Selection.Count count -> loadCounts(connection, model, rows, count);
                default -> { }
            }
        }
    }

    private void loadRelation(Connection connection, Model model, List<Map<String, Object>> parents, Selection.Relation rel) throws SQLException {
        RelationLink link = RelationLink.of(schema, model, rel.field());
        ReadQuery q = rel.query();
        Map<Object, List<Map<String, Object>>> byParent = new HashMap<>();
        Set<List<Object>> keys = new LinkedHashSet<>();
        for (Map<String, Object> p : parents) {
            List<Object> key = keyOf(p, link.parentKeys());
            if (key != null) keys.add(key);
        }
        List<Map<String, Object>> children = new ArrayList<>();
        if (!keys.isEmpty()) {
            List<List<Object>> all = new ArrayList<>(keys);
            int perChunk = Math.max(1, MAX_PARAMS_PER_STATEMENT / Math.max(1, link.parentKeys().size()));
            for (int from = 0; from < all.size(); from += perChunk) {
                children.addAll(readChildren(connection, link, q, all.subList(from, Math.min(all.size(), from + perChunk))));
            }
        }
        for (Map<String, Object> c : children) {
            Object key = link.viaJoinTable() ? normalizeValue(c.get(PARENT_KEY)) : groupKeyOf(c, link.childKeys());
            byParent.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> p : parents) {
            Object key = groupKeyOf(p, link.parentKeys());
            List<Map<String, Object>> mine = key == null ? List.of() : byParent.getOrDefault(key, List.of());
            if (rel.field().isList()) {
                List<Map<String, Object>> paged = pagedInSql(q) ? new ArrayList<>(mine) : pagePerParent(mine, q);
                p.put(rel.field().name(), paged);
                kept.addAll(paged);
            } else {
                Map<String, Object> one = mine.isEmpty() ? null : mine.getFirst();
                p.put(rel.field().name(), one);
                if (one != null) kept.add(one);
            }
        }
        // The same child row can belong to several parents (many-to-many): load its relations once per copy.
        loadNested(connection, link.child(), kept, q.selection());
    }

    private List<Map<String, Object>> readChildren(Connection connection, RelationLink link, ReadQuery q, List<List<Object>> keys)
            throws SQLException {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        String alias = "t0";
        List<ScalarField> columns = columnsFor(q);
        for (ScalarField k : link.childKeys()) if (!columns.contains(k)) columns.add(k);
        List<Ordering> orderings = new ArrayList<>(q.orderBy());
        if (!orderings.isEmpty() || q.take() != null || q.skip() != null || q.cursor() != null) orderings = effectiveOrderings(q);
        Sql sql = new Sql().append("SELECT ");
        appendColumns(sql, fc, alias, columns);
        if (link.viaJoinTable()) {
            sql.append(", j0.").append(dialect.quote(link.parentJoinColumn())).append(" AS ").append(dialect.quote(PARENT_KEY));
        }
        boolean pagedInSql = pagedInSql(q);
        if (pagedInSql) appendRowNumber(sql, fc, link, alias, orderings);
        sql.append(" FROM ").append(fc.table(link.child())).append(" ").append(alias);
        if (link.viaJoinTable()) {
            sql.append(" JOIN ").append(dialect.table(link.joinTable().tableName(), link.child().schema())).append(" j0 ON j0.")
                    .append(dialect.quote(link.childJoinColumn())).append(" = ").append(fc.column(alias, link.childKeys().getFirst()));
        }
        sql.append(" WHERE ");
        if (link.viaJoinTable()) {
            keysIn(sql, "j0." + dialect.quote(link.parentJoinColumn()), link.parentKeys().getFirst(), keys);
        } else {
            keyCondition(sql, fc, alias, link.childKeys(), keys);
        }
        andWhere(sql, fc, q.where(), link.child(), alias);
        if (!pagedInSql) {
            appendOrderBy(sql, fc, link.child(), alias, orderings, false);
            return run(connection, sql, columns, link.viaJoinTable());
        }
        // Each parent's page is cut by the database from rows numbered per parent in the requested order, so a
        // parent with a million children costs a page, not a million rows.
        long skip = q.skip() == null ? 0 : q.skip();
        String number = "w." + dialect.quote(ROW_NUMBER);
        Sql page = new Sql().append("SELECT * FROM (").append(sql).append(") w WHERE ").append(number).append(" > ")
                .append(Long.toString(skip)).append(" AND ").append(number).append(" <= ").append(Long.toString(skip + q.take()))
                .append(" ORDER BY ").append(number);
        return run(connection, page, columns, link.viaJoinTable());
    }

    /** Whether a nested to-many page is cut in SQL; cursors, distinct and backwards pages are cut in memory. */
    private static boolean pagedInSql(ReadQuery q) {
        return q.take() != null && q.take() > 0 && q.cursor() == null && q.distinct().isEmpty();
    }

    /** One more column: the row's number among its parent's rows, in the requested order. */
    private void appendRowNumber(Sql sql, FilterCompiler fc, RelationLink link, String alias, List<Ordering> orderings) {
        sql.append(", ROW_NUMBER() OVER (PARTITION BY ");
        if (link.viaJoinTable()) {
            sql.append("j0.").append(dialect.quote(link.parentJoinColumn()));
        } else {
            for (int i = 0; i < link.childKeys().size(); i++) {
                if (i > 0) sql.append(", ");
                sql.append(fc.column(alias, link.childKeys().get(i)));
            }
        }
        appendOrderBy(sql, fc, link.child(), alias, orderings, false);
        sql.append(") AS ").append(dialect.quote(ROW_NUMBER));
    }

    /** {@code column} matches one of the single-column {@code keys}. */
    private void keysIn(Sql sql, String column, ScalarField field, List<List<Object>> keys) {
        List<Object> values = new ArrayList<>(keys.size());
        for (List<Object> key : keys) values.add(key.getFirst());
        dialect.appendKeysIn(sql, column, field, values);
    }

    /** Appends {@code AND <filter>}, or nothing when the filter matches every row. */
    private static void andWhere(Sql sql, FilterCompiler fc, Filter filter, Model model, String alias) {
        if (filter instanceof Filter.Constant(boolean all) && all) return;
        if (filter instanceof Filter.And(List<Filter> all) && all.isEmpty()) return;
        sql.append(" AND ");
        fc.compile(filter, model, alias, sql);
    }

    private void keyCondition(Sql sql, FilterCompiler fc, String alias, List<ScalarField> fields, List<List<Object>> keys) {
        if (fields.size() == 1) {
            keysIn(sql, fc.column(alias, fields.getFirst()), fields.getFirst(), keys);
            return;
        }
        sql.append("(");
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) sql.append(" OR ");
            sql.append("(");
            for (int j = 0; j < fields.size(); j++) {
                if (j > 0) sql.append(" AND ");
                sql.append(fc.column(alias, fields.get(j))).append(" = ").param(fields.get(j), keys.get(i).get(j), dialect);
            }
            sql.append(")");
        }
        sql.append(")");
    }

    /** Per-parent cursor, skip, take and distinct of a nested to-many read, applied to that parent's rows. */
    private List<Map<String, Object>> pagePerParent(List<Map<String, Object>> rows, ReadQuery q) {
        List<Map<String, Object>> out = rows;
        if (q.cursor() != null) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                Map<String, Object> r = out.get(i);
                boolean match = q.cursor().entrySet().stream().allMatch(e -> equal(r.get(e.getKey().name()), e.getValue()));
                if (match) { at = i; break; }
            }
            if (at < 0) return new ArrayList<>();
            out = q.take() != null && q.take() < 0 ? out.subList(0, at + 1) : out.subList(at, out.size());
        }
        if (!q.distinct().isEmpty()) out = distinct(out, q.distinct());
        if (q.take() != null && q.take() < 0) {
            List<Map<String, Object>> reversed = new ArrayList<>(out);
            Collections.reverse(reversed);
            List<Map<String, Object>> paged = page(reversed, q.skip(), -q.take());
            Collections.reverse(paged);
            return paged;
        }
        return page(out, q.skip(), q.take());
    }

    private static List<Map<String, Object>> page(List<Map<String, Object>> rows, Long skip, Long take) {
        int from = (int) Math.min(rows.size(), skip == null ? 0 : skip);
        int to = take == null ? rows.size() : (int) Math.min(rows.size(), from + take);
        return new ArrayList<>(rows.subList(from, to));
    }

    private static List<Map<String, Object>> distinct(List<Map<String, Object>> rows, List<ScalarField> fields) {
        Set<List<Object>> seen = new HashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            List<Object> key = new ArrayList<>();
            for (ScalarField f : fields) key.add(normalizeValue(r.get(f.name())));
            if (seen.add(key)) out.add(r);
        }
        return out;
    }

    private void loadCounts(Connection connection, Model model, List<Map<String, Object>> parents, Selection.Count count) throws SQLException {
        for (Map<String, Object> p : parents) p.put("_count", new LinkedHashMap<String, Long>());
        for (Selection.CountedRelation cr : count.relations()) {
            RelationLink link = RelationLink.of(schema, model, cr.field());
            Set<List<Object>> keys = new LinkedHashSet<>();
            for (Map<String, Object> p : parents) {
                List<Object> key = keyOf(p, link.parentKeys());
                if (key != null) keys.add(key);
            }
            Map<List<Object>, Long> counts = new HashMap<>();
            if (!keys.isEmpty()) counts = countChildren(connection, link, cr.filter(), new ArrayList<>(keys));
            for (Map<String, Object> p : parents) {
                List<Object> key = keyOf(p, link.parentKeys());
                @SuppressWarnings("unchecked")
                Map<String, Long> c = (Map<String, Long>) p.get("_count");
                c.put(cr.field().name(), key == null ? 0L : counts.getOrDefault(normalize(key), 0L));
            }
        }
    }

    private Map<List<Object>, Long> countChildren(Connection connection, RelationLink link, Filter filter, List<List<Object>> keys)
            throws SQLException {
        FilterCompiler fc = new FilterCompiler(schema, dialect);
        String alias = "t0";
        Sql sql = new Sql().append("SELECT ");
        List<String> groupColumns = new ArrayList<>();
        if (link.viaJoinTable()) {
            groupColumns.add("j0." + dialect.quote(link.parentJoinColumn()));
        } else {
            for (ScalarField k : link.childKeys()) groupColumns.add(fc.column(alias, k));
        }
        sql.append(String.join(", ", groupColumns)).append(", COUNT(*) FROM ").append(fc.table(link.child())).append(" ").append(alias);
        if (link.viaJoinTable()) {
            sql.append(" JOIN ").append(dialect.table(link.joinTable().tableName(), link.child().schema())).append(" j0 ON j0.")
                    .append(dialect.quote(link.childJoinColumn())).append(" = ").append(fc.column(alias, link.childKeys().getFirst()))
                    .append(" WHERE ");
            keysIn(sql, "j0." + dialect.quote(link.parentJoinColumn()), link.parentKeys().getFirst(), keys);
        } else {
            sql.append(" WHERE ");
            keyCondition(sql, fc, alias, link.childKeys(), keys);
        }
        andWhere(sql, fc, filter, link.child(), alias);
        sql.append(" GROUP BY ").append(String.join(", ", groupColumns));
        Map<List<Object>, Long> out = new HashMap<>();
        List<ScalarField> keyFields = link.viaJoinTable() ? List.of(link.parentKeys().getFirst()) : link.childKeys();
        try (PreparedStatement ps = prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> key = new ArrayList<>();
                for (int i = 0; i < keyFields.size(); i++) key.add(dialect.read(rs, i + 1, keyFields.get(i)));
                out.put(normalize(key), rs.getLong(keyFields.size() + 1));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- columns and execution

    /** The columns a read needs: the selected scalars plus the keys its relations join on and its distinct fields. */
    private List<ScalarField> columnsFor(ReadQuery q) {
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

    private void appendColumns(Sql sql, FilterCompiler fc, String alias, List<ScalarField> columns) {
        if (columns.isEmpty()) {
            sql.append("1");
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) sql.append(", ");
            sql.append(fc.column(alias, columns.get(i)));
        }
    }

    private List<Map<String, Object>> run(Connection connection, Sql sql, List<ScalarField> columns, boolean withParentKey) throws SQLException {
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
        if (withParentKey) row.put(PARENT_KEY, rs.getObject(columns.size() + 1));
        return row;
    }

    void log(String statement) {
        if (statementLog != null) statementLog.accept(statement);
    }

    PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        log(sql.text());
        PreparedStatement ps = connection.prepareStatement(sql.text());
        try {
            dev.facet.data.connector.Cancellation.track(new dev.facet.data.connector.Cancellation.Canceller() {
                @Override public void cancel() throws SQLException { if (!ps.isClosed()) ps.cancel(); }

                @Override public boolean finished() {
                    try {
                        return ps.isClosed();
                    } catch (SQLException e) {
                        return true;
                    }
                }
            });
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

    private static List<Object> keyOf(Map<String, Object> row, List<ScalarField> fields) {
        List<Object> key = new ArrayList<>(fields.size());
        for (ScalarField f : fields) {
            Object v = row.get(f.name());
            if (v == null) return null;
            key.add(v);
        }
        return key;
    }

    /**
     * The row's key over {@code fields}, normalized so that equal keys from different drivers or types group together:
     * the value itself for a one-field key (no list: rows are many), else a list; null when a field is null.
     */
    private static Object groupKeyOf(Map<String, Object> row, List<ScalarField> fields) {
        if (fields.size() == 1) return normalizeValue(row.get(fields.getFirst().name()));
        List<Object> key = keyOf(row, fields);
        return key == null ? null : normalize(key);
    }

    /** Keys from different drivers or types (Integer vs Long) must compare equal. */
    private static List<Object> normalize(List<Object> key) {
        List<Object> out = new ArrayList<>(key.size());
        for (Object o : key) out.add(normalizeValue(o));
        return out;
    }

    private static Object normalizeValue(Object o) {
        return switch (o) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case java.math.BigDecimal d -> d.stripTrailingZeros();
            case byte[] b -> java.util.HexFormat.of().formatHex(b);
            default -> o;
        };
    }

    private static boolean equal(Object a, Object b) { return java.util.Objects.equals(normalizeValue(a), normalizeValue(b)); }
}
