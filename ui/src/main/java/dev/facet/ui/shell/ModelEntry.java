package dev.facet.ui.shell;

import dev.facet.ui.project.Problem;
import dev.facet.schema.model.Model;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A model or view in the sidebar, with its row count once loaded. */
public final class ModelEntry {
    private final ReadOnlyObjectWrapper<Model> model;
    private final ReadOnlyObjectWrapper<Long> count = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper drift = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper estimated = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper();

    ModelEntry(Model model) { this.model = new ReadOnlyObjectWrapper<>(model); }

    /** @return the model's name */
    public String name() { return model.get().name(); }

    /** @return whether it is a {@code view} */
    public boolean isView() { return model.get().view(); }

    /** @return the model, as of the latest schema */
    public Model model() { return model.get(); }

    /** @return the model, replaced when the schema is reloaded */
    public ReadOnlyObjectProperty<Model> modelProperty() { return model.getReadOnlyProperty(); }

    /** @return the row count, null until known */
    public ReadOnlyObjectProperty<Long> countProperty() { return count.getReadOnlyProperty(); }

    /**
     * @return whether {@link #countProperty()} holds the database's estimate rather than an exact count (-1: the
     *         database has no estimate for the table)
     */
    public ReadOnlyBooleanProperty estimatedProperty() { return estimated.getReadOnlyProperty(); }

    /** @return whether the count is being loaded */
    public ReadOnlyBooleanProperty countingProperty() { return counting.getReadOnlyProperty(); }

    /** @return why the count could not be loaded ("P1001: ..."), or null */
    public ReadOnlyStringProperty countErrorProperty() { return countError.getReadOnlyProperty(); }

    /** @return how the database differs from the model, one difference per line, or null when it does not */
    public ReadOnlyStringProperty driftProperty() { return drift.getReadOnlyProperty(); }

    /** @return why the model cannot be opened (its table is missing), or null */
    public ReadOnlyStringProperty unavailableProperty() { return unavailable.getReadOnlyProperty(); }

    void setModel(Model m) { model.set(m); }

    void setDrift(String differences, String whyUnavailable) {
        drift.set(differences);
        unavailable.set(whyUnavailable);
    }

    void startCounting() { counting.set(true); }

    void estimated(long n) {
        estimated.set(true);
        count.set(n);
        countError.set(null);
        counting.set(false);
    }

    void counted(long n) {
        estimated.set(false);
        count.set(n);
        countError.set(null);
        counting.set(false);
    }

    void countFailed(Problem problem) {
        countError.set(problem.text());
        counting.set(false);
    }

    @Override public String toString() { return name(); }
}
