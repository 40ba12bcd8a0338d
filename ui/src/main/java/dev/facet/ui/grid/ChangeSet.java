package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending changes of one grid until Save: changed cells of existing records (kept by record key
 * with the values as they were loaded, for conflict detection), new records, and records marked for
 * deletion. Nothing here touches the database.
 */
final class ChangeSet {
    /** The changed cells of one existing record. */
    static final class RowEdit {
        final RowKey key;
        ObjectNode original;
        final Map<String, JsonNode> values = new LinkedHashMap<>();

        RowEdit(RowKey key, ObjectNode original) {
            this.key = key;
            this.original = original;
        }
    }

    private final Map<RowKey, RowEdit> edits = new LinkedHashMap<>();
    private final List<GridRow> drafts = new ArrayList<>();
    private final Map<RowKey, ObjectNode> deletions = new LinkedHashMap<>();

    /** @return whether the cell has a pending value */
    boolean has(RowKey key, String field) {
        RowEdit e = edits.get(key);
        return e != null && e.values.containsKey(field);
    }

    /** @return the pending value of a cell (a JSON null for NULL), or null when it has none */
    JsonNode value(RowKey key, String field) {
        RowEdit e = edits.get(key);
        return e == null ? null : e.values.get(field);
    }

    /**
     * Sets a cell of an existing record. A value equal to the loaded one removes the pending change.
     *
     * @param original the record as loaded; the first edit of a row keeps it for the conflict check
     */
    void set(RowKey key, ObjectNode original, String field, JsonNode value) {
        RowEdit e = edits.computeIfAbsent(key, k -> new RowEdit(k, original));
        if (same(e.original.get(field), value)) e.values.remove(field);
        else e.values.put(field, value);
        if (e.values.isEmpty()) edits.remove(key);
    }

    /** @return whether two values are the same: numbers by value, everything else as JSON */
    static boolean same(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull();
        boolean bNull = b == null || b.isNull();
        if (aNull || bNull) return aNull == bNull;
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    /** @return the pending edit of a record, or null */
    RowEdit edit(RowKey key) { return edits.get(key); }

    /** @return every record with changed cells */
    Collection<RowEdit> edits() { return edits.values(); }

    /** Drops the changed cells and the deletion mark of a record. */
    void revert(RowKey key) {
        edits.remove(key);
        deletions.remove(key);
    }

    /** Marks a record for deletion; its changed cells no longer matter. */
    void markDeleted(RowKey key, ObjectNode record) {
        edits.remove(key);
        deletions.put(key, record);
    }

    /** @return whether a record is marked for deletion */
    boolean isDeleted(RowKey key) { return deletions.containsKey(key); }

    /** @return the records marked for deletion, with the record as loaded */
    Map<RowKey, ObjectNode> deletions() { return deletions; }

    /** @return the new records, in the order they were added */
    List<GridRow> drafts() { return drafts; }

    /** @return how many changes Save applies: changed cells, new records and deletions */
    int size() {
        int n = drafts.size() + deletions.size();
        for (RowEdit e : edits.values()) n += e.values.size();
        return n;
    }

    /** @return whether any record has pending changes */
    boolean isEmpty() { return size() == 0; }

    void clear() {
        edits.clear();
        drafts.clear();
        deletions.clear();
    }
}
