package dev.facet.ui.open;

import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.stage.Window;

/** Where the window's own dialogs appear: over the window, not wherever the window manager (if any) puts them. */
final class DialogPlacement {
    private DialogPlacement() {}

    /** Shows {@code dialog} without waiting, centred over its owner ({@link #centreOverOwner}). */
    static void showOverOwner(Dialog<?> dialog) {
        if (dialog.isShowing()) return;
        dialog.show();
        place(dialog);
    }

    /** Places {@code dialog} across its owner's middle and a third of the way down each time it shows. */
    static void centreOverOwner(Dialog<?> dialog) {
        dialog.addEventHandler(DialogEvent.DIALOG_SHOWN, e -> place(dialog));
    }

    /**
     * Grows (or shrinks) a showing dialog to its content's height once the content changed: a dialog keeps the size it
     * opened with, so an error that appears would push its buttons out of sight.
     */
    static void fitHeightLater(Dialog<?> dialog) {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.control.DialogPane pane = dialog.getDialogPane();
            Window w = pane.getScene() == null ? null : pane.getScene().getWindow();
            if (w == null || !w.isShowing()) return;
            // The height for the width it has: sizeToScene asked wrapping text for its height at no width, one word a
            // line, and the error box grew taller than the screen over Open and Cancel. Never taller than the screen.
            double chrome = w.getHeight() - pane.getScene().getHeight();
            double wanted = pane.prefHeight(pane.getWidth()) + chrome;
            double room = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight()).stream()
                    .findFirst().orElse(javafx.stage.Screen.getPrimary()).getVisualBounds().getHeight();
            w.setHeight(Math.min(wanted, room));
        });
    }

    /** @return the main window that {@code w} belongs to, through the dialogs that own one another */
    static Window mainWindowOf(Window w) {
        Window main = w;
        while (main instanceof javafx.stage.Stage s && s.getOwner() != null) main = s.getOwner();
        return main;
    }

    private static void place(Dialog<?> dialog) {
        Window owner = mainWindowOf(dialog.getOwner());
        Window w = dialog.getDialogPane().getScene().getWindow();
        if (owner != null && w != null) {
            w.setX(owner.getX() + Math.max(0, (owner.getWidth() - w.getWidth()) / 2));
            w.setY(owner.getY() + Math.max(0, (owner.getHeight() - w.getHeight()) / 3));
        }
    }
}
