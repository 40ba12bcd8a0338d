package dev.facet.schema.ast;

/** Whether a field holds exactly one value, an optional value, or a list. */
public enum Arity {
    /** Exactly one value. */
    REQUIRED,
    /** One value or null ({@code ?}). */
    OPTIONAL,
    /** A list ({@code []}). */
    LIST
}
