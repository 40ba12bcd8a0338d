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
    /** The compound key's name in a where-unique ({@code orderId_productId}), or null for a key of one field. */
    private final String compoundName;
    /** The key as JSON: made when first compared or shown, since most rows loaded while scrolling never are. */
    private String text;

    private RowKey(ObjectNode values, String compoundName) {
        this.values = values;
        this.compoundName = compoundName;
    }

    /**
     * What identifies the records of one model, worked out once for all of them: the grid makes a key for every row
     * it loads.
     *
     * @param names        the key fields' names
     * @param compoundName the compound key's name in a where-unique, or null for a key of one field
     */
    record Identity(String[] names, String compoundName) {
        /** @return how records of {@code model} are identified (no fields when it has neither id nor unique) */
        static Identity of(Model model) {
            String[] names = RowKey.fields(model).stream().map(ScalarField::name).toArray(String[]::new);
            return new Identity(names, names.length > 1 ? criterionName(model) : null);
        }
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
    public static RowKey of(Model model, JsonNode record) { return of(Identity.of(model), record); }

    /** As {@link #of(Model, JsonNode)}, with the model's identity worked out before. */
    static RowKey of(Identity identity, JsonNode record) {
        String[] names = identity.names();
        if (names.length == 0 || record == null) return null;
        Object[] keyValues = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode v = record.get(names[i]);
            if (v == null || v.isNull()) return null;
            keyValues[i] = v;
        }
        return new RowKey(new ObjectNode(JsonNodeFactory.instance, new CompactRecords.Fields(names, keyValues)), identity.compoundName());
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
    public ObjectNode whereUnique() {
        if (compoundName == null) return values.deepCopy();
        ObjectNode where = JsonNodeFactory.instance.objectNode();
        where.set(compoundName, values.deepCopy());
        return where;
    }

    /** @return the key as short text for messages: {@code 5}, or {@code orderId 1, productId 2} */
    public String label() {
        if (values.size() == 1) return values.elements().next().asText();
        StringBuilder sb = new StringBuilder();
        values.properties().forEach(e -> sb.append(sb.isEmpty() ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue().asText()));
        return sb.toString();
    }

    private String text() {
        String t = text;
        // A race makes the same text twice at worst; a String is safe to share without a lock.
        if (t == null) text = t = JsonCodec.write(values);
        return t;
    }

    @Override
    public boolean equals(Object o) { return o instanceof RowKey k && k.text().equals(text()); }

    @Override
    public int hashCode() { return text().hashCode(); }

    @Override
    public String toString() { return text(); }
}
