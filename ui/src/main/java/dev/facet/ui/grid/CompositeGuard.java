package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;

/**
 * The conflict guard of an embedded document a Save changes: a filter that matches the document only while the
 * embedded value is still as it was loaded, so that a change made by someone else since is caught (P2025) as on any
 * other field.
 * <p>
 * A single embedded document is compared field by field with {@code is} rather than with {@code equals}: MongoDB
 * compares whole documents field order included, and a read shows a missing field as null, so {@code equals} would
 * report false conflicts on documents written by other tools. Each field loaded as null is guarded as "null or
 * missing". A list of embedded documents has no such per-item filter in Prisma; it is guarded with {@code equals} when
 * no item holds a null (which could be a missing field), and left unguarded otherwise rather than guarded wrongly.
 */
final class CompositeGuard {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CompositeGuard() {}

    /** @return the filter on {@code field} for its loaded value {@code original} (not null), or null when it cannot be guarded */
    static JsonNode of(Schema schema, ScalarField field, JsonNode original) {
        if (schema == null) return null;
        if (field.isList()) {
            if (!original.isArray() || original.isEmpty() || holdsNull(original)) return null;
            return JSON.objectNode().set("equals", original);
        }
        if (!original.isObject()) return null;
        ObjectNode is = document(schema, schema.compositeType(field.typeName()), original);
        return JSON.objectNode().set("is", is);
    }

    private static ObjectNode document(Schema schema, CompositeType type, JsonNode value) {
        ObjectNode where = JSON.objectNode();
        for (ScalarField f : type.fields()) {
            JsonNode v = value.get(f.name());
            if (v == null || v.isNull()) {
                // A required field held null does not fit the schema; it is left unguarded.
                if (f.isList() || f.arity() != FieldArity.OPTIONAL) continue;
                ArrayNode and = where.has("AND") ? (ArrayNode) where.get("AND") : where.putArray("AND");
                ArrayNode or = and.addObject().putArray("OR");
                or.addObject().putNull(f.name());
                or.addObject().putObject(f.name()).put("isSet", false);
                continue;
            }
            if (f.kind() == FieldKind.COMPOSITE) {
                JsonNode nested = of(schema, f, v);
                if (nested != null) where.set(f.name(), nested);
            } else if (f.isList()) {
                // An empty list reads back the same as a missing one.
                if (!v.isEmpty()) where.putObject(f.name()).set("equals", v);
            } else if (f.kind() == FieldKind.ENUM || f.scalarType() != ScalarType.JSON) {
                where.putObject(f.name()).set("equals", v);
            }
        }
        return where;
    }

    private static boolean holdsNull(JsonNode v) {
        if (v.isNull()) return true;
        for (JsonNode child : v) if (holdsNull(child)) return true;
        return false;
    }
}
