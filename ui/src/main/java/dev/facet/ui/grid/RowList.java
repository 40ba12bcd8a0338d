package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.Model;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The rows the table shows: new records first, then a window of the query result
 * ({@code [offset, offset + length)}) held in chunks of {@code chunkSize} rows. A row that is not
 * loaded yet is an empty placeholder, filled in place when its chunk arrives; only a bounded number of
 * chunks stays in memory, so scrolling through a million rows never holds a million records.
 */
final class RowList extends ObservableListBase<GridRow> {
    /** Chunks of one window kept at once; older ones are dropped and loaded again when needed. */
    private static final int MAX_CACHED_ROWS = 5_000;

    private static final class Chunk {
        final GridRow[] rows;
        boolean loaded;

        Chunk(int number, int size) {
            rows = new GridRow[size];
            for (int i = 0; i < size; i++) rows[i] = GridRow.placeholder(number * size + i);
        }
    }

    private final List<GridRow> drafts = new ArrayList<>();
    private final int offset;
    private final int chunkSize;
    private final int maxChunks;
    private int length;
    private final Map<Integer, Chunk> chunks = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * @param drafts    the new records shown first
     * @param offset    the position in the result of the first window row (a multiple of chunkSize)
     * @param length    how many result rows the window shows
     * @param chunkSize rows per chunk (the page size)
     */
    RowList(List<GridRow> drafts, int offset, int length, int chunkSize) {
        this.drafts.addAll(drafts);
        this.offset = offset;
        this.length = length;
        this.chunkSize = chunkSize;
        this.maxChunks = Math.max(4, MAX_CACHED_ROWS / chunkSize);
    }

    @Override
    public GridRow get(int i) {
        if (i < drafts.size()) return drafts.get(i);
        int abs = offset + i - drafts.size();
        if (i < 0 || abs >= offset + length) throw new IndexOutOfBoundsException(i);
        int n = abs / chunkSize;
        Chunk c = chunks.get(n);
        if (c == null) {
            c = new Chunk(n, chunkSize);
            chunks.put(n, c);
            dropPlaceholders();
        }
        return c.rows[abs - n * chunkSize];
    }

    @Override
    public int size() { return drafts.size() + length; }

    /** Looks only at new records and chunks in memory: a search must not create a million placeholders. */
    @Override
    public int indexOf(Object o) {
        int d = drafts.indexOf(o);
        if (d >= 0) return d;
        if (!(o instanceof GridRow row) || row.index() < offset || row.index() >= offset + length) return -1;
        Chunk c = chunks.get(row.index() / chunkSize);
        return c != null && c.rows[row.index() % chunkSize] == row ? drafts.size() + row.index() - offset : -1;
    }

    @Override
    public int lastIndexOf(Object o) { return indexOf(o); }

    @Override
    public boolean contains(Object o) { return indexOf(o) >= 0; }

    /** @return how many new records come before the result rows */
    int draftCount() { return drafts.size(); }

    /** @return the position in the result of the first window row */
    int offset() { return offset; }

    /** @return how many result rows the window shows */
    int length() { return length; }

    int chunkSize() { return chunkSize; }

    /** @return the chunk holding result row {@code abs} */
    int chunkOf(int abs) { return abs / chunkSize; }

    /** @return whether a chunk's records have arrived */
    boolean isLoaded(int chunk) {
        Chunk c = chunks.get(chunk);
        return c != null && c.loaded;
    }

    /** @return the key of a loaded full chunk's last row (a cursor for the chunk after it), or null */
    RowKey lastKeyOf(int chunk) {
        Chunk c = chunks.get(chunk);
        return c == null || !c.loaded ? null : c.rows[chunkSize - 1].key();
    }

    /** @return the key of a loaded chunk's first row (a cursor for the chunk before it), or null */
    RowKey firstKeyOf(int chunk) {
        Chunk c = chunks.get(chunk);
        return c == null || !c.loaded ? null : c.rows[0].key();
    }

    /** Changes the window length (when the count arrives or changes), telling the table. */
    void setLength(int newLength) {
        if (newLength == length) return;
        int old = length;
        int base = drafts.size();
        beginChange();
        if (newLength > old) {
            length = newLength;
            nextAdd(base + old, base + newLength);
        } else {
            List<GridRow> removed = new ArrayList<>(old - newLength);
            for (int i = newLength; i < old; i++) removed.add(get(base + i));
            length = newLength;
            nextRemove(base + newLength, removed);
        }
        endChange();
        chunks.keySet().removeIf(n -> n * chunkSize >= offset + length);
    }

    /**
     * Fills a chunk with the records that arrived; rows past the end of what arrived are marked
     * missing (the result shrank since it was counted).
     *
     * @param keep chunks that must stay in memory (the visible ones)
     */
    void fill(int chunk, List<ObjectNode> records, Model model, java.util.Set<Integer> keep) {
        Chunk c = chunks.computeIfAbsent(chunk, k -> new Chunk(k, chunkSize));
        RowKey.Identity identity = RowKey.Identity.of(model);
        for (int i = 0; i < chunkSize; i++) {
            ObjectNode r = i < records.size() ? records.get(i) : null;
            if (r == null && chunk * chunkSize + i >= offset + length) break;
            c.rows[i].fill(r, r == null ? null : RowKey.of(identity, r));
        }
        c.loaded = true;
        evict(keep);
    }

    /** Placeholder chunks are cheap to make again; only so many of them are kept (the oldest go first). */
    private void dropPlaceholders() {
        int excess = chunks.size() - 4 * maxChunks;
        for (Iterator<Map.Entry<Integer, Chunk>> it = chunks.entrySet().iterator(); it.hasNext() && excess > 0; ) {
            if (!it.next().getValue().loaded) {
                it.remove();
                excess--;
            }
        }
    }

    private void evict(java.util.Set<Integer> keep) {
        int loaded = (int) chunks.values().stream().filter(c -> c.loaded).count();
        for (Iterator<Map.Entry<Integer, Chunk>> it = chunks.entrySet().iterator(); it.hasNext() && loaded > maxChunks; ) {
            Map.Entry<Integer, Chunk> e = it.next();
            if (keep.contains(e.getKey())) continue;
            if (e.getValue().loaded) loaded--;
            it.remove();
        }
    }

    /** Forgets every loaded chunk (rows stay, as placeholders, until loaded again). */
    void invalidate() {
        for (Chunk c : chunks.values()) c.loaded = false;
    }

    /** @return every loaded result row (for finding rows by key) */
    List<GridRow> loadedRows() {
        List<GridRow> out = new ArrayList<>();
        for (Chunk c : chunks.values()) for (GridRow r : c.rows) if (r.record() != null) out.add(r);
        return out;
    }

    /** Inserts a new record at the top. */
    void addDraft(GridRow row) {
        beginChange();
        drafts.addFirst(row);
        nextAdd(0, 1);
        endChange();
    }

    /** Removes a new record. */
    void removeDraft(GridRow row) {
        int i = drafts.indexOf(row);
        if (i < 0) return;
        beginChange();
        drafts.remove(i);
        nextRemove(i, row);
        endChange();
    }

    /** @return the new records, top first */
    List<GridRow> drafts() { return Collections.unmodifiableList(drafts); }
}
