package dev.facet.ui.shell;

import dev.facet.ui.project.Project;
import dev.facet.ui.project.ProjectDrift;

/**
 * Says in the notifications, when a project opens or reloads, how its database differs from the schema: a summary,
 * with every model's differences in the details. The previous project's notice goes when a new one comes.
 */
final class DriftNotice {
    private final Notifications notifications;
    private Notification shown;

    DriftNotice(Notifications notifications) { this.notifications = notifications; }

    /** Replaces the notice with {@code p}'s, or removes it when the database is in step. */
    void show(Project p) {
        if (shown != null) notifications.dismiss(shown);
        shown = null;
        ProjectDrift d = p.drift();
        if (d.problem() != null) {
            shown = notifications.warning("Schema not compared with the database", d.problem(), null);
        } else if (d.differs()) {
            String message = "The database differs from the schema: " + d.drift().summary() + "."
                    + (d.unavailable().isEmpty() ? "" : " " + String.join(", ", d.unavailable().keySet()) + " cannot be opened.")
                    + " Fields whose column is missing are shown as unavailable; the rest works.";
            shown = notifications.warning("Database and schema differ", message, d.report());
        }
    }
}
