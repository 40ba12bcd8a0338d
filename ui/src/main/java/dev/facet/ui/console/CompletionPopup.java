package dev.facet.ui.console;

import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Popup;

/**
 * The completion list under the editor's caret. It never takes the focus: typing goes on in the editor and narrows
 * the list; Up/Down move in it, Enter or Tab insert the suggestion, Escape closes it.
 */
final class CompletionPopup {
    private final TextArea editor;
    private final IntFunction<ConsoleCompletion.Suggestions> source;
    private final Popup popup = new Popup();
    private final ListView<ConsoleCompletion.Item> list = new ListView<>();
    private ConsoleCompletion.Suggestions current;

    CompletionPopup(TextArea editor, IntFunction<ConsoleCompletion.Suggestions> source) {
        this.editor = editor;
        this.source = source;
        list.setId("console-completion");
        list.getStyleClass().add("console-completion");
        list.setPrefSize(320, 200);
        list.setFocusTraversable(false);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConsoleCompletion.Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label detail = new Label(item.detail());
                detail.getStyleClass().add("console-hint");
                BorderPane row = new BorderPane();
                row.setLeft(new Label(item.label()));
                row.setRight(detail);
                setText(null);
                setGraphic(row);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) accept();
        });
        popup.getContent().add(list);
        popup.setAutoHide(true);
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is) hide();
        });
        editor.caretPositionProperty().addListener((o, was, is) -> {
            if (popup.isShowing() && current != null && (is.intValue() < current.from())) hide();
        });
    }

    boolean isShowing() { return popup.isShowing(); }

    void hide() { popup.hide(); }

    /** Computes the suggestions at the caret (after the key typed is in the text) and shows them, or hides the list. */
    void refresh() {
        javafx.application.Platform.runLater(() -> {
            if (!editor.isFocused() && !popup.isShowing()) return;
            current = source.apply(editor.getCaretPosition());
            if (current.items().isEmpty()) {
                hide();
                return;
            }
            list.getItems().setAll(current.items());
            list.getSelectionModel().selectFirst();
            list.scrollTo(0);
            list.setPrefHeight(Math.min(8, current.items().size()) * 26 + 4);
            if (!popup.isShowing()) {
                Point2D at = caretOnScreen();
                if (at != null) popup.show(editor, at.getX(), at.getY() + 4);
            }
        });
    }

    private Point2D caretOnScreen() {
        var requests = editor.getInputMethodRequests();
        if (requests != null) return requests.getTextLocation(0);
        return editor.localToScreen(8, 20);
    }

    /** @return whether the key was the list's (moving in it, choosing, closing) */
    boolean handle(KeyEvent e) {
        KeyCode k = e.getCode();
        int i = list.getSelectionModel().getSelectedIndex();
        switch (k) {
            case DOWN -> list.getSelectionModel().select(Math.min(i + 1, list.getItems().size() - 1));
            case UP -> list.getSelectionModel().select(Math.max(i - 1, 0));
            case ENTER, TAB -> {
                if (e.isShortcutDown()) return false;
                accept();
            }
            case ESCAPE -> hide();
            default -> { return false; }
        }
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        return true;
    }

    private void accept() {
        ConsoleCompletion.Item item = list.getSelectionModel().getSelectedItem();
        hide();
        if (item == null || current == null) return;
        int to = editor.getCaretPosition();
        editor.replaceText(current.from(), Math.max(current.from(), to), item.label());
        editor.positionCaret(current.from() + item.label().length());
    }
}
