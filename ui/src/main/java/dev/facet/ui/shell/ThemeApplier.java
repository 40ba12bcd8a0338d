package dev.facet.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/** Applies the theme: AtlantaFX Primer Light or Primer Dark as the application's user-agent stylesheet. */
public final class ThemeApplier {
    /** The light theme. */
    public static final Theme LIGHT = new PrimerLight();
    /** The dark theme. */
    public static final Theme DARK = new PrimerDark();

    private ThemeApplier() {}

    /** Applies the theme now and whenever {@code dark} changes. */
    public static void follow(ObservableBooleanValue dark) {
        apply(dark.get());
        dark.addListener((o, was, is) -> apply(is));
    }

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet((dark ? DARK : LIGHT).getUserAgentStylesheet());
    }

    /** @return whether the operating system prefers dark, as far as JavaFX can tell, kept up to date */
    public static ObservableBooleanValue systemDark() {
        Platform.Preferences preferences = Platform.getPreferences();
        return Bindings.createBooleanBinding(() -> preferences.getColorScheme() == ColorScheme.DARK, preferences.colorSchemeProperty());
    }
}
