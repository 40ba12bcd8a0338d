package dev.facet.data.sql;

import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paging that Prisma 7 does in memory rather than in SQL (from a cursor row on a non-unique order, distinct,
 * backwards pages, and each parent's page of a nested to-many read that is not cut in SQL).
 */
final class MemoryPaging {
    private MemoryPaging() {}

    /** The rows from the cursor row on, in the order read; none when the cursor row is not among them. */
    static List<Map<String, Object>> fromCursorRow(List<Map<String, Object>> rows, Map<ScalarField, Object> cursor) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = rows.get(i);
            if (cursor.entrySet().stream().allMatch(e -> RowKeys.equal(r.get(e.getKey().name()), e.getValue()))) return rows.subList(i, rows.size());
        }
        return new ArrayList<>();
    }

    /** Per-parent cursor, skip, take and distinct of a nested to-many read, applied to that parent's rows. */
    static List<Map<String, Object>> pagePerParent(List<Map<String, Object>> rows, ReadQuery q) {
        List<Map<String, Object>> out = rows;
        if (q.cursor() != null) {
            int at = -1;
            for (int i = 0; i < out.size(); i++) {
                Map<String, Object> r = out.get(i);
                boolean match = q.cursor().entrySet().stream().allMatch(e -> RowKeys.equal(r.get(e.getKey().name()), e.getValue()));
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

    static List<Map<String, Object>> page(List<Map<String, Object>> rows, Long skip, Long take) {
        int from = (int) Math.min(rows.size(), skip == null ? 0 : skip);
        int to = take == null ? rows.size() : (int) Math.min(rows.size(), from + take);
        return new ArrayList<>(rows.subList(from, to));
    }

    static List<Map<String, Object>> distinct(List<Map<String, Object>> rows, List<ScalarField> fields) {
        Set<List<Object>> seen = new HashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            List<Object> key = new ArrayList<>();
            for (ScalarField f : fields) key.add(RowKeys.normalizeValue(r.get(f.name())));
            if (seen.add(key)) out.add(r);
        }
        return out;
    }
}
