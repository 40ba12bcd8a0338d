package dev.facet.schema.model;

import dev.facet.schema.source.Span;

/** A field of a model, view or composite type. */
public sealed interface Field permits ScalarField, RelationField {
    /** @return the field name as written */
    String name();

    /** @return required, optional or list */
    FieldArity arity();

    /** @return whether the field has {@code @ignore} */
    boolean ignored();

    /** @return the {@code ///} comment, or null */
    String documentation();

    /** @return where the field is declared */
    Span span();

    /** @return whether the field may be null */
    default boolean isOptional() { return arity() == FieldArity.OPTIONAL; }

    /** @return whether the field is required (not optional, not a list) */
    default boolean isRequired() { return arity() == FieldArity.REQUIRED; }

    /** @return whether the field is a list */
    default boolean isList() { return arity() == FieldArity.LIST; }
}
