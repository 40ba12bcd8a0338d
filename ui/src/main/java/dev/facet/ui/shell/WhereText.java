package dev.facet.ui.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prisma {@code where} arguments as the shell handles them: normalized for comparison, summarized for tab titles. */
final class WhereText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WhereText() {}

    /** @return compact JSON for the same filter, or null when it filters nothing (null, blank, {@code {}}) */
    static String normalize(String whereJson) {
        if (whereJson == null || whereJson.isBlank()) return null;
        try {
            JsonNode node = JSON.readTree(whereJson);
            if (node == null || node.isNull() || (node.isObject() && node.isEmpty())) return null;
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // Not JSON: keep it as given; the grid reports the error where the filter is shown.
            return whereJson.strip();
        }
    }

    /** @return {@code customerId = 5}, {@code a = 1, b = "x"}, or {@code filtered} for anything more complex */
    static String summary(String whereJson) {
        if (whereJson == null) return "";
        try {
            JsonNode node = JSON.readTree(whereJson);
            if (!node.isObject()) return "filtered";
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode v = e.getValue();
                if (v.isObject() && v.size() == 1 && v.has("equals")) v = v.get("equals");
                if (!v.isValueNode()) return "filtered";
                parts.add(e.getKey() + " = " + v);
            }
            return parts.size() > 3 ? "filtered" : String.join(", ", parts);
        } catch (JsonProcessingException e) {
            return "filtered";
        }
    }
}
