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
    static DeletePreview of(String model, DeleteImpact preview, List<RowKey> keys) {
        List<String> effects = new ArrayList<>();
        effectLines(preview.effects(), 0, effects);
        List<String> blockers = new ArrayList<>();
        for (DeleteImpact.Blocker b : preview.blockedBy()) {
            long n = b.count();
            blockers.add(String.format("%,d %s %s to it: %s", n, b.model(), n == 1 ? "record still refers" : "records still refer", b.message()));
        }
        return new DeletePreview(model, keys.size(), effects, blockers, keys);
    }

    private static void effectLines(List<DeleteImpact.Effect> effects, int depth, List<String> out) {
        for (DeleteImpact.Effect e : effects) {
            long n = e.count();
            String records = (n < 0 ? "" : String.format("%,d ", n)) + e.model() + (n == 1 ? "" : " records");
            String field = String.valueOf(e.field());
            String line = switch (e.action()) {
                case DELETE -> "delete " + records + " (cascade through " + field + ")";
                case SET_NULL -> "set " + field + " to NULL on " + records;
                case SET_DEFAULT -> "set " + field + " to its default on " + records;
                case UNLINK -> "remove its links in " + e.model() + " (" + e.relation() + ")";
                case UPDATE, RESTRICT -> null; // restrictions are listed as blockers
            };
            if (line != null) out.add("  ".repeat(depth) + line);
            if (e.effects() != null) effectLines(e.effects(), depth + 1, out);
        }
    }
}
