package dev.facet.ui.grid;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.facet.ui.grid.ModelGridViewModel.Message;
import dev.facet.ui.grid.ModelGridViewModel.PagingMode;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The grid of one model as a node: toolbar (history, add, duplicate, delete, save, discard, reload,
 * quick search, filter, columns), the filter bar, messages and conflicts, the table, and a footer with
 * the count, paging and time zone. It builds nodes and binds them to the {@link ModelGridViewModel};
 * dialogs (delete confirmation, the larger value editor, the relation picker) are sheets inside it, so
 * nothing blocks the window.
 *
 * <p>Keys: Ctrl+S save, Ctrl+F search, Ctrl+N add, Ctrl+D duplicate; in the table arrows, Enter or F2
 * to edit (on a relation: to link it in the relation picker; Ctrl+Enter follows it), Esc to cancel, Tab to the next cell, Delete to delete records,
 * Shift+Delete to set NULL, Ctrl+C to copy. Reload (F5) and Back/Forward (Alt+Left/Right) are the
 * window's keys: they reach the grid through the shell and its navigator.
 */
public final class ModelGridView extends StackPane {
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");
    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ModelGridViewModel vm;
    private final GridTable table;
    private final CustomTextField search = new CustomTextField();
    /** Built when first shown: most grids are never filtered, and its controls would cost every tab's first frame. */
    private FilterPanel filterPanel;
    private final ToggleButton filterToggle = new ToggleButton("Filter", new FontIcon(Feather.FILTER));
    private final StackPane sheetLayer = new StackPane();
    private final VBox sheetCard = new VBox();
    /** Where the keyboard was when a sheet opened; it goes back there when the sheet closes. */
    private Node focusBeforeSheet;
    private final PulseSteps building;
    private BorderPane content;
    /** Made when first shown: most grids never show it. */
    private RecordPanel recordPanel;
    private final ToggleButton panelToggle = new ToggleButton(null, new FontIcon(Feather.SIDEBAR));

