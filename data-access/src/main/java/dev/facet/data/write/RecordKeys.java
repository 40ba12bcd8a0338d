package dev.facet.data.write;

import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finding, locking and reading back the records a write changes, by their key (primary key fields). */
final class RecordKeys {
    private RecordKeys() {}

    /**
     * The key of the record a write is about to change, locked until the transaction ends: the write then changes the
     * record only if it still matches (see {@link Session#lockKeys}), never one a concurrent writer changed meanwhile.
     */
    static Map<String, Object> findOne(Session s, Model model, Filter where) {
        List<Map<String, Object>> keys = s.lockKeys(model, where, null);
        return keys.isEmpty() ? null : keys.getFirst();
    }

    static List<Map<String, Object>> firstKeys(Session s, Model model, Filter where, long limit) {
        // Prisma limits updateMany/deleteMany without ordering: the rows come in the database's order.
        return s.lockKeys(model, where, limit);
    }

    static Map<String, Object> findFields(Session s, Model model, Filter where, List<ScalarField> fields) {
        java.util.LinkedHashSet<ScalarField> all = new java.util.LinkedHashSet<>(ReferentialActions.keyFields(model));
        all.addAll(fields);
        List<Selection.Item> items = all.stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
        List<Map<String, Object>> rows = s.read(new ReadQuery(model, where, List.of(), null, null, 1L, List.of(), new Selection(items)));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    static Map<String, Object> readFields(Session s, Model model, Map<String, Object> key, List<ScalarField> fields) {
        return findFields(s, model, keyFilter(model, key), fields);
    }

    /** The key of the record just inserted from {@code row}, for an insert that does not return it (skipDuplicates). */
    static Map<String, Object> readKeyAfterInsert(Session s, Model model, Map<ScalarField, Object> row) {
        List<Filter> parts = new ArrayList<>();
        for (var e : row.entrySet()) {
            if (e.getValue() == null) parts.add(new Filter.IsNull(e.getKey()));
            else if (!(e.getValue() instanceof List)) parts.add(new Filter.Compare(e.getKey(), Filter.CompareOp.EQUALS, e.getValue(), false));
        }
        List<Map<String, Object>> found = ReferentialActions.keys(s, model, Filter.and(parts));
        return found.getLast();
    }

    /** The fields other records reference on {@code model} (its key and every field named in a relation's references). */
    static List<ScalarField> referencedFields(Schema schema, Model model) {
        java.util.LinkedHashSet<ScalarField> out = new java.util.LinkedHashSet<>(ReferentialActions.keyFields(model));
        for (RelationField rf : model.relationFields()) {
            RelationLink link = RelationLink.of(schema, model, rf);
            out.addAll(link.parentKeys());
        }
        return new ArrayList<>(out);
    }

    /** The key (primary key fields) of a stored row. */
    static Map<String, Object> keyOf(Model model, Map<String, Object> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (ScalarField f : ReferentialActions.keyFields(model)) key.put(f.name(), row.get(f.name()));
        return key;
    }

    /** A filter selecting exactly the record with this key. */
    static Filter keyFilter(Model model, Map<String, Object> key) {
        List<Filter> parts = new ArrayList<>();
        for (ScalarField f : ReferentialActions.keyFields(model)) parts.add(new Filter.Compare(f, Filter.CompareOp.EQUALS, key.get(f.name()), false));
        return Filter.and(parts);
    }

    /** Keys after an update that may have set key fields. */
    static List<Map<String, Object>> newKeys(Model model, List<Map<String, Object>> keys, Map<ScalarField, Session.FieldUpdate> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> k : keys) {
            Map<String, Object> n = new LinkedHashMap<>(k);
            for (var e : changes.entrySet()) {
                String name = e.getKey().name();
                if (!n.containsKey(name)) continue;
                if (e.getValue() instanceof Session.FieldUpdate.Set set) n.put(name, set.value());
                if (e.getValue() instanceof Session.FieldUpdate.Arithmetic a) n.put(name, arithmetic(n.get(name), a));
            }
            out.add(n);
        }
        return out;
    }

    /** The value a key has after an arithmetic update, computed as the database computes it (integers divide towards zero). */
    private static Object arithmetic(Object current, Session.FieldUpdate.Arithmetic a) {
        if (current == null) return null;
        java.math.BigDecimal x = new java.math.BigDecimal(current.toString());
        java.math.BigDecimal y = new java.math.BigDecimal(a.operand().toString());
        boolean integral = current instanceof Integer || current instanceof Long;
        java.math.BigDecimal r = switch (a.op()) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> integral ? x.divide(y, 0, java.math.RoundingMode.DOWN) : x.divide(y, java.math.MathContext.DECIMAL64);
        };
        return switch (current) {
            case Integer i -> r.intValue();
            case Long l -> r.longValue();
            case Double d -> r.doubleValue();
            default -> r;
        };
    }
}
