package dev.facet.data.mongo;

import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Filter;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Orders records as Prisma does on MongoDB: null and missing values first in ascending order, the id last as a tie
 * breaker whenever there is an ordering or paging; orderings through to-one relations and by relation counts are
 * resolved with one command per relation hop and sorted here.
 */
final class RowOrder {
    private final Schema schema;
    private final MongoReader reader;

    RowOrder(Schema schema, MongoReader reader) {
        this.schema = schema;
        this.reader = reader;
    }

    static List<ScalarField> idFields(Model model) {
        if (model.primaryKey() != null) return model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        return List.of();
    }

    /** Prisma's MongoDB client has no SortOrderInput (findMany's orderBy and groupBy's alike): `nulls` does not exist there. */
    static void refuseNulls(List<Ordering> orderBy) {
        for (Ordering o : orderBy) {
            if (o instanceof Ordering.ByField bf && bf.nulls() != null) {
                throw dev.facet.data.error.QueryError.validation("orderBy." + bf.field().name(), "Invalid value for argument `" + bf.field().name()
                        + "`. Expected SortOrder.");
            }
        }
    }

    /** The orderings used: the requested ones and then the id, or the id alone when paging needs an order. */
    List<Ordering> effective(ReadQuery q) {
        refuseNulls(q.orderBy());
        boolean paging = q.cursor() != null || q.take() != null || q.skip() != null;
        if (q.orderBy().isEmpty() && !paging) return List.of();
        List<Ordering> out = new ArrayList<>(q.orderBy());
        for (ScalarField id : idFields(q.model())) {
            boolean present = out.stream().anyMatch(o -> o instanceof Ordering.ByField bf && bf.path().isEmpty() && bf.field().equals(id));
            if (!present) out.add(new Ordering.ByField(List.of(), id, false, null));
        }
        return out;
    }

    /**
     * The condition a cursor becomes: the documents at or after {@code at} (the cursor's document) in the order of
     * {@code orderings}, walked backwards for a negative {@code take}. Orderings end with the id, so "all equal" is the
     * cursor's document itself. Null and missing sort first, as in MongoDB's own sort: after a null comes any value
     * (ascending); after a value, descending, come smaller values and null.
     *
     * @param orderings orderings by the model's own fields
     */
    static Document atOrAfter(List<Ordering> orderings, Document at, boolean backwards) {
        List<Document> terms = new ArrayList<>();
        List<Document> equal = new ArrayList<>();
        for (Ordering o : orderings) {
            Ordering.ByField bf = (Ordering.ByField) o;
            String f = bf.field().databaseName();
            Object c = at.get(f);
            boolean ascending = bf.descending() == backwards;
            Document after;
            if (ascending) after = new Document(f, new Document(c == null ? "$ne" : "$gt", c));
            else after = c == null ? null : new Document("$or", List.of(new Document(f, new Document("$lt", c)), new Document(f, null)));
            if (after != null) terms.add(all(equal, after));
            equal.add(new Document(f, c));
        }
        terms.add(all(equal, null));
        return new Document("$or", terms);
    }

    private static Document all(List<Document> conditions, Document last) {
        List<Document> and = new ArrayList<>(conditions);
        if (last != null) and.add(last);
        return and.size() == 1 ? and.getFirst() : new Document("$and", and);
    }

    /** The {@code sort} document of orderings by the model's own fields. */
    static Document sortDocument(List<Ordering> orderings, boolean reverse) {
        Document sort = new Document();
        for (Ordering o : orderings) {
            Ordering.ByField bf = (Ordering.ByField) o;
            sort.append(bf.field().databaseName(), bf.descending() ^ reverse ? -1 : 1);
        }
        return sort;
    }

