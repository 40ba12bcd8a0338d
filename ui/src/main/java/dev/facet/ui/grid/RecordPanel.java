package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.grid.RecordPanelViewModel.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The record panel as a node: the selected record as a vertical form (name, type, {@code ///} documentation and a
 * typed editor per field; long text, Json and Bytes get several lines) above its relations as a tree that loads as it
 * expands. Enter (or a double click) on a tree item opens it; Ctrl+Enter opens it in a new tab.
 */
final class RecordPanel extends VBox {
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass NULL = PseudoClass.getPseudoClass("null");

    private final RecordPanelViewModel vm;
    private final List<Runnable> refreshers = new ArrayList<>();
    private final TreeView<TreeNode> tree = new TreeView<>();
    private final Label problem = new Label();
    private final Consumer<RelationPickerViewModel> showPicker;
    private final TextField relationFilter = new TextField();
    private final List<Runnable> treeActions = new ArrayList<>();
    private GridRow watched;
    private final RowWatch watch = new RowWatch(this::rowChanged);

    /**
     * @param close      hides the panel
     * @param showPicker shows the relation picker (Link…) as the grid's sheet
     */
    RecordPanel(RecordPanelViewModel vm, Runnable close, Consumer<RelationPickerViewModel> showPicker) {
        this.vm = vm;
        this.showPicker = showPicker;
        setId("record-panel");
        getStyleClass().add("record-panel");
        Label title = new Label();
        title.setId("record-panel-title");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(vm.titleProperty());
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Button hide = new Button(null, new FontIcon(Feather.X));
        hide.setId("record-panel-close");
        hide.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        LazyTooltip.install(hide, "Hide the record panel (Ctrl+I)");
        hide.setOnAction(e -> close.run());
        HBox header = new HBox(6, title, hide);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("record-panel-header");

        VBox form = form();
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        formScroll.setId("record-form");

        tree.setId("record-relations");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(t -> new javafx.scene.control.TreeCell<>() {
            @Override protected void updateItem(TreeNode node, boolean empty) {
                super.updateItem(node, empty);
                textProperty().unbind();
                if (empty || node == null) setText(null);
                else textProperty().bind(node.labelProperty());
            }
        });
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            TreeNode node = selected();
            if (node == null) return;
            if (e.getCode() == KeyCode.ENTER) vm.open(node, e.isShortcutDown());
            else if (e.getCode() == KeyCode.DELETE) vm.delete(node);
            else if (e.getCode() == KeyCode.L && e.isShortcutDown()) link(node);
            else if (e.getCode() == KeyCode.N && e.isShortcutDown() && e.isShiftDown()) vm.createLinked(node);
            else return;
            e.consume();
        });
        tree.setOnMouseClicked(e -> {
            TreeItem<TreeNode> item = tree.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && item != null && item.getValue() != null
                    && (item.isLeaf() || item.getValue() instanceof RecordPanelViewModel.MoreNode)) {
                vm.open(item.getValue(), e.isShortcutDown());
            }
        });
        vm.relations().addListener((ListChangeListener<TreeNode>) c -> showRelations());
        Label relationsTitle = new Label("Relations");
        relationsTitle.getStyleClass().add(Styles.TEXT_BOLD);
        relationFilter.setId("relation-filter");
        relationFilter.setOnAction(e -> filterSelected());
        relationFilter.managedProperty().bind(relationFilter.visibleProperty());
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> refreshTreeActions());
        VBox relations = new VBox(4, relationsTitle, relationFilter, tree, treeActions());
        VBox.setVgrow(tree, Priority.ALWAYS);
        relations.getStyleClass().add("record-relations-box");

        SplitPane split = new SplitPane(formScroll, relations);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        problem.setId("record-panel-message");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.messageProperty());
        problem.visibleProperty().bind(vm.messageProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        getChildren().addAll(header, problem, split);
        setPrefWidth(360);
        setMinWidth(260);

        vm.rowProperty().addListener((o, was, is) -> {
            watch.watch(is);
            refreshFields();
        });
        watch.watch(vm.rowProperty().get());
        refreshFields();
        showRelations();
    }

    // ---------------------------------------------------------------- the tree's actions

    private TreeNode selected() {
        TreeItem<TreeNode> item = tree.getSelectionModel().getSelectedItem();
        return item == null ? null : item.getValue();
    }

    /** Open, Link…, Unlink, New linked record and Delete… on the selected node; each says why when it cannot. */
    private javafx.scene.layout.FlowPane treeActions() {
        // A flow, not a row: in a narrow panel the buttons wrap instead of losing their names.
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(4, 2,
                action("open", Feather.EXTERNAL_LINK, "Open", "Open it in its model's tab, selected (Enter; Ctrl+Enter: a new tab)",
                        n -> n instanceof RecordPanelViewModel.FieldNode || n instanceof RecordPanelViewModel.NoteNode ? "Select a record or a relation" : null,
                        n -> vm.open(n, false)),
                action("link", Feather.LINK, "Link…", "Link records to this relation in the relation picker (Ctrl+L)", vm::whyNotLinkable, this::link),
                action("unlink", Feather.SCISSORS, "Unlink", "Unlink this record from the record shown; Save applies it", vm::whyNotUnlinkable, vm::unlink),
                action("create", Feather.PLUS, "New", "Create a record already linked to this relation, in a new tab; Save there creates it (Ctrl+Shift+N)",
                        vm::whyNotCreatable, vm::createLinked),
                action("delete", Feather.TRASH_2, "Delete…", "Delete this record, after the delete preview, in a new tab of its model (Delete)",
                        vm::whyNotDeletable, vm::delete));
        bar.setId("relation-actions");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPrefWrapLength(300);
        refreshTreeActions();
        return bar;
    }

    private Button action(String id, Feather icon, String text, String what, java.util.function.Function<TreeNode, String> whyNot, Consumer<TreeNode> run) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId("tree-" + id);
        b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            TreeNode node = selected();
            if (node != null) run.accept(node);
            refreshTreeActions();
        });
        treeActions.add(() -> {
            TreeNode node = selected();
            String why = node == null ? "Select a relation or a related record" : whyNot.apply(node);
            b.setDisable(why != null);
            LazyTooltip.install(b, why == null ? what : why);
        });
        return b;
    }

    private void refreshTreeActions() {
        treeActions.forEach(Runnable::run);
        RecordPanelViewModel.RelationNode rel = filterable(selected());
        relationFilter.setVisible(rel != null);
        if (rel != null) {
            relationFilter.setPromptText("Filter " + rel.column().name() + " (Enter)");
            if (!relationFilter.isFocused()) relationFilter.setText(rel.filterText());
        }
    }

    private void link(TreeNode node) {
        RelationPickerViewModel picker = vm.picker(node);
        if (picker != null) showPicker.accept(picker);
    }

    /** @return the to-many relation the filter field applies to: the one selected, or the one of the selected record */
    private RecordPanelViewModel.RelationNode filterable(TreeNode node) {
        TreeItem<TreeNode> item = tree.getSelectionModel().getSelectedItem();
        if (node instanceof RecordPanelViewModel.RelationNode rel && rel.toMany()) return rel;
        if (node instanceof RecordPanelViewModel.RecordNode && item.getParent() != null
                && item.getParent().getValue() instanceof RecordPanelViewModel.RelationNode rel && rel.toMany()) return rel;
        return null;
    }

    /** Filters the selected to-many relation's records (from its first page) and shows them. */
    private void filterSelected() {
        TreeItem<TreeNode> item = tree.getSelectionModel().getSelectedItem();
        RecordPanelViewModel.RelationNode rel = filterable(selected());
        if (rel == null) return;
        TreeItem<TreeNode> relItem = item.getValue() == rel ? item : item.getParent();
        tree.getSelectionModel().select(relItem);
        rel.filter(relationFilter.getText());
        relItem.setExpanded(true);
    }

    /** @return the relation tree (tests) */
    TreeView<TreeNode> tree() { return tree; }

    // ---------------------------------------------------------------- the form

    private VBox form() {
        VBox form = new VBox(10);
        form.getStyleClass().add("record-form");
        for (GridColumn c : vm.fields()) form.getChildren().add(field(c));
        return form;
    }

    private Node field(GridColumn c) {
        Label name = new Label(c.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        Label type = new Label(c.typeLabel());
        type.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox head = new HBox(6, name, type);
        head.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(3, head);
        box.setId("field-" + c.name());
        box.getStyleClass().add("record-field");
        String doc = vm.documentation(c);
        if (doc != null) {
            Label d = new Label(doc);
            d.setWrapText(true);
            d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "record-doc");
            box.getChildren().add(d);
        }
        Label refused = new Label();
        refused.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        refused.setWrapText(true);
        refused.setVisible(false);
        refused.managedProperty().bind(refused.visibleProperty());
        Consumer<EditResult> report = r -> {
            refused.setVisible(!r.ok());
            refused.setText(r.ok() ? null : r.reason());
        };
        box.getChildren().addAll(editor(c, report), refused);
        return box;
    }

    private Node editor(GridColumn c, Consumer<EditResult> report) {
        List<String> choices = choices(c);
        if (choices != null) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(choices);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setId("edit-" + c.name());
            boolean[] filling = {false};
            box.valueProperty().addListener((o, was, is) -> {
                if (filling[0] || is == null || vm.rowProperty().get() == null) return;
                report.accept("NULL".equals(is) ? vm.setNull(c) : vm.commit(c, is));
            });
            refreshers.add(() -> {
                filling[0] = true;
                CellContent v = vm.rowProperty().get() == null ? null : vm.value(c);
                box.setValue(v == null ? null : v.has(CellFlag.NULL) ? "NULL" : vm.editText(c));
                box.setDisable(vm.whyReadOnly(c) != null);
                box.pseudoClassStateChanged(PENDING, v != null && v.has(CellFlag.PENDING));
                filling[0] = false;
            });
            return box;
        }
        TextInputControl input;
        if (vm.isLong(c)) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(c.scalarType() == ScalarType.JSON ? 5 : 3);
            // Enter makes a new line in a long value; Ctrl+Enter keeps it.
            area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                    report.accept(vm.commit(c, area.getText()));
                    e.consume();
                }
            });
            input = area;
        } else {
            TextField text = new TextField();
            text.setOnAction(e -> report.accept(vm.commit(c, text.getText())));
            input = text;
        }
        input.setId("edit-" + c.name());
        input.focusedProperty().addListener((o, was, is) -> {
            if (!is && vm.rowProperty().get() != null && vm.whyReadOnly(c) == null) report.accept(vm.commit(c, input.getText()));
        });
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && vm.rowProperty().get() != null) {
                input.setText(vm.editText(c));
                report.accept(EditResult.OK);
            }
        });
        refreshers.add(() -> {
            GridRow row = vm.rowProperty().get();
            String why = vm.whyReadOnly(c);
            input.setEditable(why == null);
            input.setDisable(row == null);
            LazyTooltip.install(input, why == null ? "Enter" + (input instanceof TextArea ? " with Ctrl" : "") + " or leaving the field keeps the value as a pending change" : why);
            CellContent v = row == null ? null : vm.value(c);
            // A field being typed into keeps what is typed; the others follow the record.
            if (!input.isFocused() || row != watched) input.setText(row == null ? "" : v.has(CellFlag.NULL) ? "" : vm.editText(c));
            input.setPromptText(v != null && v.has(CellFlag.NULL) ? "NULL" : v != null && v.has(CellFlag.DEFAULT) ? v.text() : null);
            input.pseudoClassStateChanged(PENDING, v != null && v.has(CellFlag.PENDING));
            input.pseudoClassStateChanged(NULL, v != null && v.has(CellFlag.NULL));
        });
        Region r = input;
        r.setMaxWidth(Double.MAX_VALUE);
        return input;
    }

    /** @return the values an enum or Boolean field offers (with NULL when it may be), or null for typed fields */
    private static List<String> choices(GridColumn c) {
        if (c.isList()) return null;
        List<String> out = new ArrayList<>();
        if (c.kind() == GridColumn.Kind.ENUM) {
            EnumType type = c.enumType();
            if (type == null) return null;
            type.values().forEach(v -> out.add(v.name()));
        } else if (c.scalarType() == ScalarType.BOOLEAN) {
            out.addAll(List.of("true", "false"));
        } else {
            return null;
        }
        if (c.nullable()) out.add("NULL");
        return out;
    }

    /** The row shown was refilled (a reload, a save) or edited: the panel follows. */
    private void rowChanged() {
        vm.show(watched);
        refreshFields();
    }

    private void refreshFields() {
        refreshers.forEach(Runnable::run);
        watched = vm.rowProperty().get();
    }

    // ---------------------------------------------------------------- the tree

    private void showRelations() {
        TreeItem<TreeNode> root = tree.getRoot();
        root.getChildren().setAll(vm.relations().stream().map(RecordPanel::item).toList());
        if (!root.getChildren().isEmpty() && tree.getSelectionModel().getSelectedItem() == null) tree.getSelectionModel().select(0);
    }

    /** A tree item that fills its children from its node when first expanded, and follows them as they load. */
    private static TreeItem<TreeNode> item(TreeNode node) {
        TreeItem<TreeNode> item = new TreeItem<>(node) {
            @Override public boolean isLeaf() { return node.isLeaf(); }
        };
        node.children().addListener((ListChangeListener<TreeNode>) c -> item.getChildren().setAll(node.children().stream().map(RecordPanel::item).toList()));
        item.expandedProperty().addListener((o, was, is) -> {
            if (is) node.expand();
        });
        return item;
    }
}
