package dev.facet.data.sql;

import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A row's key over some fields, normalized so that keys read by different drivers or as different types compare equal. */
final class RowKeys {
    private RowKeys() {}

    static List<Object> keyOf(Map<String, Object> row, List<ScalarField> fields) {
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
    static Object groupKeyOf(Map<String, Object> row, List<ScalarField> fields) {
        if (fields.size() == 1) return normalizeValue(row.get(fields.getFirst().name()));
        List<Object> key = keyOf(row, fields);
        return key == null ? null : normalize(key);
    }

    /** Keys from different drivers or types (Integer vs Long) must compare equal. */
    static List<Object> normalize(List<Object> key) {
        List<Object> out = new ArrayList<>(key.size());
        for (Object o : key) out.add(normalizeValue(o));
        return out;
    }

    static Object normalizeValue(Object o) {
        return switch (o) {
            case null -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case java.math.BigDecimal d -> d.stripTrailingZeros();
            case byte[] b -> java.util.HexFormat.of().formatHex(b);
            default -> o;
        };
    }

    static boolean equal(Object a, Object b) { return java.util.Objects.equals(normalizeValue(a), normalizeValue(b)); }
}
