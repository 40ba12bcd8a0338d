package dev.facet.data.sql;

import dev.facet.data.query.Ordering;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orderings by relation counts on a top-level read, in Prisma's statement shape: a LEFT JOIN on a derived table that
 * counts the related rows per parent key (reached through LEFT JOINs of the to-one relations on the way), ordered by
 * {@code COALESCE(count, 0)}. A correlated subquery gives the same counts, but the database then plans the statement
 * differently and returns rows of equal counts in another order (MariaDB's filesort keeps the plan's order of ties).
 */
final class CountOrderJoins {
    private static final String COUNT = "orderby_aggregator";

    private final FilterCompiler fc;
    private final SqlDialect dialect;
    private final Map<Ordering, String> expressions = new IdentityHashMap<>();

    private CountOrderJoins(FilterCompiler fc, SqlDialect dialect) {
        this.fc = fc;
        this.dialect = dialect;
    }

    /**
     * Appends the joins of the count orderings among {@code orderings} to the FROM clause in {@code sql}.
     *
     * @return the joins, whose {@link #expression} gives each count ordering's sort value
     */
    static CountOrderJoins append(dev.facet.schema.model.Schema schema, SqlDialect dialect, FilterCompiler fc, Sql sql, Model model,
                                  String alias, List<Ordering> orderings) {
        CountOrderJoins joins = new CountOrderJoins(fc, dialect);
        for (Ordering o : orderings) {
            if (!(o instanceof Ordering.ByRelationCount rc)) continue;
            Model m = model;
            String a = alias;
            boolean supported = true;
            Sql from = new Sql();
            for (RelationField step : rc.path()) {
                RelationLink link = RelationLink.of(schema, m, step);
                if (link.manyToMany()) {
                    supported = false;
                    break;
                }
                String next = fc.nextAlias();
                from.append(" LEFT JOIN ").append(fc.table(link.child())).append(" AS ").append(next).append(" ON ");
                on(fc, link.parentKeys(), a, link.childKeys(), next, from);
                m = link.child();
                a = next;
            }
            RelationLink link = RelationLink.of(schema, m, rc.relation());
            if (!supported || link.viaKeyLists()) continue;
            String counted = fc.nextAlias();
            if (link.viaJoinTable()) {
                String jt = dialect.table(link.joinTable().tableName(), link.child().schema());
                String parentColumn = dialect.quote(link.parentJoinColumn());
                String child = fc.nextAlias();
                from.append(" LEFT JOIN (SELECT ").append(jt).append(".").append(parentColumn).append(", COUNT(").append(jt).append(".")
                        .append(parentColumn).append(") AS ").append(COUNT).append(" FROM ").append(fc.table(link.child())).append(" ").append(child)
                        .append(" LEFT JOIN ").append(jt).append(" ON ").append(fc.column(child, link.childKeys().getFirst())).append(" = ")
                        .append(jt).append(".").append(dialect.quote(link.childJoinColumn())).append(" GROUP BY ").append(jt).append(".")
                        .append(parentColumn).append(") AS ").append(counted).append(" ON ").append(fc.column(a, link.parentKeys().getFirst()))
                        .append(" = ").append(counted).append(".").append(parentColumn);
            } else {
                String child = fc.nextAlias();
                StringBuilder keys = new StringBuilder();
                for (ScalarField k : link.childKeys()) keys.append(keys.isEmpty() ? "" : ", ").append(fc.column(child, k));
                from.append(" LEFT JOIN (SELECT ").append(keys.toString()).append(", COUNT(*) AS ").append(COUNT).append(" FROM ")
                        .append(fc.table(link.child())).append(" ").append(child).append(" GROUP BY ").append(keys.toString()).append(") AS ")
                        .append(counted).append(" ON ");
                on(fc, link.parentKeys(), a, link.childKeys(), counted, from);
            }
            sql.append(from.text());
            joins.expressions.put(o, "COALESCE(" + counted + "." + COUNT + ", 0)");
        }
        return joins;
    }

    /** @return the sort value of a count ordering joined here, or null for any other ordering */
    String expression(Ordering o) {
        return expressions.get(o);
    }

    private static void on(FilterCompiler fc, List<ScalarField> leftKeys, String left, List<ScalarField> rightKeys, String right, Sql out) {
        for (int i = 0; i < leftKeys.size(); i++) {
            if (i > 0) out.append(" AND ");
            out.append(fc.column(left, leftKeys.get(i))).append(" = ").append(fc.column(right, rightKeys.get(i)));
        }
    }
}
