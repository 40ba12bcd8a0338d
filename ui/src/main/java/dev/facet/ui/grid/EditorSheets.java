package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

/** What the value editing sheets ({@link ValueEditor}, {@link CompositeEditor}, {@link ListEditor}) share. */
final class EditorSheets {
    private EditorSheets() {}

    /** The sheet's title line: the column's name, then what is edited in muted text. */
    static HBox head(String name, String subtitle) {
        Label title = new Label(name);
        title.getStyleClass().add(Styles.TITLE_4);
        Label typeLabel = new Label(subtitle);
        typeLabel.getStyleClass().add(Styles.TEXT_MUTED);
        HBox head = new HBox(10, title, typeLabel);
        head.setAlignment(Pos.BASELINE_LEFT);
        return head;
    }

    /** Esc closes and Ctrl+Enter applies, before the focused field sees the key. */
    static void keys(Node sheet, Runnable apply, Runnable close) {
        sheet.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                apply.run();
                e.consume();
            }
        });
    }
}
