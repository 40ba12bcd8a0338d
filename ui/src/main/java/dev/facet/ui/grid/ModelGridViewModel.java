package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * One model's grid, without any node: the view binds to this class, which composes one small part per concern and
 * passes each call on to it.
 *
 * <ul>
 *   <li>{@link GridPaging}: loading the rows a page or a chunk at a time, counting them, the range shown;</li>
 *   <li>{@link GridSort} and {@link GridFilters}: the order and the where in effect; {@link GridQuery} turns them
 *       into Prisma Client arguments;</li>
 *   <li>{@link PendingChanges}: typed cells, new records, links, deletion marks and conflicts until Save;
 *       {@link GridSave} saves them, {@link DeleteFlow} previews and marks deletes;</li>
 *   <li>{@link CellPresenter}: what a cell shows and how a row is drawn;</li>
 *   <li>{@link RelationLinks}: following relations and the relation picker;</li>
 *   <li>{@link ColumnLayout}: column order, visibility and widths, remembered;</li>
 *   <li>{@link GridMessages}: the message area and whether the database is reachable.</li>
 * </ul>
 *
 * <p>Every database call goes through the {@link TaskExecutor}; results arrive on the FX thread (or
 * the calling thread with a direct executor in tests), so this class is used from one thread only.
 * A newer load replaces an older one still running.
 */
