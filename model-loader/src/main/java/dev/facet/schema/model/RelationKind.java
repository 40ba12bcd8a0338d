package dev.facet.schema.model;

/** The cardinality of a relation. */
public enum RelationKind {
    /** One record on each side. */
    ONE_TO_ONE,
    /** One record on the referenced side, many on the referencing side. */
    ONE_TO_MANY,
    /** Many on both sides, through an implicit join table ({@code _AToB}). */
    IMPLICIT_MANY_TO_MANY,
    /**
     * Many on both sides without a join table (MongoDB): each side stores the other side's ids in a list
     * field, named by its own {@code @relation(fields: [...])}.
     */
    EMBEDDED_MANY_TO_MANY
}
