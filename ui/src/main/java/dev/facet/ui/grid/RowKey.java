package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;

/**
 * What identifies a record: the values of its primary key (or, without one, of its first unique
 * constraint). Pending edits are kept by key, not by position, so they survive paging, sorting and
 * filtering.
 */
public final class RowKey {
    private final ObjectNode values;
    private final ObjectNode whereUnique;
    private final String text;

    private RowKey(ObjectNode values, ObjectNode whereUnique) {
        this.values = values;
        this.whereUnique = whereUnique;
        this.text = JsonCodec.write(values);
    }

    /**
     * The fields that identify records of {@code model}: its id, else its first unique constraint.
     *
     * @return the fields, empty when the model has neither (such records cannot be edited)
     */
    public static List<ScalarField> fields(Model model) {
        List<String> names;
        if (model.primaryKey() != null) names = model.primaryKey().fieldNames();
        else if (!model.uniqueIndexes().isEmpty()) names = model.uniqueIndexes().getFirst().fieldNames();
        else return List.of();
        return names.stream().map(n -> (ScalarField) model.field(n)).toList();
    }

    /**
     * @param model  the record's model
     * @param record the record as read (at least its key fields)
     * @return its key, or null when the model has no key or a key value is missing
     */
    public static RowKey of(Model model, JsonNode record) {
        List<ScalarField> fields = fields(model);
        if (fields.isEmpty() || record == null) return null;
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        for (ScalarField f : fields) {
            JsonNode v = record.get(f.name());
            if (v == null || v.isNull()) return null;
            values.set(f.name(), v);
        }
        ObjectNode where = JsonNodeFactory.instance.objectNode();
        if (fields.size() == 1) {
            where.setAll(values);
        } else {
            where.set(criterionName(model), values.deepCopy());
        }
        return new RowKey(values, where);
    }

    /** The name Prisma Client gives a compound key in a where-unique ({@code orderId_productId}). */
    private static String criterionName(Model model) {
        if (model.primaryKey() != null) return model.primaryKey().clientName();
        Index first = model.uniqueIndexes().getFirst();
        return first.clientName();
    }

    /** @return the key values by field name */
    public ObjectNode values() { return values.deepCopy(); }

    /** @return a fresh where-unique object for Prisma Client ({@code {"id": 5}} or {@code {"a_b": {...}}}) */
    public ObjectNode whereUnique() { return whereUnique.deepCopy(); }

    /** @return the key as short text for messages: {@code 5}, or {@code orderId 1, productId 2} */
    public String label() {
        if (values.size() == 1) return values.elements().next().asText();
        StringBuilder sb = new StringBuilder();
        values.properties().forEach(e -> sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().asText()));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) { return o instanceof RowKey k && k.text.equals(text); }

    @Override
    public int hashCode() { return text.hashCode(); }

    @Override
    public String toString() { return text; }
}
