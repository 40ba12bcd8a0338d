package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;

/**
 * A failure as the user sees it: Prisma's code when there is one and a one-line message, never a stack trace.
 *
 * @param code    Prisma's error code, or null
 * @param message one line
 */
public record Problem(String code, String message) {
    /** @return what to tell the user about {@code failure} */
    public static Problem of(Throwable failure) {
        return switch (failure) {
            case QueryEngine.BatchError b -> of(b.error());
            case QueryError q -> new Problem(q.code(), q.getMessage());
            case OpenFailure o -> new Problem(o.code(), o.getMessage());
            case java.util.concurrent.CompletionException c when c.getCause() != null -> of(c.getCause());
            case java.util.concurrent.ExecutionException c when c.getCause() != null -> of(c.getCause());
            default -> new Problem(null, failure.getMessage() == null || failure.getMessage().isBlank()
                    ? failure.getClass().getSimpleName() : firstLine(failure.getMessage()));
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** @return the message prefixed by its code */
    public String text() { return code == null ? message : code + ": " + message; }
}
