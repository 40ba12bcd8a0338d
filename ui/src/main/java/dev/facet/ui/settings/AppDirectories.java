package dev.facet.ui.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Facet keeps its files, per platform conventions: settings in the config folder, the demo database in the
 * data folder.
 *
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_CONFIG_HOME/facet} (else {@code ~/.config/facet}) and
 *       {@code $XDG_DATA_HOME/facet} (else {@code ~/.local/share/facet});
 *   <li>Windows: {@code %APPDATA%\Facet} for both;
 *   <li>macOS: {@code ~/Library/Application Support/Facet} for both.
 * </ul>
 *
 * @param config the folder for settings and recent projects
 * @param data   the folder for data Facet creates (the demo)
 */
public record AppDirectories(Path config, Path data) {
    /** @return the folders for this process's platform, environment and home */
    public static AppDirectories forCurrentUser() {
        String os = System.getProperty("os.name", "");
        return of(os, System.getenv(), home(os, System.getenv(), System.getProperty("user.home", ".")));
    }

    /**
     * The home folder: on Linux and macOS the {@code HOME} the user set, as every other program there reads it (Java's
     * {@code user.home} comes from the password database and ignored {@code HOME=/tmp/x facet}); else {@code user.home}.
     *
     * @param osName      the {@code os.name} property
     * @param environment the process environment
     * @param userHome    the {@code user.home} property
     * @return the home folder
     */
    public static Path home(String osName, Map<String, String> environment, String userHome) {
        String home = environment.get("HOME");
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows") && home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
            return Path.of(home);
        }
        return Path.of(userHome);
    }

    /**
     * @param osName      the {@code os.name} property
     * @param environment the process environment
     * @param home        the user's home folder
     * @return the folders by that platform's conventions
     */
    public static AppDirectories of(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return new AppDirectories(base.resolve("Facet"), base.resolve("Facet"));
        }
        if (os.startsWith("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve("Facet");
            return new AppDirectories(base, base);
        }
        return new AppDirectories(xdg(environment, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("facet"),
                xdg(environment, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("facet"));
    }

    /** XDG says a relative value is invalid and must be ignored. */
    private static Path xdg(Map<String, String> environment, String variable, Path fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) return fallback;
        Path p = Path.of(value);
        return p.isAbsolute() ? p : fallback;
    }

    /** @return the folder of the bundled demo */
    public Path demo() { return data.resolve("demo"); }

    /** @return the settings file */
    public Path settingsFile() { return config.resolve("settings.json"); }
}
