package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.Schema;

/** The filter on a related model that selects what a relation cell points at, for following it. */
public final class RelationWhere {
    private RelationWhere() {}

    /**
     * @param schema the schema
     * @param model  the model of the record
     * @param record the record (with its key and foreign key fields)
     * @param field  the relation field followed
     * @return a Prisma where on the related model; null when the record points at nothing
     */
    public static ObjectNode of(Schema schema, Model model, ObjectNode record, RelationField field) {
        ObjectNode where = JsonNodeFactory.instance.objectNode();
        if (field.holdsForeignKey()) {
            // This side has the foreign key: the related record is the one its values name ({"id": 7}).
            return copy(record, field.fields(), field.references(), where);
        }
        Relation r = schema.relationOf(model.name(), field.name());
        if (r == null) return null;
        boolean thisIsReferenced = r.referencedModel().equals(model.name()) && field.name().equals(r.referencedField());
        String otherName = thisIsReferenced ? r.referencingField() : r.referencedField();
        Model related = schema.model(field.relatedModel());
        if (otherName == null || related == null) return null;
        RelationField other = (RelationField) related.field(otherName);
        if (other.holdsForeignKey() && !r.isManyToMany()) {
            // The other side has the foreign key: the related records are those whose key names this one ({"customerId": 3}).
            return copy(record, other.references(), other.fields(), where);
        }
        // Many-to-many: the related records are those linked to this one ({"products": {"some": {"id": 1}}}).
        RowKey key = RowKey.of(model, record);
        if (key == null) return null;
        where.putObject(other.name()).set(other.isList() ? "some" : "is", key.values());
        return where;
    }

    /** @return the relation column whose foreign key {@code fk} is (part of), or null */
    static GridColumn owner(java.util.List<GridColumn> columns, GridColumn fk) {
        for (GridColumn c : columns) if (c.isRelation() && c.relation().fields().contains(fk.name())) return c;
        return null;
    }

    private static ObjectNode copy(ObjectNode record, java.util.List<String> from, java.util.List<String> to, ObjectNode where) {
        for (int i = 0; i < from.size(); i++) {
            JsonNode v = record.get(from.get(i));
            if (v == null || v.isNull()) return null;
            // An id array (MongoDB's many-to-many) names every related record: {"id": {"in": [...]}}.
            if (v.isArray()) where.putObject(to.get(i)).set("in", v);
            else where.set(to.get(i), v);
        }
        return where;
    }
}
