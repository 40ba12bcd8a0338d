package dev.facet.data.sql;

import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A long read with relations on a database that cannot stream a result and run other statements on the same
 * connection meanwhile (MySQL and MariaDB): the records come in pages of a chunk, each page from the last record's
 * key (Prisma's own cursor with {@code skip: 1}) and with its relations, so memory stays flat whatever their number.
 * Only reads whose order is unique and has no nullable field are paged so (the cursor is then exact in SQL); a read
 * that ends within one chunk is answered by its first statement, in the order it always had.
 */
final class PagedRead {
    private PagedRead() {}

    /**
     * @param orderings the read's order, or the model's key when it asks for none
     * @return whether the read was answered here (false: it cannot be paged, nothing was read)
     */
    static boolean readEach(SqlReader reader, Connection connection, ReadQuery query, List<Ordering> orderings, int chunkSize,
                            Consumer<List<Map<String, Object>>> chunks) throws SQLException {
        List<ScalarField> key = key(query.model(), orderings);
        if (key == null || !query.distinct().isEmpty() || query.take() != null && query.take() < 0) return false;
        long wanted = query.take() != null ? query.take() : query.limit() != null ? query.limit() : Long.MAX_VALUE;
        // Most reads end within a chunk: the read as asked, one record more than a chunk at most, says whether.
        long probe = Math.min(wanted, chunkSize + 1L);
        List<Map<String, Object>> first = reader.read(connection, query.take() != null
                ? new ReadQuery(query.model(), query.where(), query.orderBy(), query.cursor(), query.skip(), probe, query.distinct(), query.selection(), query.limit())
                : query.withLimit(probe));
        if (first.size() <= chunkSize) {
            chunks.accept(first);
            return true;
        }
        List<Selection.Item> items = new ArrayList<>(query.selection().items());
        for (ScalarField f : key) items.add(new Selection.Scalar(f));
        Selection withKey = new Selection(items);
        Map<ScalarField, Object> cursor = query.cursor();
        Long skip = query.skip();
        for (long left = wanted; left > 0; ) {
            long n = Math.min(chunkSize, left);
            List<Map<String, Object>> page = reader.read(connection,
                    new ReadQuery(query.model(), query.where(), orderings, cursor, skip, n, List.of(), withKey, null));
            if (!page.isEmpty()) chunks.accept(page);
            if (page.size() < n) return true;
            left -= n;
            Map<String, Object> last = page.getLast();
            cursor = new LinkedHashMap<>();
            for (ScalarField f : key) cursor.put(f, last.get(f.name()));
            skip = 1L;
        }
        return true;
    }

    /** The fields of the model's id or unique constraint that the order names, when the order is exact in SQL; else null. */
    private static List<ScalarField> key(Model model, List<Ordering> orderings) {
        List<String> ordered = new ArrayList<>();
        for (Ordering o : orderings) {
            if (!(o instanceof Ordering.ByField bf) || !bf.path().isEmpty() || !bf.field().isRequired()) return null;
            ordered.add(bf.field().name());
        }
        List<List<String>> candidates = new ArrayList<>();
        if (model.primaryKey() != null) candidates.add(model.primaryKey().fieldNames());
        for (var u : model.uniqueIndexes()) candidates.add(u.fieldNames());
        for (List<String> names : candidates) {
            if (!names.isEmpty() && ordered.containsAll(names)) return names.stream().map(n -> (ScalarField) model.field(n)).toList();
        }
        return null;
    }
}
