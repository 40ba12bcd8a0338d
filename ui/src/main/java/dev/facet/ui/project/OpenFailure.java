package dev.facet.ui.project;

import java.util.Objects;

/**
 * A project could not be opened. The message is meant for the user: one line in Prisma's words, never a stack
 * trace; {@link #details()} holds the rendered schema diagnostics when the schema is invalid.
 */
public final class OpenFailure extends Exception {
    /** What went wrong, so the Open dialog can point at the field to fix. */
    public enum Kind {
        /** The schema file or folder cannot be read. */
        UNREADABLE,
        /** The schema has errors; {@link #details()} renders them. */
        INVALID_SCHEMA,
        /** No connection URL was given or found. */
        NO_URL,
        /** The database could not be opened (P1000, P1001, P1003, ...). */
        CONNECTION,
        /** Creating or seeding the demo database failed. */
        SETUP
    }

    private final Kind kind;
    private final String code;
    private final String details;

    /**
     * @param kind    what went wrong
     * @param code    Prisma's error code (P1001, ...), or null
     * @param message one line for the user
     * @param details longer text (rendered diagnostics), or null
     */
    public OpenFailure(Kind kind, String code, String message, String details) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.details = details;
    }

    /** @return what went wrong */
    public Kind kind() { return kind; }

    /** @return Prisma's error code, or null */
    public String code() { return code; }

    /** @return the rendered diagnostics or other long text, or null */
    public String details() { return details; }

    /** @return the message prefixed by its code when there is one: {@code P1001: Can't reach ...} */
    public String describe() { return code == null ? getMessage() : code + ": " + getMessage(); }
}
