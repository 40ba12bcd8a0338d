package dev.facet.schema.model;

/** Whether a field holds exactly one value, an optional value, or a list. */
public enum FieldArity {
    REQUIRED, OPTIONAL, LIST;

    /** @return the suffix written after the type name: {@code ""}, {@code "?"} or {@code "[]"} */
    public String suffix() { return switch (this) { case REQUIRED -> ""; case OPTIONAL -> "?"; case LIST -> "[]"; }; }
}
