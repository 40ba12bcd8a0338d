package dev.facet.ui.shell;

/** The questions view models ask the user; tests answer them without a window. */
public interface DialogService {
    /**
     * Asks the user to confirm something that loses work.
     *
     * @param title   the question ("Close Order?")
     * @param message what would be lost
     * @param confirm the text of the button that goes ahead ("Discard changes")
     * @return whether the user went ahead
     */
    boolean confirm(String title, String message, String confirm);

    /** What to do with unsaved changes on quitting. */
    enum QuitChoice {
        /** Save them, then quit (if every save succeeds). */
        SAVE,
        /** Quit without saving them. */
        DISCARD,
        /** Stay. */
        CANCEL
    }

    /**
     * Asks what to do with unsaved changes before quitting; saving is the default answer.
     *
     * @param title   the question ("Quit Facet?")
     * @param message what holds unsaved changes
     * @return the choice
     */
    default QuitChoice askBeforeQuit(String title, String message) {
        return confirm(title, message, "Quit without saving") ? QuitChoice.DISCARD : QuitChoice.CANCEL;
    }
}
