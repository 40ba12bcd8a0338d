package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The confirmation before records are marked for deletion: what else the delete would do, and what blocks it. */
final class DeleteConfirmation extends VBox {
    DeleteConfirmation(DeletePreview preview, Runnable confirm, Runnable cancel) {
        super(10);
        getStyleClass().add("delete-confirmation");
        setId("delete-confirmation");
        Label title = new Label(preview.title(), new FontIcon(Feather.TRASH_2));
        title.getStyleClass().add(Styles.TITLE_4);
        getChildren().add(title);
        if (preview.effects().isEmpty()) {
            getChildren().add(muted(preview.blocked() ? "" : "No other record is affected."));
        } else {
            getChildren().add(new Label("Deleting " + (preview.count() == 1 ? "it" : "them") + " would also:"));
            VBox effects = new VBox(2);
            effects.getStyleClass().add("delete-effects");
            for (String line : preview.effects()) {
                Label l = new Label("• " + line.strip());
                l.setPadding(new javafx.geometry.Insets(0, 0, 0, 12 * (line.length() - line.stripLeading().length()) / 2.0));
                effects.getChildren().add(l);
            }
            getChildren().add(effects);
        }
        if (preview.blocked()) {
            Label cannot = new Label("It cannot be deleted:", new FontIcon(Feather.ALERT_OCTAGON));
            cannot.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_BOLD);
            getChildren().add(cannot);
            for (String b : preview.blockers()) {
                Label l = new Label(b);
                l.setWrapText(true);
                l.getStyleClass().addAll(Styles.DANGER, "delete-blocker");
                getChildren().add(l);
            }
        } else {
            getChildren().add(muted("The records are marked now and deleted when you save."));
        }
        Button no = new Button("Cancel");
        no.setId("cancel-delete");
        no.setCancelButton(true);
        no.setOnAction(e -> cancel.run());
        Button yes = new Button("Mark for deletion", new FontIcon(Feather.TRASH_2));
        yes.setId("confirm-delete");
        yes.getStyleClass().add(Styles.DANGER);
        yes.setDisable(preview.blocked());
        yes.setOnAction(e -> confirm.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, no, yes);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().add(buttons);
        setPrefWidth(520);
        focusedProperty().addListener((o, was, is) -> {
            if (is) (preview.blocked() ? no : yes).requestFocus();
        });
        setFocusTraversable(true);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
