package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The edit session of a grid until Save: typed cells, new records, relation links and deletion marks (kept in a
 * {@link ChangeSet}), the errors the last save found on rows, and the conflicts with what someone else saved.
 * The grid and the record panel both edit through here, so an edit is the same pending change wherever it is made.
 */
@ViewModelPart
final class PendingChanges {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Model model;
    /** Whether composite values can be written (MongoDB's embedded documents). */
    private final boolean compositesEditable;
    /** Whether a stored record's id can be changed: not on MongoDB, where Prisma Client refuses to update an id. */
    private final boolean idsUpdatable;
    private final boolean readOnly;
    private final List<GridColumn> columns;
    private final List<ScalarField> keyFields;
    /** The to-one relation column each foreign key field belongs to: a pending link shows in its fields too. */
    private final Map<String, GridColumn> keyOwners = new HashMap<>();
    private final ChangeSet changes;
    private final GridPaging paging;
    private final GridMessages messages;
    private final Supplier<ZoneId> zone;
    private final BooleanSupplier saving;
    private final Map<Object, String> rowErrors = new HashMap<>();
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<Conflict> conflictsView = FXCollections.unmodifiableObservableList(conflicts);
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private int draftCounter;
    /** The pending changes before each change, for Ctrl+Z; and those undone, for Ctrl+Shift+Z. Both end at Save or Discard. */
    private final java.util.ArrayDeque<ChangeSet.State> undo = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<ChangeSet.State> redo = new java.util.ArrayDeque<>();

    /**
     * @param readOnly whether the project is open read-only (nothing may be written)
     * @param saving   whether a save is running (editing waits for it)
     */
    PendingChanges(Model model, boolean readOnly, List<GridColumn> columns, ChangeSet changes, GridPaging paging, GridMessages messages,
                   Supplier<ZoneId> zone, BooleanSupplier saving, java.util.function.Predicate<ConnectorCapability> supports) {
        this.model = model;
        this.compositesEditable = supports.test(ConnectorCapability.COMPOSITE_TYPES);
        this.idsUpdatable = supports.test(ConnectorCapability.UPDATABLE_ID);
        this.readOnly = readOnly;
        this.columns = columns;
        this.keyFields = RowKey.fields(model);
        this.changes = changes;
        this.paging = paging;
        this.messages = messages;
        this.zone = zone;
        this.saving = saving;
        for (GridColumn c : columns) {
            if (c.kind() == GridColumn.Kind.TO_ONE) c.relation().fields().forEach(f -> keyOwners.put(f, c));
        }
    }

    List<GridColumn> columns() { return columns; }

    ChangeSet changes() { return changes; }

    Map<Object, String> rowErrors() { return rowErrors; }

    ReadOnlyIntegerProperty pendingCountProperty() { return pendingCount.getReadOnlyProperty(); }

    ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    ObservableList<Conflict> conflicts() { return conflictsView; }

    /** @return why records cannot be changed here (a view, or a model without id or unique), or null */
    String readOnlyReason() {
        if (readOnly) return "The project is open read-only: nothing can be changed (File › Read-only to allow changes)";
        if (model.view()) return model.name() + " is a view: its records cannot be changed";
        if (keyFields.isEmpty()) return model.name() + " has no id or unique field, so its records cannot be told apart for editing";
        return null;
    }

    String whyReadOnly(GridRow row, GridColumn column) {
        String ro = readOnlyReason();
        if (ro != null) return ro;
        if (saving.getAsBoolean()) return "Saving; wait a moment";
        if (column.kind() == GridColumn.Kind.UNSUPPORTED) return column.name() + " is " + column.typeLabel() + ": Prisma Client cannot write it";
        if (column.kind() == GridColumn.Kind.UNAVAILABLE) return GridColumn.unavailableWhy(column);
        if (column.kind() == GridColumn.Kind.COMPOSITE && !compositesEditable) return column.name() + " is a composite type; it is shown read-only";
        if (column.isRelation()) return column.name() + " is a relation: press Enter to choose what it links to, or click to open it";
        if (row.isDraft()) return null;
        if (!row.isLoaded() || row.key() == null) return "The row is still loading";
        if (changes.isDeleted(row.key())) return "The record is marked for deletion; revert the row to edit it";
        ScalarField s = column.scalar();
        if (column.id() && s.defaultValue() instanceof DefaultValue.Autoincrement) return column.name() + " is generated by the database";
        if (column.id() && !idsUpdatable) return idLocked(column);
        return null;
    }

    /** @return whether the column's cells of stored records are read-only whatever the row (an id that cannot change) */
    boolean lockedOnStoredRecords(GridColumn column) { return column.id() && !idsUpdatable; }

    private static String idLocked(GridColumn column) {
        String stored = column.scalar() != null ? column.scalar().databaseName() : column.name();
        return column.name() + " is the document's " + stored + ": MongoDB cannot change it, and neither can Prisma Client; "
                + "Duplicate gives a copy with a new id";
    }

