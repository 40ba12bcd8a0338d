package dev.facet.app;

import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.shell.FacetApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Starts the window: the demo, or a schema from the command line. */
final class Gui {
    /** The demo schema, bundled from {@code resources/demo} (see app/pom.xml). */
    static final String DEMO_SCHEMA = "/dev/facet/app/demo/schema.prisma";

    private Gui() {}

    /** @return the bundled demo schema's text */
    static String demoSchema() throws IOException {
        try (InputStream in = Gui.class.getResourceAsStream(DEMO_SCHEMA)) {
            if (in == null) throw new java.io.FileNotFoundException("the demo schema is missing from facet.jar (" + DEMO_SCHEMA + ")");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Opens the window and waits until it closes.
     *
     * @param initial what to open
     * @param err     where to say why the window could not open
     * @return the exit status: 0, or 1 when there is no display or the demo is missing
     */
    static int run(OpenRequest initial, PrintWriter err) {
        String demo;
        try {
            demo = demoSchema();
        } catch (java.io.FileNotFoundException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("error: cannot read the bundled demo schema: " + e.getMessage());
            return 1;
        }
        followHome();
        try {
            FacetApplication.run(new FacetApplication.Startup(demo, initial));
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // Typically no display (DISPLAY unset, a headless server): say so instead of a stack trace.
            err.println("error: cannot open a window: " + explain(e));
            return 1;
        }
    }

    /** Kept: java.util.logging holds its loggers weakly, and a collected one would forget its level. */
    private static final java.util.logging.Logger PREFERENCES_LOG = java.util.logging.Logger.getLogger("java.util.prefs");

    /**
     * Java's preferences (the grids' remembered layouts) go under the home the user set, as the settings and the demo
     * do (AppDirectories), not under {@code user.home} from the password database; and the one line they print on a
     * first start ("Created user preferences directory.") stays out of the terminal.
     */
    private static void followHome() {
        String root = preferencesRoot(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."),
                System.getProperty("java.util.prefs.userRoot"));
        if (root != null) System.setProperty("java.util.prefs.userRoot", root);
        PREFERENCES_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /**
     * @return the folder Java's preferences should keep their {@code .java/.userPrefs} in, or null to leave it as it is
     *         (set already, or the same as {@code user.home})
     */
    static String preferencesRoot(String osName, java.util.Map<String, String> environment, String userHome, String alreadySet) {
        if (alreadySet != null) return null;
        String home = dev.facet.ui.settings.AppDirectories.home(osName, environment, userHome).toString();
        return home.equals(userHome) ? null : home;
    }

    /** Why the window could not open, with what to install when a library is missing. */
    static String explain(Throwable failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("GTK") || m.contains("libgtk") || m.contains("libglassgtk")) {
                return message + "\nThe window needs GTK 3. Install it: on Debian and Ubuntu `sudo apt install libgtk-3-0`, "
                        + "on Fedora `sudo dnf install gtk3`, on Arch `sudo pacman -S gtk3`.";
            }
        }
        return message;
    }
}
