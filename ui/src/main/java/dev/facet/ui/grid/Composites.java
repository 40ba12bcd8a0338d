package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Embedded documents (composite types) in one line, as a cell shows them: {@code {street: "Main St 1", city: "Delft"}},
 * fields that are null or missing left out, nested documents and lists of them the same way.
 */
final class Composites {
    private Composites() {}

    /** @return the one-line summary of a composite value, a list of them, or any JSON value */
    static String summary(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode v) {
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getValue().isNull()) continue;
                StringBuilder part = new StringBuilder(e.getKey()).append(": ");
                append(part, e.getValue());
                parts.add(part.toString());
            }
            out.append('{').append(String.join(", ", parts)).append('}');
        } else if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(item -> parts.add(summary(item)));
            out.append('[').append(String.join(", ", parts)).append(']');
        } else {
            out.append(JsonCodec.write(v));
        }
    }
}
