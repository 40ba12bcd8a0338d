package dev.facet.schema.diagnostics;

/** How bad a {@link Diagnostic} is. Warnings never stop a schema from being used. */
public enum Severity {
    /** The schema is invalid. */
    ERROR,
    /** The schema is valid but something deserves attention. */
    WARNING;

    /** @return the lower-case label Prisma prints: {@code error} or {@code warning} */
    public String label() { return this == ERROR ? "error" : "warning"; }
}
