package dev.facet.ui.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.text.NumberFormat;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sidebar: a filter box over the schema's models and views, each with its row count. */
final class SidebarView extends VBox {
    private final CustomTextField filter = new CustomTextField();
    private final ListView<ModelEntry> list;

    SidebarView(ShellViewModel vm) {
        getStyleClass().add("sidebar");
        list = new ListView<>(vm.visibleModels());

        Label heading = new Label("Models");
        heading.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED);
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("refresh-counts");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        refresh.setTooltip(new Tooltip("Refresh row counts"));
        refresh.setOnAction(e -> vm.refreshCounts());
        refresh.disableProperty().bind(vm.projectProperty().isNull());
        Button console = new Button(null, new FontIcon(Feather.TERMINAL));
        console.setId("open-console");
        console.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        console.setTooltip(new Tooltip("Prisma Client console (Ctrl+Shift+P)"));
        console.setOnAction(e -> vm.openConsole());
        console.disableProperty().bind(vm.projectProperty().isNull());
        HBox header = new HBox(heading, new Spacer(), console, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("sidebar-header");

        filter.setId("model-filter");
        filter.setPromptText("Filter models");
        filter.setLeft(new FontIcon(Feather.SEARCH));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setOnAction(e -> vm.openFirstVisible());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !list.getItems().isEmpty()) {
                list.requestFocus();
                list.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                e.consume();
            }
        });

        list.setId("model-list");
        list.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        list.setCellFactory(v -> new EntryCell(vm));
        list.setOnMouseClicked(e -> {
            ModelEntry entry = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && entry != null) vm.openModel(entry.name());
        });
        list.setOnKeyPressed(e -> {
            ModelEntry entry = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && entry != null) vm.openModel(entry.name());
        });
        Label empty = new Label();
        empty.textProperty().bind(Bindings.when(vm.projectProperty().isNull()).then("No project open").otherwise("No model matches"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(header, filter, list);
        // The selection shows the model of the active tab, however it became active.
        vm.selectedTabProperty().addListener((o, was, tab) -> showSelected(tab));
        list.getItems().addListener((javafx.collections.ListChangeListener<ModelEntry>) c -> showSelected(vm.selectedTabProperty().get()));
        // Once a project is open the list takes the keyboard: arrows and Enter open models, the filter shows its prompt.
        vm.projectProperty().addListener((o, was, is) -> {
            if (is != null && was == null) list.requestFocus();
        });
    }

    private void showSelected(ModelTab tab) {
        ModelEntry entry = tab == null ? null : list.getItems().stream().filter(e -> e.name().equals(tab.modelName())).findFirst().orElse(null);
        if (entry == null) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedItem() != entry) {
            list.getSelectionModel().select(entry);
            list.scrollTo(entry);
        }
    }

    /** Puts the caret in the filter box. */
    void focusFilter() {
        filter.requestFocus();
        filter.selectAll();
    }

    /** Name, kind icon and row count of one model. */
    private static final class EntryCell extends ListCell<ModelEntry> {
        private static final String ESTIMATED = "Estimated from the database's statistics, not counted; right-click: Count rows exactly";
        private static final String UNKNOWN = "Not counted: the table is large and the database keeps no estimate; right-click: Count rows exactly";
        private static final NumberFormat COUNT = NumberFormat.getIntegerInstance();
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final Label count = new Label();
        private final ProgressIndicator counting = new ProgressIndicator();
        private final StackPane countBox = new StackPane(count, counting);
        private final FontIcon driftMark = new FontIcon(Feather.ALERT_TRIANGLE);
        private final Tooltip driftTip = new Tooltip();
        private final HBox row = new HBox(8, icon, name, driftMark, new Spacer(), countBox);

        private final ContextMenu menu = new ContextMenu();
        private final MenuItem countExactly = new MenuItem("Count rows exactly");

        EntryCell(ShellViewModel vm) {
            countExactly.setId("count-exactly");
            countExactly.setOnAction(e -> {
                if (getItem() != null) vm.countExactly(getItem().name());
            });
            menu.getItems().add(countExactly);
            // Not every platform turns a right click into a context menu request (Monocle does not): the click opens it too.
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() != MouseButton.SECONDARY || getContextMenu() == null || menu.isShowing()) return;
                menu.show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            row.setAlignment(Pos.CENTER_LEFT);
            count.getStyleClass().addAll("model-count", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            counting.getStyleClass().add("count-spinner");
            counting.setMaxSize(12, 12);
            driftMark.getStyleClass().add("drift-mark");
            Tooltip.install(driftMark, driftTip);
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.SOMETIMES);
        }

        @Override
        protected void updateItem(ModelEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            count.textProperty().unbind();
            count.tooltipProperty().unbind();
            counting.visibleProperty().unbind();
            driftMark.visibleProperty().unbind();
            driftMark.managedProperty().unbind();
            if (empty || entry == null) {
                setContextMenu(null);
                setGraphic(null);
                setText(null);
                return;
            }
            icon.setIconCode(entry.isView() ? Feather.EYE : Feather.GRID);
            name.setText(entry.name());
            row.setId("model-" + entry.name());
            count.textProperty().bind(Bindings.createStringBinding(() -> {
                if (entry.countErrorProperty().get() != null) return "—";
                Long n = entry.countProperty().get();
                if (n == null) return "";
                if (entry.estimatedProperty().get()) return n < 0 ? "?" : "≈ " + SidebarCounts.compact(n);
                return COUNT.format(n);
            }, entry.countProperty(), entry.countErrorProperty(), entry.estimatedProperty()));
            count.tooltipProperty().bind(Bindings.createObjectBinding(() -> {
                if (entry.countErrorProperty().get() != null) return new Tooltip(entry.countErrorProperty().get());
                if (!entry.estimatedProperty().get()) return null;
                Long n = entry.countProperty().get();
                return new Tooltip(n != null && n >= 0 ? "About " + COUNT.format(n) + " rows. " + ESTIMATED : UNKNOWN);
            }, entry.countErrorProperty(), entry.estimatedProperty(), entry.countProperty()));
            setContextMenu(entry.unavailableProperty().get() == null ? menu : null);
            counting.visibleProperty().bind(entry.countingProperty().and(entry.countProperty().isNull()));
            // The database differs from this model: the mark's tooltip says how.
            driftMark.visibleProperty().bind(entry.driftProperty().isNotNull());
            driftMark.managedProperty().bind(driftMark.visibleProperty());
            String why = entry.unavailableProperty().get();
            String differences = entry.driftProperty().get();
            driftTip.setText(differences == null ? "" : (why != null ? "Cannot be opened: " + why + "\n\n" : "") + differences);
            name.getStyleClass().remove(Styles.TEXT_MUTED);
            if (why != null) name.getStyleClass().add(Styles.TEXT_MUTED);
            setText(null);
            setGraphic(row);
        }
    }
}
