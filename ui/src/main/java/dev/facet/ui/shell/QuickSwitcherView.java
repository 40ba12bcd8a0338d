package dev.facet.ui.shell;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.ModalPane;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The quick switcher: a search box and the matching models, over the window (in its modal layer). */
final class QuickSwitcherView extends VBox {
    private final QuickSwitcherViewModel vm;
    private final ModalPane modal;
    private final CustomTextField query = new CustomTextField();
    private final ListView<QuickSwitcherViewModel.Match> list;

    QuickSwitcherView(QuickSwitcherViewModel vm, ModalPane modal) {
        this.vm = vm;
        this.modal = modal;
        setId("quick-switcher");
        getStyleClass().addAll("quick-switcher", Styles.ELEVATED_3);
        setSpacing(6);
        setPadding(new Insets(10));
        setMaxSize(460, USE_PREF_SIZE);
        setAlignment(Pos.TOP_CENTER);

        query.setId("quick-switcher-query");
        query.setPromptText("Go to model…");
        query.setLeft(new FontIcon(Feather.SEARCH));
        query.textProperty().bindBidirectional(vm.queryProperty());
        query.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case DOWN -> { vm.move(1); e.consume(); }
                case UP -> { vm.move(-1); e.consume(); }
                case ENTER -> { accept(); e.consume(); }
                case ESCAPE -> { close(); e.consume(); }
                default -> { }
            }
        });

        list = new ListView<>(vm.matches());
        list.setId("quick-switcher-list");
        list.getStyleClass().add(Styles.DENSE);
        list.setFocusTraversable(false);
        // As tall as its matches (up to ten rows), so a short list does not leave an empty box.
        list.setFixedCellSize(30);
        list.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(1, Math.min(10, vm.matches().size())) * 30.0 + 4, vm.matches()));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(QuickSwitcherViewModel.Match m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.name());
                setGraphic(empty || m == null ? null : new FontIcon(m.view() ? Feather.EYE : Feather.GRID));
            }
        });
        list.setOnMouseClicked(e -> {
            vm.select(list.getSelectionModel().getSelectedIndex());
            accept();
        });
        Label none = new Label("No model matches");
        none.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(none);
        vm.selectedProperty().addListener((o, was, is) -> syncSelection());
        vm.matches().addListener((ListChangeListener<QuickSwitcherViewModel.Match>) c -> syncSelection());
        getChildren().addAll(query, list);
    }

    private void syncSelection() {
        int i = vm.selectedProperty().get();
        if (i < 0) list.getSelectionModel().clearSelection();
        else {
            list.getSelectionModel().select(i);
            list.scrollTo(i);
        }
    }

    /** Shows the switcher with an empty query and the caret in it. */
    void open() {
        vm.reset();
        modal.show(this);
        syncSelection();
        query.requestFocus();
    }

    private void accept() {
        if (vm.accept()) close();
    }

    private void close() { modal.hide(true); }

    boolean isShowing() { return modal.isDisplay() && modal.getContent() == this; }
}
