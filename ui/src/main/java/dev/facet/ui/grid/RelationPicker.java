package dev.facet.ui.grid;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.grid.RelationPickerViewModel.Choice;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The relation picker, a sheet over the grid: a search field and a lazily paged list of the related model's records,
 * the linked ones ticked. A to-one picker links the record chosen (Enter or a double click) or unlinks; a to-many
 * picker ticks and unticks (Space or a click on the tick) until Apply (Enter). Esc cancels. Made when first opened.
 */
final class RelationPicker extends VBox {
    private static final javafx.css.PseudoClass PENDING = javafx.css.PseudoClass.getPseudoClass("pending");

    private final RelationPickerViewModel vm;
    private final Runnable close;
    private final CustomTextField search = new CustomTextField();
    private final TableView<Choice> table = new TableView<>();
    private final Button apply;

    /** @param typed text to search for at once (typed on the grid's cell), or null */
    RelationPicker(RelationPickerViewModel vm, String typed, Runnable close) {
        super(8);
        this.vm = vm;
        this.close = close;
        setId("relation-picker");
        getStyleClass().add("relation-picker");

        Label title = new Label(vm.title());
        title.getStyleClass().add(Styles.TITLE_4);
        Label type = new Label(vm.column().typeLabel() + (vm.toMany() ? " · tick to link" : " · choose one"));
        type.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, title, type);
        head.setAlignment(Pos.BASELINE_LEFT);

        Label rules = new Label(vm.rules(), new FontIcon(Feather.INFO));
        rules.setId("picker-rules");
        rules.setWrapText(true);
        rules.getStyleClass().addAll(Styles.TEXT_SMALL, "picker-rules");
        rules.setMinHeight(Region.USE_PREF_SIZE);

