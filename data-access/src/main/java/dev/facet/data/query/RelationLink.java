package dev.facet.data.query;

import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * How rows of a parent model join rows of the model a relation field points at: column pairs for a
 * foreign key, or the two columns of an implicit many-to-many join table.
 *
 * @param field            the relation field on the parent
 * @param parent           the model holding {@code field}
 * @param child            the related model
 * @param parentKeys       parent fields whose values identify the related rows
 * @param childKeys        child fields matched against {@code parentKeys}, pairwise (the child's id for many-to-many)
 * @param joinTable        the join table for an implicit many-to-many relation, else null
 * @param parentJoinColumn the join table column holding the parent's id ({@code A} or {@code B})
 * @param childJoinColumn  the join table column holding the child's id
 */
public record RelationLink(RelationField field, Model parent, Model child, List<ScalarField> parentKeys, List<ScalarField> childKeys,
                    JoinTable joinTable, String parentJoinColumn, String childJoinColumn) {

    /** @return how {@code parent} rows join the rows its relation field {@code field} points at */
    public static RelationLink of(Schema schema, Model parent, RelationField field) {
        Relation r = schema.relationOf(parent.name(), field.name());
        if (r == null) throw new IllegalStateException("no relation for " + parent.name() + "." + field.name());
        Model child = schema.model(field.relatedModel());
        if (r.kind() == RelationKind.IMPLICIT_MANY_TO_MANY) {
            boolean parentIsA = r.referencingModel().equals(parent.name()) && field.name().equals(r.referencingField());
            return new RelationLink(field, parent, child, idFields(parent), idFields(child), r.joinTable(),
                    parentIsA ? JoinTable.COLUMN_A : JoinTable.COLUMN_B, parentIsA ? JoinTable.COLUMN_B : JoinTable.COLUMN_A);
        }
        boolean parentHoldsKey = r.referencingModel().equals(parent.name()) && field.name().equals(r.referencingField());
        List<String> parentNames = parentHoldsKey ? r.fields() : r.references();
        List<String> childNames = parentHoldsKey ? r.references() : r.fields();
        return new RelationLink(field, parent, child, scalars(parent, parentNames), scalars(child, childNames), null, null, null);
    }

    /** @return whether the relation goes through an implicit many-to-many join table */
    public boolean viaJoinTable() { return joinTable != null; }

    private static List<ScalarField> scalars(Model m, List<String> names) {
        return names.stream().map(n -> (ScalarField) m.field(n)).toList();
    }

    /** @return whether the parent holds the foreign key (the relation is inlined on the parent's row) */
    public boolean parentHoldsKey() {
        return !viaJoinTable() && field.holdsForeignKey();
    }

    private static List<ScalarField> idFields(Model m) {
        if (m.primaryKey() == null) throw new IllegalStateException(m.name() + " has no id");
        return scalars(m, m.primaryKey().fieldNames());
    }
}
