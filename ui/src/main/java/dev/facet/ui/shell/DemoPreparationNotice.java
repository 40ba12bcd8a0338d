package dev.facet.ui.shell;

import dev.facet.ui.project.BackgroundSeeding;
import javafx.application.Platform;

/**
 * Says in the window that the demo is being prepared while {@link BackgroundSeeding} fills it: one notification that
 * follows the steps, the counts refreshed at each step (the sidebar fills in), and the open tab and counts reloaded
 * once every row is in.
 */
final class DemoPreparationNotice implements BackgroundSeeding.Listener {
    private final ShellViewModel shell;
    private Notification shown;

    private DemoPreparationNotice(ShellViewModel shell) { this.shell = shell; }

    /** Shows the seeding of {@code seeding} in {@code shell}'s notifications. */
    static void attach(BackgroundSeeding seeding, ShellViewModel shell) {
        seeding.listen(new DemoPreparationNotice(shell));
    }

    @Override
    public void progress(String message) {
        Platform.runLater(() -> {
            show(Notification.Level.INFO, "Preparing the demo", message + "… The grids fill in as the rows arrive.");
            shell.refreshCounts();
        });
    }

    @Override
    public void finished(Throwable failure) {
        Platform.runLater(() -> {
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
