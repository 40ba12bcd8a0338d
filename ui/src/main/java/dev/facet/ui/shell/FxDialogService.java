package dev.facet.ui.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks with JavaFX alerts, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    /** @param owner the window the questions belong to, or null */
    public FxDialogService(Window owner) { this.owner = owner; }

    @Override
    public boolean confirm(String title, String message, String confirm) {
        ButtonType go = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, cancel, go);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // A nested event loop, not a wait on the database: the window keeps painting while the user decides.
        return alert.showAndWait().filter(go::equals).isPresent();
    }

    @Override
    public QuitChoice askBeforeQuit(String title, String message) {
        // Saving is the default (Enter); quitting without saving is a deliberate click, apart from the other two.
        ButtonType save = new ButtonType("Save and quit", ButtonBar.ButtonData.OK_DONE);
        ButtonType discard = new ButtonType("Quit without saving", ButtonBar.ButtonData.LEFT);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, message, discard, cancel, save);
        if (owner != null) alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId("quit-dialog");
        ButtonType chosen = alert.showAndWait().orElse(cancel);
        return chosen == save ? QuitChoice.SAVE : chosen == discard ? QuitChoice.DISCARD : QuitChoice.CANCEL;
    }
}