        search.setId("picker-search");
        search.setPromptText("Search " + vm.column().related().name() + " (type, then ↓ to the list)");
        search.setLeft(new FontIcon(Feather.SEARCH));
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> vm.search(search.getText()));
        search.textProperty().addListener(o -> debounce.playFromStart());
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) table.getSelectionModel().select(0);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                debounce.stop();
                vm.search(search.getText());
                e.consume();
            }
        });

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label message = new Label();
        message.setId("picker-message");
        message.setWrapText(true);
        message.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("picker-status");
        status.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.choices().size();
            String shown = vm.loadingProperty().get() ? "Loading…" : n + (n == 1 ? " record" : " records")
                    + (vm.completeProperty().get() ? "" : " shown, more as you scroll");
            return vm.changeCountProperty().get() > 0 ? shown + " · " + String.join(", ", vm.pendingLabels()) : shown;
        }, vm.choices(), vm.loadingProperty(), vm.completeProperty(), vm.changeCountProperty()));
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        Button cancel = new Button("Cancel");
        cancel.setId("picker-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(8, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        if (vm.toMany()) {
            apply = new Button("Apply", new FontIcon(Feather.CHECK));
            apply.setOnAction(e -> applyTicks());
            apply.textProperty().bind(Bindings.createStringBinding(() -> {
                int n = vm.changeCountProperty().get();
                return n == 0 ? "Apply" : "Apply " + n + (n == 1 ? " change" : " changes");
            }, vm.changeCountProperty()));
        } else {
            Button unlink = new Button("Unlink (NULL)", new FontIcon(Feather.SLASH));
            unlink.setId("picker-unlink");
            unlink.setOnAction(e -> {
                if (vm.unlink().ok()) close.run();
            });
            // Not disabled: pressing it says why (the rules line says it too), which a greyed-out button cannot.
            if (!vm.canUnlink()) unlink.getStyleClass().add("refused");
            buttons.getChildren().add(unlink);
            apply = new Button("Link", new FontIcon(Feather.LINK_2));
            apply.setOnAction(e -> chooseSelected());
            apply.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        apply.setId("picker-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        buttons.getChildren().addAll(cancel, apply);

        getChildren().addAll(head, rules, search, table, message, buttons);
        setPrefSize(760, 460);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        if (typed == null) {
            vm.load();
        } else {
            search.setText(typed);
            debounce.stop();
            vm.search(typed);
            // The field selects its text when it gets the focus; the next key typed must add to it, not replace it.
            search.addEventFilter(KeyEvent.KEY_TYPED, new javafx.event.EventHandler<>() {
                @Override public void handle(KeyEvent e) {
                    search.deselect();
                    search.end();
                    search.removeEventFilter(KeyEvent.KEY_TYPED, this);
                }
            });
        }
    }

    /** The keyboard goes to the search field, at once: keys typed right after opening must land there. */
    @Override
    public void requestFocus() {
        search.requestFocus();
        search.end();
    }

    /** @return the view model (for tests and snapshots) */
    RelationPickerViewModel viewModel() { return vm; }

    private void buildTable() {
        table.setId("picker-table");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.BORDERED);
        table.setItems(vm.choices());
        table.setFixedCellSize(28);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Choice, Choice> tick = new TableColumn<>();
        tick.setId("picker-tick");
        tick.setPrefWidth(36);
        tick.setMaxWidth(36);
        tick.setSortable(false);
        tick.setReorderable(false);
        tick.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        tick.setCellFactory(c -> new TickCell());
        table.getColumns().add(tick);
        for (int i = 0; i < vm.columns().size(); i++) {
            GridColumn gc = vm.columns().get(i);
            int index = i;
            TableColumn<Choice, String> tc = new TableColumn<>(gc.name());
            tc.setId(gc.name());
            tc.setSortable(false);
            tc.setPrefWidth(gc.id() ? 70 : 160);
            // A number key is short; the constrained policy would otherwise give it as much room as a name.
            if (gc.id() && gc.scalarType() != null && gc.scalarType().isNumeric()) tc.setMaxWidth(110);
            tc.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().cells().get(index)));
            table.getColumns().add(tc);
        }
        table.setPlaceholder(placeholder());
        vm.loadingProperty().addListener(o -> table.setPlaceholder(placeholder()));
        table.setRowFactory(t -> new ChoiceRow());
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Choice selected = table.getSelectionModel().getSelectedItem();
            switch (e.getCode()) {
                case ENTER -> {
                    if (vm.toMany()) applyTicks();
                    else chooseSelected();
                    e.consume();
                }
                case SPACE -> {
                    if (selected != null && vm.toMany()) vm.toggle(selected);
                    e.consume();
                }
                case UP -> {
                    if (table.getSelectionModel().getSelectedIndex() <= 0) {
                        search.requestFocus();
                        e.consume();
                    }
                }
                default -> { }
            }
        });
        table.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            // Typing in the list goes on in the search field.
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || ch.equals(" ") || e.isShortcutDown()) return;
            search.requestFocus();
            search.appendText(ch);
            search.end();
            e.consume();
        });
    }

    private Label placeholder() {
        Label l = new Label(vm.loadingProperty().get() ? "Loading…" : "No " + vm.column().related().name() + " records match");
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private void chooseSelected() {
        Choice c = table.getSelectionModel().getSelectedItem();
        if (c != null && vm.choose(c).ok()) close.run();
    }

    private void applyTicks() {
        EditResult r = vm.apply();
        if (r.ok()) close.run();
    }

    /** A row: a double click chooses (to-one) or ticks (to-many); the end of the list coming into view loads more. */
    private final class ChoiceRow extends TableRow<Choice> {
        /** A record whose tick differs from the database is drawn as a pending change, like a changed cell of the grid. */
        private final javafx.beans.InvalidationListener redraw = o -> pseudoClassStateChanged(PENDING,
                getItem() != null && getItem().checkedProperty().get() != getItem().linkedNow());
        private Choice shown;

        ChoiceRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || getItem() == null) return;
                if (vm.toMany()) vm.toggle(getItem());
                else chooseSelected();
            });
        }

        @Override
        protected void updateItem(Choice item, boolean empty) {
            super.updateItem(item, empty);
            boolean changed = !empty && item != null && item.checkedProperty().get() != item.linkedNow();
            pseudoClassStateChanged(PENDING, changed);
            if (shown != null) shown.checkedProperty().removeListener(redraw);
            shown = empty ? null : item;
            if (shown != null) shown.checkedProperty().addListener(redraw);
            if (!empty && getIndex() >= table.getItems().size() - 10) {
                // Checked again when it runs: a page that arrived meanwhile may have moved the end out of view.
                Platform.runLater(() -> {
                    if (getItem() != null && getIndex() >= table.getItems().size() - 10) vm.loadMore();
                });
            }
        }
    }

    /** The tick: a check box for to-many (a click toggles through the view model, which may refuse), a mark for to-one. */
    private final class TickCell extends TableCell<Choice, Choice> {
        private final CheckBox box = new CheckBox();
        private final FontIcon mark = new FontIcon(Feather.CHECK);
        private Choice shown;

        TickCell() {
            setAlignment(Pos.CENTER);
            box.setFocusTraversable(false);
            // The box shows the view model's state; a click asks the view model rather than flipping the box itself.
            box.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
                if (shown != null) vm.toggle(shown);
                e.consume();
            });
            mark.getStyleClass().add("picker-mark");
        }

        @Override
        protected void updateItem(Choice item, boolean empty) {
            super.updateItem(item, empty);
            box.selectedProperty().unbind();
            mark.visibleProperty().unbind();
            shown = empty ? null : item;
            if (shown == null) {
                setGraphic(null);
                return;
            }
            if (vm.toMany()) {
                box.selectedProperty().bind(shown.checkedProperty());
                setGraphic(box);
            } else {
                mark.visibleProperty().bind(shown.checkedProperty());
                setGraphic(mark);
            }
        }
    }
}
