package dev.facet.schema.model;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * A field that points at another model.
 *
 * @param name          the field name
 * @param relatedModel  the name of the model it points at
 * @param arity         required, optional or list
 * @param relationName  the relation's name (explicit, else Prisma's generated name)
 * @param fields        the scalar fields of this model holding the foreign key ({@code @relation(fields:)});
 *                      empty on the side without the foreign key
 * @param references    the referenced fields of the related model ({@code @relation(references:)})
 * @param ignored       whether the field has {@code @ignore}
 * @param documentation the {@code ///} comment, or null
 * @param span          where it is declared
 */
public record RelationField(String name, String relatedModel, FieldArity arity, String relationName,
                            List<String> fields, List<String> references, boolean ignored, String documentation,
                            Span span) implements Field {
    public RelationField {
        fields = List.copyOf(fields);
        references = List.copyOf(references);
    }

    /** @return whether this side holds the foreign key */
    public boolean holdsForeignKey() { return !fields.isEmpty(); }
}
