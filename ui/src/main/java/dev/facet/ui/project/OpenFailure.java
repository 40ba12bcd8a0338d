package dev.facet.ui.project;

import dev.facet.data.SchemaCreation;
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
        SETUP,
        /**
         * The database does not exist (P1003) or has no table: {@link #offer()} says what "create it and push the
         * schema" would create.
         */
        NOT_CREATED
    }

    private final Kind kind;
    private final String code;
    private final String details;
    private final SchemaCreation.Offer offer;

    /**
     * @param kind    what went wrong
     * @param code    Prisma's error code (P1001, ...), or null
     * @param message one line for the user
     * @param details longer text (rendered diagnostics), or null
     */
    public OpenFailure(Kind kind, String code, String message, String details) {
        this(kind, code, message, details, null);
    }

    /**
     * A database that is missing or has no table.
     *
     * @param code    P1003 when the database does not exist, else null
     * @param message one line for the user
     * @param offer   what creating it would create
     */
    public OpenFailure(String code, String message, SchemaCreation.Offer offer) {
        this(Kind.NOT_CREATED, code, message, null, Objects.requireNonNull(offer, "offer"));
    }

    private OpenFailure(Kind kind, String code, String message, String details, SchemaCreation.Offer offer) {
        super(Objects.requireNonNull(message, "message"));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.details = details;
        this.offer = offer;
    }

    /** @return what "create it and push the schema" would create, when the kind is {@link Kind#NOT_CREATED}; else null */
    public SchemaCreation.Offer offer() { return offer; }

    /** @return what went wrong */
    public Kind kind() { return kind; }

    /** @return Prisma's error code, or null */
    public String code() { return code; }

    /** @return the rendered diagnostics or other long text, or null */
    public String details() { return details; }

    /** @return the message prefixed by its code when there is one: {@code P1001: Can't reach ...} */
    public String describe() { return code == null ? getMessage() : code + ": " + getMessage(); }
}
