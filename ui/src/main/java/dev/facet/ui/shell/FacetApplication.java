package dev.facet.ui.shell;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.project.BackgroundSeeding;
import dev.facet.ui.demo.DemoWorkspace;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.DataAccessConnector;
import dev.facet.ui.project.HeadStartOpener;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.project.StandardProjectOpener;
import dev.facet.ui.settings.AppDirectories;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.FxTaskExecutor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.stage.Stage;
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

    /** What the window is made of that needs no JavaFX. */
    private record Parts(UserSettings settings, ProjectLoader loader, BackgroundSeeding seeding, ProjectOpener opener) {}

    // Application.launch creates the instance itself, so the startup arguments travel through statics.
    private static volatile Startup startup;
    private static volatile CompletableFuture<Parts> parts;

    private FxTaskExecutor executor;
    private ShellWindow window;

    /** Starts JavaFX and blocks until the window closes. */
    public static void run(Startup s) {
        startup = s;
        // While JavaFX's toolkit starts on this thread, another makes the parts that need no JavaFX (the logger, the
        // settings, the project opener) and starts opening the first project: on a machine whose cores are busy, the
        // two get their share of the CPU side by side (docs/benchmarks.md, Start-up of the demo).
        parts = CompletableFuture.supplyAsync(() -> parts(s), r -> Thread.ofPlatform().daemon().name("facet-start").start(r));
        Application.launch(FacetApplication.class);
    }

    private static Parts parts(Startup s) {
        AppDirectories dirs = AppDirectories.forCurrentUser();
        ProjectLoader loader = new ProjectLoader(new DataAccessConnector(), ConnectionUrlResolver.forCurrentProcess());
        BackgroundSeeding seeding = new BackgroundSeeding();
        ProjectOpener opener = new StandardProjectOpener(loader, new DemoWorkspace(dirs.demo(), s.demoSchema()), DemoSeeder.standard(), seeding);
        if (s.initial() != null) opener = new HeadStartOpener(opener, s.initial());
        return new Parts(UserSettings.load(dirs.settingsFile()), loader, seeding, opener);
    }

    @Override
    public void start(Stage stage) {
        Startup s = Objects.requireNonNull(startup, "FacetApplication.run sets the startup");
        Parts p = parts.join();
        executor = new FxTaskExecutor();
        StartupProbe.attachIfAsked(stage);
        window = ShellWindow.show(stage, new ShellWindow.Config(executor, p.loader(), p.opener(), p.settings(), ShellViewModel.SchemaWatchStarter.files(),
                ModelTabContents.factory(), ThemeApplier.systemDark()), s.initial(), null);
        DemoPreparationNotice.attach(p.seeding(), window.shell());
        // A bug in an event handler should cost one action, not the window: log it and say so in the banner area.
        Thread.currentThread().setUncaughtExceptionHandler((thread, e) -> {
            LoggerFactory.getLogger(FacetApplication.class).error("Unexpected error on the FX thread", e);
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
