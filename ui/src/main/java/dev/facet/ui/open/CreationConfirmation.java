package dev.facet.ui.open;

import atlantafx.base.theme.Styles;
import dev.facet.data.SchemaCreation;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * Asks before "create it and push the schema": names the database and shows every statement that will run, so that
 * nothing is created on a server the user did not mean.
 */
final class CreationConfirmation {
    static final ButtonType CREATE = new ButtonType("Create and Open", ButtonBar.ButtonData.OK_DONE);

    private CreationConfirmation() {}

    /** @return whether the user confirmed; a nested event loop while the dialog shows (the window keeps painting) */
    static boolean ask(Window owner, SchemaCreation.Offer offer) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.setTitle("Create the database");
        dialog.setHeaderText(offer.databaseMissing() ? "Create it and push the schema?" : "Push the schema to the empty database?");
        dialog.getDialogPane().setId("creation-confirmation");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, CREATE);
        javafx.scene.Node create = dialog.getDialogPane().lookupButton(CREATE);
        create.setId("confirm-create");
        // Enter confirms, as the default button: the statements' text area would otherwise take the focus and the key.
        dialog.setOnShown(e -> create.requestFocus());
        Label what = new Label(summary(offer));
        what.setId("creation-summary");
        what.setWrapText(true);
        TextArea statements = new TextArea(String.join("\n\n", offer.statements()));
        statements.setId("creation-statements");
        statements.setEditable(false);
        statements.setPrefRowCount(16);
        statements.setPrefColumnCount(100);
        statements.getStyleClass().add("diagnostics");
        VBox.setVgrow(statements, Priority.ALWAYS);
        Label note = new Label("Nothing that exists is changed or dropped.");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        dialog.getDialogPane().setContent(new VBox(8, what, statements, note));
        dialog.getDialogPane().getStylesheets().add(CreationConfirmation.class.getResource("/dev/facet/ui/shell/facet.css").toExternalForm());
        // Wide enough for a CREATE TABLE's longest lines where the window allows (the dialog asked its content for less).
        Window main = DialogPlacement.mainWindowOf(owner);
        if (main != null) dialog.getDialogPane().setMinWidth(Math.max(560, Math.min(960, main.getWidth() - 80)));
        DialogPlacement.centreOverOwner(dialog);
        return dialog.showAndWait().filter(CREATE::equals).isPresent();
    }

    /** @return e.g. {@code Facet will create the PostgreSQL database "shop" ... and 5 tables in it, with these statements:} */
    static String summary(SchemaCreation.Offer offer) {
        long n = offer.tableCount();
        String tables = n + (n == 1 ? " table" : " tables");
        return offer.databaseMissing()
                ? "Facet will create the " + offer.target() + ", then " + tables + " in it, with these statements:"
                : "Facet will create " + tables + " in the " + offer.target() + ", with these statements:";
    }
}
