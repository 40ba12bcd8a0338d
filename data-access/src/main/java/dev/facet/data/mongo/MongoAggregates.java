package dev.facet.data.mongo;

import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aggregate}, {@code count} with fields and {@code groupBy} on MongoDB: the documents are read with one
 * {@code find} (only the fields needed), then grouped, aggregated, filtered by {@code having}, ordered and paged here.
 */
final class MongoAggregates {
    private final MongoReader reader;

    MongoAggregates(MongoReader reader) { this.reader = reader; }

    List<Map<String, Object>> aggregate(Aggregation a) {
        Set<ScalarField> fields = new LinkedHashSet<>(a.groupBy());
        for (Aggregation.Aggregate agg : a.aggregates()) if (agg.field() != null) fields.add(agg.field());
        collectHaving(a.having(), fields);
        for (Ordering o : a.orderBy()) {
            // A field of a related model (orderBy: {author: {name: 'asc'}}) is the reader's to join, not this model's.
            if (o instanceof Ordering.ByField bf && bf.path().isEmpty()) fields.add(bf.field());
            if (o instanceof Ordering.ByAggregate ba && ba.field() != null) fields.add(ba.field());
        }
        if (!a.groupBy().isEmpty()) RowOrder.refuseNulls(a.orderBy());
        List<Selection.Item> items = fields.stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
        boolean grouped = !a.groupBy().isEmpty();
        ReadQuery q = grouped
                ? new ReadQuery(a.model(), a.where(), List.of(), null, null, null, List.of(), new Selection(items))
                : new ReadQuery(a.model(), a.where(), a.orderBy(), a.cursor(), a.skip(), a.take(), List.of(), new Selection(items));
        List<Map<String, Object>> rows = reader.read(q);
        Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        if (!grouped) groups.put(List.of(), rows);
        for (Map<String, Object> r : grouped ? rows : List.<Map<String, Object>>of()) {
            List<Object> key = new ArrayList<>();
            for (ScalarField f : a.groupBy()) key.add(RowOrder.normalize(r.get(f.name())));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        Map<Map<String, Object>, List<Map<String, Object>>> groupOf = new java.util.IdentityHashMap<>();
        for (List<Map<String, Object>> group : groups.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            groupOf.put(row, group);
            for (ScalarField f : a.groupBy()) row.put(f.name(), group.getFirst().get(f.name()));
            for (Aggregation.Aggregate agg : a.aggregates()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) row.computeIfAbsent(agg.function().key(), k -> new LinkedHashMap<String, Object>());
                m.put(agg.key(), compute(agg, group));
            }
            if (a.having() == null || having(a.having(), group, row)) out.add(row);
        }
        if (!grouped) return out;
        if (!a.orderBy().isEmpty()) {
            Comparator<Map<String, Object>> cmp = (x, y) -> 0;
            for (Ordering o : a.orderBy()) {
                Comparator<Map<String, Object>> one = switch (o) {
                    case Ordering.ByField bf -> (x, y) -> RowOrder.compare(x.get(bf.field().name()), y.get(bf.field().name()));
                    case Ordering.ByAggregate ba -> {
                        Aggregation.Aggregate agg = new Aggregation.Aggregate(ba.function(), ba.field());
                        yield (x, y) -> RowOrder.compare(groupValue(x, agg, groupOf), groupValue(y, agg, groupOf));
                    }
                    default -> (x, y) -> 0;
                };
                cmp = cmp.thenComparing(o.descending() ? one.reversed() : one);
            }
            // Aggregates the request orders by but does not ask for are computed for the ordering only.
            out.sort(cmp);
        }
        int from = a.skip() == null ? 0 : (int) Math.min(out.size(), a.skip());
        int to = a.take() == null ? out.size() : (int) Math.min(out.size(), from + Math.abs(a.take()));
        return new ArrayList<>(out.subList(from, to));
    }

    /** The aggregate of a group row: the one the request asked for, or computed from the group for ordering only. */
    private static Object groupValue(Map<String, Object> row, Aggregation.Aggregate agg,
                                     Map<Map<String, Object>, List<Map<String, Object>>> groupOf) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) row.get(agg.function().key());
        if (m != null && m.containsKey(agg.key())) return m.get(agg.key());
        return compute(agg, groupOf.get(row));
    }

    private static void collectHaving(Aggregation.Having h, Set<ScalarField> fields) {
        if (h == null) return;
        if (h.aggregate() != null && h.aggregate().field() != null) fields.add(h.aggregate().field());
        if (h.children() != null) for (Aggregation.Having c : h.children()) collectHaving(c, fields);
    }

    static Object compute(Aggregation.Aggregate agg, List<Map<String, Object>> rows) {
        if (agg.field() == null) return (long) rows.size();
        List<Object> vs = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Object v = r.get(agg.field().name());
            if (v != null) vs.add(v);
        }
        ScalarType t = agg.field().scalarType();
        return switch (agg.function()) {
            case COUNT -> (long) vs.size();
            case SUM -> {
                if (vs.isEmpty()) yield null;
                if (t == ScalarType.INT || t == ScalarType.BIG_INT) {
                    long s = 0;
                    for (Object v : vs) s += ((Number) v).longValue();
                    yield s;
                }
                double s = 0;
                for (Object v : vs) s += ((Number) v).doubleValue();
                yield s;
            }
            case AVG -> {
                if (vs.isEmpty()) yield null;
                double s = 0;
                for (Object v : vs) s += ((Number) v).doubleValue();
                yield s / vs.size();
            }
            case MIN, MAX -> {
                Object best = null;
                for (Object v : vs) {
                    if (best == null) best = v;
                    else {
                        int c = RowOrder.compare(v, best);
                        if (agg.function() == Aggregation.Function.MIN ? c < 0 : c > 0) best = v;
                    }
                }
                yield best;
            }
        };
    }

    private static boolean having(Aggregation.Having h, List<Map<String, Object>> group, Map<String, Object> row) {
        return switch (h.kind()) {
            case AND -> h.children().stream().allMatch(c -> having(c, group, row));
            case OR -> h.children().stream().anyMatch(c -> having(c, group, row));
            case NOT -> h.children().stream().noneMatch(c -> having(c, group, row));
            case IS_NULL -> operand(h, group) == null;
            case IN -> {
                Object v = operand(h, group);
                yield v != null && ((List<?>) h.value()).stream().anyMatch(x -> RowOrder.compare(RowOrder.normalize(v), RowOrder.normalize(x)) == 0);
            }
            case COMPARE -> {
                Object v = operand(h, group);
                if (v == null) yield false;
                if (h.op() == Filter.CompareOp.CONTAINS) yield v.toString().contains(String.valueOf(h.value()));
                if (h.op() == Filter.CompareOp.STARTS_WITH) yield v.toString().startsWith(String.valueOf(h.value()));
                if (h.op() == Filter.CompareOp.ENDS_WITH) yield v.toString().endsWith(String.valueOf(h.value()));
                int c = RowOrder.compare(RowOrder.normalize(v), RowOrder.normalize(h.value()));
                yield switch (h.op()) {
                    case EQUALS -> c == 0;
                    case NOT_EQUALS -> c != 0;
                    case LT -> c < 0;
                    case LTE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            }
        };
    }

    private static Object operand(Aggregation.Having h, List<Map<String, Object>> group) {
        if (h.aggregate().function() == null) return group.getFirst().get(h.aggregate().field().name());
        return compute(h.aggregate(), group);
    }
}
