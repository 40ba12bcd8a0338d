package dev.facet.ui.console;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The console tab: the editor with its completion popup and its error line, the Run button and the history, and the
 * result as a grid of records and as a tree. Builds nodes and binds them to a {@link ConsoleViewModel}.
 */
public final class ConsoleView extends BorderPane {
    /** Ctrl+Enter runs the call (Cmd+Enter on macOS). */
    public static final KeyCombination RUN = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    /** Ctrl+Space shows the completion. */
    public static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.SPACE, KeyCombination.CONTROL_DOWN);

    private final ConsoleViewModel vm;
    private final TextArea editor = new TextArea();
    private final CompletionPopup completion;

    /** @param vm the console */
    public ConsoleView(ConsoleViewModel vm) {
        this.vm = vm;
        getStyleClass().add("console");
        setId("console");
        getStylesheets().add(ConsoleView.class.getResource("console.css").toExternalForm());

        editor.setId("console-editor");
        editor.getStyleClass().add("console-editor");
        editor.setPromptText("prisma.user.findMany({ where: { email: { contains: \"@example\" } } })");
        editor.setWrapText(true);
        editor.textProperty().bindBidirectional(vm.textProperty());
        completion = new CompletionPopup(editor, vm::complete);
        editor.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        editor.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (completion.isShowing() || ".{,:'\"".contains(e.getCharacter()) && !e.getCharacter().isEmpty()) completion.refresh();
        });

        Label error = new Label();
        error.setId("console-error");
        error.getStyleClass().add("console-error");
        error.setWrapText(true);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(vm.problemProperty().map(ConsoleViewModel.Problem::text));
        error.visibleProperty().bind(vm.problemProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        vm.problemProperty().addListener((o, was, is) -> {
            // A syntax error puts the caret where it is.
            if (is != null && is.offset() >= 0) {
                editor.positionCaret(Math.min(is.offset(), editor.getLength()));
                editor.requestFocus();
            }
        });

        VBox top = new VBox(toolbar(), editor, error);
        VBox.setVgrow(editor, Priority.ALWAYS);
        top.setMinHeight(120);

        SplitPane split = new SplitPane(top, results());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.32);
        setCenter(split);
        sceneProperty().addListener((o, was, is) -> {
            if (is != null) javafx.application.Platform.runLater(editor::requestFocus);
        });
    }

    private HBox toolbar() {
        Button run = new Button("Run", new FontIcon(Feather.PLAY));
        run.setId("console-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> vm.run());
        run.disableProperty().bind(vm.runningProperty());
        Button stop = new Button("Stop", new FontIcon(Feather.SQUARE));
        stop.setId("console-stop");
        stop.setOnAction(e -> vm.cancel());
        stop.visibleProperty().bind(vm.runningProperty());
        stop.managedProperty().bind(stop.visibleProperty());

        MenuButton history = new MenuButton("History", new FontIcon(Feather.CLOCK));
        history.setId("console-history");
        history.disableProperty().bind(Bindings.isEmpty(vm.history()));
        history.setOnShowing(e -> {
            history.getItems().clear();
            for (String call : vm.history().reversed()) {
                MenuItem item = new MenuItem(call.length() > 90 ? call.substring(0, 89) + "…" : call);
                item.setMnemonicParsing(false);
                item.setOnAction(a -> vm.recall(call));
                history.getItems().add(item);
            }
        });

        Label hint = new Label("Ctrl+Enter runs · Ctrl+Space completes · Up/Down recall");
        hint.getStyleClass().addAll("console-hint", Styles.TEXT_SMALL);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(16, 16);
        spinner.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("console-status");
        status.getStyleClass().add("console-status");
        status.textProperty().bind(vm.resultProperty().map(ConsoleViewModel.Result::summary));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, run, stop, history, hint, grow, spinner, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private TabPane results() {
        ResultGrid grid = new ResultGrid(vm::follow);
        ResultTree tree = new ResultTree();
        vm.resultProperty().addListener((o, was, is) -> {
            JsonNode value = is == null ? null : is.value();
            grid.show(ConsoleViewModel.records(value));
            tree.show(value);
        });
        Tab gridTab = new Tab("Grid", grid);
        gridTab.setId("console-grid-tab");
        Tab treeTab = new Tab("Tree", tree);
        treeTab.setId("console-tree-tab");
        TabPane tabs = new TabPane(gridTab, treeTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_CLASSIC);
        // A result that is no list of records (a count, an aggregate) shows as a tree.
        vm.resultProperty().addListener((o, was, is) -> {
            if (is != null) tabs.getSelectionModel().select(ConsoleViewModel.records(is.value()).isEmpty() ? treeTab : gridTab);
        });
        return tabs;
    }

    private void keyPressed(KeyEvent e) {
        if (completion.isShowing() && completion.handle(e)) {
            e.consume();
            return;
        }
        if (RUN.match(e)) {
            completion.hide();
            vm.run();
            e.consume();
        } else if (COMPLETE.match(e)) {
            completion.refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.UP && !e.isShortcutDown() && !editor.getText(0, editor.getCaretPosition()).contains("\n")) {
            // Up on the first line (Down on the last) walks the history, as in a shell.
            vm.previous();
            editor.positionCaret(editor.getLength());
            e.consume();
        } else if (e.getCode() == KeyCode.DOWN && !e.isShortcutDown() && !editor.getText(editor.getCaretPosition(), editor.getLength()).contains("\n")) {
            vm.next();
            editor.positionCaret(editor.getLength());
            e.consume();
        }
    }

    /** Moves the focus to the editor. */
    public void focusEditor() { editor.requestFocus(); }
}
