package dev.facet.ui.shell;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Quitting with unsaved changes: the user chooses to save them first (the default), to quit without them, or to
 * stay. Saving runs in the background; the window closes once every save succeeded and stays, on the tab that
 * failed, otherwise.
 */
final class QuitFlow {
    private final ShellViewModel shell;
    private final DialogService dialogs;

    QuitFlow(ShellViewModel shell, DialogService dialogs) {
        this.shell = shell;
        this.dialogs = dialogs;
    }

    /** Asks when tabs hold unsaved changes, then runs {@code quit} unless the user stays or a save fails. */
    void request(Runnable quit) {
        List<ModelTab> dirty = shell.tabs().stream().filter(ModelTab::isDirty).toList();
        if (dirty.isEmpty()) {
            quit.run();
            return;
        }
        String names = String.join(", ", dirty.stream().map(t -> t.titleProperty().get()).toList());
        String message = names + (dirty.size() == 1 ? " has" : " have") + " unsaved changes.";
        switch (dialogs.askBeforeQuit("Quit Facet?", message)) {
            case DISCARD -> quit.run();
            case SAVE -> saveThenQuit(dirty, quit);
            case CANCEL -> { }
        }
    }

    private void saveThenQuit(List<ModelTab> dirty, Runnable quit) {
        List<ObservableBooleanValue> saving = dirty.stream().map(t -> t.content().savingProperty()).filter(s -> s != null).toList();
        InvalidationListener[] check = new InvalidationListener[1];
        check[0] = o -> {
            if (saving.stream().anyMatch(ObservableBooleanValue::get)) return;
            saving.forEach(s -> s.removeListener(check[0]));
            ModelTab failed = dirty.stream().filter(ModelTab::isDirty).findFirst().orElse(null);
            if (failed == null) quit.run();
            else shell.selectedTabProperty().set(failed);
        };
        saving.forEach(s -> s.addListener(check[0]));
        dirty.forEach(t -> t.content().save());
        check[0].invalidated(null);
    }
}
