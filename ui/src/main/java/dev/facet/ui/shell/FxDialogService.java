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
}
