package dev.facet.schema.model;

/**
 * The hidden table of an implicit many-to-many relation.
 *
 * @param tableName {@code _} + the relation name ({@code _CategoryToPost} when unnamed)
 * @param modelA    the model whose id column {@code A} references (first in alphabetical order)
 * @param modelB    the model whose id column {@code B} references
 */
public record JoinTable(String tableName, String modelA, String modelB) {
    /** The column referencing {@link #modelA()}. */
    public static final String COLUMN_A = "A";
    /** The column referencing {@link #modelB()}. */
    public static final String COLUMN_B = "B";
}
