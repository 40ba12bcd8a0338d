package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.connector.ConnectorCapability;

/**
 * Fields that may be missing from a record (MongoDB's documents, {@link ConnectorCapability#ABSENT_FIELDS}): a pending
 * "unset" (Prisma's {@code {unset: true}}, which removes the field), and how the grid shows it.
 */
final class DocumentFields {
    private DocumentFields() {}

    /** The pending value that removes a field when saved. */
    static final ObjectNode UNSET = JsonNodeFactory.instance.objectNode().put("unset", true);

    /** @return whether the cell's field can be removed from the record (an optional field, where fields can be absent) */
    static boolean canUnset(ModelGridViewModel vm, GridColumn column) {
        return column.nullable() && !column.isRelation() && vm.project().engine().supports(ConnectorCapability.ABSENT_FIELDS);
    }

    /** Marks the field to be removed from the record when saved. */
    static ModelGridViewModel.EditResult unset(ModelGridViewModel vm, GridRow row, GridColumn column) {
        if (!canUnset(vm, column)) return ModelGridViewModel.EditResult.refused(column.name() + " cannot be unset");
        if (row.isDraft()) {
            // A new record simply leaves the field out.
            vm.revertCell(row, column);
            return ModelGridViewModel.EditResult.OK;
        }
        return vm.setValue(row, column, UNSET.deepCopy());
    }

    /** @return whether a pending value is the unset mark */
    static boolean isUnset(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.path("unset").asBoolean(false);
    }

    /**
     * The value a Save sends for a pending cell: an embedded document or a list of them as Prisma's composite update
     * from what was loaded ({@link CompositeUpdates}); everything else as is.
     */
    static JsonNode forUpdate(dev.facet.schema.model.Schema schema, GridColumn column, JsonNode original, JsonNode value) {
        if (column.kind() != GridColumn.Kind.COMPOSITE || value == null || value.isNull() || isUnset(value)) return value;
        return CompositeUpdates.of(schema, column.scalar(), original, value);
    }
}
