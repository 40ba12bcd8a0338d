package dev.facet.ui.shell;

import dev.facet.data.connector.ConnectorCapability;
import dev.facet.ui.project.Project;

/**
 * Keeps a warning in the notifications while a project whose database has no transactions (a standalone MongoDB
 * server) is open with non-atomic writes allowed
 * ({@code facet --allow-non-atomic}): on a server without transactions a Save that touches several documents is then
 * written one document after another, so a failure halfway leaves the earlier ones saved. The warning goes with the
 * project.
 */
final class NonAtomicNotice {
    static final String TITLE = "Saving without transactions";

    private final Notifications notifications;
    private Notification shown;
    private boolean on;

    NonAtomicNotice(Notifications notifications) { this.notifications = notifications; }

    /** Shows the warning for {@code p} when it was opened allowing non-atomic writes, and removes the previous one. */
    void show(Project p, boolean allowNonAtomic) {
        if (shown != null) notifications.dismiss(shown);
        shown = null;
        // Only where the database has no transactions (a standalone MongoDB server) does the option change anything.
        on = allowNonAtomic && !p.engine().supports(ConnectorCapability.TRANSACTIONS);
        if (!on) return;
        shown = notifications.warning(TITLE, "Facet was started with --allow-non-atomic: on a MongoDB server without transactions"
                + " (not a replica set), a Save that changes several documents writes them one after another. If one fails, those"
                + " written before it stay saved (Facet undoes what it can and says so). Restart without the option to have such"
                + " saves refused instead.", null);
    }

    /** @return what the window title adds while the option is on (the notification can be dismissed, the title stays) */
    String titleSuffix() { return on ? " \u00b7 saves without transactions" : ""; }
}
