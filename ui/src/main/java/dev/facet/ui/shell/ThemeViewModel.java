package dev.facet.ui.shell;

import dev.facet.ui.settings.ThemeChoice;
import dev.facet.ui.settings.UserSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The theme: the user's choice (system, light, dark), remembered in the settings, and whether the window is dark
 * as a result. "System" follows the operating system's light/dark preference while the app runs.
 */
public final class ThemeViewModel {
    private final ObjectProperty<ThemeChoice> choice;
    private final BooleanBinding dark;

    /**
     * @param settings   where the choice is remembered
     * @param systemDark whether the operating system prefers dark (JavaFX's platform preferences)
     */
    public ThemeViewModel(UserSettings settings, ObservableBooleanValue systemDark) {
        choice = new SimpleObjectProperty<>(this, "choice", settings.theme());
        choice.addListener((o, was, is) -> settings.setTheme(is == null ? ThemeChoice.SYSTEM : is));
        dark = Bindings.createBooleanBinding(() -> switch (choice.get() == null ? ThemeChoice.SYSTEM : choice.get()) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> systemDark.get();
        }, choice, systemDark);
    }

    /** @return the user's choice */
    public ObjectProperty<ThemeChoice> choiceProperty() { return choice; }

    /** @return whether the dark theme applies */
    public BooleanBinding darkProperty() { return dark; }
}
