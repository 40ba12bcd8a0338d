package dev.facet.schema.model;

import java.util.List;

/**
 * A relation resolved on both sides.
 *
 * <p>For one-to-one and one-to-many relations the <em>referencing</em> side holds the foreign key
 * ({@code @relation(fields: [...], references: [...])}) and the <em>referenced</em> side is the other
 * one. For implicit many-to-many relations neither model holds a key; {@link #joinTable()} does, and
 * the referencing side is model A, the referenced side model B.
 *
 * @param name              the relation name (explicit, else {@code ModelAToModelB} in alphabetical order)
 * @param kind              the cardinality
 * @param referencingModel  the model holding the foreign key (model A for many-to-many)
 * @param referencingField  its relation field, or null when that side is missing or ignored
 * @param referencedModel   the other model (model B for many-to-many)
 * @param referencedField   its relation field, or null when that side is missing or ignored
 * @param fields            the foreign key fields on the referencing model (empty for many-to-many)
 * @param references        the referenced fields (empty for many-to-many)
 * @param onDelete          the effective {@code onDelete} action (explicit, else Prisma's default)
 * @param onUpdate          the effective {@code onUpdate} action (explicit, else Prisma's default)
 * @param onDeleteExplicit  whether {@code onDelete} was written in the schema
 * @param onUpdateExplicit  whether {@code onUpdate} was written in the schema
 * @param foreignKeyName    the constraint name ({@code map:}, else Prisma's default), null for many-to-many
 * @param joinTable         the join table for many-to-many, else null
 */
public record Relation(String name, RelationKind kind, String referencingModel, String referencingField,
                       String referencedModel, String referencedField, List<String> fields, List<String> references,
                       ReferentialAction onDelete, ReferentialAction onUpdate, boolean onDeleteExplicit,
                       boolean onUpdateExplicit, String foreignKeyName, JoinTable joinTable) {
    public Relation {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    /** @return whether both sides are the same model */
    public boolean isSelfRelation() { return referencingModel.equals(referencedModel); }

    /** @return whether this is an implicit many-to-many relation */
    public boolean isManyToMany() { return kind == RelationKind.IMPLICIT_MANY_TO_MANY; }
}
