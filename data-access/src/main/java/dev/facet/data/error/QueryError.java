package dev.facet.data.error;

import java.util.Objects;

/**
 * A failed request, with Prisma's error code and message ({@code P2025}, {@code P2009}, ...), so that
 * callers see what Prisma Client would report for the same request.
 */
public final class QueryError extends RuntimeException {
    private final String code;

    /**
     * @param code    Prisma's error code
     * @param message the message, worded as Prisma words it
     */
    public QueryError(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    Prisma's error code
     * @param message the message
     * @param cause   the underlying failure (never shown to users)
     */
    public QueryError(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return Prisma's error code, e.g. {@code P2025} */
    public String code() { return code; }

    /** A validation error (P2009) about the argument at {@code path}. */
    public static QueryError validation(String path, String message) {
        return new QueryError("P2009", path.isEmpty() ? message : path + ": " + message);
    }

    /** A record that was required was not found (P2025). */
    public static QueryError notFound(String cause) {
        return new QueryError("P2025", "An operation failed because it depends on one or more records that were required but not found. " + cause);
    }

    /**
     * A failure that is not a {@link QueryError} (an error of the JVM, a bug), in words a user can act on: a stack
     * overflow means a request nested too deeply, an exhausted heap a request or answer too large.
     */
    public static QueryError unexpected(Throwable t) {
        return switch (t) {
            case QueryError q -> q;
            case StackOverflowError s -> new QueryError("P2009",
                    "The request is nested too deeply for Facet to run it; nest fewer filters, selections or writes.", s);
            case OutOfMemoryError o -> new QueryError("P2010", "The request needs more memory than Facet has ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB); ask for fewer records or values at once.", o);
            case java.io.UncheckedIOException u -> new QueryError("P2010", "Facet could not write the answer: " + u.getCause().getMessage(), u);
            default -> new QueryError("P2010", "Facet could not run this request: " + t, t);
        };
    }
}
