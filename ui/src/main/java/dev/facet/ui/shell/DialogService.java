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
}
