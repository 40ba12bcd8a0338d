package dev.facet.schema.diagnostics;

import dev.facet.schema.source.Span;
import java.util.Objects;

/**
 * One problem found in a schema, with the exact text it concerns.
 *
 * @param severity error or warning
 * @param message  the message, worded as Prisma words it (see {@link Messages})
 * @param span     the offending text
 */
public record Diagnostic(Severity severity, String message, Span span) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    /** @return an error diagnostic */
    public static Diagnostic error(String message, Span span) { return new Diagnostic(Severity.ERROR, message, span); }

    /** @return a warning diagnostic */
    public static Diagnostic warning(String message, Span span) { return new Diagnostic(Severity.WARNING, message, span); }

    /** @return whether this is an error */
    public boolean isError() { return severity == Severity.ERROR; }
}
