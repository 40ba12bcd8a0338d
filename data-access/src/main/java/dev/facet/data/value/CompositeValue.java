package dev.facet.data.value;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.ScalarField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A value of a composite type ({@code type Address { ... }}): a document embedded in a record, as MongoDB stores it.
 * Its fields hold the neutral values {@link Values} knows, other composite values, or lists of either. Only a
 * document connector produces these; {@link Values} encodes them as JSON objects in the type's field order.
 *
 * @param type   the composite type
 * @param fields the values by field name (a field left out is not in the document; null is a stored null)
 */
public record CompositeValue(CompositeType type, Map<String, Object> fields) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public CompositeValue {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** @return the value as Prisma Client returns it: an object with the type's fields, in their declared order */
    public ObjectNode toJson() {
        ObjectNode out = JSON.objectNode();
        for (ScalarField f : type.fields()) {
            if (fields.containsKey(f.name())) out.set(f.name(), Values.toJson(f, fields.get(f.name())));
        }
        return out;
    }
}