    /** @param vm the grid's view model; the view loads it when first built */
    public ModelGridView(ModelGridViewModel vm) {
        this.vm = vm;
        getStyleClass().add("model-grid");
        getStylesheets().add(ModelGridView.class.getResource("grid.css").toExternalForm());
        table = new GridTable(vm, this);
        table.setId("grid-table");
        VBox top = new VBox(toolbar(), chips(), messageBar(), conflictBar());
        filterToggle.selectedProperty().addListener((o, was, is) -> {
            if (!is || filterPanel != null) return;
            filterPanel = new FilterPanel(vm);
            filterPanel.setId("filter-panel");
            filterPanel.visibleProperty().bind(filterToggle.selectedProperty());
            filterPanel.managedProperty().bind(filterPanel.visibleProperty());
            top.getChildren().add(2, filterPanel);
        });
        top.getStyleClass().add("grid-top");
        BorderPane content = new BorderPane(null, top, null, null, null);
        this.content = content;
        content.getStyleClass().add("grid-content");
        // A new grid comes in parts, one per pulse: the toolbar, then the footer, then the table (its skin and headers),
        // then its rows a few at a time (GridTable.showRows). One pulse styling and laying out all of a new grid held
        // the window for 50 to 100 ms.
        Node footer = GridFooter.build(vm);
        building = PulseSteps.start(this, List.of(() -> content.setBottom(footer), () -> content.setCenter(table)));

        Region scrim = new Region();
        scrim.getStyleClass().add("sheet-scrim");
        sheetCard.getStyleClass().addAll("sheet-card", Styles.ELEVATED_3);
        sheetCard.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        sheetLayer.getChildren().addAll(scrim, sheetCard);
        sheetLayer.setVisible(false);
        sheetLayer.setId("sheet");
        StackPane.setAlignment(sheetCard, Pos.CENTER);
        getChildren().addAll(content, sheetLayer);

        vm.deletePreviewProperty().addListener((o, a, p) -> {
            if (p == null) hideSheet();
            else showSheet(new DeleteConfirmation(p, vm::confirmDelete, vm::cancelDelete));
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::shortcuts);
        SavedRecordFocus.install(vm, table);
        panelToggle.selectedProperty().bindBidirectional(vm.recordPanelShownProperty());
        vm.recordPanelShownProperty().addListener((o, was, is) -> showRecordPanel(is));
        table.getFocusModel().focusedCellProperty().addListener((o, was, is) -> followSelection());
        showRecordPanel(vm.recordPanelShownProperty().get());
        vm.ensureLoaded();
    }

    /** @return the view model */
    public ModelGridViewModel viewModel() { return vm; }

    /** Puts the keyboard in the quick search (Ctrl+F). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Puts the keyboard in the table. */
    public void focusTable() { table.requestFocus(); }

    // ---------------------------------------------------------------- record panel

    /** Shows or hides the record panel (Ctrl+I, the toolbar's panel button); the choice is remembered. */
    public void toggleRecordPanel() { vm.recordPanelShownProperty().set(!vm.recordPanelShownProperty().get()); }

    private void showRecordPanel(boolean shown) {
        if (shown && recordPanel == null) recordPanel = new RecordPanel(vm.recordPanel(), () -> vm.recordPanelShownProperty().set(false),
                p -> showPicker(p, null, () -> { }));
        content.setRight(shown ? recordPanel : null);
        followSelection();
    }

    /** The panel shows the row that has the focus in the table, from the data the grid loaded. */
    private void followSelection() {
        if (recordPanel == null || content.getRight() == null) return;
        var pos = table.getFocusModel().getFocusedCell();
        int i = pos == null ? -1 : pos.getRow();
        vm.recordPanel().show(i >= 0 && i < table.getItems().size() ? table.getItems().get(i) : null);
    }

    /** @return the record panel, or null before it was first shown (tests) */
    RecordPanel recordPanelNode() { return recordPanel; }

    // ---------------------------------------------------------------- toolbar

    private ToolBar toolbar() {
        Button back = iconButton("back", Feather.ARROW_LEFT, "Back", vm::back);
        Button forward = iconButton("forward", Feather.ARROW_RIGHT, "Forward", vm::forward);
        Button add = button("add", Feather.PLUS, "Add", "Add a record (Ctrl+N)", this::addRecord);
        // Add and Save keep their words; the rest are icons with tooltips, so the bar fits a grid beside the sidebar.
        Button duplicate = iconButton("duplicate", Feather.COPY, "Duplicate the selected record (Ctrl+D)", () -> {
            List<GridRow> rows = table.selectedRows();
            if (!rows.isEmpty()) duplicate(rows.getFirst());
        });
        Button delete = iconButton("delete", Feather.TRASH_2, "Delete the selected records (Delete)", this::deleteSelected);
        boolean readOnly = vm.readOnlyReason() != null;
        for (Button b : List.of(add, duplicate, delete)) b.setDisable(readOnly);
        if (!readOnly) {
            var noSelection = Bindings.isEmpty(table.getSelectionModel().getSelectedCells());
            duplicate.disableProperty().bind(noSelection);
            delete.disableProperty().bind(noSelection);
        }

        Button save = button("save", Feather.SAVE, "Save", "Save every change in one transaction (Ctrl+S)", vm::save);
        save.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.pendingCountProperty().get();
            return n == 0 ? "Save" : "Save " + n + (n == 1 ? " change" : " changes");
        }, vm.pendingCountProperty()));
        save.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        // Flat toolbar buttons ignore the accent style: the grid's stylesheet fills Save while there is something to save.
        vm.dirtyProperty().addListener((o, was, is) -> {
            if (is) save.getStyleClass().add("save-pending");
            else save.getStyleClass().remove("save-pending");
        });
        Button discard = iconButton("discard", Feather.ROTATE_CCW, "Discard every pending change", this::confirmDiscard);
        discard.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
        Button reload = iconButton("reload", Feather.REFRESH_CW, "Reload the rows; pending changes are kept", vm::reload);

        search.setId("search");
        search.setPromptText("Search");
        search.setLeft(new FontIcon(Feather.SEARCH));
        search.setPrefColumnCount(5);
        LazyTooltip.install(search, "Search (Ctrl+F): every text column, and number and enum columns for an exact match");
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().addListener(o -> debounce.playFromStart());
        search.setOnAction(e -> {
            debounce.stop();
            vm.search(search.getText());
        });
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                table.requestFocus();
                e.consume();
            }
        });

        filterToggle.setId("filter-toggle");
        LazyTooltip.install(filterToggle, "Conditions on fields and relations, combined with AND or OR");
        filterToggle.textProperty().bind(Bindings.createStringBinding(
                () -> vm.filterTextProperty().get() == null ? "Filter" : "Filter ●", vm.filterTextProperty()));

        Button export = iconButton("export", Feather.DOWNLOAD, "Export the rows of this view to CSV, JSON, JSON Lines, Markdown or SQL INSERT", this::openExport);
        panelToggle.setId("record-panel-toggle");
        panelToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        LazyTooltip.install(panelToggle, "Record panel: the selected record as a form, with its relations (Ctrl+I)");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // At 1024 pixels beside the sidebar the bar is full: what does not fit goes into its overflow menu from the right,
        // so the least used (the columns menu) goes first and the panel and export buttons stay in view.
        ToolBar bar = new ToolBar(back, forward, new Separator(Orientation.VERTICAL), add, duplicate, delete, new Separator(Orientation.VERTICAL), save, discard, reload,
                export, panelToggle, spacer, search, filterToggle, columnsMenu());
        bar.getStyleClass().add("grid-toolbar");
        return bar;
    }

    private MenuButton columnsMenu() {
        // An icon with a tooltip: the toolbar keeps its words for Add, Save and Filter, and fits a 1024-pixel window.
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.COLUMNS));
        menu.setId("columns");
        LazyTooltip.install(menu, "Columns: show, hide and reset");
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            GridLayout layout = vm.layoutProperty().get();
            for (GridColumn c : vm.orderedColumns()) {
                CheckBox box = new CheckBox(c.name());
                box.setSelected(!layout.hidden().contains(c.name()));
                box.selectedProperty().addListener((o, was, is) -> vm.setColumnVisible(c.name(), is));
                CustomMenuItem item = new CustomMenuItem(box, false);
                menu.getItems().add(item);
            }
            MenuItem reset = new MenuItem("Show all in schema order");
            reset.setOnAction(a -> {
                vm.resetColumns();
                table.getColumns().sort(java.util.Comparator.comparingInt(tc -> vm.columns().indexOf((GridColumn) tc.getUserData())));
            });
            menu.getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), reset);
        });
        menu.getItems().add(new MenuItem("…"));
        return menu;
    }

    private static Button button(String id, Feather icon, String text, String tooltip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        LazyTooltip.install(b, tooltip);
        b.setOnAction(e -> action.run());
        return b;
    }

    static Button iconButton(String id, Feather icon, String tooltip, Runnable action) {
        Button b = button(id, icon, null, tooltip, action);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        return b;
    }

    // ---------------------------------------------------------------- filter chips, messages, conflicts

    private Node chips() {
        HBox box = new HBox(8);
        box.getStyleClass().add("filter-chips");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            String base = vm.baseWhereTextProperty().get();
            if (base != null) box.getChildren().add(chip("opened-filter", "Opened with: " + base, vm::clearInitialWhere));
            String f = vm.filterTextProperty().get();
            if (f != null) box.getChildren().add(chip("filter-chip", "Filter: " + f, vm::clearFilter));
            box.setVisible(!box.getChildren().isEmpty());
            box.setManaged(box.isVisible());
        };
        vm.baseWhereTextProperty().addListener(o -> rebuild.run());
        vm.filterTextProperty().addListener(o -> rebuild.run());
        rebuild.run();
        return box;
    }

    private static Node chip(String id, String text, Runnable clear) {
        Label label = new Label(text);
        label.setTooltip(new Tooltip(text));
        Button x = new Button(null, new FontIcon(Feather.X));
        x.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        x.setTooltip(new Tooltip("Remove this filter"));
        x.setOnAction(e -> clear.run());
        HBox chip = new HBox(4, label, x);
        chip.setId(id);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getStyleClass().add("chip");
        return chip;
    }

    private Node messageBar() {
        Label text = new Label();
        text.setId("message");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Feather.INFO);
        Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry");
        retry.getStyleClass().add(Styles.SMALL);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        retry.setOnAction(e -> vm.reload());
        retry.visibleProperty().bind(vm.connectionLostProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        Button nonAtomic = new Button(NonAtomicSave.ACTION, new FontIcon(Feather.ALERT_TRIANGLE));
        nonAtomic.setId("save-non-atomic");
        nonAtomic.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        nonAtomic.setMinWidth(Region.USE_PREF_SIZE);
        nonAtomic.setOnAction(e -> vm.saveWithoutTransaction());
        nonAtomic.visibleProperty().bind(vm.nonAtomicOfferedProperty());
        nonAtomic.managedProperty().bind(nonAtomic.visibleProperty());
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> vm.clearMessage());
        HBox bar = new HBox(8, icon, text, retry, nonAtomic, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("message-bar");
        Runnable update = () -> {
            Message m = vm.messageProperty().get();
            bar.setVisible(m != null);
            bar.setManaged(m != null);
            if (m == null) return;
            text.setText(m.text());
            bar.pseudoClassStateChanged(INFO, m.severity() == ModelGridViewModel.Severity.INFO);
            bar.pseudoClassStateChanged(SUCCESS, m.severity() == ModelGridViewModel.Severity.SUCCESS);
            bar.pseudoClassStateChanged(WARNING, m.severity() == ModelGridViewModel.Severity.WARNING);
            bar.pseudoClassStateChanged(ERROR, m.severity() == ModelGridViewModel.Severity.ERROR);
            icon.setIconCode(switch (m.severity()) {
                case INFO -> Feather.INFO;
                case SUCCESS -> Feather.CHECK_CIRCLE;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case ERROR -> vm.connectionLostProperty().get() ? Feather.CLOUD_OFF : Feather.ALERT_OCTAGON;
            });
        };
        vm.messageProperty().addListener(o -> update.run());
        update.run();
        return bar;
    }

    private Node conflictBar() {
        VBox box = new VBox(4);
        box.setId("conflicts");
        box.getStyleClass().add("conflict-bar");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            for (Conflict c : vm.conflicts()) {
                Label what = new Label(vm.describe(c));
                what.setWrapText(true);
                what.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(what, Priority.ALWAYS);
                Button mine = new Button("Keep mine");
                mine.getStyleClass().addAll("keep-mine", Styles.SMALL);
                mine.setTooltip(new Tooltip("Apply your change on top of their version when you save"));
                mine.setDisable(c.deleted());
                mine.setOnAction(e -> vm.keepMine(c));
                Button theirs = new Button("Take theirs");
                theirs.getStyleClass().addAll("take-theirs", Styles.SMALL);
                theirs.setTooltip(new Tooltip("Drop your change and show their version"));
                theirs.setOnAction(e -> vm.takeTheirs(c));
                HBox row = new HBox(8, new FontIcon(Feather.GIT_MERGE), what, mine, theirs);
                row.setAlignment(Pos.CENTER_LEFT);
                box.getChildren().add(row);
            }
            box.setVisible(!vm.conflicts().isEmpty());
            box.setManaged(box.isVisible());
        };
        vm.conflicts().addListener((ListChangeListener<Conflict>) c -> rebuild.run());
        rebuild.run();
        return box;
    }

    // ---------------------------------------------------------------- footer

    // ---------------------------------------------------------------- commands the table asks for

    void addRecord() {
        GridRow draft = vm.addRecord();
        if (draft == null) return;
        table.scrollTo(0);
        editFirstRequired(draft);
    }

    void duplicate(GridRow row) {
        GridRow draft = vm.duplicate(row);
        if (draft == null) return;
        table.scrollTo(0);
        table.getSelectionModel().clearAndSelect(0, table.getVisibleLeafColumn(0));
    }

    private void editFirstRequired(GridRow draft) {
        for (var tc : table.getVisibleLeafColumns()) {
            GridColumn c = (GridColumn) tc.getUserData();
            if (c.requiredOnCreate() && c.editable()) {
                int index = table.getItems().indexOf(draft);
                table.getSelectionModel().clearAndSelect(index, tc);
                table.getFocusModel().focus(index, tc);
                table.requestFocus();
                table.edit(index, tc);
                return;
            }
        }
    }

    void deleteSelected() { vm.requestDelete(table.selectedRows()); }

    /** Discarding cannot be undone: it asks first, with Cancel as the default. */
    private void confirmDiscard() {
        int n = vm.pendingCountProperty().get();
        if (n == 0) return;
        showSheet(new DiscardConfirmation(n, () -> {
            hideSheet();
            vm.discard();
        }, this::hideSheet));
    }

    /** Opens the export sheet for the current view. */
    void openExport() { showSheet(new ExportSheet(vm, this::hideSheet)); }

    void notice(String text) { vm.notice(text); }

    void refused(GridColumn column, String reason) { vm.notice(column.name() + ": " + reason); }

    void openValueEditor(GridRow row, GridColumn column) {
        Runnable done = () -> {
            hideSheet();
            table.requestFocus();
        };
        if (column.kind() == GridColumn.Kind.COMPOSITE) {
            showSheet(new CompositeEditor(vm, row, column, done));
            return;
        }
        if (ListEditor.fits(column)) {
            showSheet(new ListEditor(vm, row, column, done, () -> showSheet(new ValueEditor(vm, row, column, done))));
            return;
        }
        showSheet(new ValueEditor(vm, row, column, done));
    }

    /** Shows a loaded record as Extended JSON, read-only, with Copy ({@link DocumentJson}). */
    void openDocumentJson(GridRow row) {
        if (row.isDraft() || row.record() == null) return;
        showSheet(new DocumentJson(vm.model().name() + " " + row + " as JSON",
                DocumentJson.of(vm.project().schema(), vm.model().scalarFields(), row.record()), () -> {
                    hideSheet();
                    table.requestFocus();
                }));
    }

    /**
     * Opens the relation picker of a relation cell (made now: most grids never link anything).
     *
     * @param typed what was typed on the cell to open it, searched for at once; or null
     */
    void openRelationPicker(GridRow row, GridColumn column, String typed) {
        RelationPickerViewModel picker = vm.picker(row, column);
        if (picker != null) showPicker(picker, typed, table::requestFocus);
    }

    /** Shows a relation picker as a sheet; {@code closed} runs after it closes (the focus is back where it was). */
    private void showPicker(RelationPickerViewModel picker, String typed, Runnable closed) {
        showSheet(new RelationPicker(picker, typed, () -> {
            picker.close();
            hideSheet();
            closed.run();
        }));
    }

    private void showSheet(Node content) {
        if (!sheetLayer.isVisible()) focusBeforeSheet = getScene() == null ? null : getScene().getFocusOwner();
        sheetCard.getChildren().setAll(content);
        sheetLayer.setVisible(true);
        content.requestFocus();
    }

    private void hideSheet() {
        boolean focusInSheet = getScene() != null && getScene().getFocusOwner() != null && isInside(getScene().getFocusOwner(), sheetLayer);
        sheetLayer.setVisible(false);
        sheetCard.getChildren().clear();
        // The focus goes back where it was (else into the table): left on a hidden button, the grid's keys
        // (Ctrl+S after "Mark for deletion") went nowhere until the user clicked into the grid.
        Node back = focusBeforeSheet;
        focusBeforeSheet = null;
        if (focusInSheet || getScene() == null || getScene().getFocusOwner() == null) {
            if (back != null && back.getScene() == getScene() && isInside(back, this) && back.isVisible() && !back.isDisabled()) back.requestFocus();
            else table.requestFocus();
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) if (n == ancestor) return true;
        return false;
    }

    private void shortcuts(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && sheetLayer.isVisible()) {
            if (vm.deletePreviewProperty().get() != null) vm.cancelDelete();
            else hideSheet();
            e.consume();
            return;
        }
        boolean shortcut = e.isShortcutDown();
        if (shortcut && e.getCode() == KeyCode.S) vm.save();
        else if (shortcut && e.getCode() == KeyCode.F) focusSearch();
        else if (shortcut && e.getCode() == KeyCode.N) addRecord();
        else if (shortcut && e.getCode() == KeyCode.I) toggleRecordPanel();
        else if (shortcut && (e.getCode() == KeyCode.Z && e.isShiftDown() || e.getCode() == KeyCode.Y)) vm.redo();
        else if (shortcut && e.getCode() == KeyCode.Z) vm.undo();
        else if (shortcut && e.getCode() == KeyCode.D && !table.selectedRows().isEmpty()) duplicate(table.selectedRows().getFirst());
        else return;
        e.consume();
    }

    /** @return the table (for tests and the shell's focus handling) */
    GridTable table() { return table; }

    /** Adds the next part of a new grid now, not after a pulse (see {@link GridWarmUp}); @return whether there was one */
    boolean buildStep() { return building.runNext(); }

    /** @return whether the grid is fully built: its table in place and, once rows came, filling its area */
    public boolean isBuilt() { return table.getParent() != null && table.isRevealed(); }
}
