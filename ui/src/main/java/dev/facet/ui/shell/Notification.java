package dev.facet.ui.shell;

import java.util.Objects;

/**
 * A message in the shell's notification area: an error from the database, a schema reload, a hint. Never a stack
 * trace.
 *
 * @param id      unique within a run, for the view to track it
 * @param level   how it is shown
 * @param title   a few words: "Could not count rows", "Schema reloaded"
 * @param message one or two lines
 * @param code    Prisma's error code (P1001, P2002, ...), or null
 * @param details longer text shown on request (rendered diagnostics), or null
 * @param repeats how many times the same notification came in; shown as "×3"
 */
public record Notification(long id, Level level, String title, String message, String code, String details, int repeats) {
    /** How a notification is shown. */
    public enum Level { INFO, SUCCESS, WARNING, ERROR }

    public Notification {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
    }

    /** @return the message prefixed by its code: {@code P1001: Can't reach database server ...} */
    public String text() { return code == null ? message : code + ": " + message; }

    boolean sameAs(Notification other) {
        return level == other.level && title.equals(other.title) && message.equals(other.message) && Objects.equals(code, other.code);
    }
}
