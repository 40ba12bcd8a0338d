package dev.facet.ui.shell;

import dev.facet.ui.project.BackgroundSeeding;
import dev.facet.ui.project.Project;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * Says in the window that the demo is being prepared while {@link BackgroundSeeding} fills it: one notification that
 * follows the steps, the counts refreshed at each step (the sidebar fills in), and the open tab and counts reloaded
 * once every row is in. Once another project opens, the notice goes and the seeding's later news is not shown (it
 * would speak of a project that is not open); reopening the demo shows it again.
 */
final class DemoPreparationNotice implements BackgroundSeeding.Listener {
    private final ShellViewModel shell;
    private final Executor fx;
    private Notification shown;
    /** The project open when the seeding first spoke: the demo. */
    private Path demoSchema;
    private boolean demoOpen = true;

    DemoPreparationNotice(ShellViewModel shell, Executor fx) {
        this.shell = shell;
        this.fx = fx;
        shell.projectProperty().addListener((o, was, is) -> projectChanged(is));
    }

    /** Shows the seeding of {@code seeding} in {@code shell}'s notifications. */
    static void attach(BackgroundSeeding seeding, ShellViewModel shell) {
        seeding.listen(new DemoPreparationNotice(shell, Platform::runLater));
    }

    private void projectChanged(Project now) {
        if (demoSchema == null) return;
        demoOpen = now != null && now.schemaPath().equals(demoSchema);
        if (!demoOpen && shown != null) {
            shell.notifications().dismiss(shown);
            shown = null;
        }
    }

    /** @return whether the demo is the open project (remembering which project that is the first time) */
    private boolean demoShown() {
        if (demoSchema == null && shell.projectProperty().get() != null) demoSchema = shell.projectProperty().get().schemaPath();
        return demoOpen;
    }

    @Override
    public void progress(String message) {
        fx.execute(() -> {
            if (!demoShown()) return;
            show(Notification.Level.INFO, "Preparing the demo", message + "… The grids fill in as the rows arrive.");
            shell.refreshCounts();
        });
    }

    @Override
    public void finished(Throwable failure) {
        fx.execute(() -> {
            if (!demoShown()) return;
            if (failure == null) {
                show(Notification.Level.SUCCESS, "The demo is ready", "Every demo record is in.");
                shell.refresh();
            } else {
                if (shown != null) shell.notifications().dismiss(shown);
                shown = null;
                shell.notifications().error("Could not fill the demo database (it is made afresh on the next start)", failure);
            }
        });
    }

    private void show(Notification.Level level, String title, String message) {
        if (shown != null) shell.notifications().dismiss(shown);
        shown = shell.notifications().post(level, title, message, null, null);
    }
}
