package dev.facet.ui.shell;

import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import dev.facet.ui.settings.RecentProject;
import dev.facet.ui.settings.ThemeChoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content: menu bar, sidebar, notification area, model tabs and status bar, with the quick
 * switcher in a modal layer on top. Builds nodes and binds them to the view models; the commands are theirs.
 */
public final class ShellView extends StackPane {
    /** Ctrl+P and Ctrl+K open the quick switcher (Cmd on macOS). */
    static final KeyCombination QUICK_SWITCHER = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination QUICK_SWITCHER_ALT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination RELOAD = new KeyCodeCombination(KeyCode.F5);
    static final KeyCombination RELOAD_ALT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    /** Ctrl+Shift+P (as VS Code's command palette is near) and Ctrl+` (as a terminal) open the Prisma Client console. */
    static final KeyCombination CONSOLE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    static final KeyCombination CONSOLE_ALT = new KeyCodeCombination(KeyCode.BACK_QUOTE, KeyCombination.SHORTCUT_DOWN);

    private final ShellViewModel vm;
    private final SidebarView sidebar;
    private final QuickSwitcherView switcher;
    private final TabPane tabPane = new TabPane();
    private final Map<ModelTab, Tab> fxTabs = new HashMap<>();
    private boolean syncingSelection;
    private final javafx.beans.property.BooleanProperty backdrop = new javafx.beans.property.SimpleBooleanProperty(this, "backdrop");
    private SplitPane split;
    private double sidebarDivider = 0.2;

    /**
     * @param vm       the shell
     * @param theme    the theme choice
     * @param status   the status bar's text
     * @param openDialog shows the Open dialog
     * @param quit     closes the window (File › Quit), asking first as closing does
     * @param recent     the recent projects, for File › Open Recent
     * @param openRecent opens one of them
     */
    /** The File menu, for the window to add items that need its dialogs. */
    private Menu fileMenu;

