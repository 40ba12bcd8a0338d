package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The sheet that asks before pending changes are discarded: nothing brings them back. */
final class DiscardConfirmation extends VBox {
    DiscardConfirmation(int count, Runnable discard, Runnable cancel) {
        super(10);
        setId("discard-confirmation");
        Label title = new Label("Discard " + count + (count == 1 ? " change?" : " changes?"), new FontIcon(Feather.ROTATE_CCW));
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label("They were never saved: discarding them cannot be undone.");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        Button no = new Button("Keep editing");
        no.setId("cancel-discard");
        no.setCancelButton(true);
        no.setDefaultButton(true);
        no.setOnAction(e -> cancel.run());
        Button yes = new Button("Discard", new FontIcon(Feather.ROTATE_CCW));
        yes.setId("confirm-discard");
        yes.getStyleClass().add(Styles.DANGER);
        yes.setOnAction(e -> discard.run());
        HBox buttons = new HBox(8, yes, no);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(title, text, buttons);
        setPrefWidth(420);
        setFocusTraversable(true);
        focusedProperty().addListener((o, was, is) -> {
            if (is) no.requestFocus();
        });
    }
}
