package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Deleting records: the engine's preview of what the delete would do (cascades, blocking rows) waits for
 * confirmation, and a confirmed delete is a pending change that Save applies.
 */
@ViewModelPart
final class DeleteFlow {
    private final Schema schema;
    private final Model model;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final GridQuery query;
    private final PendingChanges pending;
    private final GridPaging paging;
    private final GridMessages messages;
    private final ReadOnlyObjectWrapper<DeletePreview> deletePreview = new ReadOnlyObjectWrapper<>(this, "deletePreview");
    /** What the status bar says while a delete preview runs; forgotten when the preview is cancelled. */
    private String previewTask;

    DeleteFlow(Schema schema, Model model, QueryEngine engine, TaskExecutor executor, GridQuery query, PendingChanges pending, GridPaging paging,
               GridMessages messages) {
        this.schema = schema;
        this.model = model;
        this.engine = engine;
        this.executor = executor;
        this.query = query;
        this.pending = pending;
        this.paging = paging;
        this.messages = messages;
    }

    ReadOnlyObjectProperty<DeletePreview> deletePreviewProperty() { return deletePreview.getReadOnlyProperty(); }

    void requestDelete(List<GridRow> selected) {
        String ro = pending.readOnlyReason();
        if (ro != null) {
            messages.show(Severity.WARNING, ro);
            return;
        }
        ChangeSet changes = pending.changes();
        if (selected.stream().anyMatch(GridRow::isDraft)) pending.remember();
        List<RowKey> keys = new ArrayList<>();
        for (GridRow r : selected) {
            if (r.isDraft()) pending.removeDraft(r);
            else if (r.key() != null && !changes.isDeleted(r.key()) && !keys.contains(r.key())) keys.add(r.key());
        }
        pending.changed();
        if (keys.isEmpty()) return;
        ObjectNode where = query.whereAnyOf(keys);
        previewTask = "Previewing the delete of " + keys.size() + " " + model.name();
        executor.submit(previewTask,
                () -> engine.previewDelete(model.name(), where),
                preview -> {
                    messages.reachable();
                    deletePreview.set(DeletePreview.of(schema, model.name(), preview, keys));
                },
                e -> messages.failed("Could not preview the delete", e));
    }

    void confirmDelete() {
        DeletePreview p = deletePreview.get();
        if (p == null || p.blocked()) return;
        deletePreview.set(null);
        pending.remember();
        for (RowKey k : p.keys()) {
            GridRow r = paging.loadedRow(k);
            pending.changes().markDeleted(k, r != null ? r.record() : null);
            pending.dropConflict(k);
            if (r != null) r.changed();
        }
        pending.changed();
        messages.show(Severity.INFO, p.count() + " " + model.name() + (p.count() == 1 ? " record" : " records")
                + " marked for deletion; Save applies it");
    }

    void cancelDelete() {
        deletePreview.set(null);
        // The preview is over: the status bar stops naming it.
        if (previewTask != null) executor.forget(previewTask);
    }
}