    public ShellView(ShellViewModel vm, ThemeViewModel theme, StatusBarViewModel status, Runnable openDialog, Runnable quit,
                     Supplier<List<RecentProject>> recent,
                     Consumer<RecentProject> openRecent) {
        this.vm = vm;
        getStyleClass().add("facet-shell");
        ModalPane modal = new ModalPane();
        modal.setId("modal-layer");
        modal.setAlignment(Pos.TOP_CENTER);
        switcher = new QuickSwitcherView(new QuickSwitcherViewModel(vm.models(), vm.recentlyOpened(), vm::openModel), modal);
        sidebar = new SidebarView(vm);

        BorderPane center = new BorderPane();
        center.setTop(new NotificationArea(vm.notifications()));
        center.setCenter(content(openDialog));
        center.getStyleClass().add("content-area");
        // The split pane honours its items' minimum widths by moving the divider: a grid wider than the room left
        // pushed the sidebar off the window's left edge. The content takes the room there is.
        center.setMinWidth(0);

        split = new SplitPane(sidebar, center);
        split.setDividerPositions(0.16);
        SplitPane.setResizableWithParent(sidebar, false);
        // The sidebar keeps a width that leaves the grid room in a small window, and can be hidden (View › Sidebar).
        sidebar.setMinWidth(150);
        sidebar.setPrefWidth(190);
        sidebar.setMaxWidth(360);

        BorderPane main = new BorderPane();
        main.setTop(new javafx.scene.layout.VBox(menuBar(theme, openDialog, quit, recent, openRecent), StatusBar.modeBand(vm)));
        main.setCenter(split);
        main.setBottom(new StatusBar(status, vm));

        // Never wider than the window: a content wider than a stack pane is centred on it, which cut the sidebar off.
        main.setMinSize(0, 0);
        // Dims the window while a dialog of it is up (the Open dialog), so the page is plainly behind it.
        Region backdrop = new Region();
        backdrop.setId("backdrop");
        backdrop.getStyleClass().add("backdrop");
        backdrop.visibleProperty().bind(this.backdrop);
        backdrop.setMouseTransparent(false);
        getChildren().addAll(main, modal, backdrop);
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) return;
            // Alternates the menu items cannot carry: a menu item has one accelerator.
            scene.getAccelerators().put(QUICK_SWITCHER_ALT, this::openQuickSwitcher);
            scene.getAccelerators().put(RELOAD_ALT, vm::reload);
            scene.getAccelerators().put(CONSOLE_ALT, vm::openConsole);
        });
    }

    private Node content(Runnable openDialog) {
        tabPane.setId("model-tabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabPane.getStyleClass().addAll(Styles.TABS_FLOATING, "model-tabs");
        vm.tabs().addListener((ListChangeListener<ModelTab>) c -> syncTabs());
        vm.selectedTabProperty().addListener((o, was, is) -> selectFxTab(is));
        tabPane.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (syncingSelection || is == null) return;
            vm.selectedTabProperty().set((ModelTab) is.getUserData());
        });

        // Shown when no tab is open: what to do next.
        Label hint = new Label();
        hint.setId("empty-hint");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(Bindings.createStringBinding(() -> vm.projectProperty().get() == null
                ? "No project open." : "Pick a model in the sidebar, or press Ctrl+P to jump to one.", vm.projectProperty()));
        Button open = new Button("Open a schema…", new FontIcon(Feather.FOLDER));
        open.setId("empty-open");
        open.setOnAction(e -> openDialog.run());
        open.visibleProperty().bind(vm.projectProperty().isNull());
        open.managedProperty().bind(open.visibleProperty());
        Label logo = new Label("Facet");
        logo.getStyleClass().addAll(Styles.TITLE_1, Styles.TEXT_SUBTLE);
        VBox empty = new VBox(12, logo, hint, open);
        empty.setAlignment(Pos.CENTER);
        empty.visibleProperty().bind(Bindings.isEmpty(vm.tabs()).and(vm.openingProperty().not()));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(36, 36);
        Label busy = new Label();
        busy.setId("busy-message");
        busy.textProperty().bind(vm.busyMessageProperty());
        VBox busyBox = new VBox(12, spinner, busy);
        busyBox.setAlignment(Pos.CENTER);
        busyBox.visibleProperty().bind(vm.openingProperty());

        return new StackPane(tabPane, empty, busyBox);
    }

    /**
     * Adds items to the File menu.
     *
     * @param after the id of the item they follow
     */
    public void addFileItems(String after, MenuItem... items) {
        int at = 0;
        for (int i = 0; i < fileMenu.getItems().size(); i++) if (after.equals(fileMenu.getItems().get(i).getId())) at = i + 1;
        fileMenu.getItems().addAll(at, List.of(items));
    }

    private MenuBar menuBar(ThemeViewModel theme, Runnable openDialog, Runnable quit,
                            Supplier<List<RecentProject>> recent,
                            Consumer<RecentProject> openRecent) {
        MenuItem open = item("Open…", "menu-open", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), openDialog);
        Menu recentMenu = new Menu("Open Recent");
        recentMenu.setId("menu-open-recent");
        // Filled when shown, so it lists what the Open dialog and the command line added meanwhile.
        recentMenu.getItems().add(new MenuItem("(none)"));
        recentMenu.setOnShowing(e -> {
            recentMenu.getItems().clear();
            for (var r : recent.get()) {
                String label = Path.of(r.schemaPath()).getFileName() + "  —  " + r.schemaPath()
                        + (r.database() == null || r.database().isEmpty() ? "" : " (" + r.database() + ")");
                MenuItem item = new MenuItem(label);
                item.setMnemonicParsing(false);
                item.setOnAction(a -> openRecent.accept(r));
                recentMenu.getItems().add(item);
            }
            if (recentMenu.getItems().isEmpty()) {
                MenuItem none = new MenuItem("No recent projects");
                none.setDisable(true);
                recentMenu.getItems().add(none);
            }
        });
        MenuItem demo = item("Open the Demo", "menu-open-demo", null, () -> vm.open(new dev.facet.ui.project.OpenRequest.Demo()));
        MenuItem reload = item("Reload Schema", "menu-reload", RELOAD, vm::reload);
        reload.disableProperty().bind(vm.projectProperty().isNull().and(vm.failedOpenProperty().isNull()));
        MenuItem save = item("Save", "menu-save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), vm::saveSelected);
        save.disableProperty().bind(vm.selectedTabProperty().isNull());
        MenuItem closeTab = item("Close Tab", "menu-close-tab", new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN),
                vm::closeSelectedTab);
        closeTab.disableProperty().bind(vm.selectedTabProperty().isNull());
        MenuItem exit = item("Quit", "menu-quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit);
        CheckMenuItem readOnly = new CheckMenuItem("Read-only");
        readOnly.setId("menu-read-only");
        readOnly.disableProperty().bind(vm.projectProperty().isNull());
        vm.projectProperty().addListener((o, was, is) -> readOnly.setSelected(is != null && is.readOnly()));
        // Refused (unsaved changes): the item shows the mode the project is still in.
        readOnly.setOnAction(e -> readOnly.setSelected(vm.setReadOnly(readOnly.isSelected()) == readOnly.isSelected()
                ? readOnly.isSelected() : !readOnly.isSelected()));
        Menu file = new Menu("File", null, open, recentMenu, demo, new SeparatorMenuItem(), save, reload, closeTab, readOnly,
                new SeparatorMenuItem(), exit);
        file.setId("menu-file");
        fileMenu = file;

        MenuItem quick = item("Go to Model…", "menu-quick-switcher", QUICK_SWITCHER, this::openQuickSwitcher);
        quick.disableProperty().bind(vm.projectProperty().isNull());
        MenuItem filter = item("Filter Models", "menu-filter-models",
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), sidebar::focusFilter);
        MenuItem console = item("Prisma Client Console", "menu-console", CONSOLE, vm::openConsole);
        console.setGraphic(new FontIcon(Feather.TERMINAL));
        console.disableProperty().bind(vm.projectProperty().isNull());
        MenuItem counts = item("Refresh Row Counts", "menu-refresh-counts", null, vm::refreshCounts);
        counts.disableProperty().bind(vm.projectProperty().isNull());
        Menu themes = new Menu("Theme");
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem r = new RadioMenuItem(switch (choice) {
                case SYSTEM -> "Follow the System";
                case LIGHT -> "Light";
                case DARK -> "Dark";
            });
            r.setId("menu-theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(group);
            r.setSelected(theme.choiceProperty().get() == choice);
            r.setOnAction(e -> theme.choiceProperty().set(choice));
            theme.choiceProperty().addListener((o, was, is) -> r.setSelected(is == choice));
            themes.getItems().add(r);
        }
        MenuItem back = item("Back", "menu-back", new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), vm::back);
        MenuItem forward = item("Forward", "menu-forward", new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), vm::forward);
        back.disableProperty().bind(vm.selectedTabProperty().flatMap(ModelTab::canGoBackProperty).map(can -> !can).orElse(true));
        forward.disableProperty().bind(vm.selectedTabProperty().flatMap(ModelTab::canGoForwardProperty).map(can -> !can).orElse(true));
        CheckMenuItem showSidebar = new CheckMenuItem("Sidebar");
        showSidebar.setId("menu-sidebar");
        showSidebar.setSelected(true);
        showSidebar.setAccelerator(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN));
        showSidebar.setOnAction(e -> showSidebar(showSidebar.isSelected()));
        Menu view = new Menu("View", null, showSidebar, quick, console, filter, counts, new SeparatorMenuItem(), back, forward, new SeparatorMenuItem(), themes);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (id != null) item.setId(id);
        if (accelerator != null) item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** @return whether the window is dimmed behind a dialog */
    public javafx.beans.property.BooleanProperty backdropProperty() { return backdrop; }

    /** Shows or hides the sidebar (View › Sidebar, Ctrl+B), keeping its width for when it comes back. */
    void showSidebar(boolean show) {
        boolean shown = split.getItems().contains(sidebar);
        if (show == shown) return;
        if (show) {
            split.getItems().addFirst(sidebar);
            split.setDividerPositions(sidebarDivider);
        } else {
            sidebarDivider = split.getDividerPositions()[0];
            split.getItems().remove(sidebar);
        }
    }

    /** Opens the quick switcher (Ctrl+P, Ctrl+K). */
    public void openQuickSwitcher() {
        if (vm.projectProperty().get() != null && !switcher.isShowing()) switcher.open();
    }

    private void syncTabs() {
        // Rebuild the tab list in model order, reusing the FX tab of every model tab that stays.
        List<Tab> ordered = new ArrayList<>();
        Map<ModelTab, Tab> next = new HashMap<>();
        for (ModelTab t : vm.tabs()) {
            Tab fx = fxTabs.containsKey(t) ? fxTabs.get(t) : fxTab(t);
            next.put(t, fx);
            ordered.add(fx);
        }
        fxTabs.clear();
        fxTabs.putAll(next);
        syncingSelection = true;
        try {
            if (!tabPane.getTabs().equals(ordered)) tabPane.getTabs().setAll(ordered);
        } finally {
            syncingSelection = false;
        }
        selectFxTab(vm.selectedTabProperty().get());
    }

    private Tab fxTab(ModelTab t) {
        Tab tab = new Tab();
        tab.setUserData(t);
        tab.textProperty().bind(t.titleProperty());
        FontIcon dirty = new FontIcon(Feather.CIRCLE);
        dirty.getStyleClass().add("dirty-marker");
        HBox marks = new HBox(dirty);
        dirty.visibleProperty().bind(t.dirtyProperty());
        marks.visibleProperty().bind(t.dirtyProperty().or(t.staleProperty()));
        marks.managedProperty().bind(marks.visibleProperty());
        tab.setGraphic(marks);
        tab.setContent(t.content().createView());
        t.contentProperty().addListener((o, was, is) -> tab.setContent(is.createView()));
        MenuItem close = item("Close", null, null, () -> vm.closeTab(t));
        MenuItem others = item("Close Other Tabs", null, null, () -> vm.closeTabsExcept(t));
        MenuItem all = item("Close All Tabs", null, null, () -> vm.closeTabsExcept(null));
        tab.setContextMenu(new ContextMenu(close, others, all));
        tab.setOnCloseRequest(e -> {
            // The view model decides (it may ask about unsaved changes) and removes the tab itself.
            e.consume();
            vm.closeTab(t);
        });
        return tab;
    }

    private void selectFxTab(ModelTab t) {
        Tab fx = t == null ? null : fxTabs.get(t);
        if (fx == null || tabPane.getSelectionModel().getSelectedItem() == fx) return;
        syncingSelection = true;
        try {
            tabPane.getSelectionModel().select(fx);
        } finally {
            syncingSelection = false;
        }
    }
}
