package dev.facet.ui.project;

import dev.facet.data.drift.SchemaDrift;
import java.util.Map;
import java.util.Set;

/**
 * What the window knows about how the database differs from the schema: the comparison made when the project opened
 * (or was reloaded), and the models that cannot be opened because of it.
 *
 * @param drift       the differences per model; null when they could not be compared (MongoDB, or a catalog that
 *                    could not be read: see {@code problem})
 * @param unavailable the models that cannot be opened, with why ("its table "Tag" is missing in the database")
 * @param problem     why the comparison could not be made, or null
 */
public record ProjectDrift(SchemaDrift drift, Map<String, String> unavailable, String problem) {
    public ProjectDrift { unavailable = Map.copyOf(unavailable); }

    /** Nothing known to differ. */
    public static final ProjectDrift NONE = new ProjectDrift(SchemaDrift.NONE, Map.of(), null);

    /** @return whether anything differs */
    public boolean differs() { return drift != null && !drift.inStep(); }

    /** @return why the model cannot be opened, or null when it can */
    public String unavailable(String model) { return unavailable.get(model); }

    /** @return the model's fields whose column is missing: shown as unavailable, never read or written */
    public Set<String> missingFields(String model) {
        SchemaDrift.ModelDrift m = drift == null ? null : drift.model(model);
        return m == null ? Set.of() : m.missingFields();
    }

    /** @return the model's differences, one per line, or null when it has none */
    public String describe(String model) {
        SchemaDrift.ModelDrift m = drift == null ? null : drift.model(model);
        if (m == null) return null;
        StringBuilder b = new StringBuilder();
        for (SchemaDrift.Difference d : m.differences()) b.append(b.isEmpty() ? "" : "\n").append("• ").append(d.message());
        return b.toString();
    }

    /** @return every model's differences as text, model by model, for the drift details */
    public String report() {
        if (drift == null) return problem == null ? "" : problem;
        StringBuilder b = new StringBuilder();
        for (SchemaDrift.ModelDrift m : drift.models()) {
            if (!b.isEmpty()) b.append("\n\n");
            b.append(m.model()).append(m.model().equals(m.table()) ? "" : " (table \"" + m.table() + "\")");
            String why = unavailable(m.model());
            b.append(why != null ? ": cannot be opened, " + why : "").append('\n').append(describe(m.model()));
        }
        return b.toString();
    }
}
