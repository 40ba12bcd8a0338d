package dev.facet.data.error;

/**
 * A database could not be opened: no connector serves the schema's provider, the database cannot be reached, or a
 * new database could not be set up. The message is one line and never contains a password.
 */
public final class OpenError extends RuntimeException {
    /** Why opening failed. */
    public enum Kind {
        /** Facet has no connector for the schema's provider (yet). */
        NO_CONNECTOR,
        /** The URL is invalid or the database cannot be reached or logged into. */
        CONNECTION,
        /** The database was reached but could not be set up (a new SQLite file's tables). */
        SETUP
    }

    private final Kind kind;
    private final String code;

    /**
     * @param kind    why it failed
     * @param code    Prisma's error code ({@code P1001}, ...), or null when Prisma has none
     * @param message one line, without the password
     * @param cause   the underlying failure, or null
     */
    public OpenError(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    /** @return why it failed */
    public Kind kind() { return kind; }

    /** @return Prisma's error code, or null when Prisma has none for this failure */
    public String code() { return code; }
}