    /** @return the value a cell's editor starts with (the pending value if any), as a JSON null for NULL */
    JsonNode editValue(GridRow row, GridColumn column) {
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) return setter.foreignKeyValues().get(column.name());
        if (row.isDraft()) {
            JsonNode v = row.draftValues().get(column.name());
            return v == null ? JSON.nullNode() : v;
        }
        if (row.record() == null) return JSON.nullNode();
        RowKey key = row.key();
        if (key != null && changes.has(key, column.name())) return changes.value(key, column.name());
        JsonNode v = row.record().get(column.name());
        return v == null ? JSON.nullNode() : v;
    }

    EditResult edit(GridRow row, GridColumn column, String text) {
        String ro = whyReadOnly(row, column);
        if (ro != null) return EditResult.refused(ro);
        JsonNode value;
        try {
            if (text.isBlank() && column.nullable() && column.scalarType() != ScalarType.STRING && !column.isList()) {
                // An empty number or date in an optional field can only mean "no value".
                value = JSON.nullNode();
            } else {
                value = CellValues.parse(column, text, zone.get());
            }
        } catch (CellValues.Refused r) {
            return EditResult.refused(r.getMessage());
        }
        return setValue(row, column, value);
    }

    EditResult setValue(GridRow row, GridColumn column, JsonNode value) {
        String ro = whyReadOnly(row, column);
        if (ro != null) return EditResult.refused(ro);
        JsonNode v = value == null ? JSON.nullNode() : value;
        if (v.isNull() && !column.nullable()) return EditResult.refused(column.name() + " is required: it cannot be NULL");
        remember();
        LinkChange.ToOne setter = linkSetting(row, column);
        if (setter != null) {
            // A typed foreign key replaces the picked link; its other key fields keep the values the link gave them.
            changes.setLink(row, setter.column().name(), null);
            setter.foreignKeyValues().forEach((f, fv) -> putValue(row, f, fv));
        }
        putValue(row, column.name(), v);
        row.changed();
        changed();
        return EditResult.OK;
    }

    private void putValue(GridRow row, String field, JsonNode v) {
        if (row.isDraft()) {
            row.draftValues().put(field, v);
            rowErrors.remove(row);
        } else {
            changes.set(row.key(), row.record(), field, v);
            rowErrors.remove(row.key());
        }
    }

    /**
     * Makes a relation change pending (null drops the cell's pending change). A link back to what is linked now is no
     * change; a to-one link replaces pending values typed into its foreign key fields. The caller checked the cell
     * can be linked.
     */
    EditResult setLink(GridRow row, GridColumn column, LinkChange change) {
        remember();
        if (change instanceof LinkChange.ToOne one && !row.isDraft()) {
            JsonNode current = row.record().get(column.name());
            RowKey now = current == null || current.isNull() ? null : RowKey.of(column.related(), current);
            if (one.target() == null ? now == null : one.target().key().equals(now)) change = null;
        }
        for (String fk : column.relation().fields()) {
            if (row.isDraft()) row.draftValues().remove(fk);
            else if (changes.has(row.key(), fk)) changes.set(row.key(), row.record(), fk, row.record().get(fk));
        }
        changes.setLink(row, column.name(), change);
        rowErrors.remove(row.isDraft() ? row : row.key());
        row.changed();
        changed();
        return EditResult.OK;
    }

    /** @return the pending to-one link that sets this foreign key field, or null */
    LinkChange.ToOne linkSetting(GridRow row, GridColumn column) {
        GridColumn owner = keyOwners.get(column.name());
        return owner != null && changes.link(row, owner.name()) instanceof LinkChange.ToOne one ? one : null;
    }

    void revertCell(GridRow row, GridColumn column) {
        remember();
        if (column.isRelation()) changes.setLink(row, column.name(), null);
        else if (row.isDraft()) row.draftValues().remove(column.name());
        else if (row.key() != null && changes.has(row.key(), column.name())) changes.set(row.key(), row.record(), column.name(), row.record().get(column.name()));
        row.changed();
        changed();
    }

    void revertRow(GridRow row) {
        remember();
        if (row.isDraft()) {
            removeDraft(row);
        } else if (row.key() != null) {
            changes.revert(row.key());
            rowErrors.remove(row.key());
            conflicts.removeIf(c -> c.key().equals(row.key()));
            row.changed();
        }
        changed();
    }

    /** Drops every pending change (after a save, or on Discard). */
    void clear() {
        undo.clear();
        redo.clear();
        for (GridRow d : List.copyOf(changes.drafts())) removeDraft(d);
        changes.clear();
        rowErrors.clear();
        conflicts.clear();
    }

    void discard() {
        clear();
        paging.redrawAll();
        changed();
        messages.show(Severity.INFO, "Changes discarded");
    }

    GridRow addRecord() {
        String ro = readOnlyReason();
        if (ro != null) {
            messages.show(Severity.WARNING, ro);
            return null;
        }
        remember();
        GridRow draft = GridRow.draft(++draftCounter);
        changes.drafts().add(draft);
        paging.list().addDraft(draft);
        changed();
        return draft;
    }

    GridRow duplicate(GridRow source) {
        if (source == null || !source.isLoaded()) return null;
        GridRow draft = addRecord();
        if (draft == null) return null;
        for (GridColumn c : columns) {
            if (!c.editable()) continue;
            ScalarField s = c.scalar();
            if (s.updatedAt() || s.defaultValue() != null && !(s.defaultValue() instanceof DefaultValue.Literal)) continue;
            JsonNode v = editValue(source, c);
            if (v.isNull() && !c.nullable()) continue;
            draft.draftValues().put(c.name(), v);
        }
        draft.changed();
        changed();
        return draft;
    }

    void removeDraft(GridRow row) {
        changes.dropDraft(row);
        rowErrors.remove(row);
        if (paging.list() != null) paging.list().removeDraft(row);
    }

    // ---------------------------------------------------------------- undo

    /** Keeps the pending changes as they are, before a change, for undo; a new change ends what could be redone. */
    void remember() {
        undo.push(changes.state());
        redo.clear();
    }

    /** Takes back the last change (a cell, a link, a new record, a deletion mark, a revert). @return whether there was one */
    boolean undo() { return step(undo, redo); }

    /** Makes the last undone change again. @return whether there was one */
    boolean redo() { return step(redo, undo); }

    private boolean step(java.util.ArrayDeque<ChangeSet.State> from, java.util.ArrayDeque<ChangeSet.State> to) {
        if (from.isEmpty()) return false;
        to.push(changes.state());
        List<GridRow> before = List.copyOf(changes.drafts());
        changes.restore(from.pop());
        rowErrors.clear();
        RowList l = paging.list();
        if (l != null && !before.equals(changes.drafts())) {
            for (GridRow d : before) l.removeDraft(d);
            for (GridRow d : changes.drafts()) l.addDraft(d);
        }
        paging.redrawAll();
        changed();
        return true;
    }

    /** The pending changes changed: the count, the dirty flag and the range text follow. */
    void changed() {
        // New records are numbered among those pending: the only one is "new record 1", whatever came before.
        if (changes.drafts().isEmpty()) draftCounter = 0;
        pendingCount.set(changes.size());
        dirty.set(!changes.isEmpty());
        paging.updateRange();
    }

    // ---------------------------------------------------------------- conflicts

    Conflict conflictOf(RowKey key) {
        for (Conflict c : conflicts) if (c.key().equals(key)) return c;
        return null;
    }

    /** Shows the conflicts a save found; the records to delete that were gone are no longer marked. */
    void conflictsFound(List<Conflict> found, List<RowKey> goneDeletes) {
        conflicts.setAll(found);
        for (RowKey k : goneDeletes) changes.revert(k);
        for (Conflict c : found) paging.redraw(c.key());
        changed();
    }

    /** Forgets the conflict on a record (it is to be deleted now). */
    void dropConflict(RowKey key) { conflicts.removeIf(c -> c.key().equals(key)); }

    void keepMine(Conflict conflict) {
        if (conflict.deleted()) {
            messages.show(Severity.WARNING, "The record was deleted by someone else; only taking theirs is possible");
            return;
        }
        ChangeSet.RowEdit edit = changes.edit(conflict.key());
        if (edit != null) edit.original = conflict.theirs();
        conflicts.remove(conflict);
        conflictResolved();
        GridRow r = paging.loadedRow(conflict.key());
        if (r != null) r.fill(conflict.theirs(), conflict.key());
        // A pending value that now equals theirs is no change any more.
        if (edit != null) {
            for (Map.Entry<String, JsonNode> v : Map.copyOf(edit.values).entrySet()) {
                changes.set(conflict.key(), conflict.theirs(), v.getKey(), v.getValue());
            }
        }
        changed();
    }

    void takeTheirs(Conflict conflict) {
        changes.revert(conflict.key());
        rowErrors.remove(conflict.key());
        conflicts.remove(conflict);
        conflictResolved();
        GridRow r = paging.loadedRow(conflict.key());
        changed();
        if (conflict.deleted()) paging.refresh();
        else if (r != null) r.fill(conflict.theirs(), conflict.key());
    }

    /** The message that asked to resolve the conflicts goes once none is left. */
    private void conflictResolved() {
        ModelGridViewModel.Message m = messages.current();
        if (conflicts.isEmpty() && m != null && m.severity() == Severity.WARNING) messages.clear();
    }

    String describe(Conflict c, Function<String, GridColumn> column) {
        String who = model.name() + " " + c.key().label();
        if (c.deleted()) return who + " was deleted by someone else";
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : c.mine().entrySet()) {
            GridColumn col = column.apply(e.getKey());
            JsonNode was = c.original().get(e.getKey());
            JsonNode now = c.theirs().get(e.getKey());
            if (ChangeSet.same(was, now)) continue;
            parts.add(e.getKey() + ": yours " + CellPresenter.describe(col, e.getValue(), zone.get()) + ", theirs "
                    + CellPresenter.describe(col, now, zone.get()));
        }
        return who + " changed since you loaded it" + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
    }
}