public final class ModelGridViewModel {
    /** The remembered choice of showing the record panel, shared by every grid. */
    private static final String RECORD_PANEL = "recordPanel";
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
    private final List<GridColumn> columns;
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(this, "zone", ZoneOffset.UTC);
    private final ChangeSet changes = new ChangeSet();
    private final GridMessages messages;
    private final GridQuery query;
    private final ColumnLayout layout;
    private final GridSort sort;
    private final GridFilters filters;
    private final GridPaging paging;
    private final PendingChanges pending;
    private final GridSave saver;
    private final CellPresenter cells;
    private final DeleteFlow deletes;
    private final RelationLinks relations;
    private final TaskExecutor executor;
    private final GridLayout.Store layoutStore;
    private final BooleanProperty recordPanelShown;
    private RecordPanelViewModel recordPanel;
    private GridExport export;

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
        this.executor = Objects.requireNonNull(executor, "executor");
        this.layoutStore = layoutStore;
        this.recordPanelShown = new SimpleBooleanProperty(this, "recordPanelShown", layoutStore.flag(RECORD_PANEL, false));
        recordPanelShown.addListener((o, was, is) -> layoutStore.setFlag(RECORD_PANEL, is));
        Schema schema = project.schema();
        QueryEngine engine = project.engine();
        String layoutKey = Integer.toHexString(project.schemaPath().toAbsolutePath().normalize().toString().hashCode()) + "/" + model.name();
        this.columns = GridColumn.of(schema, model, project.drift().missingFields(model.name()));
        boolean insensitive = engine.supports(ConnectorCapability.INSENSITIVE_FILTERS);
        this.messages = new GridMessages(changes::size);
        this.query = new GridQuery(model, columns);
        this.layout = new ColumnLayout(columns, layoutStore, layoutKey);
        this.sort = new GridSort(this::column, this::rerun);
        this.filters = new GridFilters(schema, model, columns, insensitive, engine.supports(ConnectorCapability.ABSENT_FIELDS), zone::get, messages, this::rerun);
        this.paging = new GridPaging(model, engine, executor, query, changes, messages, filters::where, filters::isFiltered,
                sort::sortOrder, layout.get());
        this.pending = new PendingChanges(model, project.readOnly(), columns, changes, paging, messages, zone::get, this::isSaving,
                engine::supports);
        this.saver = new GridSave(schema, model, columns, engine, executor, query, pending, paging, messages, filters::where, sort::sortOrder);
        this.cells = new CellPresenter(pending, zone::get);
        this.deletes = new DeleteFlow(schema, model, engine, executor, query, pending, paging, messages);
        this.relations = new RelationLinks(schema, model, engine, executor, navigator, pending, messages, zone::get,
                this::isSaving, insensitive);
        paging.pageSizeProperty().addListener((o, a, b) -> pagingChanged());
        paging.pagingModeProperty().addListener((o, a, b) -> pagingChanged());
        zone.addListener((o, a, b) -> paging.redrawAll());
    }

    // The parts are made in order; these reach parts made after the ones that call them.
    private void rerun() { paging.restartIfStarted(); }

    private boolean isSaving() { return saver.isSaving(); }

    private void pagingChanged() {
        layout.setPaging(paging.pageSizeProperty().get(), paging.pagingModeProperty().get() == PagingMode.SCROLL);
        paging.restartIfStarted();
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
    public ReadOnlyObjectProperty<ObservableList<GridRow>> rowsProperty() { return paging.rowsProperty(); }

    /** @return the current rows */
    public ObservableList<GridRow> rows() { return paging.rowsProperty().get(); }

    /** @return how many records match the filters (-1 until counted) */
    public ReadOnlyLongProperty totalCountProperty() { return paging.totalCountProperty(); }

    /** @return whether a load is running */
    public ReadOnlyBooleanProperty loadingProperty() { return paging.loadingProperty(); }

    /** @return whether the count shown is the database's estimate (a big table): "of about 48.2 M" */
    public ReadOnlyBooleanProperty estimatedProperty() { return paging.estimatedProperty(); }

    /** Counts the rows exactly instead of showing the estimate, now and on later loads. */
    public void countExactly() { paging.countExactly(); }

    /** @return {@code n} in a few characters, as counts are shown: 950, 12.3 K, 48.2 M */
    public static String compactCount(long n) { return GridPaging.compact(n); }

    /** @return the rows shown: {@code 1–100 of 1,000,000} */
    public ReadOnlyStringProperty rangeTextProperty() { return paging.rangeTextProperty(); }

    /** @return how long the last load took: {@code loaded in 12 ms} */
    public ReadOnlyStringProperty loadInfoProperty() { return paging.loadInfoProperty(); }

    /** @return rows per page (50, 100 or 500); also the size of the chunks fetched while scrolling */
    public IntegerProperty pageSizeProperty() { return paging.pageSizeProperty(); }

    /** @return pages or infinite scroll */
    public ObjectProperty<PagingMode> pagingModeProperty() { return paging.pagingModeProperty(); }

    /** @return the page shown, from 0 (pages mode) */
    public ReadOnlyIntegerProperty pageIndexProperty() { return paging.pageIndexProperty(); }

    /** @return how many pages there are (at least 1) */
    public ReadOnlyIntegerProperty pageCountProperty() { return paging.pageCountProperty(); }

    /** @return the sort keys, first one first (read-only; see {@link #setSortOrder}) */
    public ObservableList<SortKey> sortOrder() { return sort.sortOrder(); }

    /** @return the filter bar's conditions (change them, then {@link #applyFilter()}) */
    public FilterGroup filter() { return filters.filter(); }

    /** @return the quick search in effect */
    public ReadOnlyStringProperty quickSearchProperty() { return filters.quickSearchProperty(); }

    /** @return the filter the grid was opened with (following a relation), described; null when none */
    public ReadOnlyStringProperty baseWhereTextProperty() { return filters.baseWhereTextProperty(); }

    /** @return the filter bar's conditions in effect, described; null when none */
    public ReadOnlyStringProperty filterTextProperty() { return filters.filterTextProperty(); }

    /** @return why the filter could not be applied, or null */
    public ReadOnlyStringProperty filterErrorProperty() { return filters.filterErrorProperty(); }

    /** @return how many changes Save would apply */
    public ReadOnlyIntegerProperty pendingCountProperty() { return pending.pendingCountProperty(); }

    /** @return whether there are unsaved changes (the shell asks before closing a dirty grid) */
    public ReadOnlyBooleanProperty dirtyProperty() { return pending.dirtyProperty(); }

    /** @return whether a save is running (editing waits for it) */
    public ReadOnlyBooleanProperty savingProperty() { return saver.savingProperty(); }

    /** @return how many saves have succeeded (the shell refreshes its row counts when this changes) */
    public ReadOnlyIntegerProperty savesProperty() { return saver.savesProperty(); }

    /** @return records changed by someone else since they were loaded, waiting for a choice */
    public ObservableList<Conflict> conflicts() { return pending.conflicts(); }

    /** @return the delete waiting for confirmation, or null */
    public ReadOnlyObjectProperty<DeletePreview> deletePreviewProperty() { return deletes.deletePreviewProperty(); }

    /** @return the last message (an error, a save), or null */
    public ReadOnlyObjectProperty<Message> messageProperty() { return messages.messageProperty(); }

    /** @return whether the database could not be reached at the last attempt */
    public ReadOnlyBooleanProperty connectionLostProperty() { return messages.connectionLostProperty(); }

    /** @return column order, visibility and widths, page size and mode, as remembered */
    public ReadOnlyObjectProperty<GridLayout> layoutProperty() { return layout.layoutProperty(); }

    /** @return the zone DateTime values are shown and typed in (UTC unless changed) */
    public ObjectProperty<ZoneId> zoneProperty() { return zone; }

    /** @return why records cannot be changed here (a view, or a model without id or unique), or null */
    public String readOnlyReason() { return pending.readOnlyReason(); }

    /** @return whether a quick search, filter or opening filter is in effect */
    public boolean isFiltered() { return filters.isFiltered(); }

    /** @return the Prisma {@code where} in effect (opening filter, filter bar and quick search), or null */
    public ObjectNode where() { return filters.where(); }

    /** @return whether text filters can ignore case on this database */
    public boolean insensitiveSupported() { return filters.insensitiveSupported(); }

    // ================================================================ loading and paging

    /** Loads the first time; later calls do nothing (the view calls this when it is shown). */
    public void ensureLoaded() { paging.ensureLoaded(); }

    /**
     * Loads the rows again, keeping the page or scroll position: after a save, on request, or to find
     * out whether a lost database is back. Pending changes are kept.
     */
    public void reload() { paging.reload(); }

    /**
     * Tells the grid which rows the table shows, so that it loads the chunks they are in (when
     * scrolling through the whole result) and shows the range.
     *
     * @param first the first visible row (index into {@link #rows()})
     * @param last  the last visible row
     */
    public void viewport(int first, int last) { paging.viewport(first, last); }

    /** Shows the first page. */
    public void firstPage() { goToPage(0); }

    /** Shows the previous page. */
    public void previousPage() { goToPage(paging.pageIndexProperty().get() - 1); }

    /** Shows the next page. */
    public void nextPage() { goToPage(paging.pageIndexProperty().get() + 1); }

    /** Shows the last page. */
    public void lastPage() { goToPage(paging.pageCountProperty().get() - 1); }

    /** Shows page {@code index} (from 0), clamped to the pages there are. */
    public void goToPage(int index) { paging.goToPage(index); }

    /**
     * Lets go of the grid when its tab closes: results still on their way are dropped. Pending changes
     * are not saved (the shell asks first).
     */
    public void dispose() { paging.dispose(); }

    // ================================================================ sort and filters

    /** Sorts by the given keys (an empty list sorts by id). */
    public void setSortOrder(List<SortKey> keys) { sort.setSortOrder(keys); }

    /**
     * Sorts by a column as a header click does: ascending, then descending, then not at all.
     *
     * @param field    the column
     * @param additive whether to add to the current sort (Shift) rather than replace it
     */
    public void toggleSort(String field, boolean additive) { sort.toggleSort(field, additive); }

    /** @return whether the grid can sort by a column */
    public boolean sortable(GridColumn c) { return GridSort.sortable(c); }

    /** Applies the filter bar's conditions; values that do not fit are marked and nothing changes. */
    public void applyFilter() { filters.applyFilter(); }

    /** Removes the filter bar's conditions. */
    public void clearFilter() { filters.clearFilter(); }

    /** Searches every text column for {@code text} (and number and enum columns for an exact match). */
    public void search(String text) { filters.search(text); }

    /**
     * Sets the filter the grid opens with, as the shell gets it from {@link Navigator#openModel}. A text that is not
     * a JSON object is reported in the message area, and the grid then shows no rows.
     *
     * @param whereJson a Prisma {@code where} object as JSON, or null for none
     */
    public void setInitialWhere(String whereJson) { filters.setInitialWhere(whereJson); }

    /** Drops the filter the grid was opened with. */
    public void clearInitialWhere() { setInitialWhere(null); }

    // ================================================================ cells

    /** @return what a cell shows */
    public CellContent cell(GridRow row, GridColumn column) { return cells.cell(row, column); }

    /** @return the state a row is drawn in */
    public RowState rowState(GridRow row) { return cells.rowState(row); }

    /** @return why the last save failed on this row, or null */
    public String rowError(GridRow row) { return cells.rowError(row); }

    /** @return the value a cell's editor starts with (the pending value if any), as a JSON null for NULL */
    public JsonNode editValue(GridRow row, GridColumn column) { return pending.editValue(row, column); }

    /** @return the text a cell's editor starts with */
    public String editText(GridRow row, GridColumn column) { return cells.editText(row, column); }

    // ================================================================ editing

    /** @return why a cell cannot be edited, or null when it can */
    public String whyReadOnly(GridRow row, GridColumn column) { return pending.whyReadOnly(row, column); }

    /**
     * Types a value into a cell: it is parsed for the column's type and kept as a pending change.
     *
     * @return whether it was taken, and why not
     */
    public EditResult edit(GridRow row, GridColumn column, String text) { return pending.edit(row, column, text); }

    /**
     * Sets a cell to a value (already in the engine's encoding; a JSON null is NULL).
     *
     * @return whether it was taken, and why not
     */
    public EditResult setValue(GridRow row, GridColumn column, JsonNode value) { return pending.setValue(row, column, value); }

    /** Sets a cell to NULL. */
    public EditResult setNull(GridRow row, GridColumn column) { return setValue(row, column, JsonNodeFactory.instance.nullNode()); }

    /** Takes back the pending change of one cell. */
    public void revertCell(GridRow row, GridColumn column) { pending.revertCell(row, column); }

    /** Takes back every pending change of a row (a new record is removed; a deletion mark is dropped). */
    public void revertRow(GridRow row) { pending.revertRow(row); }

    /** Takes back the last pending change (Ctrl+Z): a cell, a link, a new record, a deletion mark, a revert. @return whether there was one */
    public boolean undo() { return pending.undo(); }

    /** Makes the last undone change again (Ctrl+Shift+Z). @return whether there was one */
    public boolean redo() { return pending.redo(); }

    /** Drops every pending change. */
    public void discard() { pending.discard(); }

    /** Adds a new record at the top, with the schema's defaults shown; returns its row. */
    public GridRow addRecord() { return pending.addRecord(); }

    /**
     * Adds a new record with the values of {@code source}, except generated ids, {@code @updatedAt}
     * and fields the database fills in by default (a new record gets its own).
     */
    public GridRow duplicate(GridRow source) { return pending.duplicate(source); }

    // ================================================================ delete

    /**
     * Asks what deleting {@code selected} would do; the answer arrives in {@link #deletePreviewProperty()}
     * for confirmation. New records among them are removed at once.
     */
    public void requestDelete(List<GridRow> selected) { deletes.requestDelete(selected); }

    /** Marks the previewed records for deletion (applied by Save); does nothing when the delete is blocked. */
    public void confirmDelete() { deletes.confirmDelete(); }

    /** Drops the delete waiting for confirmation. */
    public void cancelDelete() { deletes.cancelDelete(); }

    // ================================================================ save and conflicts

    /**
     * Applies every pending change in one transaction: new records, then changed cells, then
     * deletions. Each update only matches the record if the changed fields still hold the values that
     * were loaded; a record changed by someone else meanwhile becomes a {@link Conflict} and nothing is
     * saved. On any failure every pending change is kept.
     */
    public void save() { saver.save(); }

    /** @return whether the last Save was refused for want of transactions, and saving without one is offered */
    public ReadOnlyBooleanProperty nonAtomicOfferedProperty() { return saver.nonAtomicOfferedProperty(); }

    /** Accepts the offer: this project's writes run without a transaction from now on (as {@code --allow-non-atomic}), then saves. */
    public void saveWithoutTransaction() { saver.saveWithoutTransaction(); }

    /** @return records just saved that the table brings into view and selects once their rows are shown */
    public ObservableList<RowKey> revealList() { return saver.revealList(); }

    /** @return the row index of a loaded record in the rows shown, or -1 */
    public int rowIndexOf(RowKey key) { return paging.rowIndexOf(key); }

    /** @return the requests Save would send now */
    SavePlan plan() { return saver.plan(); }

    /**
     * Resolves a conflict by keeping the pending values: they now apply on top of the record as it is
     * in the database (the next save compares against their version). A deleted record cannot be kept.
     */
    public void keepMine(Conflict conflict) { pending.keepMine(conflict); }

    /** Resolves a conflict by dropping the pending values of the record and showing it as it is now. */
    public void takeTheirs(Conflict conflict) { pending.takeTheirs(conflict); }

    /** @return the conflict on a row, or null */
    public Conflict conflict(GridRow row) { return row.key() == null ? null : pending.conflictOf(row.key()); }

    /** @return the conflict described for people: which fields differ, yours against theirs */
    public String describe(Conflict c) { return pending.describe(c, this::column); }

    // ================================================================ relations

    /**
     * Follows a relation cell: to the related record (to-one) or to the related records (to-many),
     * through the navigator.
     *
     * @param newTab whether to open them in a new tab
     * @return whether there was something to open
     */
    public boolean follow(GridRow row, GridColumn column, boolean newTab) { return relations.follow(row, column, newTab); }

    /** @return why a relation cell cannot be linked from here, or null when it can */
    public String whyNotLinkable(GridRow row, GridColumn column) { return relations.whyNotLinkable(row, column); }

    /**
     * Opens the relation picker of a cell: its view model, or null (with the reason in the message area) when the cell
     * cannot be linked.
     */
    public RelationPickerViewModel picker(GridRow row, GridColumn column) { return relations.picker(row, column); }

    /**
     * Makes a relation change pending (null drops the cell's pending change). A link back to what is linked now is no
     * change; a to-one link replaces pending values typed into its foreign key fields.
     *
     * @return whether it was taken, and why not
     */
    public EditResult setLink(GridRow row, GridColumn column, LinkChange change) { return relations.setLink(row, column, change); }

    /** @return the pending relation change of a cell, or null */
    public LinkChange pendingLink(GridRow row, GridColumn column) { return changes.link(row, column.name()); }

    /** Opens one record of a model in this tab (or a new one), selected. @return whether there is somewhere to open it */
    public boolean openRecord(Model target, RowKey key, boolean newTab) { return relations.openRecord(target, key, newTab); }

    /** Opens a model filtered by a {@code where} (or not), then hands its grid to {@code then}. @return whether it opened */
    boolean open(Model target, ObjectNode where, boolean newTab, java.util.function.Consumer<ModelGridViewModel> then) {
        return relations.open(target, where, newTab, then);
    }

    /** Opens the records a relation of a record of {@code owner} points at. @return whether there was something to open */
    public boolean openRelated(Model owner, ObjectNode record, GridColumn column, boolean newTab) {
        return relations.openRelated(owner, record, column, newTab);
    }

    // ================================================================ record panel

    /** @return whether the record panel is shown beside the grid; remembered across grids and runs */
    public BooleanProperty recordPanelShownProperty() { return recordPanelShown; }

    /** @return the record panel's view model (made when first asked for: most grids never show it) */
    public RecordPanelViewModel recordPanel() {
        if (recordPanel == null) recordPanel = new RecordPanelViewModel(this, executor);
        return recordPanel;
    }

    // ================================================================ copy and export

    /** @return copying the selected rows and exporting this view to a file (made when first asked for) */
    GridExport export() {
        if (export == null) export = new GridExport(model, columns, project.engine(), executor, query, filters::where, sort::sortOrder,
                () -> new GridExport.Page(paging.pagingModeProperty().get() == PagingMode.PAGES
                        ? paging.pageIndexProperty().get() * paging.pageSizeProperty().get() : 0, paging.pageSizeProperty().get()));
        return export;
    }

    /** Goes back through the navigator. */
    public void back() { relations.back(); }

    /** Goes forward through the navigator. */
    public void forward() { relations.forward(); }

    // ================================================================ columns

    /** Shows or hides a column; remembered. */
    public void setColumnVisible(String name, boolean visible) { layout.setColumnVisible(name, visible); }

    /** Orders the columns (names not given keep schema order after these); remembered. */
    public void setColumnOrder(List<String> names) { layout.setColumnOrder(names); }

    /** Remembers a column's width. */
    public void setColumnWidth(String name, double width) { layout.setColumnWidth(name, width); }

    /** Shows every column in schema order again. */
    public void resetColumns() {
        layout.reset(paging.pageSizeProperty().get(), paging.pagingModeProperty().get() == PagingMode.SCROLL);
    }

    /** @return the columns in the order the layout gives (hidden ones included) */
    public List<GridColumn> orderedColumns() { return layout.orderedColumns(); }

    // ================================================================ messages

    /** Dismisses the message. */
    public void clearMessage() { messages.clear(); }

    /** Shows a passing remark in the message area: why a cell cannot be edited, a value that was not taken. */
    public void notice(String text) { messages.show(Severity.WARNING, text); }

    @Override
    public String toString() { return "grid of " + model.name() + String.format(Locale.ROOT, " (%d pending)", changes.size()); }
}
