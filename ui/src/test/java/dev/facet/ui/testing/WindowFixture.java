package dev.facet.ui.testing;

import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.ProjectOpener;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.shell.ModelTabContents;
import dev.facet.ui.shell.ShellViewModel;
import dev.facet.ui.shell.ShellWindow;
import dev.facet.ui.task.FxTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** The main window as the application builds it, over a demo in a temporary folder, for TestFX tests. */
public final class WindowFixture {
    public final Path dir;
    public final DemoFixture demo;
    public final Path settingsFile;
    public final FxTaskExecutor executor = new FxTaskExecutor();
    public final ShellWindow window;
    /** Answers every question yes, and records it. */
    public final RecordingDialogs dialogs = new RecordingDialogs(true);

    /**
     * Builds and shows the window; call from a TestFX {@code @Start} method.
     *
     * @param initial what to open first
     * @param watch   whether the schema is watched on disk
     */
    public WindowFixture(Stage stage, OpenRequest initial, boolean watch) throws IOException {
        this(stage, initial, watch, opener -> opener);
    }

    /** @param opener wraps the demo's opener (to make its project look like another database) */
    public WindowFixture(Stage stage, OpenRequest initial, boolean watch, java.util.function.UnaryOperator<ProjectOpener> opener) throws IOException {
        dir = Files.createTempDirectory("facet-window-test");
        demo = new DemoFixture(dir);
        settingsFile = dir.resolve("config/settings.json");
        window = ShellWindow.show(stage, new ShellWindow.Config(executor, demo.loader(), opener.apply(demo.opener()), UserSettings.load(settingsFile),
                watch ? ShellViewModel.SchemaWatchStarter.files() : ShellViewModel.SchemaWatchStarter.none(), ModelTabContents.factory(),
                new SimpleBooleanProperty(false)), initial, dialogs);
    }

    /** Closes the project, the executor and every window, and removes the folder; call from {@code @AfterEach}. */
    public void close() throws TimeoutException {
        Fx.run(() -> window.shell().close());
        executor.close();
        FxToolkit.cleanupStages();
        TestFiles.deleteTree(dir);
    }
}