    /** Sorts records by orderings that go through relations or count them. */
    void sortInMemory(Model model, List<Map<String, Object>> rows, List<Ordering> orderings) {
        List<Map<Map<String, Object>, Object>> keys = new ArrayList<>();
        for (Ordering o : orderings) {
            keys.add(switch (o) {
                case Ordering.ByField bf -> through(model, rows, bf.path(), (m, rs) -> {
                    Map<Map<String, Object>, Object> out = new IdentityHashMap<>();
                    for (Map<String, Object> r : rs) out.put(r, r.get(bf.field().name()));
                    return out;
                });
                case Ordering.ByRelationCount rc -> through(model, rows, rc.path(), (m, rs) -> {
                    MongoLink link = MongoLink.of(schema, m, rc.relation());
                    Map<Object, Long> counts = reader.relatedCounts(link, rs, Filter.ALL);
                    Map<Map<String, Object>, Object> out = new IdentityHashMap<>();
                    for (Map<String, Object> r : rs) out.put(r, MongoReader.countFor(link, r, counts));
                    return out;
                });
                default -> throw new IllegalStateException("groupBy orderings are not record orderings");
            });
        }
        Comparator<Map<String, Object>> cmp = (a, b) -> 0;
        for (int i = 0; i < orderings.size(); i++) {
            Map<Map<String, Object>, Object> k = keys.get(i);
            boolean path = orderings.get(i) instanceof Ordering.ByRelationCount rc && !rc.path().isEmpty();
            Comparator<Map<String, Object>> one = (a, b) -> compare(value(k, a, path), value(k, b, path));
            cmp = cmp.thenComparing(orderings.get(i).descending() ? one.reversed() : one);
        }
        rows.sort(cmp);
    }

    private static Object value(Map<Map<String, Object>, Object> keys, Map<String, Object> row, boolean countThroughPath) {
        Object v = keys.get(row);
        // Through a to-one relation that is not there, a count is 0 (as in Prisma).
        return v == null && countThroughPath ? 0L : v;
    }

    /** Values of {@code leaf} reached from each record through to-one relations, one command per relation hop. */
    private Map<Map<String, Object>, Object> through(Model model, List<Map<String, Object>> rows, List<RelationField> path,
                                                     java.util.function.BiFunction<Model, List<Map<String, Object>>, Map<Map<String, Object>, Object>> leaf) {
        if (path.isEmpty()) return leaf.apply(model, rows);
        MongoLink link = MongoLink.of(schema, model, path.getFirst());
        Set<Object> keys = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) {
            Object k = keyOf(r, link.parentKeys());
            if (k != null) keys.add(k);
        }
        Map<Object, Map<String, Object>> children = new HashMap<>();
        List<Map<String, Object>> childRows = new ArrayList<>();
        if (!keys.isEmpty()) {
            Set<ScalarField> fields = new LinkedHashSet<>(link.child().scalarFields());
            for (Document d : reader.collection(link.child()).find(reader.keysIn(link, keys)).projection(MongoReader.projection(fields))) {
                Map<String, Object> c = reader.row(link.child(), d, fields);
                childRows.add(c);
                children.put(keyOf(c, link.childKeys()), c);
            }
        }
        Map<Map<String, Object>, Object> childValues = through(link.child(), childRows, path.subList(1, path.size()), leaf);
        Map<Map<String, Object>, Object> out = new IdentityHashMap<>();
        for (Map<String, Object> r : rows) {
            Object k = keyOf(r, link.parentKeys());
            Map<String, Object> c = k == null ? null : children.get(k);
            out.put(r, c == null ? null : childValues.get(c));
        }
        return out;
    }

    private static Object keyOf(Map<String, Object> row, List<ScalarField> fields) {
        if (fields.size() == 1) return normalize(row.get(fields.getFirst().name()));
        List<Object> k = new ArrayList<>();
        for (ScalarField f : fields) {
            Object v = row.get(f.name());
            if (v == null) return null;
            k.add(normalize(v));
        }
        return k;
    }

    /** The records from the cursor record on (backwards: up to it), in order; none when it is not among them. */
    List<Map<String, Object>> fromCursor(Model model, List<Map<String, Object>> rows, Map<ScalarField, Object> cursor, List<Ordering> orderings,
                                         boolean backwards) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            boolean match = true;
            for (var e : cursor.entrySet()) if (!java.util.Objects.equals(normalize(r.get(e.getKey().name())), normalize(e.getValue()))) match = false;
            if (match) return backwards ? new ArrayList<>(rows.subList(0, i + 1)) : new ArrayList<>(rows.subList(i, rows.size()));
        }
        return new ArrayList<>();
    }

    /** A value as a map key: whole numbers as Long, so that an Int read as 32 or 64 bits is the same key. */
    static Object normalize(Object v) {
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof byte[] b) return java.util.HexFormat.of().formatHex(b);
        return v;
    }

    /** MongoDB's order within one type: null (and missing) first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        if (a instanceof byte[] x && b instanceof byte[] y) return java.util.Arrays.compareUnsigned(x, y);
        if (a instanceof Comparable c && a.getClass() == b.getClass()) return c.compareTo(b);
        return a.toString().compareTo(b.toString());
    }
}
