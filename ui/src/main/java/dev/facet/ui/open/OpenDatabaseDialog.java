package dev.facet.ui.open;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** File › Open Database: one URL field; the dialog stays with the error until the database's schema opens. */
public final class OpenDatabaseDialog {
    private static final ButtonType OPEN = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);

    private final OpenDatabaseViewModel vm;
    private final Dialog<Void> dialog = new Dialog<>();
    private final TextField url = new TextField();

    /**
     * @param vm    the dialog's state
     * @param owner the main window
     */
    public OpenDatabaseDialog(OpenDatabaseViewModel vm, Window owner) {
        this.vm = vm;
        dialog.setTitle("Open a database");
        // A heading in the dialog itself: the title bar is the window manager's and not every desktop draws one.
        dialog.setHeaderText("Open a database without a schema");
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setResizable(true);
        dialog.getDialogPane().setId("open-database-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, OPEN);
        dialog.getDialogPane().setMinWidth(640);
        dialog.getDialogPane().getStylesheets().add(OpenDatabaseDialog.class.getResource("/dev/facet/ui/shell/facet.css").toExternalForm());
        dialog.getDialogPane().setContent(content());
        Button open = (Button) dialog.getDialogPane().lookupButton(OPEN);
        open.setId("open-database-button");
        open.disableProperty().bind(vm.canOpenProperty().not());
        open.addEventFilter(ActionEvent.ACTION, e -> {
            // The pull runs in the background; the dialog closes when the project opens.
            e.consume();
            vm.open();
        });
        // The error box comes and goes below the field: the dialog's height follows it, keeping Open and Cancel in view.
        vm.errorProperty().addListener((o, was, is) -> DialogPlacement.fitHeightLater(dialog));
        vm.doneProperty().addListener((o, was, is) -> {
            if (is) dialog.close();
        });
    }

    /** Shows the dialog without waiting for it, centred on the window. */
    public void show() {
        vm.prepare();
        DialogPlacement.showOverOwner(dialog);
        url.requestFocus();
    }

    /** @return whether the dialog shows, for the window's backdrop */
    public javafx.beans.value.ObservableBooleanValue showingProperty() { return dialog.showingProperty(); }

    private VBox content() {
        Label label = new Label("Database URL");
        label.getStyleClass().add(Styles.TEXT_BOLD);
        url.setId("database-url");
        url.setPromptText("postgresql://user:password@host:5432/db, mysql://…, file:./dev.db, mongodb://…");
        url.textProperty().bindBidirectional(vm.urlProperty());
        url.setOnAction(e -> vm.open());
        url.focusedProperty().addListener((o, was, is) -> {
            if (!is) vm.maskPassword();
        });
        HBox.setHgrow(url, Priority.ALWAYS);
        ProgressIndicator reading = new ProgressIndicator();
        reading.setMaxSize(16, 16);
        reading.visibleProperty().bind(vm.openingProperty());
        HBox row = new HBox(8, label, url, reading);
        row.setAlignment(Pos.CENTER_LEFT);
        // The examples stay readable while the field has the focus (the prompt text does not).
        Label hint = new Label("For example postgresql://user:password@host:5432/db, mysql://user:password@host:3306/db,"
                + " file:./dev.db or mongodb://host:27017/db. Facet reads the database's tables and writes their Prisma"
                + " schema, as prisma db pull does; File › Save Schema As keeps it.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Message error = new Message("Could not open", "", new FontIcon(Feather.ALERT_CIRCLE));
        error.setId("open-database-error");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox box = new VBox(10, row, hint, error);
        box.setPadding(new Insets(16, 16, 4, 16));
        return box;
    }
}
