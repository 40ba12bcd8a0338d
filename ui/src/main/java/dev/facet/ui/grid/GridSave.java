package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.ScalarField;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.PagingMode;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Saves the pending changes in one transaction ({@link SavePlan}), and says what came of it: saved (new records
 * brought into view), nothing saved because of a conflict, or nothing saved because a step failed (its row says why).
 */
@ViewModelPart
final class GridSave {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final Model model;
    private final List<GridColumn> columns;
    private final List<ScalarField> keyFields;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final GridQuery query;
    private final PendingChanges pending;
    private final GridPaging paging;
    private final GridMessages messages;
    private final Supplier<ObjectNode> where;
    private final Supplier<List<SortKey>> sort;
    private final ReadOnlyIntegerWrapper saves = new ReadOnlyIntegerWrapper(this, "saves");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper nonAtomicOffered = new ReadOnlyBooleanWrapper(this, "nonAtomicOffered");
    private final ObservableList<RowKey> reveal = FXCollections.observableArrayList();

    GridSave(Schema schema, Model model, List<GridColumn> columns, QueryEngine engine, TaskExecutor executor, GridQuery query, PendingChanges pending,
             GridPaging paging, GridMessages messages, Supplier<ObjectNode> where, Supplier<List<SortKey>> sort) {
        this.schema = schema;
        this.model = model;
        this.columns = columns;
        this.keyFields = RowKey.fields(model);
        this.engine = engine;
        this.executor = executor;
        this.query = query;
        this.pending = pending;
        this.paging = paging;
        this.messages = messages;
        this.where = where;
        this.sort = sort;
    }

    ReadOnlyIntegerProperty savesProperty() { return saves.getReadOnlyProperty(); }

    ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }

    boolean isSaving() { return saving.get(); }

    /** @return whether the last Save was refused for want of transactions, and saving without one is offered */
    ReadOnlyBooleanProperty nonAtomicOfferedProperty() { return nonAtomicOffered.getReadOnlyProperty(); }

    /** Accepts the offer: this project's writes run without a transaction from now on (as {@code --allow-non-atomic}), then saves. */
    void saveWithoutTransaction() {
        nonAtomicOffered.set(false);
        engine.allowNonAtomicWrites(true);
        save();
    }

    ObservableList<RowKey> revealList() { return reveal; }

    /** @return the requests Save would send now */
    SavePlan plan() {
        return new SavePlan(schema, model, columns, pending.changes(), query.include(), engine.supports(ConnectorCapability.ABSENT_FIELDS));
    }

    void save() {
        ChangeSet changes = pending.changes();
        if (saving.get() || changes.isEmpty()) return;
        nonAtomicOffered.set(false);
        String ro = pending.readOnlyReason();
        if (ro != null) {
            // Nothing can be made pending on a read-only project; this is the last guard before the database.
            messages.show(Severity.WARNING, ro);
            return;
        }
        if (!pending.conflicts().isEmpty()) {
            messages.show(Severity.WARNING, "Choose for each conflict first: keep your change or take theirs");
            return;
        }
        if (!checkDrafts()) return;
        SavePlan plan = plan();
        int n = changes.size();
        saving.set(true);
        executor.submit("Saving " + n + (n == 1 ? " change" : " changes") + " to " + model.name(), () -> plan.run(engine), outcome -> {
            saving.set(false);
            messages.reachable();
            if (outcome.saved()) {
                saved(n);
                revealSaved(plan.created());
            } else {
                saveFailed(plan, outcome);
            }
        }, e -> {
            saving.set(false);
            messages.failed("Nothing was saved", e);
        });
    }

    /**
     * New records leave the top of the grid when saved: their page is found (in the default order, by key) and
     * the table selects them there ({@link #revealList()}), instead of their vanishing onto a page nobody looks at.
     */
    private void revealSaved(List<RowKey> keys) {
        if (keys.isEmpty()) return;
        reveal.setAll(keys);
        if (!sort.get().isEmpty() || keyFields.size() != 1 || paging.pagingModeProperty().get() != PagingMode.PAGES) return;
        String field = keyFields.getFirst().name();
        ObjectNode upTo = JSON.objectNode();
        upTo.putObject(field).set("lte", keys.getLast().values().get(field));
        ObjectNode args = JSON.objectNode();
        args.set("where", Wheres.and(where.get(), upTo));
        executor.submit("Finding the new " + model.name(), () -> engine.execute(model.name(), "count", args).asLong(), n -> {
            if (n > 0) paging.goToPage((int) ((n - 1) / paging.pageSizeProperty().get()));
        }, e -> reveal.clear());
    }

    /** New records need every required field that has no default. */
    private boolean checkDrafts() {
        ChangeSet changes = pending.changes();
        boolean ok = true;
        for (GridRow d : changes.drafts()) {
            List<String> missing = new ArrayList<>();
            for (GridColumn c : columns) {
                boolean linked = pending.linkSetting(d, c) != null;
                if (c.requiredOnCreate() && c.editable() && !d.draftValues().containsKey(c.name()) && !linked) missing.add(c.name());
            }
            if (!missing.isEmpty()) {
                ok = false;
                pending.rowErrors().put(d, "new record " + d.draftNumber() + " needs " + String.join(", ", missing));
                d.changed();
            }
        }
        if (!ok) {
            messages.show(Severity.ERROR, "Nothing was saved: " + String.join("; ",
                    changes.drafts().stream().map(pending.rowErrors()::get).filter(Objects::nonNull).toList()));
        }
        return ok;
    }

    private void saved(int n) {
        pending.clear();
        pending.changed();
        messages.show(Severity.SUCCESS, "Saved " + n + (n == 1 ? " change" : " changes"));
        saves.set(saves.get() + 1);
        paging.refresh();
    }

    private void saveFailed(SavePlan plan, SavePlan.Outcome outcome) {
        if (NonAtomicSave.offer(outcome.error(), pending.changes().size(), m -> messages.show(m.severity(), m.text()))) {
            nonAtomicOffered.set(true);
            return;
        }
        if (!outcome.conflicts().isEmpty() || !outcome.goneDeletes().isEmpty()) {
            pending.conflictsFound(outcome.conflicts(), outcome.goneDeletes());
            List<String> parts = new ArrayList<>();
            int n = outcome.conflicts().size();
            if (n > 0) {
                parts.add(n + (n == 1 ? " record was" : " records were") + " changed by someone else since you loaded "
                        + (n == 1 ? "it" : "them") + ": keep your change or take theirs");
            }
            int gone = outcome.goneDeletes().size();
            if (gone > 0) {
                parts.add(gone + " of the records to delete " + (gone == 1 ? "was" : "were") + " already deleted by someone else (no longer marked)");
            }
            messages.show(Severity.WARNING, "Nothing was saved: " + String.join("; ", parts) + ".");
            if (gone > 0) paging.refresh();
            return;
        }
        SavePlan.Step step = outcome.failed();
        String reason = plan.explain(step, outcome.error());
        pending.rowErrors().put(step.ref(), reason);
        if (step.draft() != null) step.draft().changed();
        else paging.redraw(step.key());
        // Prisma's own messages end with a full stop; the ones made here do not.
        messages.show(Severity.ERROR, "Nothing was saved: " + step.label() + ": " + reason + (reason.endsWith(".") ? "" : ".")
                + " Your changes are kept.");
    }
}
