package dev.facet.ui.grid;

import dev.facet.data.write.DeleteImpact;
import java.util.ArrayList;
import java.util.List;

/**
 * What deleting the selected records would do, for the confirmation: the lines of the engine's
 * {@link DeleteImpact}.
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
     * @param preview the engine's delete preview
     * @param keys    the records asked about
     */
    static DeletePreview of(String model, DeleteImpact preview, List<RowKey> keys) { return of(null, model, preview, keys); }

    /**
     * As {@link #of(String, DeleteImpact, List)}; with the schema, connections kept in id arrays (MongoDB's
     * many-to-many) are named by their array: {@code remove its id from orderIds of 2 Product records}.
     */
    static DeletePreview of(dev.facet.schema.model.Schema schema, String model, DeleteImpact preview, List<RowKey> keys) {
        List<String> effects = new ArrayList<>();
        effectLines(schema, preview.effects(), 0, effects);
        List<String> blockers = new ArrayList<>();
        for (DeleteImpact.Blocker b : preview.blockedBy()) {
            long n = b.count();
            blockers.add(String.format("%,d %s %s to it: %s", n, b.model(), n == 1 ? "record still refers" : "records still refer", b.message()));
        }
        return new DeletePreview(model, keys.size(), effects, blockers, keys);
    }

    private static void effectLines(dev.facet.schema.model.Schema schema, List<DeleteImpact.Effect> effects, int depth, List<String> out) {
        for (DeleteImpact.Effect e : effects) {
            long n = e.count();
            String records = (n < 0 ? "" : String.format("%,d ", n)) + e.model() + (n == 1 ? "" : " records");
            String field = String.valueOf(e.field());
            String line = switch (e.action()) {
                case DELETE -> "delete " + records + " (cascade through " + field + ")";
                case SET_NULL -> "set " + field + " to NULL on " + records;
                case SET_DEFAULT -> "set " + field + " to its default on " + records;
                case UNLINK -> {
                    String array = idArray(schema, e);
                    yield array != null ? "remove its id from " + array + " of " + records : "remove its links in " + e.model() + " (" + e.relation() + ")";
                }
                case UPDATE, RESTRICT -> null; // restrictions are listed as blockers
            };
            if (line != null) out.add("  ".repeat(depth) + line);
            if (e.effects() != null) effectLines(schema, e.effects(), depth + 1, out);
        }
    }

    /** The id array of {@code e.model()} that holds the connections of an UNLINK effect, or null (a join table). */
    private static String idArray(dev.facet.schema.model.Schema schema, DeleteImpact.Effect e) {
        dev.facet.schema.model.Model m = schema == null ? null : schema.model(e.model());
        if (m == null) return null;
        for (var rf : m.relationFields()) {
            if (rf.relationName().equals(e.relation()) && rf.fields().size() == 1 && m.field(rf.fields().getFirst()).isList()) return rf.fields().getFirst();
        }
        return null;
    }
}
