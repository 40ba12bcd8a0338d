package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pending changes of one grid until Save: changed cells and relation links of existing records (kept
 * by record key with the values as they were loaded, for conflict detection), new records (and their
 * links), and records marked for deletion. Nothing here touches the database.
 */
final class ChangeSet {
    /** The changed cells of one existing record. */
    static final class RowEdit {
        final RowKey key;
        ObjectNode original;
        final Map<String, JsonNode> values = new LinkedHashMap<>();
        final Map<String, LinkChange> links = new LinkedHashMap<>();

        RowEdit(RowKey key, ObjectNode original) {
            this.key = key;
            this.original = original;
        }
    }

    private final Map<RowKey, RowEdit> edits = new LinkedHashMap<>();
    private final List<GridRow> drafts = new ArrayList<>();
    private final Map<RowKey, ObjectNode> deletions = new LinkedHashMap<>();
    private final Map<GridRow, Map<String, LinkChange>> draftLinks = new HashMap<>();

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
        if (e.values.isEmpty() && e.links.isEmpty()) edits.remove(key);
    }

    /** @return the pending relation change of a record's relation field (a draft's by its row), or null */
    LinkChange link(GridRow row, String field) {
        if (row.isDraft()) return draftLinks.getOrDefault(row, Map.of()).get(field);
        RowEdit e = row.key() == null ? null : edits.get(row.key());
        return e == null ? null : e.links.get(field);
    }

    /** Sets (or, with null, drops) the pending relation change of a record's relation field. */
    void setLink(GridRow row, String field, LinkChange change) {
        if (row.isDraft()) {
            Map<String, LinkChange> m = draftLinks.computeIfAbsent(row, r -> new LinkedHashMap<>());
            if (change == null) m.remove(field);
            else m.put(field, change);
            return;
        }
        RowEdit e = edits.computeIfAbsent(row.key(), k -> new RowEdit(k, row.record()));
        if (change == null) e.links.remove(field);
        else e.links.put(field, change);
        if (e.values.isEmpty() && e.links.isEmpty()) edits.remove(row.key());
    }

    /** @return a new record's pending relation changes by field */
    Map<String, LinkChange> draftLinks(GridRow draft) { return draftLinks.getOrDefault(draft, Map.of()); }

    /** Forgets a new record's relation changes (it was removed). */
    void dropDraft(GridRow draft) {
        drafts.remove(draft);
        draftLinks.remove(draft);
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
        for (RowEdit e : edits.values()) {
            n += e.values.size();
            for (LinkChange l : e.links.values()) n += l.size();
        }
        return n;
    }

    /** @return whether any record has pending changes */
    boolean isEmpty() { return size() == 0; }

    /**
     * What the pending changes were at one moment, for undo: the maps are copies, the new records the same rows with
     * a copy of their values.
     */
    record State(Map<RowKey, RowEdit> edits, List<GridRow> drafts, Map<GridRow, Map<String, JsonNode>> draftValues,
                 Map<RowKey, ObjectNode> deletions, Map<GridRow, Map<String, LinkChange>> draftLinks) {}

    /** @return the pending changes as they are now */
    State state() {
        Map<RowKey, RowEdit> e = new LinkedHashMap<>();
        edits.forEach((k, v) -> {
            RowEdit copy = new RowEdit(k, v.original);
            copy.values.putAll(v.values);
            copy.links.putAll(v.links);
            e.put(k, copy);
        });
        Map<GridRow, Map<String, JsonNode>> values = new HashMap<>();
        drafts.forEach(d -> values.put(d, new LinkedHashMap<>(d.draftValues())));
        Map<GridRow, Map<String, LinkChange>> links = new HashMap<>();
        draftLinks.forEach((d, m) -> links.put(d, new LinkedHashMap<>(m)));
        return new State(e, List.copyOf(drafts), values, new LinkedHashMap<>(deletions), links);
    }

    /** Puts the pending changes back as {@code s} had them (the rows shown are the caller's). */
    void restore(State s) {
        edits.clear();
        s.edits().forEach((k, v) -> {
            RowEdit e = new RowEdit(k, v.original);
            e.values.putAll(v.values);
            e.links.putAll(v.links);
            edits.put(k, e);
        });
        drafts.clear();
        drafts.addAll(s.drafts());
        for (GridRow d : drafts) {
            d.draftValues().clear();
            d.draftValues().putAll(s.draftValues().getOrDefault(d, Map.of()));
        }
        deletions.clear();
        deletions.putAll(s.deletions());
        draftLinks.clear();
        s.draftLinks().forEach((d, m) -> draftLinks.put(d, new LinkedHashMap<>(m)));
    }

    void clear() {
        edits.clear();
        drafts.clear();
        draftLinks.clear();
        deletions.clear();
    }
}
