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
 * How records of a parent model are related to the records a relation field points at. Three ways:
 * <ul>
 *   <li>a foreign key: {@code parentKeys} match {@code childKeys} pairwise, one side holding the key;</li>
 *   <li>an implicit many-to-many join table ({@code _AToB}, SQL): {@code parentKeys} and {@code childKeys} are the
 *       two ids, {@code joinTable} holds the pairs;</li>
 *   <li>key lists on both sides (MongoDB's many-to-many, {@code String[] @db.ObjectId}): {@code parentKeys} and
 *       {@code childKeys} are the two ids, {@code parentKeyList} lists the related children's ids on the parent and
 *       {@code childKeyList} the parents' ids on the child.</li>
 * </ul>
 * Connecting and disconnecting many-to-many records goes through {@code Session.connect}/{@code disconnect}, which
 * the connector turns into join-table rows or list updates.
 *
 * @param field            the relation field on the parent
 * @param parent           the model holding {@code field}
 * @param child            the related model
 * @param parentKeys       parent fields whose values identify the related rows (the parent's id for many-to-many)
 * @param childKeys        child fields matched against {@code parentKeys}, pairwise (the child's id for many-to-many)
 * @param joinTable        the join table for an implicit many-to-many relation, else null
 * @param parentJoinColumn the join table column holding the parent's id ({@code A} or {@code B}), else null
 * @param childJoinColumn  the join table column holding the child's id, else null
 * @param parentKeyList    for key lists on both sides: the parent's list of its children's ids, else null
 * @param childKeyList     for key lists on both sides: the child's list of its parents' ids (null when the child has
 *                         no back relation field, or the relation has no key lists)
 */
public record RelationLink(RelationField field, Model parent, Model child, List<ScalarField> parentKeys, List<ScalarField> childKeys,
                    JoinTable joinTable, String parentJoinColumn, String childJoinColumn, ScalarField parentKeyList,
                    ScalarField childKeyList) {

    /** @return how {@code parent} rows join the rows its relation field {@code field} points at */
    public static RelationLink of(Schema schema, Model parent, RelationField field) {
        Relation r = schema.relationOf(parent.name(), field.name());
        if (r == null) throw new IllegalStateException("no relation for " + parent.name() + "." + field.name());
        Model child = schema.model(field.relatedModel());
        boolean parentIsReferencing = r.referencingModel().equals(parent.name()) && field.name().equals(r.referencingField());
        if (r.kind() == RelationKind.IMPLICIT_MANY_TO_MANY) {
            return new RelationLink(field, parent, child, idFields(parent), idFields(child), r.joinTable(),
                    parentIsReferencing ? JoinTable.COLUMN_A : JoinTable.COLUMN_B, parentIsReferencing ? JoinTable.COLUMN_B : JoinTable.COLUMN_A,
                    null, null);
        }
        if (r.kind() == RelationKind.EMBEDDED_MANY_TO_MANY) {
            // Each side names its own list (fields) and the other side's id (references).
            String backName = parentIsReferencing ? r.referencedField() : r.referencingField();
            RelationField back = backName == null ? null : (RelationField) child.field(backName);
            ScalarField parentList = (ScalarField) parent.field(field.fields().getFirst());
            ScalarField childList = back == null ? null : (ScalarField) child.field(back.fields().getFirst());
            return new RelationLink(field, parent, child, back == null ? idFields(parent) : scalars(parent, back.references()),
                    scalars(child, field.references()), null, null, null, parentList, childList);
        }
        List<String> parentNames = parentIsReferencing ? r.fields() : r.references();
        List<String> childNames = parentIsReferencing ? r.references() : r.fields();
        return new RelationLink(field, parent, child, scalars(parent, parentNames), scalars(child, childNames), null, null, null, null, null);
    }

    /** @return whether the relation goes through an implicit many-to-many join table */
    public boolean viaJoinTable() { return joinTable != null; }

    /** @return whether both sides hold lists of the other side's ids (MongoDB's many-to-many) */
    public boolean viaKeyLists() { return parentKeyList != null; }

    /** @return whether the relation is many-to-many (through a join table or key lists) */
    public boolean manyToMany() { return viaJoinTable() || viaKeyLists(); }

    private static List<ScalarField> scalars(Model m, List<String> names) {
        return names.stream().map(n -> (ScalarField) m.field(n)).toList();
    }

    /** @return whether the parent holds the foreign key (the relation is inlined on the parent's row) */
    public boolean parentHoldsKey() {
        return !manyToMany() && field.holdsForeignKey();
    }

    private static List<ScalarField> idFields(Model m) {
        if (m.primaryKey() == null) throw new IllegalStateException(m.name() + " has no id");
        return scalars(m, m.primaryKey().fieldNames());
    }
}
