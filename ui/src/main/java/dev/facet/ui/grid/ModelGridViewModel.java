package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of one model's grid, without any node: rows paged lazily from the database,
 * sort, filters, pending changes and their save, delete previews, conflicts and relation navigation.
 *
 * <p>Every database call goes through the {@link TaskExecutor}; results arrive on the FX thread (or
 * the calling thread with a direct executor in tests), so this class is used from one thread only.
 * A newer load replaces an older one still running.
 */
public final class ModelGridViewModel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** At most this many chunks are fetched by one scroll request. */
    private static final int MAX_CHUNKS_PER_LOAD = 4;

    /** Whether the grid shows one page at a time or scrolls through the whole result. */
    public enum PagingMode { PAGES, SCROLL }

    /** How serious a message is. */
    public enum Severity { INFO, SUCCESS, WARNING, ERROR }

    /**
     * A message for the grid's message area.
     *
     * @param severity how serious it is
     * @param text     what happened, for people
     */
    public record Message(Severity severity, String text) {}

    /**
     * One sort key.
     *
     * @param field      the column (a scalar, or a relation: to-one by its display field, to-many by count)
     * @param descending whether it sorts from high to low
     */
    public record SortKey(String field, boolean descending) {}

    /** What a cell shows beside its text. */
    public enum CellFlag {
        /** The row is still loading. */
        LOADING,
        /** The value is NULL. */
        NULL,
        /** The value is an empty string (shown so, to tell it from NULL). */
        EMPTY,
        /** The value is changed and not saved. */
        PENDING,
        /** A new record's cell shows the default the database or Prisma will give it. */
        DEFAULT,
        /** A new record needs a value here. */
        REQUIRED,
        /** Clicking follows a relation. */
        LINK,
        /** Cannot be typed into. */
        READ_ONLY,
        /** Numbers are right-aligned. */
        NUMBER,
        /** The record is marked for deletion. */
        DELETED,
        /** Someone else changed this record since it was loaded. */
        CONFLICT
    }

    /**
     * What one cell shows.
     *
     * @param text    the text
     * @param flags   how it is shown
     * @param tooltip more about it (the loaded value of a changed cell, the other side of a conflict), or null
     */
    public record CellContent(String text, Set<CellFlag> flags, String tooltip) {
        /** @return whether the cell has {@code flag} */
        public boolean has(CellFlag flag) { return flags.contains(flag); }
    }

    /** The state a row is drawn in. */
    public enum RowState { LOADING, CLEAN, CHANGED, NEW, DELETED, CONFLICT, ERROR }

    /**
     * The answer to an edit.
     *
     * @param ok     whether the value was taken
     * @param reason why it was refused, else null
     */
    public record EditResult(boolean ok, String reason) {
        static final EditResult OK = new EditResult(true, null);

        static EditResult refused(String reason) { return new EditResult(false, reason); }
    }

    private final Project project;
    private final Model model;
    private final Schema schema;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final GridLayout.Store layoutStore;
    private final String layoutKey;
    private final List<GridColumn> columns;
    private final List<ScalarField> keyFields;
    /** The to-one relation column each foreign key field belongs to: a pending link shows in its fields too. */
    private final Map<String, GridColumn> keyOwners = new HashMap<>();
    private final ObjectNode include;
    private final boolean insensitiveSupported;
    private final Object rowsChannel = new Object();
    private final Object countChannel = new Object();
    private final Object chunkChannel = new Object();

    private final ReadOnlyObjectWrapper<ObservableList<GridRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ReadOnlyLongWrapper totalCount = new ReadOnlyLongWrapper(this, "totalCount", -1);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper rangeText = new ReadOnlyStringWrapper(this, "rangeText", "");
    private final ReadOnlyStringWrapper loadInfo = new ReadOnlyStringWrapper(this, "loadInfo", "");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 100);
    private final ObjectProperty<PagingMode> pagingMode = new SimpleObjectProperty<>(this, "pagingMode", PagingMode.PAGES);
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex");
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ObservableList<SortKey> sortOrder = FXCollections.observableArrayList();
    // One read-only view each: a view made per call would be collected with the listeners added to it.
    private final ObservableList<SortKey> sortOrderView = FXCollections.unmodifiableObservableList(sortOrder);
    private final FilterGroup filter;
    private final ReadOnlyStringWrapper quickSearch = new ReadOnlyStringWrapper(this, "quickSearch", "");
    private final ReadOnlyStringWrapper baseWhereText = new ReadOnlyStringWrapper(this, "baseWhereText");
    private final ReadOnlyStringWrapper filterText = new ReadOnlyStringWrapper(this, "filterText");
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError");
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper(this, "saves");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Conflict> conflictsView = FXCollections.unmodifiableObservableList(conflicts);
    private final ReadOnlyObjectWrapper<DeletePreview> deletePreview = new ReadOnlyObjectWrapper<>(this, "deletePreview");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(this, "connectionLost");
    private final ReadOnlyBooleanWrapper nonAtomicOffered = new ReadOnlyBooleanWrapper(this, "nonAtomicOffered");
    private final ReadOnlyObjectWrapper<GridLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneOffset.UTC);

    private final ChangeSet changes = new ChangeSet();
    private final Map<Object, String> rowErrors = new HashMap<>();
    private ObjectNode baseWhere;
    private ObjectNode filterWhere;
    private ObjectNode searchWhere;
    private RowList list;
    private int generation;
    private boolean started;
    private int draftCounter;
    private final ObservableList<RowKey> reveal = FXCollections.observableArrayList();
    /** What the status bar says while a delete preview runs; forgotten when the preview is cancelled. */
    private String previewTask;
    private int viewFirst;
    private int viewLast = -1;
    private List<Integer> chunksInFlight = List.of();
    /** The offset of a new query whose rows have not arrived (still loading, or failed), else -1. */
    private int staleOffset = -1;
    private boolean disposed;

    /**
     * A grid that remembers its layout in the user's preferences.
     *
     * @param project   the open project
     * @param model     the model to show
     * @param executor  runs every database call
     * @param navigator opens related models and moves through history
     */
    public ModelGridViewModel(Project project, Model model, TaskExecutor executor, Navigator navigator) {
        this(project, model, executor, navigator, GridLayout.Store.preferences());
    }

    /**
     * @param layoutStore where column order, visibility, widths and paging are remembered
     */
    public ModelGridViewModel(Project project, Model model, TaskExecutor executor, Navigator navigator, GridLayout.Store layoutStore) {
        this.project = Objects.requireNonNull(project, "project");
        this.model = Objects.requireNonNull(model, "model");
        this.schema = project.schema();
        this.engine = project.engine();
        this.executor = Objects.requireNonNull(executor, "executor");
        this.navigator = navigator;
        this.layoutStore = layoutStore;
        this.layoutKey = Integer.toHexString(project.schemaPath().toAbsolutePath().normalize().toString().hashCode()) + "/" + model.name();
        this.columns = GridColumn.of(schema, model);
        this.keyFields = RowKey.fields(model);
        for (GridColumn c : columns) {
            if (c.kind() == GridColumn.Kind.TO_ONE) c.relation().fields().forEach(f -> keyOwners.put(f, c));
        }
        this.include = includeArguments();
        this.insensitiveSupported = engine.supports(ConnectorCapability.INSENSITIVE_FILTERS);
        this.filter = new FilterGroup(schema, model, engine.supports(ConnectorCapability.ABSENT_FIELDS));
        GridLayout remembered = layoutStore.load(layoutKey);
        layout.set(remembered);
        pageSize.set(remembered.pageSize());
        pagingMode.set(remembered.scroll() ? PagingMode.SCROLL : PagingMode.PAGES);
        pageSize.addListener((o, a, b) -> pagingChanged());
        pagingMode.addListener((o, a, b) -> pagingChanged());
        zone.addListener((o, a, b) -> redrawAll());
        rows.set(new RowList(List.of(), 0, 0, pageSize.get()));
    }

    // ================================================================ what it shows

    /** @return the project */
    public Project project() { return project; }

    /** @return the model shown */
    public Model model() { return model; }

    /** @return every column in schema order (see {@link #layoutProperty()} for order and visibility) */
    public List<GridColumn> columns() { return columns; }

    /** @return the column named {@code name} */
    public GridColumn column(String name) {
        for (GridColumn c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("no column " + name + " on " + model.name());
    }

    /** @return the rows: new records first, then the result; a new list after every new query */
    public ReadOnlyObjectProperty<ObservableList<GridRow>> rowsProperty() { return rows.getReadOnlyProperty(); }

    /** @return the current rows */
    public ObservableList<GridRow> rows() { return rows.get(); }

    /** @return how many records match the filters (-1 until counted) */
    public ReadOnlyLongProperty totalCountProperty() { return totalCount.getReadOnlyProperty(); }

    /** @return whether a load is running */
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    /** @return the rows shown: {@code 1–100 of 1,000,000} */
    public ReadOnlyStringProperty rangeTextProperty() { return rangeText.getReadOnlyProperty(); }

    /** @return how long the last load took: {@code loaded in 12 ms} */
    public ReadOnlyStringProperty loadInfoProperty() { return loadInfo.getReadOnlyProperty(); }

    /** @return rows per page (50, 100 or 500); also the size of the chunks fetched while scrolling */
    public IntegerProperty pageSizeProperty() { return pageSize; }

    /** @return pages or infinite scroll */
    public ObjectProperty<PagingMode> pagingModeProperty() { return pagingMode; }

    /** @return the page shown, from 0 (pages mode) */
    public ReadOnlyIntegerProperty pageIndexProperty() { return pageIndex.getReadOnlyProperty(); }

    /** @return how many pages there are (at least 1) */
    public ReadOnlyIntegerProperty pageCountProperty() { return pageCount.getReadOnlyProperty(); }

    /** @return the sort keys, first one first (read-only; see {@link #setSortOrder}) */
    public ObservableList<SortKey> sortOrder() { return sortOrderView; }

    /** @return the filter bar's conditions (change them, then {@link #applyFilter()}) */
    public FilterGroup filter() { return filter; }

    /** @return the quick search in effect */
    public ReadOnlyStringProperty quickSearchProperty() { return quickSearch.getReadOnlyProperty(); }

    /** @return the filter the grid was opened with (following a relation), described; null when none */
    public ReadOnlyStringProperty baseWhereTextProperty() { return baseWhereText.getReadOnlyProperty(); }

    /** @return the filter bar's conditions in effect, described; null when none */
    public ReadOnlyStringProperty filterTextProperty() { return filterText.getReadOnlyProperty(); }

    /** @return why the filter could not be applied, or null */
    public ReadOnlyStringProperty filterErrorProperty() { return filterError.getReadOnlyProperty(); }

    /** @return how many changes Save would apply */
    public ReadOnlyIntegerProperty pendingCountProperty() { return pendingCount.getReadOnlyProperty(); }

    /** @return whether there are unsaved changes (the shell asks before closing a dirty grid) */
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** @return whether a save is running (editing waits for it) */
    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }

    /** @return records changed by someone else since they were loaded, waiting for a choice */
    public ObservableList<Conflict> conflicts() { return conflictsView; }

    /** @return the delete waiting for confirmation, or null */
    public ReadOnlyObjectProperty<DeletePreview> deletePreviewProperty() { return deletePreview.getReadOnlyProperty(); }

    /** @return the last message (an error, a save), or null */
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }

    /** @return whether the database could not be reached at the last attempt */
    public ReadOnlyBooleanProperty connectionLostProperty() { return connectionLost.getReadOnlyProperty(); }

    /** @return column order, visibility and widths, page size and mode, as remembered */
    public ReadOnlyObjectProperty<GridLayout> layoutProperty() { return layout.getReadOnlyProperty(); }

    /** @return the zone DateTime values are shown and typed in (UTC unless changed) */
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }

    /** @return why records cannot be changed here (a view, or a model without id or unique), or null */
    public String readOnlyReason() {
        if (model.view()) return model.name() + " is a view: its records cannot be changed";
        if (keyFields.isEmpty()) return model.name() + " has no id or unique field, so its records cannot be told apart for editing";
        return null;
    }

    /** @return whether a quick search, filter or opening filter is in effect */
    public boolean isFiltered() { return baseWhere != null || filterWhere != null || searchWhere != null; }

    /** @return the Prisma {@code where} in effect (opening filter, filter bar and quick search), or null */
    public ObjectNode where() {
        ObjectNode w = Wheres.and(baseWhere, filterWhere, searchWhere);
        return w == null ? null : w.deepCopy();
    }

    // ================================================================ loading

    /** Loads the first time; later calls do nothing (the view calls this when it is shown). */
    public void ensureLoaded() {
        if (!started) reload();
    }

    /**
     * Loads the rows again, keeping the page or scroll position: after a save, on request, or to find
     * out whether a lost database is back. Pending changes are kept.
     */
    public void reload() {
        if (!started) {
            started = true;
            restart(false);
            return;
        }
        refresh();
    }

    /** Runs the query again from its first row (a new filter, sort or page size). */
    private void restart(boolean keepPage) {
        if (!keepPage) pageIndex.set(0);
        load(pagingMode.get() == PagingMode.PAGES ? pageIndex.get() * pageSize.get() : 0);
    }

    /**
     * Runs the query from {@code offset}: its first page is shown as soon as it arrives, and the count follows (on a
     * large table counting takes longer than the page, and the rows need not wait for it).
     */
    private void load(int offset) {
        if (disposed) return;
        started = true;
        staleOffset = offset;
        int gen = ++generation;
        chunksInFlight = List.of();
        int size = pageSize.get();
        ObjectNode where = where();
        ObjectNode args = findManyArgs(where, offset, size);
        loading.set(true);
        executor.submitLatest(rowsChannel, "Loading " + model.name(), () -> {
            long start = System.nanoTime();
            JsonNode page = AbsentFields.mark(engine, model, engine.execute(model.name(), "findMany", args));
            return new Loaded(page, -1, (System.nanoTime() - start) / 1_000_000);
        }, loaded -> {
            if (gen != generation) return;
            staleOffset = -1;
            reachable();
            List<ObjectNode> records = records(loaded.page);
            // Until the count arrives the window holds what arrived; the count then sets its length.
            RowList next = new RowList(changes.drafts().reversed(), offset, records.size(), size);
            next.fill(offset / size, records, model, Set.of(offset / size));
            list = next;
            totalCount.set(-1);
            loadInfo.set("loaded in " + loaded.millis + " ms");
            rows.set(next);
            viewFirst = 0;
            viewLast = Math.min(next.size(), size) - 1;
            updateRange();
            count(gen, where, next);
        }, e -> {
            if (gen != generation) return;
            loading.set(false);
            failed("Could not load " + model.name(), e);
        });
    }

    /** Counts the result of the query whose first rows {@code shown} holds, then gives it its length. */
    private void count(int gen, ObjectNode where, RowList shown) {
        ObjectNode countArgs = JSON.objectNode();
        if (where != null) countArgs.set("where", where.deepCopy());
        executor.submitLatest(countChannel, "Counting " + model.name(), () -> engine.execute(model.name(), "count", countArgs).asLong(), count -> {
            if (gen != generation || shown != list) return;
            loading.set(false);
            reachable();
            setCount(count);
            int size = shown.chunkSize();
            int offset = shown.offset();
            boolean pages = pagingMode.get() == PagingMode.PAGES;
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
            failed("Could not count the rows of " + model.name(), e);
        });
    }

    /** Loads the count and the rows in view again, in the rows the table already has. */
    private void refresh() {
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
        ObjectNode where = where();
        List<Integer> wanted = visibleChunks(current);
        if (wanted.isEmpty()) wanted = List.of(current.chunkOf(current.offset()));
        int first = wanted.getFirst();
        int last = wanted.getLast();
        int size = current.chunkSize();
        ObjectNode args = findManyArgs(where, first * size, (last - first + 1) * size);
        List<Integer> chunks = wanted;
        loading.set(true);
        executor.submitLatest(rowsChannel, "Reloading " + model.name(), fetch(where, args), loaded -> {
            if (gen != generation || current != list) return;
            loading.set(false);
            reachable();
            boolean pages = pagingMode.get() == PagingMode.PAGES;
            int length = (int) Math.min(Integer.MAX_VALUE - 1_000,
                    pages ? Math.max(0, Math.min(size, loaded.count - current.offset())) : loaded.count);
            setCount(loaded.count);
            if (pages && length == 0 && current.offset() > 0 && loaded.count > 0) {
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
            failed("Could not reload " + model.name(), e);
        });
    }

    private record Loaded(JsonNode page, long count, long millis) {}

    /** Reads a page and counts the whole result, on the executor's thread. */
    private java.util.concurrent.Callable<Loaded> fetch(ObjectNode where, ObjectNode pageArgs) {
        ObjectNode countArgs = JSON.objectNode();
        if (where != null) countArgs.set("where", where.deepCopy());
        return () -> {
            long start = System.nanoTime();
            JsonNode page = AbsentFields.mark(engine, model, engine.execute(model.name(), "findMany", pageArgs));
            long count = engine.execute(model.name(), "count", countArgs).asLong();
            return new Loaded(page, count, (System.nanoTime() - start) / 1_000_000);
        };
    }

    private void setCount(long count) {
        totalCount.set(count);
        pageCount.set((int) Math.max(1, (count + pageSize.get() - 1) / pageSize.get()));
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

    /**
     * Tells the grid which rows the table shows, so that it loads the chunks they are in (when
     * scrolling through the whole result) and shows the range.
     *
     * @param first the first visible row (index into {@link #rows()})
     * @param last  the last visible row
     */
    public void viewport(int first, int last) {
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
        ObjectNode args = findManyArgs(where(), first0 * size, (wanted.getLast() - first0 + 1) * size);
        // A newer scroll position replaces an older request still running: only what is in view matters.
        executor.submitLatest(chunkChannel, "Loading " + model.name() + " rows", () -> AbsentFields.mark(engine, model, engine.execute(model.name(), "findMany", args)),
                page -> {
                    if (gen != generation || current != list) return;
                    chunksInFlight = List.of();
                    reachable();
                    List<Integer> contiguous = new ArrayList<>();
                    for (int n = first0; n <= wanted.getLast(); n++) contiguous.add(n);
                    fillChunks(current, contiguous, records(page));
                    viewport(viewFirst, viewLast);
                }, e -> {
                    if (gen != generation) return;
                    chunksInFlight = List.of();
                    failed("Could not load rows of " + model.name(), e);
                });
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

    private void updateRange() {
        RowList l = list;
        long count = totalCount.get();
        StringBuilder sb = new StringBuilder();
        if (l != null && count < 0 && l.length() > 0) {
            // The rows are in, the count is still running.
            int drafts = l.draftCount();
            int from = Math.max(0, viewFirst - drafts);
            int to = Math.min(l.length() - 1, Math.max(from, viewLast - drafts));
            sb.append(String.format("%,d–%,d of …", l.offset() + from + 1, l.offset() + to + 1));
        } else if (count < 0 || l == null) {
            sb.append(loading.get() ? "Loading…" : "");
        } else if (count == 0) {
            sb.append(isFiltered() ? "No matching records" : "No records");
        } else if (pagingMode.get() == PagingMode.PAGES) {
            sb.append(range(l.offset() + 1, l.offset() + l.length(), count));
        } else {
            int drafts = l.draftCount();
            int from = Math.max(0, viewFirst - drafts);
            int to = Math.min(l.length() - 1, viewLast - drafts);
            if (to < from) to = Math.min(l.length(), pageSize.get()) - 1;
            sb.append(range(l.offset() + from + 1, l.offset() + to + 1, count));
        }
        int drafts = changes.drafts().size();
        if (drafts > 0) sb.append(" · ").append(drafts).append(" new");
        rangeText.set(sb.toString());
    }

    private static String range(long from, long to, long count) {
        return String.format("%,d–%,d of %,d", from, Math.max(from, to), count);
    }

    private ObjectNode findManyArgs(ObjectNode where, int skip, int take) {
        ObjectNode args = JSON.objectNode();
        if (where != null) args.set("where", where);
        args.set("orderBy", orderBy());
        if (skip > 0) args.put("skip", skip);
        args.put("take", take);
        if (!include.isEmpty()) args.set("include", include.deepCopy());
        return args;
    }

    /** The sort keys, then the key fields, so that paging by skip/take is stable. */
    private ArrayNode orderBy() {
        ArrayNode out = JSON.arrayNode();
        Set<String> sortedScalars = new HashSet<>();
        for (SortKey k : sortOrder) {
            GridColumn c = column(k.field());
            String dir = k.descending() ? "desc" : "asc";
            ObjectNode o = out.addObject();
            switch (c.kind()) {
                case TO_ONE -> o.putObject(c.name()).put(c.displayField().name(), dir);
                case TO_MANY -> o.putObject(c.name()).put("_count", dir);
                default -> {
                    o.put(c.name(), dir);
                    sortedScalars.add(c.name());
                }
            }
        }
        for (ScalarField f : keyFields) if (!sortedScalars.contains(f.name())) out.addObject().put(f.name(), "asc");
        return out;
    }

    /** To-one relations with their key and display field; to-many relations counted. */
    private ObjectNode includeArguments() {
        ObjectNode inc = JSON.objectNode();
        ObjectNode counts = JSON.objectNode();
        for (GridColumn c : columns) {
            if (c.kind() == GridColumn.Kind.TO_ONE && c.related() != null) {
                ObjectNode select = inc.putObject(c.name()).putObject("select");
                for (ScalarField k : RowKey.fields(c.related())) select.put(k.name(), true);
                if (c.displayField() != null) select.put(c.displayField().name(), true);
                if (select.isEmpty()) inc.put(c.name(), true);
            } else if (c.kind() == GridColumn.Kind.TO_MANY) {
                counts.put(c.name(), true);
            }
        }
        if (!counts.isEmpty()) inc.putObject("_count").set("select", counts);
        return inc;
    }

    private void pagingChanged() {
        layout.set(layout.get().withPaging(pageSize.get(), pagingMode.get() == PagingMode.SCROLL));
        layoutStore.save(layoutKey, layout.get());
        if (started) restart(false);
    }

    // ---------------------------------------------------------------- pages

    /** Shows the first page. */
    public void firstPage() { goToPage(0); }

    /** Shows the previous page. */
    public void previousPage() { goToPage(pageIndex.get() - 1); }

    /** Shows the next page. */
    public void nextPage() { goToPage(pageIndex.get() + 1); }

    /** Shows the last page. */
    public void lastPage() { goToPage(pageCount.get() - 1); }

    /** Shows page {@code index} (from 0), clamped to the pages there are. */
    public void goToPage(int index) {
        int clamped = Math.max(0, Math.min(index, pageCount.get() - 1));
        if (pagingMode.get() != PagingMode.PAGES || clamped == pageIndex.get() && started) return;
        pageIndex.set(clamped);
        load(clamped * pageSize.get());
    }

    // ---------------------------------------------------------------- sort

    /** Sorts by the given keys (an empty list sorts by id). */
    public void setSortOrder(List<SortKey> keys) {
        List<SortKey> valid = keys.stream().filter(k -> sortable(column(k.field()))).toList();
        if (valid.equals(sortOrder)) return;
        sortOrder.setAll(valid);
        if (started) restart(false);
    }

    /**
     * Sorts by a column as a header click does: ascending, then descending, then not at all.
     *
     * @param field    the column
     * @param additive whether to add to the current sort (Shift) rather than replace it
     */
    public void toggleSort(String field, boolean additive) {
        List<SortKey> next = new ArrayList<>(additive ? sortOrder : List.of());
        SortKey current = sortOrder.stream().filter(k -> k.field().equals(field)).findFirst().orElse(null);
        next.removeIf(k -> k.field().equals(field));
        int at = current != null && additive ? sortOrder.indexOf(current) : next.size();
        if (current == null) next.add(Math.min(at, next.size()), new SortKey(field, false));
        else if (!current.descending()) next.add(Math.min(at, next.size()), new SortKey(field, true));
        setSortOrder(next);
    }

    /** @return whether the grid can sort by a column */
    public boolean sortable(GridColumn c) {
        return switch (c.kind()) {
            case TO_ONE -> c.displayField() != null;
            case TO_MANY -> true;
            case SCALAR, ENUM -> !c.isList() && c.scalarType() != ScalarType.JSON && c.scalarType() != ScalarType.BYTES;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- filters

    /** Applies the filter bar's conditions; values that do not fit are marked and nothing changes. */
    public void applyFilter() {
        filter.clearErrors();
        try {
            filterWhere = filter.toWhere(options());
        } catch (FilterCondition.Invalid e) {
            filterError.set(e.getMessage());
            return;
        }
        filterError.set(null);
        filterText.set(filterWhere == null ? null : Wheres.describe(filterWhere));
        if (started) restart(false);
    }

    /** Removes the filter bar's conditions. */
    public void clearFilter() {
        filter.children().clear();
        filter.clearErrors();
        filterError.set(null);
        boolean had = filterWhere != null;
        filterWhere = null;
        filterText.set(null);
        if (had && started) restart(false);
    }

    /** Searches every text column for {@code text} (and number and enum columns for an exact match). */
    public void search(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals(quickSearch.get())) return;
        quickSearch.set(t);
        searchWhere = Wheres.quickSearch(columns, t, options());
        if (started) restart(false);
    }

    /**
     * Sets the filter the grid opens with, as the shell gets it from {@link Navigator#openModel}.
     *
     * A text that is not a JSON object is reported in the message area, and the grid then shows no rows
     * rather than all of them (which would look like the filter worked).
     *
     * @param whereJson a Prisma {@code where} object as JSON, or null for none
     */
    public void setInitialWhere(String whereJson) {
        ObjectNode w = null;
        String text = null;
        if (whereJson != null && !whereJson.isBlank()) {
            JsonNode n;
            try {
                n = JsonCodec.parse(whereJson);
            } catch (IllegalArgumentException e) {
                n = null;
            }
            if (n != null && n.isObject()) {
                w = n.isEmpty() ? null : (ObjectNode) n;
                text = w == null ? null : Wheres.describe(w);
            } else {
                w = (ObjectNode) JSON.objectNode().set("OR", JSON.arrayNode());
                text = "(not a where object) " + whereJson;
                message.set(new Message(Severity.ERROR, "The filter this grid was opened with is not a JSON object: " + whereJson));
            }
        }
        baseWhere = w;
        baseWhereText.set(text);
        if (started) restart(false);
    }

    /** Drops the filter the grid was opened with. */
    public void clearInitialWhere() { setInitialWhere(null); }

    /** @return how many saves have succeeded (the shell refreshes its row counts when this changes) */
    public ReadOnlyIntegerProperty savesProperty() { return saves.getReadOnlyProperty(); }

    /**
     * Lets go of the grid when its tab closes: results still on their way are dropped. Pending changes
     * are not saved (the shell asks first).
     */
    public void dispose() {
        disposed = true;
        generation++;
    }

    private FilterNode.Options options() { return new FilterNode.Options(zone.get(), insensitiveSupported); }

    /** @return whether text filters can ignore case on this database */
    public boolean insensitiveSupported() { return insensitiveSupported; }

    // ================================================================ cells

    /** @return what a cell shows */
    public CellContent cell(GridRow row, GridColumn column) {
        EnumSet<CellFlag> flags = EnumSet.noneOf(CellFlag.class);
        if (isNumeric(column)) flags.add(CellFlag.NUMBER);
        if (!column.editable() || readOnlyReason() != null) flags.add(CellFlag.READ_ONLY);
        if (row.isDraft()) return draftCell(row, column, flags);
        if (!row.isLoaded()) {
            flags.add(CellFlag.LOADING);
            return new CellContent(row.isMissing() ? "" : "…", flags, null);
        }
        RowKey key = row.key();
        if (key != null && changes.isDeleted(key)) flags.add(CellFlag.DELETED);
        Conflict conflict = key == null ? null : conflictOf(key);
        ObjectNode record = row.record();
        LinkChange link = changes.link(row, column.name());
        if (link != null) return linkContent(link, record, flags);
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, setter.foreignKeyValues().get(column.name()), flags,
                    "Follows the new link of " + setter.column().name() + "; was " + describe(column, record.get(column.name())));
        }
        return switch (column.kind()) {
            case TO_ONE -> {
                JsonNode related = record.get(column.name());
                if (related == null || related.isNull()) {
                    flags.add(CellFlag.NULL);
                    yield new CellContent("NULL", flags, "Enter or a double click: choose the " + column.related().name() + " to link");
                }
                flags.add(CellFlag.LINK);
                yield new CellContent(relatedLabel(column, related), flags, "Open this " + column.related().name()
                        + " (Ctrl+click: in a new tab); Enter: link another");
            }
            case TO_MANY -> {
                long n = record.path("_count").path(column.name()).asLong();
                flags.add(CellFlag.LINK);
                yield new CellContent(countLabel(n, column.name()), flags, "Open these " + column.related().name()
                        + " records (Ctrl+click: in a new tab); Enter: link or unlink some");
            }
            case UNSUPPORTED -> new CellContent("unsupported", flags, column.typeLabel() + " cannot be read or written through Prisma Client");
            default -> {
                JsonNode loaded = record.get(column.name());
                String tooltip = null;
                JsonNode shown = loaded;
                if (key != null && changes.has(key, column.name())) {
                    shown = changes.value(key, column.name());
                    flags.add(CellFlag.PENDING);
                    tooltip = "Changed; was " + (AbsentFields.isAbsent(record, column.name()) ? "missing" : describe(column, loaded));
                    if (conflict != null) {
                        flags.add(CellFlag.CONFLICT);
                        tooltip += conflict.deleted() ? "; the record was deleted by someone else"
                                : "; now " + describe(column, conflict.theirs().get(column.name())) + " in the database";
                    }
                }
                if (shown == loaded && AbsentFields.isAbsent(record, column.name())) {
                    flags.add(CellFlag.NULL);
                    yield new CellContent("missing", flags, "This document has no " + column.name() + " field, not even null");
                }
                yield valueContent(column, shown, flags, tooltip);
            }
        };
    }

    private CellContent draftCell(GridRow row, GridColumn column, EnumSet<CellFlag> flags) {
        LinkChange link = changes.link(row, column.name());
        if (link != null) return linkContent(link, null, flags);
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, setter.foreignKeyValues().get(column.name()), flags, "Follows the link of " + setter.column().name());
        }
        if (column.isRelation()) {
            boolean required = column.kind() == GridColumn.Kind.TO_ONE && column.relation().isRequired();
            flags.add(required ? CellFlag.REQUIRED : CellFlag.NULL);
            String choose = "Press Enter to choose the " + column.related().name() + (column.kind() == GridColumn.Kind.TO_ONE ? "" : " records")
                    + " to link";
            return new CellContent(required ? "required" : column.kind() == GridColumn.Kind.TO_ONE ? "NULL" : "none", flags, choose);
        }
        if (row.draftValues().containsKey(column.name())) {
            flags.add(CellFlag.PENDING);
            return valueContent(column, row.draftValues().get(column.name()), flags, null);
        }
        String def = column.defaultDescription();
        if (def != null) {
            flags.add(CellFlag.DEFAULT);
            return new CellContent(def, flags, "Default: the record gets " + def + " when saved, unless you type a value");
        }
        if (column.requiredOnCreate()) {
            flags.add(CellFlag.REQUIRED);
            String error = rowErrors.get(row);
            return new CellContent("required", flags, error != null ? error : column.name() + " needs a value");
        }
        if (column.nullable() || column.kind() == GridColumn.Kind.UNSUPPORTED) {
            flags.add(CellFlag.NULL);
            return new CellContent("NULL", flags, null);
        }
        return new CellContent("", flags, null);
    }

    private CellContent valueContent(GridColumn column, JsonNode value, EnumSet<CellFlag> flags, String tooltip) {
        if (DocumentFields.isUnset(value)) {
            flags.add(CellFlag.NULL);
            return new CellContent("unset", flags, "Removed from the document when saved" + (tooltip == null ? "" : "; " + tooltip));
        }
        if (value == null || value.isNull()) {
            flags.add(CellFlag.NULL);
            return new CellContent("NULL", flags, tooltip);
        }
        if (value.isTextual() && value.asText().isEmpty() && column.scalarType() == ScalarType.STRING) {
            flags.add(CellFlag.EMPTY);
            return new CellContent("", flags, tooltip == null ? "Empty text (not NULL)" : tooltip);
        }
        String text = CellValues.display(column, value, zone.get());
        if (tooltip == null && column.scalarType() == ScalarType.DATE_TIME) tooltip = text + " " + CellValues.zoneLabel(zone.get());
        if (tooltip == null && ObjectIds.is(column)) tooltip = ObjectIds.tooltip(value);
        return new CellContent(text, flags, tooltip);
    }

    private String describe(GridColumn column, JsonNode value) {
        if (value == null || value.isNull()) return "NULL";
        if (value.isTextual() && value.asText().isEmpty()) return "empty text";
        return CellValues.display(column, value, zone.get());
    }

    private static boolean isNumeric(GridColumn c) {
        return !c.isList() && c.scalarType() != null && c.scalarType().isNumeric();
    }

    /** @return the pending to-one link that sets this foreign key field, or null */
    private LinkChange.ToOne linkSetting(GridRow row, GridColumn column) {
        GridColumn owner = keyOwners.get(column.name());
        return owner != null && changes.link(row, owner.name()) instanceof LinkChange.ToOne one ? one : null;
    }

    /** A relation cell with a pending link: what it will point at once saved, and what it pointed at. */
    private CellContent linkContent(LinkChange link, ObjectNode record, EnumSet<CellFlag> flags) {
        flags.add(CellFlag.PENDING);
        return switch (link) {
            case LinkChange.ToOne one -> {
                if (one.target() == null) flags.add(CellFlag.NULL);
                yield new CellContent(one.target() == null ? "NULL" : one.target().label(), flags,
                        (one.target() == null ? "Unlinked" : "Linked") + (one.was() == null ? "" : "; was " + one.was()));
            }
            case LinkChange.ToMany many -> {
                GridColumn c = many.column();
                long had = record == null ? 0 : record.path("_count").path(c.name()).asLong();
                List<String> parts = new ArrayList<>();
                if (!many.added().isEmpty()) parts.add("+ " + labels(many.added()));
                if (!many.removed().isEmpty()) parts.add("− " + labels(many.removed()));
                yield new CellContent(countLabel(had + many.added().size() - many.removed().size(), c.name()), flags,
                        String.join("\n", parts) + (record == null ? "" : "\nwas " + countLabel(had, c.name())));
            }
        };
    }

    private static String labels(List<LinkChange.Target> targets) {
        List<String> names = targets.stream().map(LinkChange.Target::label).limit(8).toList();
        return String.join(", ", names) + (targets.size() > names.size() ? " and " + (targets.size() - names.size()) + " more" : "");
    }

    /** @return how a to-one cell names the related record: its display value, else its model and key ({@code Address 7}) */
    static String relatedLabel(GridColumn column, JsonNode related) { return recordLabel(column.related(), column.displayField(), related); }

    /**
     * @param display the model's display field (see {@link GridColumn#displayField}), or null
     * @return how a record is named in relation cells and the relation picker
     */
    static String recordLabel(Model model, ScalarField display, JsonNode record) {
        JsonNode v = display == null ? null : record.get(display.name());
        // A key says little on its own ("7"): it is shown with the model's name ("Address 7").
        boolean isKey = display != null && RowKey.fields(model).contains(display);
        if (!isKey && v != null && !v.isNull() && !v.asText().isEmpty()) return v.asText();
        RowKey k = RowKey.of(model, record);
        return k == null ? model.name() : model.name() + " " + ObjectIds.shortForm(k.label());
    }

    /** {@code 12 orders}, {@code 1 order}, {@code 0 categories}. */
    static String countLabel(long n, String relationName) {
        String name = relationName;
        if (n == 1) {
            if (name.endsWith("ies")) name = name.substring(0, name.length() - 3) + "y";
            else if (name.endsWith("ses") || name.endsWith("xes")) name = name.substring(0, name.length() - 2);
            else if (name.endsWith("s") && !name.endsWith("ss")) name = name.substring(0, name.length() - 1);
        }
        return String.format("%,d %s", n, name);
    }

    /** @return the state a row is drawn in */
    public RowState rowState(GridRow row) {
        if (row.isDraft()) return rowErrors.containsKey(row) ? RowState.ERROR : RowState.NEW;
        if (!row.isLoaded()) return RowState.LOADING;
        RowKey key = row.key();
        if (key == null) return RowState.CLEAN;
        if (conflictOf(key) != null) return RowState.CONFLICT;
        if (rowErrors.containsKey(key)) return RowState.ERROR;
        if (changes.isDeleted(key)) return RowState.DELETED;
        if (changes.edit(key) != null) return RowState.CHANGED;
        return RowState.CLEAN;
    }

    /** @return why the last save failed on this row, or null */
    public String rowError(GridRow row) {
        return rowErrors.get(row.isDraft() ? row : row.key());
    }

    /** @return the value a cell's editor starts with (the pending value if any), as a JSON null for NULL */
    public JsonNode editValue(GridRow row, GridColumn column) {
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) return setter.foreignKeyValues().get(column.name());
        if (row.isDraft()) {
            JsonNode v = row.draftValues().get(column.name());
            return v == null ? JSON.nullNode() : v;
        }
        if (row.record() == null) return JSON.nullNode();
        RowKey key = row.key();
        if (key != null && changes.has(key, column.name())) return changes.value(key, column.name());
        JsonNode v = row.record().get(column.name());
        return v == null ? JSON.nullNode() : v;
    }

    /** @return the text a cell's editor starts with */
    public String editText(GridRow row, GridColumn column) {
        return CellValues.editText(column, editValue(row, column), zone.get());
    }

    // ================================================================ editing

    /**
     * Why a cell cannot be edited, or null when it can.
     *
     * @param row    the row
     * @param column the column
     */
    public String whyReadOnly(GridRow row, GridColumn column) {
        String ro = readOnlyReason();
        if (ro != null) return ro;
        if (saving.get()) return "Saving; wait a moment";
        if (column.kind() == GridColumn.Kind.UNSUPPORTED) return column.name() + " is " + column.typeLabel() + ": Prisma Client cannot write it";
        if (column.kind() == GridColumn.Kind.COMPOSITE && !engine.supports(ConnectorCapability.COMPOSITE_TYPES)) {
            return column.name() + " is a composite type; it is shown read-only";
        }
        if (column.isRelation()) return column.name() + " is a relation: press Enter to choose what it links to, or click to open it";
        if (row.isDraft()) return null;
        if (!row.isLoaded() || row.key() == null) return "The row is still loading";
        if (changes.isDeleted(row.key())) return "The record is marked for deletion; revert the row to edit it";
        ScalarField s = column.scalar();
        if (column.id() && s.defaultValue() instanceof DefaultValue.Autoincrement) return column.name() + " is generated by the database";
        return null;
    }

    /**
     * Types a value into a cell: it is parsed for the column's type and kept as a pending change.
     *
     * @return whether it was taken, and why not
     */
    public EditResult edit(GridRow row, GridColumn column, String text) {
        String ro = whyReadOnly(row, column);
        if (ro != null) return EditResult.refused(ro);
        JsonNode value;
        try {
            if (text.isBlank() && column.nullable() && column.scalarType() != ScalarType.STRING && !column.isList()) {
                // An empty number or date in an optional field can only mean "no value".
                value = JSON.nullNode();
            } else {
                value = CellValues.parse(column, text, zone.get());
            }
        } catch (CellValues.Refused r) {
            return EditResult.refused(r.getMessage());
        }
        return setValue(row, column, value);
    }

    /**
     * Sets a cell to a value (already in the engine's encoding; a JSON null is NULL).
     *
     * @return whether it was taken, and why not
     */
    public EditResult setValue(GridRow row, GridColumn column, JsonNode value) {
        String ro = whyReadOnly(row, column);
        if (ro != null) return EditResult.refused(ro);
        JsonNode v = value == null ? JSON.nullNode() : value;
        if (v.isNull() && !column.nullable()) return EditResult.refused(column.name() + " is required: it cannot be NULL");
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) {
            // A typed foreign key replaces the picked link; its other key fields keep the values the link gave them.
            changes.setLink(row, setter.column().name(), null);
            setter.foreignKeyValues().forEach((f, fv) -> putValue(row, f, fv));
        }
        putValue(row, column.name(), v);
        row.changed();
        changesChanged();
        return EditResult.OK;
    }

    private void putValue(GridRow row, String field, JsonNode v) {
        if (row.isDraft()) {
            row.draftValues().put(field, v);
            rowErrors.remove(row);
        } else {
            changes.set(row.key(), row.record(), field, v);
            rowErrors.remove(row.key());
        }
    }

    /** Sets a cell to NULL. */
    public EditResult setNull(GridRow row, GridColumn column) { return setValue(row, column, JSON.nullNode()); }

    /** Takes back the pending change of one cell. */
    public void revertCell(GridRow row, GridColumn column) {
        if (column.isRelation()) changes.setLink(row, column.name(), null);
        else if (row.isDraft()) row.draftValues().remove(column.name());
        else if (row.key() != null && changes.has(row.key(), column.name())) changes.set(row.key(), row.record(), column.name(), row.record().get(column.name()));
        row.changed();
        changesChanged();
    }

    /** Takes back every pending change of a row (a new record is removed; a deletion mark is dropped). */
    public void revertRow(GridRow row) {
        if (row.isDraft()) {
            removeDraft(row);
        } else if (row.key() != null) {
            changes.revert(row.key());
            rowErrors.remove(row.key());
            conflicts.removeIf(c -> c.key().equals(row.key()));
            row.changed();
        }
        changesChanged();
    }

    /** Drops every pending change. */
    public void discard() {
        for (GridRow d : List.copyOf(changes.drafts())) removeDraft(d);
        changes.clear();
        rowErrors.clear();
        conflicts.clear();
        redrawAll();
        changesChanged();
        message.set(new Message(Severity.INFO, "Changes discarded"));
    }

    /** Adds a new record at the top, with the schema's defaults shown; returns its row. */
    public GridRow addRecord() {
        String ro = readOnlyReason();
        if (ro != null) {
            message.set(new Message(Severity.WARNING, ro));
            return null;
        }
        GridRow draft = GridRow.draft(++draftCounter);
        changes.drafts().add(draft);
        list.addDraft(draft);
        changesChanged();
        return draft;
    }

    /**
     * Adds a new record with the values of {@code source}, except generated ids, {@code @updatedAt}
     * and fields the database fills in by default (a new record gets its own).
     */
    public GridRow duplicate(GridRow source) {
        if (source == null || !source.isLoaded()) return null;
        GridRow draft = addRecord();
        if (draft == null) return null;
        for (GridColumn c : columns) {
            if (!c.editable()) continue;
            ScalarField s = c.scalar();
            if (s.updatedAt() || s.defaultValue() != null && !(s.defaultValue() instanceof DefaultValue.Literal)) continue;
            JsonNode v = editValue(source, c);
            if (v.isNull() && !c.nullable()) continue;
            draft.draftValues().put(c.name(), v);
        }
        draft.changed();
        changesChanged();
        return draft;
    }

    private void removeDraft(GridRow row) {
        changes.dropDraft(row);
        rowErrors.remove(row);
        if (list != null) list.removeDraft(row);
    }

    private void changesChanged() {
        // New records are numbered among those pending: the only one is "new record 1", whatever came before.
        if (changes.drafts().isEmpty()) draftCounter = 0;
        pendingCount.set(changes.size());
        dirty.set(!changes.isEmpty());
        updateRange();
    }

    private void redrawAll() {
        if (list == null) return;
        for (GridRow r : list.loadedRows()) r.changed();
        redrawDrafts();
    }

    private void redrawDrafts() {
        for (GridRow d : changes.drafts()) d.changed();
    }

    private GridRow loadedRow(RowKey key) {
        if (list == null) return null;
        for (GridRow r : list.loadedRows()) if (key.equals(r.key())) return r;
        return null;
    }

    private Conflict conflictOf(RowKey key) {
        for (Conflict c : conflicts) if (c.key().equals(key)) return c;
        return null;
    }

    // ================================================================ delete

    /**
     * Asks what deleting {@code selected} would do; the answer arrives in {@link #deletePreviewProperty()}
     * for confirmation. New records among them are removed at once.
     */
    public void requestDelete(List<GridRow> selected) {
        String ro = readOnlyReason();
        if (ro != null) {
            message.set(new Message(Severity.WARNING, ro));
            return;
        }
        List<RowKey> keys = new ArrayList<>();
        for (GridRow r : selected) {
            if (r.isDraft()) removeDraft(r);
            else if (r.key() != null && !changes.isDeleted(r.key()) && !keys.contains(r.key())) keys.add(r.key());
        }
        changesChanged();
        if (keys.isEmpty()) return;
        ObjectNode args = JSON.objectNode();
        args.set("where", whereAnyOf(keys));
        previewTask = "Previewing the delete of " + keys.size() + " " + model.name();
        executor.submit(previewTask,
                () -> engine.previewDelete(model.name(), args.get("where")),
                preview -> {
                    reachable();
                    deletePreview.set(DeletePreview.of(schema, model.name(), preview, keys));
                },
                e -> failed("Could not preview the delete", e));
    }

    /** A plain where (not where-unique) matching exactly these records. */
    private ObjectNode whereAnyOf(List<RowKey> keys) {
        ObjectNode where = JSON.objectNode();
        if (keyFields.size() == 1) {
            ArrayNode in = where.putObject(keyFields.getFirst().name()).putArray("in");
            keys.forEach(k -> in.add(k.values().get(keyFields.getFirst().name())));
        } else {
            ArrayNode or = where.putArray("OR");
            keys.forEach(k -> or.add(k.values()));
        }
        return where;
    }

    /** Marks the previewed records for deletion (applied by Save); does nothing when the delete is blocked. */
    public void confirmDelete() {
        DeletePreview p = deletePreview.get();
        if (p == null || p.blocked()) return;
        deletePreview.set(null);
        for (RowKey k : p.keys()) {
            GridRow r = loadedRow(k);
            changes.markDeleted(k, r != null ? r.record() : null);
            conflicts.removeIf(c -> c.key().equals(k));
            if (r != null) r.changed();
        }
        changesChanged();
        message.set(new Message(Severity.INFO, p.count() + " " + model.name() + (p.count() == 1 ? " record" : " records")
                + " marked for deletion; Save applies it"));
    }

    /** Drops the delete waiting for confirmation. */
    public void cancelDelete() {
        deletePreview.set(null);
        // The preview is over: the status bar stops naming it.
        if (previewTask != null) executor.forget(previewTask);
    }

    // ================================================================ save

    /**
     * Applies every pending change in one transaction: new records, then changed cells, then
     * deletions. Each update only matches the record if the changed fields still hold the values that
     * were loaded; a record changed by someone else meanwhile becomes a {@link Conflict} and nothing is
     * saved. On any failure every pending change is kept.
     */
    public void save() {
        if (saving.get() || changes.isEmpty()) return;
        nonAtomicOffered.set(false);
        if (!conflicts.isEmpty()) {
            message.set(new Message(Severity.WARNING, "Choose for each conflict first: keep your change or take theirs"));
            return;
        }
        if (!checkDrafts()) return;
        SavePlan plan = plan();
        int n = changes.size();
        saving.set(true);
        executor.submit("Saving " + n + (n == 1 ? " change" : " changes") + " to " + model.name(), () -> plan.run(engine), outcome -> {
            saving.set(false);
            reachable();
            if (outcome.saved()) {
                saved(n);
                revealSaved(plan.created());
            } else {
                saveFailed(plan, outcome);
            }
        }, e -> {
            saving.set(false);
            failed("Nothing was saved", e);
        });
    }

    /**
     * New records leave the top of the grid when saved: their page is found (in the default order, by key) and
     * the table selects them there ({@link #revealList()}), instead of their vanishing onto a page nobody looks at.
     */
    private void revealSaved(List<RowKey> keys) {
        if (keys.isEmpty()) return;
        reveal.setAll(keys);
        if (!sortOrder.isEmpty() || keyFields.size() != 1 || pagingMode.get() != PagingMode.PAGES) return;
        String field = keyFields.getFirst().name();
        ObjectNode upTo = JSON.objectNode();
        upTo.putObject(field).set("lte", keys.getLast().values().get(field));
        ObjectNode args = JSON.objectNode();
        args.set("where", Wheres.and(where(), upTo));
        executor.submit("Finding the new " + model.name(), () -> engine.execute(model.name(), "count", args).asLong(), n -> {
            if (n > 0) goToPage((int) ((n - 1) / pageSize.get()));
        }, e -> reveal.clear());
    }

    /** @return records just saved that the table brings into view and selects once their rows are shown */
    public ObservableList<RowKey> revealList() { return reveal; }

    /** @return the row index of a loaded record in the rows shown, or -1 */
    public int rowIndexOf(RowKey key) {
        GridRow r = loadedRow(key);
        return r == null || list == null ? -1 : list.indexOf(r);
    }

    /** @return whether the last Save was refused for want of transactions, and saving without one is offered */
    public ReadOnlyBooleanProperty nonAtomicOfferedProperty() { return nonAtomicOffered.getReadOnlyProperty(); }

    /** Accepts the offer: this project's writes run without a transaction from now on (as {@code --allow-non-atomic}), then saves. */
    public void saveWithoutTransaction() {
        nonAtomicOffered.set(false);
        project.engine().allowNonAtomicWrites(true);
        save();
    }

    /** @return the requests Save would send now */
    SavePlan plan() { return new SavePlan(model, columns, changes, include, engine.supports(ConnectorCapability.ABSENT_FIELDS)); }

    /** New records need every required field that has no default. */
    private boolean checkDrafts() {
        boolean ok = true;
        for (GridRow d : changes.drafts()) {
            List<String> missing = new ArrayList<>();
            for (GridColumn c : columns) {
                boolean linked = linkSetting(d, c) != null;
                if (c.requiredOnCreate() && c.editable() && !d.draftValues().containsKey(c.name()) && !linked) missing.add(c.name());
            }
            if (!missing.isEmpty()) {
                ok = false;
                rowErrors.put(d, "new record " + d.draftNumber() + " needs " + String.join(", ", missing));
                d.changed();
            }
        }
        if (!ok) {
            message.set(new Message(Severity.ERROR, "Nothing was saved: " + String.join("; ",
                    changes.drafts().stream().map(rowErrors::get).filter(Objects::nonNull).toList())));
        }
        return ok;
    }

    private void saved(int n) {
        for (GridRow d : List.copyOf(changes.drafts())) removeDraft(d);
        changes.clear();
        rowErrors.clear();
        conflicts.clear();
        changesChanged();
        message.set(new Message(Severity.SUCCESS, "Saved " + n + (n == 1 ? " change" : " changes")));
        saves.set(saves.get() + 1);
        refresh();
    }

    private void saveFailed(SavePlan plan, SavePlan.Outcome outcome) {
        if (NonAtomicSave.offer(outcome.error(), changes.size(), message::set)) {
            nonAtomicOffered.set(true);
            return;
        }
        if (!outcome.conflicts().isEmpty() || !outcome.goneDeletes().isEmpty()) {
            conflicts.setAll(outcome.conflicts());
            for (RowKey k : outcome.goneDeletes()) changes.revert(k);
            for (Conflict c : outcome.conflicts()) redraw(c.key());
            changesChanged();
            List<String> parts = new ArrayList<>();
            int n = outcome.conflicts().size();
            if (n > 0) {
                parts.add(n + (n == 1 ? " record was" : " records were") + " changed by someone else since you loaded "
                        + (n == 1 ? "it" : "them") + ": keep your change or take theirs");
            }
            int gone = outcome.goneDeletes().size();
            if (gone > 0) {
                parts.add(gone + " of the records to delete " + (gone == 1 ? "was" : "were") + " already deleted by someone else (no longer marked)");
            }
            message.set(new Message(Severity.WARNING, "Nothing was saved: " + String.join("; ", parts) + "."));
            if (gone > 0) refresh();
            return;
        }
        SavePlan.Step step = outcome.failed();
        String reason = plan.explain(step, outcome.error());
        rowErrors.put(step.ref(), reason);
        if (step.draft() != null) step.draft().changed();
        else redraw(step.key());
        // Prisma's own messages end with a full stop; the ones made here do not.
        message.set(new Message(Severity.ERROR, "Nothing was saved: " + step.label() + ": " + reason + (reason.endsWith(".") ? "" : ".")
                + " Your changes are kept."));
    }

    private void redraw(RowKey key) {
        GridRow r = loadedRow(key);
        if (r != null) r.changed();
    }

    // ---------------------------------------------------------------- conflicts

    /**
     * Resolves a conflict by keeping the pending values: they now apply on top of the record as it is
     * in the database (the next save compares against their version). A deleted record cannot be kept.
     */
    public void keepMine(Conflict conflict) {
        if (conflict.deleted()) {
            message.set(new Message(Severity.WARNING, "The record was deleted by someone else; only taking theirs is possible"));
            return;
        }
        ChangeSet.RowEdit edit = changes.edit(conflict.key());
        if (edit != null) edit.original = conflict.theirs();
        conflicts.remove(conflict);
        conflictResolved();
        GridRow r = loadedRow(conflict.key());
        if (r != null) r.fill(conflict.theirs(), conflict.key());
        // A pending value that now equals theirs is no change any more.
        if (edit != null) {
            for (Map.Entry<String, JsonNode> v : Map.copyOf(edit.values).entrySet()) {
                changes.set(conflict.key(), conflict.theirs(), v.getKey(), v.getValue());
            }
        }
        changesChanged();
    }

    /** Resolves a conflict by dropping the pending values of the record and showing it as it is now. */
    public void takeTheirs(Conflict conflict) {
        changes.revert(conflict.key());
        rowErrors.remove(conflict.key());
        conflicts.remove(conflict);
        conflictResolved();
        GridRow r = loadedRow(conflict.key());
        changesChanged();
        if (conflict.deleted()) refresh();
        else if (r != null) r.fill(conflict.theirs(), conflict.key());
    }

    /** The message that asked to resolve the conflicts goes once none is left. */
    private void conflictResolved() {
        if (conflicts.isEmpty() && message.get() != null && message.get().severity() == Severity.WARNING) message.set(null);
    }

    /** @return the conflict on a row, or null */
    public Conflict conflict(GridRow row) { return row.key() == null ? null : conflictOf(row.key()); }

    /** @return the conflict described for people: which fields differ, yours against theirs */
    public String describe(Conflict c) {
        String who = model.name() + " " + c.key().label();
        if (c.deleted()) return who + " was deleted by someone else";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : c.mine().entrySet()) {
            GridColumn col = column(e.getKey());
            JsonNode was = c.original().get(e.getKey());
            JsonNode now = c.theirs().get(e.getKey());
            if (ChangeSet.same(was, now)) continue;
            parts.add(e.getKey() + ": yours " + describe(col, e.getValue()) + ", theirs " + describe(col, now));
        }
        return who + " changed since you loaded it" + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    }

    // ================================================================ navigation

    /**
     * Follows a relation cell: to the related record (to-one) or to the related records (to-many),
     * through the navigator.
     *
     * @param newTab whether to open them in a new tab
     * @return whether there was something to open
     */
    public boolean follow(GridRow row, GridColumn column, boolean newTab) {
        // A foreign key (an ObjectId, an id array) leads where its relation does.
        if (column.foreignKey() && !column.isRelation()) column = RelationWhere.owner(columns, column);
        if (column == null || !column.isRelation() || row.isDraft() || row.record() == null || navigator == null) return false;
        ObjectNode where = RelationWhere.of(schema, model, row.record(), column.relation());
        if (where == null) {
            message.set(new Message(Severity.INFO, "No related " + column.related().name()));
            return false;
        }
        navigator.openModel(column.related(), JsonCodec.write(where), newTab);
        return true;
    }

    // ================================================================ linking (the relation picker)

    /**
     * Why a relation cell cannot be linked from here, or null when it can.
     *
     * @param row    the row
     * @param column a relation column
     */
    public String whyNotLinkable(GridRow row, GridColumn column) {
        if (!column.isRelation()) return column.name() + " is not a relation";
        String ro = readOnlyReason();
        if (ro != null) return ro;
        if (saving.get()) return "Saving; wait a moment";
        Model related = column.related();
        if (related == null) return column.name() + " points at a model that is not in the schema";
        if (related.view()) return column.name() + " points at a view, which cannot be linked";
        if (RowKey.fields(related).isEmpty()) return related.name() + " has no id or unique field, so its records cannot be linked";
        if (row.isDraft()) return null;
        if (!row.isLoaded() || row.key() == null) return "The row is still loading";
        if (changes.isDeleted(row.key())) return "The record is marked for deletion; revert the row to link it";
        return null;
    }

    /**
     * Opens the relation picker of a cell: its view model, or null (with the reason in the message area) when the cell
     * cannot be linked.
     */
    public RelationPickerViewModel picker(GridRow row, GridColumn column) {
        String why = whyNotLinkable(row, column);
        if (why != null) {
            notice(why);
            return null;
        }
        String label = row.isDraft() ? "new record " + row.draftNumber() : model.name() + " " + row.key().label();
        RowKey opened = row.key();
        // A reload while the picker is open refills rows in place: a row holding another record now must not get the link.
        return new RelationPickerViewModel(schema, model, row, label, column, changes.link(row, column.name()), engine, executor, zone.get(),
                insensitiveSupported, change -> Objects.equals(opened, row.key()) ? setLink(row, column, change)
                        : EditResult.refused("The grid was reloaded and " + label + " is no longer in this row; open the picker again"));
    }

    /**
     * Makes a relation change pending (null drops the cell's pending change). A link back to what is linked now is no
     * change; a to-one link replaces pending values typed into its foreign key fields.
     *
     * @return whether it was taken, and why not
     */
    public EditResult setLink(GridRow row, GridColumn column, LinkChange change) {
        String why = whyNotLinkable(row, column);
        if (why != null) return EditResult.refused(why);
        if (change instanceof LinkChange.ToOne one && !row.isDraft()) {
            JsonNode current = row.record().get(column.name());
            RowKey now = current == null || current.isNull() ? null : RowKey.of(column.related(), current);
            if (one.target() == null ? now == null : one.target().key().equals(now)) change = null;
        }
        for (String fk : column.relation().fields()) {
            if (row.isDraft()) row.draftValues().remove(fk);
            else if (changes.has(row.key(), fk)) changes.set(row.key(), row.record(), fk, row.record().get(fk));
        }
        changes.setLink(row, column.name(), change);
        rowErrors.remove(row.isDraft() ? row : row.key());
        row.changed();
        changesChanged();
        return EditResult.OK;
    }

    /** @return the pending relation change of a cell, or null */
    public LinkChange pendingLink(GridRow row, GridColumn column) { return changes.link(row, column.name()); }

    /** Goes back through the navigator. */
    public void back() { if (navigator != null) navigator.back(); }

    /** Goes forward through the navigator. */
    public void forward() { if (navigator != null) navigator.forward(); }

    // ================================================================ columns

    /** Shows or hides a column; remembered. */
    public void setColumnVisible(String name, boolean visible) {
        if (layout.get().hidden().contains(name) == !visible) return;
        updateLayout(layout.get().withHidden(name, !visible));
    }

    /** Orders the columns (names not given keep schema order after these); remembered. */
    public void setColumnOrder(List<String> names) {
        if (names.equals(layout.get().order())) return;
        updateLayout(layout.get().withOrder(names));
    }

    /** Remembers a column's width. */
    public void setColumnWidth(String name, double width) {
        Double old = layout.get().widths().get(name);
        if (old != null && Math.abs(old - width) < 0.5) return;
        updateLayout(layout.get().withWidth(name, width));
    }

    /** Shows every column in schema order again. */
    public void resetColumns() {
        updateLayout(new GridLayout(List.of(), Set.of(), Map.of(), pageSize.get(), pagingMode.get() == PagingMode.SCROLL));
    }

    /** @return the columns in the order the layout gives (hidden ones included) */
    public List<GridColumn> orderedColumns() {
        Map<String, GridColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<GridColumn> out = new ArrayList<>();
        for (String n : layout.get().order()) {
            GridColumn c = byName.remove(n);
            if (c != null) out.add(c);
        }
        out.addAll(byName.values());
        return out;
    }

    private void updateLayout(GridLayout next) {
        layout.set(next);
        layoutStore.save(layoutKey, next);
    }

    // ================================================================ errors

    private void failed(String what, Throwable e) {
        if (isConnectionProblem(e)) {
            connectionLost.set(true);
            int n = changes.size();
            message.set(new Message(Severity.ERROR, "The database cannot be reached (" + reason(e) + "). "
                    + (n > 0 ? "Your " + n + (n == 1 ? " change is" : " changes are") + " kept; save again once it is back."
                    : "Reload once it is back.")));
            return;
        }
        message.set(new Message(Severity.ERROR, what + ": " + reason(e) + (changes.isEmpty() ? "" : ". Your changes are kept.")));
    }

    private void reachable() {
        if (connectionLost.get()) {
            connectionLost.set(false);
            message.set(new Message(Severity.SUCCESS, "Connected to the database again"));
        }
    }

    /** Dismisses the message. */
    public void clearMessage() { message.set(null); }

    /** Shows a passing remark in the message area: why a cell cannot be edited, a value that was not taken. */
    public void notice(String text) { message.set(new Message(Severity.WARNING, text)); }

    /** @return whether a failure means the database could not be reached (Prisma's P1xxx codes, pool timeouts) */
    static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            QueryError q = t instanceof QueryEngine.BatchError b ? b.error() : t instanceof QueryError qe ? qe : null;
            if (q != null && (q.code().startsWith("P1") || q.code().equals("P2024"))) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    static String reason(Throwable e) {
        Throwable t = e instanceof QueryEngine.BatchError b ? b.error() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    @Override
    public String toString() { return "grid of " + model.name() + String.format(Locale.ROOT, " (%d pending)", changes.size()); }
}
