package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.PagingMode;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * Loads the grid's rows: a page at a time, or chunk by chunk while scrolling through the whole result; counts
 * them; says which rows are shown. The first page shows as soon as it arrives and the count follows. A newer
 * load replaces an older one still running (results of an older generation are dropped).
 */
@ViewModelPart
final class GridPaging {
    /** At most this many chunks are fetched by one scroll request. */
    private static final int MAX_CHUNKS_PER_LOAD = 4;

    private final Model model;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final GridQuery query;
    private final ChangeSet changes;
    private final GridMessages messages;
    private final Supplier<ObjectNode> where;
    private final BooleanSupplier filtered;
    private final Supplier<List<SortKey>> sort;
    private final Object rowsChannel = new Object();
    private final Object countChannel = new Object();
    private final Object chunkChannel = new Object();

    private final ReadOnlyObjectWrapper<ObservableList<GridRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ReadOnlyLongWrapper totalCount = new ReadOnlyLongWrapper(this, "totalCount", -1);
    /** Whether {@link #totalCount} is the database's estimate (a big table, unfiltered) rather than a count. */
    private final ReadOnlyBooleanWrapper estimated = new ReadOnlyBooleanWrapper(this, "estimated");
    /** Set once the user asked for the exact count: this grid counts from then on. */
    private boolean exactWanted;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper loadInfo = new ReadOnlyStringWrapper(this, "loadInfo", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 100);
    private final ObjectProperty<PagingMode> pagingMode = new SimpleObjectProperty<>(this, "pagingMode", PagingMode.PAGES);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex");
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);

    private RowList list;
    private int generation;
    private boolean started;
    private boolean disposed;
    private int viewFirst;
    private int viewLast = -1;
    private List<Integer> chunksInFlight = List.of();
    /** The offset of a new query whose rows have not arrived (still loading, or failed), else -1. */
    private int staleOffset = -1;

    /**
     * @param changes  the pending changes (new records are shown first)
     * @param where    the where in effect
     * @param filtered whether a filter is in effect (an empty result says "no matching records")
     * @param sort     the sort keys in effect
     */
    GridPaging(Model model, QueryEngine engine, TaskExecutor executor, GridQuery query, ChangeSet changes, GridMessages messages,
               Supplier<ObjectNode> where, BooleanSupplier filtered, Supplier<List<SortKey>> sort, GridLayout layout) {
        this.model = model;
        this.engine = engine;
        this.executor = executor;
        this.query = query;
        this.changes = changes;
        this.messages = messages;
        this.where = where;
        this.filtered = filtered;
        this.sort = sort;
        pageSize.set(layout.pageSize());
        pagingMode.set(layout.scroll() ? PagingMode.SCROLL : PagingMode.PAGES);
        rows.set(new RowList(List.of(), 0, 0, pageSize.get()));
    }

    ReadOnlyObjectProperty<ObservableList<GridRow>> rowsProperty() { return rows.getReadOnlyProperty(); }

    ReadOnlyLongProperty totalCountProperty() { return totalCount.getReadOnlyProperty(); }

    ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    ReadOnlyBooleanProperty estimatedProperty() { return estimated.getReadOnlyProperty(); }

    /** Counts the rows exactly (the footer's "Count exactly"), and from then on whenever the grid counts. */
    void countExactly() {
        exactWanted = true;
        if (list != null) count(generation, where.get(), list);
    }

    /** A row count: exact, or the database's estimate. */
    private record Count(long rows, boolean estimated) {}

    /**
     * Counts the rows {@code w} matches, on the executor's thread. A big table without a filter is not counted: its
     * estimate from the catalog is one cheap statement, where {@code count(*)} reads the whole table on the server.
     */
    private Count countRows(ObjectNode w) {
        if (!exactWanted && (w == null || w.isEmpty())) {
            try {
                dev.facet.data.connector.RowEstimate e = engine.estimateRows(List.of(model.name())).get(model.name());
                if (e != null && e.known() && !e.cheapToCount()) return new Count(e.rows(), true);
            } catch (RuntimeException ignored) {
                // No estimate: counted as before.
            }
        }
        return new Count(engine.execute(model.name(), "count", GridQuery.count(w)).asLong(), false);
    }

    ReadOnlyStringProperty rangeTextProperty() { return rangeText.getReadOnlyProperty(); }

    ReadOnlyStringProperty loadInfoProperty() { return loadInfo.getReadOnlyProperty(); }

    IntegerProperty pageSizeProperty() { return pageSize; }

    ObjectProperty<PagingMode> pagingModeProperty() { return pagingMode; }

    ReadOnlyIntegerProperty pageIndexProperty() { return pageIndex.getReadOnlyProperty(); }

    ReadOnlyIntegerProperty pageCountProperty() { return pageCount.getReadOnlyProperty(); }

    /** @return whether the first load has been asked for */
    boolean started() { return started; }

    /** @return the rows of the current query, or null before the first arrived */
    RowList list() { return list; }

    void ensureLoaded() {
        if (!started) reload();
    }

    void reload() {
        if (!started) {
            started = true;
            restart(false);
            return;
        }
        refresh();
    }

    /** Runs the query again from its first row (a new filter, sort or page size), once the grid has started loading. */
    void restartIfStarted() {
        if (started) restart(false);
    }

    private void restart(boolean keepPage) {
        if (!keepPage) pageIndex.set(0);
        load(pagingMode.get() == PagingMode.PAGES ? pageIndex.get() * pageSize.get() : 0);
    }

    /**
     * Runs the query from {@code offset}: its first page is shown as soon as it arrives, and the count follows (on a
     * large table counting takes longer than the page, and the rows need not wait for it).
     */
    private void load(int offset) { load(offset, null); }

    /** As {@link #load(int)}, with the page's own arguments (a cursor from the page beside it), or null to skip to it. */
    private void load(int offset, ObjectNode keyset) {
        if (disposed) return;
        started = true;
        staleOffset = offset;
        int gen = ++generation;
        chunksInFlight = List.of();
        int size = pageSize.get();
        ObjectNode w = where.get();
        ObjectNode args = keyset != null ? keyset : query.findMany(w, sort.get(), offset, size);
        loading.set(true);
        executor.submitLatest(rowsChannel, "Loading " + model.name(), () -> {
            long start = System.nanoTime();
            JsonNode page = CompactRecords.of(AbsentFields.findMany(engine, model, args));
            return new Loaded(page, null, (System.nanoTime() - start) / 1_000_000);
        }, loaded -> {
            if (gen != generation) return;
            staleOffset = -1;
            messages.reachable();
            List<ObjectNode> records = records(loaded.page);
            // Until the count arrives the window holds what arrived; the count then sets its length.
            RowList next = new RowList(changes.drafts().reversed(), offset, records.size(), size);
            next.fill(offset / size, records, model, Set.of(offset / size));
            list = next;
            totalCount.set(-1);
            estimated.set(false);
            loadInfo.set("loaded in " + loaded.millis + " ms");
            rows.set(next);
            viewFirst = 0;
            viewLast = Math.min(next.size(), size) - 1;
            updateRange();
            count(gen, w, next);
        }, e -> {
            if (gen != generation) return;
            loading.set(false);
            messages.failed("Could not load " + model.name(), e);
        });
    }

    /** Counts the result of the query whose first rows {@code shown} holds, then gives it its length. */
    private void count(int gen, ObjectNode w, RowList shown) {
        executor.submitLatest(countChannel, "Counting " + model.name(), () -> countRows(w), counted -> {
            if (gen != generation || shown != list) return;
            loading.set(false);
            messages.reachable();
            long count = counted.rows();
            int size = shown.chunkSize();
            int offset = shown.offset();
            boolean pages = pagingMode.get() == PagingMode.PAGES;
            if (counted.estimated() && offset > 0 && shown.length() < size) {
                // Past the end the estimate promised (it was high): the exact count says where the end is.
                exactWanted = true;
                count(gen, w, shown);
                return;
            }
            setCount(counted);
            if (pages && shown.length() == 0 && offset > 0 && count > 0) {
                // The page is past the end now (rows were deleted or filtered away): show the last one.
                pageIndex.set(pageCount.get() - 1);
                load(pageIndex.get() * size);
                return;
            }
            shown.setLength((int) Math.min(Integer.MAX_VALUE - 1_000, pages ? Math.max(0, Math.min(size, count - offset)) : count));
            updateRange();
        }, e -> {
            if (gen != generation) return;
            loading.set(false);
            messages.failed("Could not count the rows of " + model.name(), e);
        });
    }

    /** Loads the count and the rows in view again, in the rows the table already has. */
    void refresh() {
        if (disposed) return;
        RowList current = list;
        if (current == null) {
            restart(true);
            return;
        }
        if (staleOffset >= 0) {
            // The rows shown are not those of the query yet (its load is running or failed): run it again.
            load(staleOffset);
            return;
        }
        int gen = generation;
        ObjectNode w = where.get();
        List<Integer> wanted = visibleChunks(current);
        if (wanted.isEmpty()) wanted = List.of(current.chunkOf(current.offset()));
        int first = wanted.getFirst();
        int last = wanted.getLast();
        int size = current.chunkSize();
        ObjectNode args = query.findMany(w, sort.get(), first * size, (last - first + 1) * size);
        List<Integer> chunks = wanted;
        loading.set(true);
        executor.submitLatest(rowsChannel, "Reloading " + model.name(), fetch(w, args), loaded -> {
            if (gen != generation || current != list) return;
            loading.set(false);
            messages.reachable();
            boolean pages = pagingMode.get() == PagingMode.PAGES;
            int length = (int) Math.min(Integer.MAX_VALUE - 1_000,
                    pages ? Math.max(0, Math.min(size, loaded.count.rows() - current.offset())) : loaded.count.rows());
            setCount(loaded.count);
            if (pages && length == 0 && current.offset() > 0 && loaded.count.rows() > 0) {
                pageIndex.set(pageCount.get() - 1);
                load(pageIndex.get() * size);
                return;
            }
            current.invalidate();
            current.setLength(length);
            fillChunks(current, chunks, records(loaded.page));
            loadInfo.set("loaded in " + loaded.millis + " ms");
            redrawDrafts();
            updateRange();
        }, e -> {
            if (gen != generation) return;
            loading.set(false);
            messages.failed("Could not reload " + model.name(), e);
        });
    }

    private record Loaded(JsonNode page, Count count, long millis) {}

    /** Reads a page and counts the whole result, on the executor's thread. */
    private Callable<Loaded> fetch(ObjectNode w, ObjectNode pageArgs) {
        return () -> {
            long start = System.nanoTime();
            JsonNode page = CompactRecords.of(AbsentFields.findMany(engine, model, pageArgs));
            Count count = countRows(w);
            return new Loaded(page, count, (System.nanoTime() - start) / 1_000_000);
        };
    }

    private void setCount(Count count) {
        estimated.set(count.estimated());
        totalCount.set(count.rows());
        long pages = Math.max(1, (count.rows() + pageSize.get() - 1) / pageSize.get());
        // An estimate may be low: a full page at its end lets the user go one further.
        RowList l = list;
        if (count.estimated() && l != null && l.length() >= pageSize.get()) pages = Math.max(pages, pageIndex.get() + 2L);
        pageCount.set((int) Math.min(Integer.MAX_VALUE, pages));
    }

    private static List<ObjectNode> records(JsonNode array) {
        List<ObjectNode> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add((ObjectNode) n));
        return out;
    }

    private void fillChunks(RowList target, List<Integer> chunks, List<ObjectNode> records) {
        int size = target.chunkSize();
        int first = chunks.getFirst();
        Set<Integer> keep = new HashSet<>(visibleChunks(target));
        keep.addAll(chunks);
        for (int n : chunks) {
            int from = (n - first) * size;
            List<ObjectNode> part = from >= records.size() ? List.of() : records.subList(from, Math.min(records.size(), from + size));
            target.fill(n, part, model, keep);
        }
    }

    /** The table shows rows {@code first}..{@code last}: loads the chunks they are in (when scrolling) and shows the range. */
    void viewport(int first, int last) {
        viewFirst = Math.max(0, first);
        viewLast = last;
        updateRange();
        RowList current = list;
        if (current == null) return;
        List<Integer> missing = new ArrayList<>();
        for (int n : visibleChunks(current)) if (!current.isLoaded(n)) missing.add(n);
        if (missing.isEmpty() || missing.equals(chunksInFlight)) return;
        if (missing.size() > MAX_CHUNKS_PER_LOAD) missing = missing.subList(0, MAX_CHUNKS_PER_LOAD);
        List<Integer> wanted = List.copyOf(missing);
        chunksInFlight = wanted;
        int gen = generation;
        int size = current.chunkSize();
        int first0 = wanted.getFirst();
        int take = (wanted.getLast() - first0 + 1) * size;
        // Scrolling on: the rows after the last one loaded, by the sort's values (as cheap at row 1,000,000 as at row
        // 100); a jump far away skips to its offset.
        RowKey after = first0 > 0 && query.keysetSafe(sort.get()) ? current.lastKeyOf(first0 - 1) : null;
        ObjectNode args = after != null ? query.findManyAfter(where.get(), sort.get(), after, take)
                : query.findMany(where.get(), sort.get(), first0 * size, take);
        // A newer scroll position replaces an older request still running: only what is in view matters.
        executor.submitLatest(chunkChannel, "Loading " + model.name() + " rows", () -> CompactRecords.of(AbsentFields.findMany(engine, model, args)),
                page -> {
                    if (gen != generation || current != list) return;
                    chunksInFlight = List.of();
                    messages.reachable();
                    List<Integer> contiguous = new ArrayList<>();
                    for (int n = first0; n <= wanted.getLast(); n++) contiguous.add(n);
                    List<ObjectNode> records = records(page);
                    fillChunks(current, contiguous, records);
                    if (records.size() < take && estimated.get()) endBeforeTheEstimate(current, first0 * size, records.size(), after != null);
                    viewport(viewFirst, viewLast);
                }, e -> {
                    if (gen != generation) return;
                    chunksInFlight = List.of();
                    messages.failed("Could not load rows of " + model.name(), e);
                });
    }

    /**
     * A read came back short of the rows the catalog's estimate promised: the table ends earlier, and the scroll bar
     * should not leave empty rows below its end. Where the end is known (rows came back, or the read went on from the
     * loaded row before it), it becomes the exact count; a far jump that found nothing counts exactly.
     *
     * @param from     the row the read started at
     * @param got      how many rows it returned
     * @param fromLast whether it went on from the last loaded row (so every row before {@code from} exists)
     */
    private void endBeforeTheEstimate(RowList current, int from, int got, boolean fromLast) {
        if (got == 0 && !fromLast) {
            exactWanted = true;
            count(generation, where.get(), current);
            return;
        }
        int end = from + got;
        current.setLength(Math.max(0, end - current.offset()));
        setCount(new Count(end, false));
        updateRange();
    }

    private List<Integer> visibleChunks(RowList l) {
        int drafts = l.draftCount();
        int from = Math.max(0, viewFirst - drafts);
        int to = Math.min(l.length() - 1, viewLast - drafts);
        if (to < from) return List.of();
        List<Integer> out = new ArrayList<>();
        for (int n = l.chunkOf(l.offset() + from); n <= l.chunkOf(l.offset() + to); n++) out.add(n);
        return out;
    }

    /** Says which rows are shown, of how many, and how many new records wait. */
    void updateRange() {
        RowList l = list;
        long count = totalCount.get();
        StringBuilder sb = new StringBuilder();
        if (l != null && count < 0 && l.length() > 0) {
            // The rows are in, the count is still running.
            int drafts = l.draftCount();
            int from = Math.max(0, viewFirst - drafts);
            int to = Math.min(l.length() - 1, Math.max(from, viewLast - drafts));
            sb.append(RecordLabels.grouped(l.offset() + from + 1L)).append('–').append(RecordLabels.grouped(l.offset() + to + 1L)).append(" of …");
        } else if (count < 0 || l == null) {
            sb.append(loading.get() ? "Loading…" : "");
        } else if (count == 0) {
            sb.append(filtered.getAsBoolean() ? "No matching records" : "No records");
        } else if (pagingMode.get() == PagingMode.PAGES) {
            sb.append(range(l.offset() + 1, l.offset() + l.length(), count, estimated.get()));
        } else {
            int drafts = l.draftCount();
            int from = Math.max(0, viewFirst - drafts);
            int to = Math.min(l.length() - 1, viewLast - drafts);
            if (to < from) to = Math.min(l.length(), pageSize.get()) - 1;
            sb.append(range(l.offset() + from + 1, l.offset() + to + 1, count, estimated.get()));
        }
        int drafts = changes.drafts().size();
        if (drafts > 0) sb.append(" · ").append(drafts).append(" new");
        rangeText.set(sb.toString());
    }

    private static String range(long from, long to, long count, boolean estimated) {
        return RecordLabels.grouped(from) + "–" + RecordLabels.grouped(Math.max(from, to)) + " of "
            + (estimated ? "about " + compact(count) : RecordLabels.grouped(count));
    }

    /** @return {@code n} in a few characters: 950, 12.3 K, 1.2 M, 48.2 M, 3.1 B */
    static String compact(long n) {
        if (n < 1_000) return Long.toString(n);
        String[] units = {"K", "M", "B", "T"};
        double v = n;
        int u = -1;
        while (v >= 999.95 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        // Arithmetic rather than String.format, which makes its formatting objects anew at each of the footer's frames.
        long tenths = Math.round(v * 10);
        return (v >= 100 ? Long.toString(Math.round(v)) : tenths / 10 + "." + tenths % 10) + " " + units[u];
    }

    /** Shows page {@code index} (from 0), clamped to the pages there are. */
    void goToPage(int index) {
        int clamped = Math.max(0, Math.min(index, pageCount.get() - 1));
        if (pagingMode.get() != PagingMode.PAGES || clamped == pageIndex.get() && started) return;
        int size = pageSize.get();
        ObjectNode keyset = null;
        RowList l = list;
        // The next or previous page: from the row beside it by the sort's values (keyset), so that page 10,000 costs
        // what page 2 costs; only a jump further skips by offset.
        if (l != null && staleOffset < 0 && Math.abs(clamped - pageIndex.get()) == 1 && l.offset() == pageIndex.get() * size
                && query.keysetSafe(sort.get())) {
            int chunk = l.chunkOf(l.offset());
            RowKey beside = clamped > pageIndex.get() ? l.lastKeyOf(chunk) : l.firstKeyOf(chunk);
            if (beside != null) keyset = query.findManyAfter(where.get(), sort.get(), beside, clamped > pageIndex.get() ? size : -size);
        }
        pageIndex.set(clamped);
        load(clamped * size, keyset);
    }

    /** Drops results still on their way; nothing loads afterwards. */
    void dispose() {
        disposed = true;
        generation++;
        // What it was still reading is stopped on the database too.
        for (Object channel : List.of(rowsChannel, countChannel, chunkChannel)) executor.cancelLatest(channel);
    }

    /** Redraws every row (the zone changed). */
    void redrawAll() {
        if (list == null) return;
        for (GridRow r : list.loadedRows()) r.changed();
        redrawDrafts();
    }

    void redrawDrafts() {
        for (GridRow d : changes.drafts()) d.changed();
    }

    /** @return the loaded row of a record, or null */
    GridRow loadedRow(RowKey key) {
        if (list == null) return null;
        for (GridRow r : list.loadedRows()) if (key.equals(r.key())) return r;
        return null;
    }

    /** Redraws the loaded row of a record, if it is loaded. */
    void redraw(RowKey key) {
        GridRow r = loadedRow(key);
        if (r != null) r.changed();
    }

    int rowIndexOf(RowKey key) {
        GridRow r = loadedRow(key);
        return r == null || list == null ? -1 : list.indexOf(r);
    }
}
