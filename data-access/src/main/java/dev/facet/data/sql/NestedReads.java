package dev.facet.data.sql;

import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the relations and relation counts a read includes, one statement per relation level whatever the number of
 * parents: the parents' keys are batched in {@code IN (...)} (or one array), children are grouped back by their
 * parent's key, and a to-many page per parent is cut by the database where it can be.
 */
final class NestedReads {
    /** The key under which a related row carries its parent's join-table key. */
    static final String PARENT_KEY = "__parent";
    private static final String ROW_NUMBER = "__row_number";
    private static final int MAX_PARAMS_PER_STATEMENT = 30_000;

    private final Schema schema;
    private final SqlDialect dialect;
    private final SqlOrdering ordering;
    private final SqlReader reader;

    NestedReads(Schema schema, SqlDialect dialect, SqlOrdering ordering, SqlReader reader) {
        this.schema = schema;
        this.dialect = dialect;
        this.ordering = ordering;
        this.reader = reader;
    }

    void loadNested(Connection connection, Model model, List<Map<String, Object>> rows, Selection selection) throws SQLException {
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
            List<Object> key = RowKeys.keyOf(p, link.parentKeys());
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
            Object key = link.viaJoinTable() ? RowKeys.normalizeValue(c.get(PARENT_KEY)) : RowKeys.groupKeyOf(c, link.childKeys());
            byParent.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> p : parents) {
            Object key = RowKeys.groupKeyOf(p, link.parentKeys());
            List<Map<String, Object>> mine = key == null ? List.of() : byParent.getOrDefault(key, List.of());
            if (rel.field().isList()) {
                List<Map<String, Object>> paged = pagedInSql(q) ? new ArrayList<>(mine) : MemoryPaging.pagePerParent(mine, q);
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
        List<ScalarField> columns = reader.columnsFor(q);
        for (ScalarField k : link.childKeys()) if (!columns.contains(k)) columns.add(k);
        List<Ordering> orderings = new ArrayList<>(q.orderBy());
        if (!orderings.isEmpty() || q.take() != null || q.skip() != null || q.cursor() != null) orderings = ordering.effectiveOrderings(q);
        Sql sql = new Sql().append("SELECT ");
        reader.appendColumns(sql, fc, alias, columns);
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
            ordering.appendOrderBy(sql, fc, link.child(), alias, orderings, false);
            return reader.run(connection, sql, columns, link.viaJoinTable());
        }
        // Each parent's page is cut by the database from rows numbered per parent in the requested order, so a
        // parent with a million children costs a page, not a million rows.
        long skip = q.skip() == null ? 0 : q.skip();
        String number = "w." + dialect.quote(ROW_NUMBER);
        Sql page = new Sql().append("SELECT * FROM (").append(sql).append(") w WHERE ").append(number).append(" > ")
                .append(Long.toString(skip)).append(" AND ").append(number).append(" <= ").append(Long.toString(skip + q.take()))
                .append(" ORDER BY ").append(number);
        return reader.run(connection, page, columns, link.viaJoinTable());
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
        ordering.appendOrderBy(sql, fc, link.child(), alias, orderings, false);
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

    private void loadCounts(Connection connection, Model model, List<Map<String, Object>> parents, Selection.Count count) throws SQLException {
        for (Map<String, Object> p : parents) p.put("_count", new LinkedHashMap<String, Long>());
        for (Selection.CountedRelation cr : count.relations()) {
            RelationLink link = RelationLink.of(schema, model, cr.field());
            Set<List<Object>> keys = new LinkedHashSet<>();
            for (Map<String, Object> p : parents) {
                List<Object> key = RowKeys.keyOf(p, link.parentKeys());
                if (key != null) keys.add(key);
            }
            Map<List<Object>, Long> counts = new HashMap<>();
            if (!keys.isEmpty()) counts = countChildren(connection, link, cr.filter(), new ArrayList<>(keys));
            for (Map<String, Object> p : parents) {
                List<Object> key = RowKeys.keyOf(p, link.parentKeys());
                @SuppressWarnings("unchecked")
                Map<String, Long> c = (Map<String, Long>) p.get("_count");
                c.put(cr.field().name(), key == null ? 0L : counts.getOrDefault(RowKeys.normalize(key), 0L));
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
        try (PreparedStatement ps = reader.prepare(connection, sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> key = new ArrayList<>();
                for (int i = 0; i < keyFields.size(); i++) key.add(dialect.read(rs, i + 1, keyFields.get(i)));
                out.put(RowKeys.normalize(key), rs.getLong(keyFields.size() + 1));
            }
        }
        return out;
    }
}
