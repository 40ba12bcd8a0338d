package dev.facet.ui.shell;

import dev.facet.ui.project.Problem;
import java.util.concurrent.atomic.AtomicLong;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shell's notification list, newest first. A notification equal to one already shown is folded into it (its
 * repeat count goes up and it moves to the top), so a lost connection reported by ten queries shows once.
 */
public final class Notifications {
    /** How many notifications are kept; older ones drop off. */
    public static final int LIMIT = 20;

    private static final AtomicLong IDS = new AtomicLong();
    private final ObservableList<Notification> items = FXCollections.observableArrayList();
    private final ObservableList<Notification> readOnly = FXCollections.unmodifiableObservableList(items);

    /** @return the notifications, newest first */
    public ObservableList<Notification> items() { return readOnly; }

    /** Shows an information message. */
    public Notification info(String title, String message) { return post(Notification.Level.INFO, title, message, null, null); }

    /** Shows a success message. */
    public Notification success(String title, String message) { return post(Notification.Level.SUCCESS, title, message, null, null); }

    /** Shows a warning, with optional longer details. */
    public Notification warning(String title, String message, String details) {
        return post(Notification.Level.WARNING, title, message, null, details);
    }

    /** Shows an error from a failure: its Prisma code and message, no stack trace. */
    public Notification error(String title, Throwable failure) {
        Problem p = Problem.of(failure);
        String details = failure instanceof dev.facet.ui.project.OpenFailure o ? o.details() : null;
        return post(Notification.Level.ERROR, title, p.message(), p.code(), details);
    }

    /** Shows an error. */
    public Notification error(String title, Problem problem) {
        return post(Notification.Level.ERROR, title, problem.message(), problem.code(), null);
    }

    /** Posts a notification, folding it into an equal one already shown. */
    public Notification post(Notification.Level level, String title, String message, String code, String details) {
        Notification fresh = new Notification(IDS.incrementAndGet(), level, title, message, code, details, 1);
        for (int i = 0; i < items.size(); i++) {
            Notification old = items.get(i);
            if (old.sameAs(fresh)) {
                items.remove(i);
                fresh = new Notification(old.id(), level, title, message, code, details, old.repeats() + 1);
                break;
            }
        }
        items.addFirst(fresh);
        while (items.size() > LIMIT) items.removeLast();
        return fresh;
    }

    /** Removes one notification. */
    public void dismiss(Notification n) { items.removeIf(i -> i.id() == n.id()); }

    /** Removes every notification. */
    public void dismissAll() { items.clear(); }
}
