package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Model;
import java.util.ArrayList;
import java.util.List;

/** Small helpers the write classes share for reading write arguments (JSON trees) and their argument paths. */
final class WriteInput {
    private WriteInput() {}

    /** A value given as one item or a list of them, as a list (empty for null or absent). */
    static List<JsonNode> items(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    static JsonNode requireObject(JsonNode v, String path) {
        if (v == null || v.isNull()) throw QueryError.validation(path, "A value is required but not set");
        if (!v.isObject()) throw QueryError.validation(path, "expected an object, but received " + v);
        return v;
    }

    static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    static boolean isField(Model m, String name) { return m.field(name) != null; }

}
