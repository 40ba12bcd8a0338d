package dev.facet.data.sql;

import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ORDER BY of a read and the condition that starts it at a cursor, as Prisma 7 writes them: orderings through
 * to-one relations and by relation counts become scalar subqueries, and a cursor row's values are read by subqueries
 * so the database can seek with an index.
 */
final class SqlOrdering {
    private final Schema schema;
    private final SqlDialect dialect;

    SqlOrdering(Schema schema, SqlDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /**
     * The orderings actually used, as Prisma 7 does: the requested ones as given (ties stay in the database's
     * order), or the primary key when none is requested but a cursor, skip or take needs an order.
     */
    List<Ordering> effectiveOrderings(ReadQuery q) {
        if (!q.orderBy().isEmpty()) return q.orderBy();
        boolean paging = q.cursor() != null || q.take() != null || q.skip() != null;
        if (!paging) return List.of();
        List<Ordering> out = new ArrayList<>();
        for (ScalarField f : tieBreaker(q.model())) out.add(new Ordering.ByField(List.of(), f, false, null));
        return out;
    }

    /** @return whether the orderings name every field of the model's id or of one of its unique constraints */
    static boolean isUnique(Model model, List<Ordering> orderings) {
        Set<String> ordered = new HashSet<>();
        for (Ordering o : orderings) if (o instanceof Ordering.ByField bf && bf.path().isEmpty()) ordered.add(bf.field().name());
        if (model.primaryKey() != null && ordered.containsAll(model.primaryKey().fieldNames())) return true;
        for (var u : model.uniqueIndexes()) if (ordered.containsAll(u.fieldNames())) return true;
        return false;
    }

    static List<ScalarField> tieBreaker(Model model) {
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

    void appendOrderBy(Sql sql, FilterCompiler fc, Model model, String alias, List<Ordering> orderings, boolean backwards) {
        appendOrderBy(sql, fc, model, alias, orderings, backwards, o -> null);
    }

    /** @param joined the sort value of an ordering the statement joins for, or null to compute it in place */
    void appendOrderBy(Sql sql, FilterCompiler fc, Model model, String alias, List<Ordering> orderings, boolean backwards,
                       java.util.function.Function<Ordering, String> joined) {
        if (orderings.isEmpty()) return;
        sql.append(" ORDER BY ");
        for (int i = 0; i < orderings.size(); i++) {
            if (i > 0) sql.append(", ");
            Ordering o = orderings.get(i);
            String joinedExpr = joined.apply(o);
            String expr = joinedExpr != null ? joinedExpr : orderExpression(fc, model, alias, o);
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
    void cursorCondition(FilterCompiler fc, Model model, String alias, List<Ordering> orderings, Map<ScalarField, Object> cursor,
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
}
