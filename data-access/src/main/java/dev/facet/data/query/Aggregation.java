package dev.facet.data.query;

import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/**
 * An {@code aggregate}, {@code count} or {@code groupBy} request.
 *
 * @param model      the model
 * @param where      the rows considered
 * @param orderBy    the ordering (matters with skip, take and cursor; for groupBy, the groups' order)
 * @param cursor     the cursor, or null
 * @param skip       rows (or groups) skipped, or null
 * @param take       rows (or groups) taken, or null
 * @param groupBy    the {@code by} fields; empty for {@code aggregate}
 * @param having     the condition on groups, or null
 * @param aggregates the aggregates asked for, in output order
 */
public record Aggregation(Model model, Filter where, List<Ordering> orderBy, Map<ScalarField, Object> cursor, Long skip, Long take,
                          List<ScalarField> groupBy, Having having, List<Aggregate> aggregates) {
    public Aggregation {
        orderBy = List.copyOf(orderBy);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
    }

    /** The aggregate functions. */
    public enum Function {
        COUNT("_count"), SUM("_sum"), AVG("_avg"), MIN("_min"), MAX("_max");

        private final String key;

        Function(String key) { this.key = key; }

        /** @return the output key, e.g. {@code _sum} */
        public String key() { return key; }
    }

    /**
     * One aggregate value.
     *
     * @param function the function
     * @param field    the field, or null for {@code _count._all}
     */
    public record Aggregate(Function function, ScalarField field) {
        /** @return the output key inside the function's object: the field name, or {@code _all} */
        public String key() { return field == null ? "_all" : field.name(); }
    }

    /**
     * A {@code having} condition: filters on groups by their aggregates or by-fields.
     *
     * @param kind     AND, OR, NOT, or a comparison
     * @param children the operands of AND/OR/NOT
     * @param aggregate the aggregate compared (a null function compares the by-field itself)
     * @param op       the comparison
     * @param value    the value compared with
     */
    public record Having(Kind kind, List<Having> children, Aggregate aggregate, Filter.CompareOp op, Object value) {
        /** The kind of a having node. */
        public enum Kind { AND, OR, NOT, COMPARE, IN, IS_NULL }
    }
}
