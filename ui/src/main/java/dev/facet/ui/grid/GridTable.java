package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.facet.ui.grid.ModelGridViewModel.RowState;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import dev.facet.ui.task.IdleCollection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.feather.Feather;

/**
 * The table of a grid: columns with typed headers, rows drawn by state, sorting by header clicks
 * (Shift for several), reordering and hiding columns, keyboard editing, and reporting which rows are
 * in view so that the view model loads them.
 */
final class GridTable extends TableView<GridRow> {
    private static final Map<RowState, PseudoClass> STATES = new EnumMap<>(RowState.class);
    /** Rows a session's first table shows in its first pulse with rows; then as many as fit the budget (see startReveal). */
    private static final int REVEAL_FIRST = 4;
    /**
     * Time for styling and laying out a pulse's new rows while a new table's first rows come in, in nanoseconds;
     * {@code -Dfacet.grid.revealBudgetMs} sets it for the window benchmark's A/B runs.
     */
    private static final long REVEAL_BUDGET = Long.getLong("facet.grid.revealBudgetMs", 12) * 1_000_000;
    /** What a row took in the first step of the last table's reveal, in nanoseconds (0: none yet); FX thread. */
    private static long firstStepNanosPerRow;

    static {
        for (RowState s : RowState.values()) STATES.put(s, PseudoClass.getPseudoClass("row-" + s.name().toLowerCase(Locale.ROOT)));
    }

    private final ModelGridViewModel vm;
    private final ModelGridView view;
    private final Map<String, TableColumn<GridRow, GridRow>> byName = new java.util.HashMap<>();
    /** Each column's header, where its sort mark goes. */
    private final Map<String, VBox> headers = new java.util.HashMap<>();
    private final ContextMenu contextMenu = new ContextMenu();
    private boolean syncing;
    private final Runnable afterLayout = this::afterLayout;
    /** Whether a layout pass has built the table's skin; rows that came before wait for it (see showRows). */
    private boolean laidOut;
    private int reportedFirst = -1;
    private int reportedLast = -1;
    private Object reportedRows;
    private VirtualFlow<?> flow;
    private String typedText;
    /** Whether rows were shown yet: the first ones build the table's cells, and come in over a few pulses (reveal). */
    private boolean rowsShown;
    /** While the first rows come in: the table's full height, and the height of its header; 0 otherwise. */
    private double revealTo;
    private double revealHeader;
    /** Rows shown so far, rows added in the last step, and when the CSS and layout pass of this pulse started. */
    private int revealRows;
    private int revealAdded;
    private long layoutStarted;
    private final Runnable beforeLayout = () -> layoutStarted = System.nanoTime();

