package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import dev.facet.ui.task.TaskExecutor;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A grid's relations: following a relation cell to the related records (through the {@link Navigator}), and
 * linking or unlinking them through the relation picker, as pending changes.
 */
@ViewModelPart
final class RelationLinks {
    private final Schema schema;
    private final Model model;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final Navigator navigator;
    private final PendingChanges pending;
    private final GridMessages messages;
    private final Supplier<ZoneId> zone;
    private final BooleanSupplier saving;
    private final boolean insensitiveSupported;

    /** @param navigator opens related models, or null when there is nowhere to go */
    RelationLinks(Schema schema, Model model, QueryEngine engine, TaskExecutor executor, Navigator navigator, PendingChanges pending,
                  GridMessages messages, Supplier<ZoneId> zone, BooleanSupplier saving, boolean insensitiveSupported) {
        this.schema = schema;
        this.model = model;
        this.engine = engine;
        this.executor = executor;
        this.navigator = navigator;
        this.pending = pending;
        this.messages = messages;
        this.zone = zone;
        this.saving = saving;
        this.insensitiveSupported = insensitiveSupported;
    }

    boolean follow(GridRow row, GridColumn column, boolean newTab) {
        // A foreign key (an ObjectId, an id array) leads where its relation does.
        if (column.foreignKey() && !column.isRelation()) column = RelationWhere.owner(pending.columns(), column);
        if (column == null || !column.isRelation() || row.isDraft() || row.record() == null || navigator == null) return false;
        return openRelated(model, row.record(), column, newTab);
    }

    /** Opens one record of a model (the record panel's related records), selected in its grid. */
    boolean openRecord(Model target, RowKey key, boolean newTab) {
        return key != null && open(target, key.values(), newTab, g -> g.revealList().add(key));
    }

    /** Opens a model filtered by {@code where} (null: every record), then hands its grid to {@code then}. */
    boolean open(Model target, ObjectNode where, boolean newTab, Consumer<ModelGridViewModel> then) {
        if (navigator == null) return false;
        navigator.openModel(target, where == null ? null : JsonCodec.write(where), newTab, then);
        return true;
    }

    /** Opens the records a relation of {@code record} (a record of {@code owner}) points at. */
    boolean openRelated(Model owner, ObjectNode record, GridColumn column, boolean newTab) {
        if (navigator == null || !column.isRelation()) return false;
        ObjectNode where = RelationWhere.of(schema, owner, record, column.relation());
        if (where == null) {
            messages.show(Severity.INFO, "No related " + column.related().name());
            return false;
        }
        navigator.openModel(column.related(), JsonCodec.write(where), newTab);
        return true;
    }

    String whyNotLinkable(GridRow row, GridColumn column) {
        if (!column.isRelation()) return column.name() + " is not a relation";
        String ro = pending.readOnlyReason();
        if (ro != null) return ro;
        if (saving.getAsBoolean()) return "Saving; wait a moment";
        Model related = column.related();
        if (related == null) return column.name() + " points at a model that is not in the schema";
        if (related.view()) return column.name() + " points at a view, which cannot be linked";
        if (RowKey.fields(related).isEmpty()) return related.name() + " has no id or unique field, so its records cannot be linked";
        if (row.isDraft()) return null;
        if (!row.isLoaded() || row.key() == null) return "The row is still loading";
        if (pending.changes().isDeleted(row.key())) return "The record is marked for deletion; revert the row to link it";
        return null;
    }

    RelationPickerViewModel picker(GridRow row, GridColumn column) {
        String why = whyNotLinkable(row, column);
        if (why != null) {
            messages.show(Severity.WARNING, why);
            return null;
        }
        // An ObjectId key is shortened as in the grid: a 24-digit title pushed the picker's type line out of view.
        String label = row.isDraft() ? "new record " + row.draftNumber() : model.name() + " " + ObjectIds.shortForm(row.key().label());
        RowKey opened = row.key();
        // A reload while the picker is open refills rows in place: a row holding another record now must not get the link.
        return new RelationPickerViewModel(schema, model, row, label, column, pending.changes().link(row, column.name()), engine, executor,
                zone.get(), insensitiveSupported, change -> Objects.equals(opened, row.key()) ? setLink(row, column, change)
                        : EditResult.refused("The grid was reloaded and " + label + " is no longer in this row; open the picker again"));
    }

    EditResult setLink(GridRow row, GridColumn column, LinkChange change) {
        String why = whyNotLinkable(row, column);
        if (why != null) return EditResult.refused(why);
        return pending.setLink(row, column, change);
    }

    void back() { if (navigator != null) navigator.back(); }

    void forward() { if (navigator != null) navigator.forward(); }
}
