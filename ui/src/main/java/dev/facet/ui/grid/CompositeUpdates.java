package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Save sends for an edited embedded document: Prisma's partial composite update where that is what changed, so
 * that the fields nobody touched stay as stored (a missing field stays missing, another client's change to another
 * field is kept).
 * <ul>
 *   <li>a single document loaded with a value: {@code update} with the changed fields only, nested documents the same
 *       way;</li>
 *   <li>a list: {@code push} when items were only added at the end, {@code deleteMany} when items were only removed,
 *       {@code updateMany} when one item changed (found by its unchanged fields); each only when the items concerned
 *       can be told apart by value (Prisma's list operations select items by a filter, not by position);</li>
 *   <li>anything else (a new document, reordered or mixed list edits): the whole value with {@code set}.</li>
 * </ul>
 */
final class CompositeUpdates {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CompositeUpdates() {}

    /** @return the update of {@code field} from {@code original} (as loaded) to {@code value} (an object or a list) */
    static JsonNode of(Schema schema, ScalarField field, JsonNode original, JsonNode value) {
        if (schema != null && original != null) {
            CompositeType type = schema.compositeType(field.typeName());
            JsonNode partial = field.isList() ? list(type, original, value) : single(schema, type, original, value);
            if (partial != null) return partial;
        }
        return JSON.objectNode().set("set", value);
    }

    private static JsonNode single(Schema schema, CompositeType type, JsonNode original, JsonNode value) {
        if (!original.isObject() || !value.isObject()) return null;
        ObjectNode changed = changes(schema, type, original, value);
        return changed.isEmpty() ? null : JSON.objectNode().set("update", changed);
    }

    private static ObjectNode changes(Schema schema, CompositeType type, JsonNode original, JsonNode value) {
        ObjectNode out = JSON.objectNode();
        for (ScalarField f : type.fields()) {
            JsonNode o = original.get(f.name()) == null ? NullNode.instance : original.get(f.name());
            JsonNode v = value.get(f.name()) == null ? NullNode.instance : value.get(f.name());
            if (o.equals(v)) continue;
            if (f.kind() == FieldKind.COMPOSITE) {
                JsonNode nested = f.isList() ? null : single(schema, schema.compositeType(f.typeName()), o, v);
                out.set(f.name(), nested != null ? nested : JSON.objectNode().set("set", v));
            } else {
                out.set(f.name(), v);
            }
        }
        return out;
    }

    private static JsonNode list(CompositeType type, JsonNode original, JsonNode value) {
        if (!original.isArray() || !value.isArray()) return null;
        int o = original.size();
        int v = value.size();
        if (v > o && prefix(original, value)) {
            ArrayNode added = JSON.arrayNode();
            for (int i = o; i < v; i++) added.add(value.get(i));
            return JSON.objectNode().set("push", added);
        }
        if (v < o) {
            List<JsonNode> removed = removedInOrder(original, value);
            if (removed == null || removed.isEmpty()) return null;
            ArrayNode or = JSON.arrayNode();
            for (JsonNode r : removed) {
                if (holdsNull(r) || contains(value, r)) return null;
                or.add(itemWhere(r));
            }
            ObjectNode where = JSON.objectNode();
            where.set("OR", or);
            return JSON.objectNode().set("deleteMany", JSON.objectNode().set("where", where));
        }
        if (v == o) {
            int at = -1;
            for (int i = 0; i < o; i++) {
                if (original.get(i).equals(value.get(i))) continue;
                if (at >= 0) return null;
                at = i;
            }
            if (at < 0) return null;
            // The item is found by the fields that stay as they were (not by those that change: a filter on a field
            // being changed is ambiguous), when they tell it apart from every other item.
            JsonNode before = original.get(at);
            ObjectNode data = JSON.objectNode();
            ObjectNode where = JSON.objectNode();
            for (ScalarField f : type.fields()) {
                JsonNode ov = before.get(f.name()) == null ? NullNode.instance : before.get(f.name());
                JsonNode nv = value.get(at).get(f.name()) == null ? NullNode.instance : value.get(at).get(f.name());
                if (!nv.equals(ov)) data.set(f.name(), f.kind() == FieldKind.COMPOSITE ? JSON.objectNode().set("set", nv) : nv);
                else if (!ov.isNull() && !holdsNull(ov)) where.putObject(f.name()).set("equals", ov);
            }
            if (where.isEmpty() || matching(original, where) != 1) return null;
            ObjectNode many = JSON.objectNode();
            many.set("where", where);
            many.set("data", data);
            return JSON.objectNode().set("updateMany", many);
        }
        return null;
    }

    /** A filter that matches the items equal to {@code item} (which holds no null). */
    private static ObjectNode itemWhere(JsonNode item) {
        ObjectNode where = JSON.objectNode();
        item.properties().forEach(e -> where.putObject(e.getKey()).set("equals", e.getValue()));
        return where;
    }

    /** @return how many items of {@code list} have the values {@code where} asks for */
    private static int matching(JsonNode list, ObjectNode where) {
        int n = 0;
        for (JsonNode item : list) {
            boolean all = true;
            for (var e : where.properties()) all &= e.getValue().get("equals").equals(item.get(e.getKey()));
            if (all) n++;
        }
        return n;
    }

    private static boolean prefix(JsonNode original, JsonNode value) {
        for (int i = 0; i < original.size(); i++) if (!original.get(i).equals(value.get(i))) return false;
        return true;
    }

    /** @return the items of {@code original} missing from {@code value}, when {@code value} keeps the others in order; else null */
    private static List<JsonNode> removedInOrder(JsonNode original, JsonNode value) {
        List<JsonNode> removed = new ArrayList<>();
        int j = 0;
        for (JsonNode item : original) {
            if (j < value.size() && item.equals(value.get(j))) j++;
            else removed.add(item);
        }
        return j == value.size() ? removed : null;
    }

    private static boolean contains(JsonNode list, JsonNode item) { return count(list, item) > 0; }

    private static int count(JsonNode list, JsonNode item) {
        int n = 0;
        for (JsonNode x : list) if (x.equals(item)) n++;
        return n;
    }

    private static boolean holdsNull(JsonNode v) {
        if (v.isNull()) return true;
        for (JsonNode child : v) if (holdsNull(child)) return true;
        return false;
    }
}
