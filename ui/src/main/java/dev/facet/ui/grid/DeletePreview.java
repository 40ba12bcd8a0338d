package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What deleting the selected records would do, for the confirmation: read from the engine's
 * {@code previewDelete} tree.
 *
 * @param model    the model of the records
 * @param count    how many records are selected for deletion
 * @param effects  what happens to related records, one line each, indented by depth
 * @param blockers what prevents the delete, one line each; empty when it can go ahead
 * @param keys     the records to delete
 */
public record DeletePreview(String model, int count, List<String> effects, List<String> blockers, List<RowKey> keys) {
    public DeletePreview {
        effects = List.copyOf(effects);
        blockers = List.copyOf(blockers);
        keys = List.copyOf(keys);
    }

    /** @return whether related records prevent the delete */
    public boolean blocked() { return !blockers.isEmpty(); }

    /** @return {@code Delete 3 Customer records?} */
    public String title() { return "Delete " + count + " " + model + (count == 1 ? " record?" : " records?"); }

    /**
     * @param model   the model
     * @param preview the engine's answer to {@code previewDelete}
     * @param keys    the records asked about
     */
    static DeletePreview of(String model, JsonNode preview, List<RowKey> keys) {
        List<String> effects = new ArrayList<>();
        effectLines(preview.path("effects"), 0, effects);
        List<String> blockers = new ArrayList<>();
        for (JsonNode b : preview.path("blockedBy")) {
            long n = b.path("count").asLong();
            blockers.add(String.format("%,d %s %s to it: %s", n, b.path("model").asText(), n == 1 ? "record still refers" : "records still refer",
                    b.path("message").asText()));
        }
        return new DeletePreview(model, keys.size(), effects, blockers, keys);
    }

    private static void effectLines(JsonNode effects, int depth, List<String> out) {
        for (JsonNode e : effects) {
            long n = e.path("count").asLong();
            String records = (n < 0 ? "" : String.format("%,d ", n)) + e.path("model").asText() + (n == 1 ? "" : " records");
            String field = e.path("field").asText();
            String line = switch (e.path("action").asText()) {
                // Verbs that follow "Deleting it would also:".
                case "delete" -> "delete " + records + " (cascade through " + field + ")";
                case "setNull" -> "set " + field + " to NULL on " + records;
                case "setDefault" -> "set " + field + " to its default on " + records;
                case "unlink" -> "remove its links in " + e.path("model").asText() + " (" + e.path("relation").asText() + ")";
                default -> null; // restrictions are listed as blockers
            };
            if (line != null) out.add("  ".repeat(depth) + line);
            if (e.has("effects")) effectLines(e.get("effects"), depth + 1, out);
        }
    }
}
