package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.ui.grid.ModelGridViewModel.CellContent;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The record panel beside the grid: the record selected in the grid as a form of every field (edits are the grid's
 * pending changes, made through {@link ModelGridViewModel}), and its relations as a tree loaded lazily, a level at a
 * time, through the engine's {@code include} with {@code _count}. Nothing here is SQL: each level is one
 * {@code findUnique} of the parent record selecting the relation, which every connector answers.
 *
 * <p>Following the grid's selection costs no database call: the first level comes from the row the grid loaded (its
 * to-one relations with key and display field, its to-many relations counted). Only expanding a node loads.
 */
public final class RecordPanelViewModel {
    /** Related records shown per page of a to-many relation. */
    public static final int PAGE = 10;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ModelGridViewModel grid;
    private final Schema schema;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<GridRow> row = new ReadOnlyObjectWrapper<>(this, "row");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "No record selected");
    private final ObservableList<TreeNode> relations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    /** The record the relation tree was built for: a refill of the same row with the same record keeps the tree. */
    private ObjectNode treeOf;
    private int loads;

    RecordPanelViewModel(ModelGridViewModel grid, TaskExecutor executor) {
        this.grid = grid;
        this.schema = grid.project().schema();
        this.engine = grid.project().engine();
        this.executor = executor;
    }

    /** @return the row shown, or null */
    public ReadOnlyObjectProperty<GridRow> rowProperty() { return row.getReadOnlyProperty(); }

    /** @return what the panel shows: {@code Customer 3 · Alice}, {@code new record 1}, or that nothing is selected */
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    /** @return why the last load or edit failed, or null */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** @return the relations of the record shown, as the roots of the tree */
    public ObservableList<TreeNode> relations() { return relations; }

    /** @return how many database reads the panel has started (following the selection starts none) */
    public int loads() { return loads; }

    /** @return the model shown */
    public Model model() { return grid.model(); }

    /** @return the fields of the form: every field that is not a relation, in schema order */
    public List<GridColumn> fields() { return grid.columns().stream().filter(c -> !c.isRelation()).toList(); }

    /** @return a field's {@code ///} documentation, or null */
    public String documentation(GridColumn column) {
        String doc = column.field().documentation();
        return doc == null || doc.isBlank() ? null : doc.strip();
    }

    /** @return whether a field's editor gets several lines: Json, Bytes, lists, and text stored as a long text type */
    public boolean isLong(GridColumn column) {
        if (column.isList() || column.scalarType() == null) return column.isList();
        return switch (column.scalarType()) {
            case JSON, BYTES -> true;
            case STRING -> column.scalar().nativeType() != null
                    && column.scalar().nativeType().name().toLowerCase(java.util.Locale.ROOT).contains("text");
            default -> false;
        };
    }

    /**
     * Shows a row of the grid (null: nothing). The relations' first level comes from the row itself; the tree is kept
     * when the same record is shown again.
     */
    public void show(GridRow r) {
        GridRow shown = r == null || !r.isLoaded() ? null : r;
        row.set(shown);
        title.set(shown == null ? "No record selected" : shown.isDraft() ? "new record " + shown.draftNumber()
                : grid.model().name() + " " + shown.key().label() + labelSuffix(shown.record()));
        ObjectNode record = shown == null || shown.isDraft() ? null : shown.record();
        if (record == treeOf && (record != null || relations.isEmpty())) return;
        treeOf = record;
        message.set(null);
        relations.setAll(record == null ? List.of() : relationNodes(grid.model(), record));
    }

    private String labelSuffix(ObjectNode record) {
        ScalarField display = GridColumn.displayField(grid.model());
        String label = RecordLabels.record(grid.model(), display, record);
        return label.startsWith(grid.model().name() + " ") ? "" : " · " + label;
    }

    /** @return what a field shows now (the pending value, if any) */
    public CellContent value(GridColumn column) { return grid.cell(row.get(), column); }

    /** @return the text a field's editor holds */
    public String editText(GridColumn column) { return grid.editText(row.get(), column); }

    /** @return why a field cannot be edited, or null */
    public String whyReadOnly(GridColumn column) { return row.get() == null ? "No record selected" : grid.whyReadOnly(row.get(), column); }

    /** Types a value into a field: the same pending change as typing it into the grid's cell. */
    public EditResult commit(GridColumn column, String text) {
        if (row.get() == null) return EditResult.refused("No record selected");
        if (text.equals(editText(column))) return EditResult.OK;
        return grid.edit(row.get(), column, text);
    }

    /** Sets a field to NULL, as a pending change. */
    public EditResult setNull(GridColumn column) {
        return row.get() == null ? EditResult.refused("No record selected") : grid.setNull(row.get(), column);
    }

    /**
     * Opens what a node names in the grid's tab (or a new one): a record, the record a to-one relation points at, or the
     * records of a to-many relation; on "more" it loads the next page.
     *
     * @return whether there was something to open
     */
    public boolean open(TreeNode node, boolean newTab) {
        return switch (node) {
            case MoreNode more -> {
                more.owner.loadPage();
                yield true;
            }
            case RecordNode rec -> grid.openRecord(rec.model, rec.key, newTab);
            case RelationNode rel -> rel.open(newTab);
            default -> false;
        };
    }

    // ---------------------------------------------------------------- the tree

    private List<TreeNode> relationNodes(Model m, ObjectNode record) {
        RowKey key = RowKey.of(m, record);
        List<TreeNode> out = new ArrayList<>();
        for (GridColumn c : GridColumn.of(schema, m)) if (c.isRelation() && c.related() != null && key != null) out.add(new RelationNode(m, key, record, c));
        return out;
    }

    private List<TreeNode> recordChildren(Model m, ObjectNode record) {
        List<TreeNode> out = new ArrayList<>();
        for (GridColumn c : GridColumn.of(schema, m)) {
            if (c.isRelation()) continue;
            JsonNode v = record.get(c.name());
            String text = v == null ? "" : v.isNull() ? "NULL" : CellValues.display(c, v, grid.zoneProperty().get());
            out.add(new FieldNode(c.name() + ": " + text));
        }
        out.addAll(relationNodes(m, record));
        return out;
    }

    /** One node of the relation tree. Expanding it loads its children once. */
    public abstract static sealed class TreeNode permits FieldNode, RecordNode, RelationNode, MoreNode, NoteNode {
        private final ReadOnlyStringWrapper label;
        private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
        final ObservableList<TreeNode> children = FXCollections.observableArrayList();
        private boolean expanded;

        TreeNode(String label) { this.label = new ReadOnlyStringWrapper(this, "label", label); }

        /** @return what the node says */
        public ReadOnlyStringProperty labelProperty() { return label.getReadOnlyProperty(); }

        /** @return its children, filled when it is first expanded */
        public ObservableList<TreeNode> children() { return children; }

        /** @return whether it never has children */
        public boolean isLeaf() { return true; }

        /** @return whether its children are loading */
        public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

        /** Fills the children the first time; later calls do nothing. */
        public final void expand() {
            if (expanded || isLeaf()) return;
            expanded = true;
            fill();
        }

        void fill() { }

        void setLabel(String text) { label.set(text); }

        void setLoading(boolean on) { loading.set(on); }

        @Override
        public String toString() { return label.get(); }
    }

    /** A field of a related record: {@code city: Utrecht}. */
    public static final class FieldNode extends TreeNode {
        FieldNode(String label) { super(label); }
    }

    /** A note in place of children: NULL, none, a failure. */
    public static final class NoteNode extends TreeNode {
        NoteNode(String label) { super(label); }
    }

    /** A related record: its fields and its own relations (from the data already loaded). */
    public final class RecordNode extends TreeNode {
        private final Model model;
        private final RowKey key;
        private final ObjectNode record;

        RecordNode(Model model, ObjectNode record) {
            super(RecordLabels.record(model, GridColumn.displayField(model), record));
            this.model = model;
            this.key = RowKey.of(model, record);
            this.record = record;
        }

        @Override public boolean isLeaf() { return false; }

        @Override void fill() { children.setAll(recordChildren(model, record)); }
    }

    /** Loads the next page of a to-many relation. */
    public final class MoreNode extends TreeNode {
        private final RelationNode owner;

        MoreNode(RelationNode owner, String label) {
            super(label);
            this.owner = owner;
        }
    }

    /** A relation of a record: a to-one expands to the related record's fields, a to-many to a page of its records. */
    public final class RelationNode extends TreeNode {
        private final Model parent;
        private final RowKey parentKey;
        private final ObjectNode parentRecord;
        private final GridColumn column;
        private final long count;
        private int shown;
        private RecordNode target;

        RelationNode(Model parent, RowKey parentKey, ObjectNode parentRecord, GridColumn column) {
            super("");
            this.parent = parent;
            this.parentKey = parentKey;
            this.parentRecord = parentRecord;
            this.column = column;
            JsonNode counted = parentRecord.path("_count").path(column.name());
            this.count = column.kind() == GridColumn.Kind.TO_MANY ? (counted.isNumber() ? counted.asLong() : -1) : 0;
            setLabel(describe());
        }

        private String describe() {
            if (column.kind() == GridColumn.Kind.TO_MANY) {
                return count < 0 ? column.name() : RecordLabels.count(count, column.name());
            }
            JsonNode v = parentRecord.get(column.name());
            if (!parentRecord.has(column.name())) return column.name() + ": " + column.related().name();
            return column.name() + ": " + (v == null || v.isNull() ? "NULL" : RecordLabels.related(column, v));
        }

        /** @return the relation's field */
        public GridColumn column() { return column; }

        /** @return whether it is to-many */
        public boolean toMany() { return column.kind() == GridColumn.Kind.TO_MANY; }

        @Override public boolean isLeaf() { return toMany() ? count == 0 : parentRecord.has(column.name()) && parentRecord.get(column.name()).isNull(); }

        @Override void fill() { loadPage(); }

        /** One {@code findUnique} of the parent selecting this relation (a page of it, when to-many), with the includes of the related model. */
        void loadPage() {
            Model related = column.related();
            ObjectNode inner = JSON.objectNode();
            ObjectNode include = new GridQuery(related, GridColumn.of(schema, related)).include();
            if (!include.isEmpty()) inner.set("include", include.deepCopy());
            if (toMany()) {
                if (shown > 0) inner.put("skip", shown);
                inner.put("take", PAGE);
                ArrayNode order = inner.putArray("orderBy");
                for (ScalarField k : RowKey.fields(related)) order.addObject().put(k.name(), "asc");
            }
            ObjectNode args = JSON.objectNode();
            args.set("where", parentKey.whereUnique());
            args.putObject("select").set(column.name(), inner.isEmpty() ? JSON.booleanNode(true) : inner);
            setLoading(true);
            loads++;
            executor.submit("Loading " + column.name() + " of " + parent.name() + " " + parentKey.label(),
                    () -> engine.execute(parent.name(), "findUnique", args),
                    result -> {
                        setLoading(false);
                        JsonNode value = result == null || result.isNull() ? null : result.get(column.name());
                        loaded(value);
                    },
                    e -> {
                        setLoading(false);
                        String why = "Could not load " + column.name() + ": " + GridMessages.reason(e);
                        message.set(why);
                        children.removeIf(n -> n instanceof MoreNode);
                        children.add(new NoteNode(why));
                    });
        }

        private void loaded(JsonNode value) {
            Model related = column.related();
            if (!toMany()) {
                if (value == null || value.isNull()) {
                    children.setAll(new NoteNode(parentRecord.has(column.name()) || value != null ? "NULL" : parent.name() + " " + parentKey.label()
                            + " is gone"));
                    return;
                }
                target = new RecordNode(related, (ObjectNode) value);
                children.setAll(recordChildren(related, (ObjectNode) value));
                return;
            }
            children.removeIf(n -> n instanceof MoreNode);
            List<TreeNode> page = new ArrayList<>();
            if (value != null) value.forEach(n -> page.add(new RecordNode(related, (ObjectNode) n)));
            shown += page.size();
            children.addAll(page);
            if (shown == 0) children.add(new NoteNode("none"));
            long total = count < 0 ? -1 : count;
            if (page.size() == PAGE && (total < 0 || shown < total)) {
                children.add(new MoreNode(this, "Show " + PAGE + " more" + (total < 0 ? "" : String.format(" (%,d of %,d shown)", shown, total))));
            }
        }

        private boolean open(boolean newTab) {
            if (!toMany()) {
                if (target != null) return grid.openRecord(target.model, target.key, newTab);
                JsonNode v = parentRecord.get(column.name());
                RowKey k = v == null || v.isNull() ? null : RowKey.of(column.related(), v);
                if (k != null) return grid.openRecord(column.related(), k, newTab);
            }
            return grid.openRelated(parent, parentRecord, column, newTab);
        }
    }
}
