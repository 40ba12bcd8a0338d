package dev.facet.ui.shell;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.project.BackgroundSeeding;
import dev.facet.ui.demo.DemoWorkspace;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.DataAccessConnector;
import dev.facet.ui.project.StandardProjectOpener;
import dev.facet.ui.settings.AppDirectories;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.FxTaskExecutor;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: the main window, opening the demo or a schema given on the command line. */
public final class FacetApplication extends Application {
    /**
     * What to start with.
     *
     * @param demoSchema the bundled demo schema's text
     * @param initial    what to open first; null shows the Open dialog
     */
    public record Startup(String demoSchema, OpenRequest initial) {
        public Startup {
            Objects.requireNonNull(demoSchema, "demoSchema");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FacetApplication.class);

    // Application.launch creates the instance itself, so the startup arguments travel through a static.
    private static volatile Startup startup;

    private FxTaskExecutor executor;
    private ShellWindow window;

    /** Starts JavaFX and blocks until the window closes. */
    public static void run(Startup s) {
        startup = s;
        Application.launch(FacetApplication.class);
    }

    @Override
    public void start(Stage stage) {
        Startup s = Objects.requireNonNull(startup, "FacetApplication.run sets the startup");
        AppDirectories dirs = AppDirectories.forCurrentUser();
        UserSettings settings = UserSettings.load(dirs.settingsFile());
        ProjectLoader loader = new ProjectLoader(new DataAccessConnector(), ConnectionUrlResolver.forCurrentProcess());
        BackgroundSeeding seeding = new BackgroundSeeding();
        StandardProjectOpener opener = new StandardProjectOpener(loader, new DemoWorkspace(dirs.demo(), s.demoSchema()), DemoSeeder.standard(), seeding);
        executor = new FxTaskExecutor();
        StartupProbe.attachIfAsked(stage);
        window = ShellWindow.show(stage, new ShellWindow.Config(executor, loader, opener, settings, ShellViewModel.SchemaWatchStarter.files(),
                ModelTabContents.factory(), ThemeApplier.systemDark()), s.initial(), null);
        DemoPreparationNotice.attach(seeding, window.shell());
        // A bug in an event handler should cost one action, not the window: log it and say so in the banner area.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            LOG.error("Unexpected error on the FX thread", e);
            window.shell().notifications().error("Something went wrong", e);
        });
    }

    @Override
    public void stop() {
        // The window is gone by now: closing the pool here keeps nothing waiting that a user could see.
        if (window != null) window.shell().close();
        if (executor != null) executor.close();
    }
}