    GridTable(ModelGridViewModel vm, ModelGridView view) {
        this.vm = vm;
        this.view = view;
        getStyleClass().addAll("grid-table", Styles.BORDERED, Tweaks.EDGE_TO_EDGE);
        setEditable(vm.readOnlyReason() == null);
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        setFixedCellSize(30);
        // Kept to the top while its first rows come in with a lower height (reveal); it fills its area otherwise.
        BorderPane.setAlignment(this, Pos.TOP_CENTER);
        showRows(vm.rows());
        setRowFactory(t -> new GridTableRow(vm));
        CellClicks.install(this);
        setPlaceholder(placeholder());
        vm.loadingProperty().addListener(o -> setPlaceholder(placeholder()));
        vm.savingProperty().addListener((o, was, is) -> setEditable(!is && vm.readOnlyReason() == null));

        buildColumns();
        showSortMarks();
        // Sorting happens in the database, by the view model: a header click toggles a sort key (Shift
        // adds one), and the header shows the keys. The table's own sorting stays off.
        addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.PRIMARY || !e.isStillSincePress() || e.getTarget() instanceof Rectangle) return;
            TableColumn<?, ?> column = headerColumn(e.getPickResult().getIntersectedNode());
            if (column == null || !(column.getUserData() instanceof GridColumn gc) || !vm.sortable(gc)) return;
            vm.toggleSort(gc.name(), e.isShiftDown());
            e.consume();
        });
        getColumns().addListener((ListChangeListener<TableColumn<GridRow, ?>>) c -> {
            if (!syncing) vm.setColumnOrder(getColumns().stream().map(TableColumn::getId).toList());
        });

        vm.rowsProperty().addListener((o, a, b) -> showRows(b));
        vm.sortOrder().addListener((ListChangeListener<SortKey>) c -> showSortMarks());
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(beforeLayout);
                scene.addPostLayoutPulseListener(afterLayout);
            }
        });

        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        addEventFilter(KeyEvent.KEY_TYPED, this::keyTyped);
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            // A double click on a column divider fits the column to every row: on a million rows that
            // would read them all, so big results keep the width instead.
            if (e.getClickCount() == 2 && e.getTarget() instanceof Rectangle && getItems().size() > 1_000) e.consume();
        });
        // Filled before it shows: an empty menu handed to the control never showed (JavaFX skips empty menus).
        addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (e.isKeyboardTrigger() || !contextMenu.isShowing()) showContextMenu(e.getScreenX(), e.getScreenY());
            e.consume();
        });
        // Not every platform turns a right click into a context menu request (Monocle does not): the click opens it too.
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != javafx.scene.input.MouseButton.SECONDARY || contextMenu.isShowing()) return;
            showContextMenu(e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private Label placeholder() {
        Label l = new Label(vm.loadingProperty().get() ? "Loading…" : vm.isFiltered() ? "No records match" : "No records");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    // ---------------------------------------------------------------- columns

    private void buildColumns() {
        GridLayout layout = vm.layoutProperty().get();
        List<TableColumn<GridRow, ?>> cols = new ArrayList<>();
        for (GridColumn gc : vm.orderedColumns()) {
            TableColumn<GridRow, GridRow> tc = new TableColumn<>();
            tc.setId(gc.name());
            tc.setUserData(gc);
            VBox header = ColumnHeaders.header(gc, vm);
            headers.put(gc.name(), header);
            tc.setGraphic(header);
            tc.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
            tc.setCellFactory(c -> new GridCell(vm, gc, this));
            tc.setOnEditCommit(e -> { });
            tc.setSortable(false);
            tc.setEditable(gc.editable());
            tc.setPrefWidth(layout.widths().getOrDefault(gc.name(), ColumnHeaders.defaultWidth(gc)));
            tc.setVisible(!layout.hidden().contains(gc.name()));
            tc.visibleProperty().addListener((o, was, is) -> vm.setColumnVisible(gc.name(), is));
            tc.widthProperty().addListener((o, was, is) -> vm.setColumnWidth(gc.name(), is.doubleValue()));
            byName.put(gc.name(), tc);
            cols.add(tc);
        }
        syncing = true;
        getColumns().setAll(cols);
        syncing = false;
        vm.layoutProperty().addListener((o, a, b) -> {
            for (var e : byName.entrySet()) e.getValue().setVisible(!b.hidden().contains(e.getKey()));
        });
    }

    /** Draws each sort key in its header: an arrow, and its rank when there are several. */
    private void showSortMarks() {
        List<SortKey> keys = vm.sortOrder();
        Map<String, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) rank.put(keys.get(i).field(), i);
        headers.forEach((field, header) -> {
            Integer i = rank.get(field);
            if (i == null) ColumnHeaders.showSortMark(header, null, null);
            else ColumnHeaders.showSortMark(header, keys.get(i).descending(), keys.size() > 1 ? Integer.toString(i + 1) : null);
        });
    }

    private static TableColumn<?, ?> headerColumn(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h) return h.getTableColumn() instanceof TableColumn<?, ?> tc ? tc : null;
            if (n instanceof TableView<?>) return null;
        }
        return null;
    }

    /** @return the table column of a field */
    TableColumn<GridRow, GridRow> tableColumn(String name) { return byName.get(name); }

    // ---------------------------------------------------------------- viewport

    /**
     * Shows a new result, from its top. Rows that arrive before the table was first laid out (a fast query while the
     * tab is being built) wait for the next pulse: building the whole grid and its first rows in one pulse would
     * pause the window for both at once.
     */
    private void showRows(javafx.collections.ObservableList<GridRow> rows) {
        if (!laidOut && !rows.isEmpty()) return;
        setItems(rows);
        scrollTo(0);
        if (!rowsShown && !rows.isEmpty()) {
            rowsShown = true;
            startReveal();
        }
    }

    /**
     * The first rows of a new table come in a few at a time, one part per pulse: the flow makes a row and its cells
     * for every row that fits its height, and styling a whole screenful of new cells in one pulse took 20 to 70 ms of
     * the FX thread. The table starts short and grows each pulse, by as many rows as the last pulse's CSS and layout
     * time says fit in {@link #REVEAL_BUDGET} (fewer in a session's first tab, before the JIT has compiled the code,
     * or on a busy machine), until it fills its area.
     */
    private void startReveal() {
        // The flow has no height yet (an empty table shows its placeholder instead): the rows get what the header leaves.
        if (!(lookup(".column-header-background") instanceof Region header)) {
            rowsInPlace();
            return;
        }
        revealHeader = header.getHeight() + snappedTopInset() + snappedBottomInset();
        if (getHeight() - revealHeader < 3 * REVEAL_FIRST * getFixedCellSize()) {
            // Too short to reveal in parts: its rows are all built in this pulse.
            rowsInPlace();
            return;
        }
        revealTo = getHeight();
        revealRows = 0;
        // The last table's first step says how many rows fit in this one's.
        revealMore(firstStepNanosPerRow == 0 ? REVEAL_FIRST : rowsInBudget(firstStepNanosPerRow));
    }

    private void revealMore(int rows) {
        revealAdded = rows;
        revealRows += rows;
        double height = revealHeader + revealRows * getFixedCellSize();
        if (height < revealTo) {
            setMaxHeight(height);
            return;
        }
        revealTo = 0;
        setMaxHeight(Region.USE_COMPUTED_SIZE);
        rowsInPlace();
    }

    /**
     * The new table's first rows are built: the collector is asked to copy its nodes out of the young generation
     * while the window waits for the person, not in the frame of the next open (ADR 0047).
     */
    private static void rowsInPlace() { IdleCollection.request(); }

    /** @return how many rows the next step adds: what the last one took per row, into the budget */
    private int nextRevealStep() {
        long perRow = Math.max(1, System.nanoTime() - layoutStarted) / revealAdded;
        if (revealRows == revealAdded) firstStepNanosPerRow = perRow;
        return rowsInBudget(perRow);
    }

    private static int rowsInBudget(long nanosPerRow) { return (int) Math.clamp(REVEAL_BUDGET / Math.max(1, nanosPerRow), 2, 10); }

    /** @return whether the table shows the grid's current rows and, once it has some, fills its area */
    boolean isRevealed() { return getItems() == vm.rows() && revealTo == 0; }

    private void afterLayout() {
        if (!laidOut && getSkin() != null) {
            laidOut = true;
            // Set after this pulse's layout, so the rows are built in the next one.
            if (getItems() != vm.rows()) showRows(vm.rows());
            return;
        }
        // The next part of the first rows, in the next pulse.
        if (revealTo > 0) revealMore(nextRevealStep());
        reportViewport();
    }

    /**
     * Tells the view model which rows are visible. It runs after each layout pulse, when the flow's
     * cells sit at their new indices (a position listener would see the cells of before the scroll),
     * and only calls when the range or the row list changed.
     */
    private void reportViewport() {
        if (flow == null && lookup(".virtual-flow") instanceof VirtualFlow<?> f) flow = f;
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) return;
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (first == reportedFirst && last == reportedLast && getItems() == reportedRows) return;
        reportedFirst = first;
        reportedLast = last;
        reportedRows = getItems();
        vm.viewport(first, last);
    }

    // ---------------------------------------------------------------- keyboard

    private void keyPressed(KeyEvent e) {
        if (getEditingCell() != null) return;
        TablePosition<GridRow, ?> pos = getFocusModel().getFocusedCell();
        boolean hasCell = pos != null && pos.getRow() >= 0 && pos.getTableColumn() != null;
        switch (e.getCode()) {
            case ENTER, F2 -> {
                if (!hasCell) return;
                GridColumn c = (GridColumn) pos.getTableColumn().getUserData();
                GridRow row = getItems().get(pos.getRow());
                if (c.isRelation() && e.isShortcutDown()) vm.follow(row, c, true);
                else if (c.isRelation()) view.openRelationPicker(row, c, null);
                else editCell(pos.getRow(), pos.getTableColumn());
                e.consume();
            }
            case TAB -> {
                if (!hasCell) return;
                moveFocus(pos.getRow(), pos.getTableColumn(), e.isShiftDown());
                e.consume();
            }
            case DELETE -> {
                if (e.isShiftDown() && hasCell) {
                    // Shift+Delete sets the cell to NULL; Delete alone deletes the selected records.
                    var r = vm.setNull(getItems().get(pos.getRow()), (GridColumn) pos.getTableColumn().getUserData());
                    if (!r.ok()) notice(r.reason());
                } else {
                    view.deleteSelected();
                }
                e.consume();
            }
            case CONTEXT_MENU, F10 -> {
                // The Menu key and Shift+F10 open the context menu of the focused cell, where the platform does not.
                if (e.getCode() == KeyCode.F10 && !e.isShiftDown()) return;
                showContextMenuAtFocus();
                e.consume();
            }
            case C -> {
                if (!e.isShortcutDown()) return;
                // Ctrl+Shift+C: the selected rows as JSON; Ctrl+C: the selected cells as text.
                if (e.isShiftDown()) GridClipboard.put(vm.export().copyAsJson(selectedRows()));
                else copySelection();
                e.consume();
            }
            default -> { }
        }
    }

    private void keyTyped(KeyEvent e) {
        if (getEditingCell() != null || e.isShortcutDown() || e.isAltDown()) return;
        String ch = e.getCharacter();
        if (ch.isEmpty() || Character.isISOControl(ch.charAt(0))) return;
        TablePosition<GridRow, ?> pos = getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) return;
        GridColumn c = (GridColumn) pos.getTableColumn().getUserData();
        if (c.isRelation()) {
            // Typing on a relation cell searches for the record to link.
            view.openRelationPicker(getItems().get(pos.getRow()), c, ch);
            e.consume();
            return;
        }
        if (!c.editable()) return;
        // Typing on a cell starts editing it with what was typed, as in a spreadsheet.
        typedText = ch;
        editCell(pos.getRow(), pos.getTableColumn());
        typedText = null;
        e.consume();
    }

    /** @return text typed to start an edit, once; null when the edit started otherwise */
    String takeTypedText() {
        String t = typedText;
        typedText = null;
        return t;
    }

    private void editCell(int row, TableColumn<GridRow, ?> column) {
        GridColumn c = (GridColumn) column.getUserData();
        String why = vm.whyReadOnly(getItems().get(row), c);
        if (why != null) {
            notice(why);
            return;
        }
        edit(row, column);
    }

    /** After Tab in an editor: the next (or previous) column of the row, edited when it can be. */
    void moveAfterEdit(GridCell cell, boolean back) {
        int row = cell.getIndex();
        TableColumn<GridRow, ?> from = cell.getTableColumn();
        Platform.runLater(() -> {
            TableColumn<GridRow, ?> next = moveFocus(row, from, back);
            if (next != null && vm.whyReadOnly(getItems().get(row), (GridColumn) next.getUserData()) == null) edit(row, next);
        });
    }

    private TableColumn<GridRow, ?> moveFocus(int row, TableColumn<GridRow, ?> from, boolean back) {
        List<TableColumn<GridRow, ?>> visible = getVisibleLeafColumns();
        int i = visible.indexOf(from) + (back ? -1 : 1);
        if (i < 0 || i >= visible.size()) return null;
        TableColumn<GridRow, ?> next = visible.get(i);
        getSelectionModel().clearAndSelect(row, next);
        getFocusModel().focus(row, next);
        scrollToColumn(next);
        return next;
    }

    /** Copies the selected cells as tab-separated text, one line per row (Ctrl+C). */
    void copySelection() { GridClipboard.copyCells(this, vm); }

    // ---------------------------------------------------------------- context menu

    private void showContextMenu(double screenX, double screenY) {
        contextMenu.hide();
        fillContextMenu();
        contextMenu.show(this, screenX, screenY);
    }

    private void showContextMenuAtFocus() {
        Node anchor = this;
        TablePosition<GridRow, ?> pos = getFocusModel().getFocusedCell();
        if (pos != null && pos.getRow() >= 0) {
            for (Node n : lookupAll(".grid-cell")) {
                if (n instanceof GridCell cell && cell.getIndex() == pos.getRow() && cell.getTableColumn() == pos.getTableColumn() && cell.isVisible()) {
                    anchor = cell;
                    break;
                }
            }
        }
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b != null) showContextMenu(b.getMinX() + Math.min(24, b.getWidth() / 2), b.getMaxY());
    }

    private void fillContextMenu() {
        ContextMenu menu = contextMenu;
        menu.getItems().clear();
        TablePosition<GridRow, ?> pos = getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
            menu.getItems().add(item("Add record", () -> view.addRecord()));
            return;
        }
        GridRow row = getItems().get(pos.getRow());
        GridColumn c = (GridColumn) pos.getTableColumn().getUserData();
        if (c.isRelation()) {
            menu.getItems().add(item("Open " + c.related().name(), () -> vm.follow(row, c, false)));
            menu.getItems().add(item("Open " + c.related().name() + " in a new tab", () -> vm.follow(row, c, true)));
            menu.getItems().add(item(c.kind() == GridColumn.Kind.TO_ONE ? "Choose " + c.related().name() + "… (Enter)"
                    : "Link or unlink " + c.related().name() + " records… (Enter)", () -> view.openRelationPicker(row, c, null)));
            if (vm.pendingLink(row, c) != null) menu.getItems().add(item("Revert cell", () -> vm.revertCell(row, c)));
            menu.getItems().add(new SeparatorMenuItem());
        } else if (vm.whyReadOnly(row, c) == null) {
            menu.getItems().add(item("Edit", () -> editCell(pos.getRow(), pos.getTableColumn())));
            if (c.nullable()) menu.getItems().add(item("Set to NULL", () -> {
                var r = vm.setNull(row, c);
                if (!r.ok()) notice(r.reason());
            }));
            GridColumn owner = c.foreignKey() ? RelationWhere.owner(vm.columns(), c) : null;
            if (owner != null) menu.getItems().add(item("Open " + owner.related().name(), () -> vm.follow(row, c, false)));
            if (ObjectIds.is(c) && !c.isList() && !c.foreignKey()) {
                menu.getItems().add(item("New ObjectId", () -> vm.setValue(row, c, com.fasterxml.jackson.databind.node.TextNode.valueOf(ObjectIds.generate()))));
            }
            if (DocumentFields.canUnset(vm, c)) menu.getItems().add(item("Unset (remove the field)", () -> DocumentFields.unset(vm, row, c)));
            if (vm.cell(row, c).has(CellFlag.PENDING)) menu.getItems().add(item("Revert cell", () -> vm.revertCell(row, c)));
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().add(item("Copy", this::copySelection));
        menu.getItems().add(item("Copy rows as JSON (Ctrl+Shift+C)", () -> GridClipboard.put(vm.export().copyAsJson(selectedRows()))));
        menu.getItems().add(copyRowsAs());
        menu.getItems().add(item("Copy view as Prisma Client", () -> GridClipboard.put(vm.export().copyAsPrismaClient())));
        if (vm.pendingCountProperty().get() > 0) {
            menu.getItems().add(item("Copy changes as Prisma Client", () -> GridClipboard.put(ChangesAsClient.text(vm.project().schema(), vm.plan().steps()))));
        }
        if (vm.project().engine().supports(dev.facet.data.connector.ConnectorCapability.COMPOSITE_TYPES) && !row.isDraft()) {
            menu.getItems().add(item("View document as JSON", () -> view.openDocumentJson(row)));
        }
        if (vm.rowState(row) != RowState.CLEAN && vm.rowState(row) != RowState.LOADING) menu.getItems().add(item("Revert row", () -> vm.revertRow(row)));
        if (vm.readOnlyReason() == null) {
            menu.getItems().add(item("Duplicate record", () -> view.duplicate(row)));
            menu.getItems().add(item("Delete selected records…", view::deleteSelected));
        }
    }

    /** The other formats rows copy as; SQL INSERT only where the connector writes it. */
    private javafx.scene.control.Menu copyRowsAs() {
        GridExport export = vm.export();
        javafx.scene.control.Menu as = new javafx.scene.control.Menu("Copy rows as");
        as.setId("copy-rows-as");
        as.getItems().add(item("TSV with field names", () -> GridClipboard.put(export.copyAsTsv(selectedRows()))));
        as.getItems().add(item("CSV with field names", () -> GridClipboard.put(export.copyAsCsv(selectedRows()))));
        as.getItems().add(item("Markdown table", () -> GridClipboard.put(export.copyAsMarkdown(selectedRows()))));
        export.inserts().ifPresent(sql -> as.getItems().add(item(sql.language(), () -> {
            try {
                GridClipboard.put(export.copyAsInserts(selectedRows()));
            } catch (dev.facet.data.error.QueryError e) {
                // A value the database holds but its field's type does not (SQLite keeps any value in any column).
                notice("Not copied: " + e.getMessage());
            }
        })));
        return as;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setOnAction(e -> action.run());
        return i;
    }

    // ---------------------------------------------------------------- host for cells

    void notice(String text) { view.notice(text); }

    void refused(GridColumn column, String reason) { view.refused(column, reason); }

    void openValueEditor(GridRow row, GridColumn column) { view.openValueEditor(row, column); }

    void openRelationPicker(GridRow row, GridColumn column) { view.openRelationPicker(row, column, null); }

    /** @return the rows with a selected cell, in order */
    List<GridRow> selectedRows() {
        List<GridRow> out = new ArrayList<>();
        getSelectionModel().getSelectedCells().stream().map(TablePosition::getRow).distinct().sorted()
                .forEach(i -> out.add(getItems().get(i)));
        return out;
    }

    /** A row drawn by its state: new, changed, marked for deletion, in conflict, in error. */
    private static final class GridTableRow extends TableRow<GridRow> {
        private final ModelGridViewModel vm;
        private final RowWatch watch = new RowWatch(this::refreshState);

        GridTableRow(ModelGridViewModel vm) {
            this.vm = vm;
            getStyleClass().add("grid-row");
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            watch.watch(empty ? null : row);
            refreshState();
        }

        private void refreshState() {
            GridRow row = getItem();
            RowState state = row == null || isEmpty() ? null : vm.rowState(row);
            for (var e : STATES.entrySet()) pseudoClassStateChanged(e.getValue(), e.getKey() == state);
            String error = row == null || isEmpty() ? null : vm.rowError(row);
            setTooltip(error == null ? null : new Tooltip(error));
        }
    }
}
