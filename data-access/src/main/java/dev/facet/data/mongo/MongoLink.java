package dev.facet.data.mongo;

import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * How documents of a parent model reach the documents a relation field points at on MongoDB: a scalar foreign key on
 * either side, or (many-to-many) the parent's own array of the related ids, as Prisma reads each side of an id-array
 * relation through the array of that side.
 *
 * @param field       the relation field on the parent
 * @param parent      the model holding {@code field}
 * @param child       the related model
 * @param parentKeys  parent fields whose values identify the related documents (one id array for many-to-many)
 * @param childKeys   child fields matched against {@code parentKeys}, pairwise
 * @param parentArray whether {@code parentKeys} is one list field of related ids (many-to-many)
 * @param childArray  the other side's id array (many-to-many), else null
 */
record MongoLink(RelationField field, Model parent, Model child, List<ScalarField> parentKeys, List<ScalarField> childKeys,
                 boolean parentArray, ScalarField childArray) {

    static MongoLink of(Schema schema, Model parent, RelationField field) {
        Relation r = schema.relationOf(parent.name(), field.name());
        Model child = schema.model(field.relatedModel());
        if (r != null && r.kind() == RelationKind.EMBEDDED_MANY_TO_MANY) {
            List<ScalarField> mine = field.fields().stream().map(n -> (ScalarField) parent.field(n)).toList();
            List<ScalarField> theirs = field.references().stream().map(n -> (ScalarField) child.field(n)).toList();
            RelationField back = backField(schema, parent, field, child);
            ScalarField childArray = back == null || back.fields().isEmpty() ? null : (ScalarField) child.field(back.fields().getFirst());
            return new MongoLink(field, parent, child, mine, theirs, true, childArray);
        }
        RelationLink l = RelationLink.of(schema, parent, field);
        return new MongoLink(field, parent, child, l.parentKeys(), l.childKeys(), false, null);
    }

    /** The relation field on the other side of {@code field}'s relation, or null. */
    static RelationField backField(Schema schema, Model parent, RelationField field, Model child) {
        for (RelationField rf : child.relationFields()) {
            if (rf.relationName().equals(field.relationName()) && !(child == parent && rf.name().equals(field.name()))) return rf;
        }
        return null;
    }

    /** @return whether the parent holds a scalar foreign key to the child */
    boolean parentHoldsKey() { return !parentArray && field.holdsForeignKey(); }
}
