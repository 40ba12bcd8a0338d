package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
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
        relations.setAll(record == null ? List.of() : relationNodes(grid.model(), record, true));
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

    // ---------------------------------------------------------------- actions on the tree

    /** @return why a node's relation cannot be linked from here (Link… opens the relation picker), or null */
    public String whyNotLinkable(TreeNode node) {
        RelationNode rel = node instanceof RecordNode r ? r.owner : node instanceof RelationNode n ? n : null;
        if (rel == null) return "Select a relation to link records to it";
        // Deeper levels belong to other records: their links are pending changes of their own grid.
        if (!rel.top) return "Open " + rel.parent.name() + " " + rel.parentKey.label() + " to link its relations";
        return row.get() == null ? "No record selected" : grid.whyNotLinkable(row.get(), rel.column);
    }

    /** @return the relation picker for a relation of the record shown, or null (the message says why) */
    public RelationPickerViewModel picker(TreeNode node) {
        String why = whyNotLinkable(node);
        message.set(why);
        if (why != null) return null;
        return grid.picker(row.get(), node instanceof RecordNode r ? r.owner.column : ((RelationNode) node).column);
    }

    /** @return why the record a node names cannot be unlinked from the record shown, or null */
    public String whyNotUnlinkable(TreeNode node) {
        RecordNode rec = recordOf(node);
        if (rec == null || rec.owner == null) return "Select a related record to unlink it";
        RelationNode rel = rec.owner;
        String why = whyNotLinkable(rel);
        if (why != null) return why;
        GridColumn back = back(rel);
        // A required foreign key cannot be emptied: Prisma refuses the disconnect (P2014) at Save.
        if (!rel.column.relation().fields().isEmpty() && !rel.column.nullable()) {
            return rel.column.name() + " is required; link another " + rel.column.related().name() + " instead";
        }
        if (back != null && !back.relation().fields().isEmpty() && !back.nullable()) {
            return rel.column.related().name() + "." + back.name() + " is required, so " + rec.labelProperty().get()
                    + " cannot be unlinked; delete it or link it to another " + rel.parent.name();
        }
        return null;
    }

    /** Unlinks the record a node names from the record shown, as a pending change of the grid. */
    public EditResult unlink(TreeNode node) {
        String why = whyNotUnlinkable(node);
        message.set(why);
        if (why != null) return EditResult.refused(why);
        RecordNode rec = recordOf(node);
        RelationNode rel = rec.owner;
        EditResult result;
        if (rel.toMany()) {
            List<LinkChange.Target> added = new ArrayList<>();
            List<LinkChange.Target> removed = new ArrayList<>();
            if (grid.pendingLink(row.get(), rel.column) instanceof LinkChange.ToMany now) {
                added.addAll(now.added());
                removed.addAll(now.removed());
            }
            // Unlinking a record linked in this session only takes the pending link back.
            if (!added.removeIf(t -> t.key().equals(rec.key)) && removed.stream().noneMatch(t -> t.key().equals(rec.key))) removed.add(rec.target());
            result = grid.setLink(row.get(), rel.column, new LinkChange.ToMany(rel.column, added, removed));
        } else {
            result = grid.setLink(row.get(), rel.column, new LinkChange.ToOne(rel.column, null, rec.labelProperty().get()));
        }
        if (result.ok()) (rel.toMany() ? rec : rel).setLabel((rel.toMany() ? rec : rel).labelProperty().get() + " \u2014 unlinked on Save");
        else message.set(result.reason());
        return result;
    }

    /** @return why no related record can be created from a node, or null */
    public String whyNotCreatable(TreeNode node) {
        if (!(node instanceof RelationNode rel)) return "Select a relation to create a record in it";
        if (grid.readOnlyReason() != null) return grid.readOnlyReason();
        Model related = rel.column.related();
        if (related.view()) return related.name() + " is a view; its records cannot be created";
        if (back(rel) == null) return related.name() + " has no relation back to " + rel.parent.name();
        JsonNode now = rel.parentRecord.get(rel.column.name());
        if (!rel.toMany() && now != null && !now.isNull()) return rel.column.name() + " already links a record; unlink it first";
        return null;
    }

    /**
     * Opens the related model in a new tab with a new record whose relation back already links the record the
     * relation belongs to (prisma/studio#1109); Save there creates it.
     *
     * @return whether it opened
     */
    public boolean createLinked(TreeNode node) {
        String why = whyNotCreatable(node);
        message.set(why);
        if (why != null) return false;
        RelationNode rel = (RelationNode) node;
        ObjectNode where = RelationWhere.of(schema, rel.parent, rel.parentRecord, rel.column.relation());
        return grid.open(rel.column.related(), where, true, OpenedGridActions.createLinked(back(rel), rel.parentTarget()));
    }

    /** @return why the record a node names cannot be deleted from here, or null */
    public String whyNotDeletable(TreeNode node) {
        RecordNode rec = recordOf(node);
        if (rec == null || rec.key == null) return "Select a related record to delete it";
        if (grid.readOnlyReason() != null) return grid.readOnlyReason();
        return rec.model.view() ? rec.model.name() + " is a view; its records cannot be deleted" : null;
    }

    /** Opens the record a node names in a new tab of its model and asks there for the delete preview. */
    public boolean delete(TreeNode node) {
        String why = whyNotDeletable(node);
        message.set(why);
        if (why != null) return false;
        RecordNode rec = recordOf(node);
        return grid.open(rec.model, rec.key.values(), true, OpenedGridActions.delete(rec.key));
    }

    /** @return the record a node stands for: a related record, or the one a to-one relation points at; else null */
    private RecordNode recordOf(TreeNode node) {
        if (node instanceof RecordNode r) return r;
        if (!(node instanceof RelationNode rel) || rel.toMany()) return null;
        if (rel.target != null) return rel.target;
        return rel.parentRecord.get(rel.column.name()) instanceof ObjectNode v && RowKey.of(rel.column.related(), v) != null
                ? new RecordNode(rel.column.related(), v, rel) : null;
    }

    /** @return the relation field on the other side of a relation, or null (a relation only one side names) */
    private GridColumn back(RelationNode rel) {
        Model related = rel.column.related();
        String name = rel.column.relation().relationName();
        for (GridColumn c : GridColumn.of(schema, related)) {
            boolean same = related.name().equals(rel.parent.name()) && c.name().equals(rel.column.name());
            if (c.isRelation() && c.relation().relationName().equals(name) && !same) return c;
        }
        return null;
    }

    // ---------------------------------------------------------------- the tree

    /** @param top whether these are the relations of the record shown, whose links are this grid's pending changes */
    private List<TreeNode> relationNodes(Model m, ObjectNode record, boolean top) {
        RowKey key = RowKey.of(m, record);
        List<TreeNode> out = new ArrayList<>();
        for (GridColumn c : GridColumn.of(schema, m)) if (c.isRelation() && c.related() != null && key != null) out.add(new RelationNode(m, key, record, c, top));
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
        out.addAll(relationNodes(m, record, false));
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

        boolean expandedOnce() { return expanded; }

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
        /** The relation listing it, or null */
        private final RelationNode owner;

        RecordNode(Model model, ObjectNode record, RelationNode owner) {
            super(RecordLabels.record(model, GridColumn.displayField(model), record));
            this.model = model;
            this.key = RowKey.of(model, record);
            this.record = record;
            this.owner = owner;
        }

        /** @return the record's model */
        public Model model() { return model; }

        /** @return the record's key */
        public RowKey key() { return key; }

        LinkChange.Target target() { return new LinkChange.Target(key, record, labelProperty().get()); }

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
        private final boolean top;
        private int shown;
        private RecordNode target;
        private ObjectNode filter;
        private String filterText = "";
        /** Counts filter changes: a page loaded for an earlier filter is dropped. */
        private int generation;

        RelationNode(Model parent, RowKey parentKey, ObjectNode parentRecord, GridColumn column, boolean top) {
            super("");
            this.parent = parent;
            this.parentKey = parentKey;
            this.parentRecord = parentRecord;
            this.column = column;
            this.top = top;
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

        /** @return whether it is a relation of the record shown (its links are this grid's pending changes) */
        public boolean top() { return top; }

        /** @return the text its records are filtered by ("" for none) */
        public String filterText() { return filterText; }

        /**
         * Shows only the related records matching {@code text} (the grid's quick search, on the related model), from
         * the first page again.
         */
        public void filter(String text) {
            String t = text == null ? "" : text.strip();
            if (!toMany() || t.equals(filterText)) return;
            filterText = t;
            filter = Wheres.quickSearch(GridColumn.of(schema, column.related()), t,
                    new FilterNode.Options(grid.zoneProperty().get(), grid.insensitiveSupported()));
            shown = 0;
            generation++;
            children.clear();
            if (expandedOnce()) loadPage();
            else expand();
        }

        LinkChange.Target parentTarget() {
            return new LinkChange.Target(parentKey, parentRecord, RecordLabels.record(parent, GridColumn.displayField(parent), parentRecord));
        }

        @Override public boolean isLeaf() { return toMany() ? count == 0 : parentRecord.has(column.name()) && parentRecord.get(column.name()).isNull(); }

        @Override void fill() { loadPage(); }

        /** One {@code findUnique} of the parent selecting this relation (a page of it, when to-many), with the includes of the related model. */
        void loadPage() {
            Model related = column.related();
            ObjectNode inner = JSON.objectNode();
            ObjectNode include = new GridQuery(related, GridColumn.of(schema, related)).include();
            if (!include.isEmpty()) inner.set("include", include.deepCopy());
            if (toMany()) {
                if (filter != null) inner.set("where", filter.deepCopy());
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
            int asked = generation;
            executor.submit("Loading " + column.name() + " of " + parent.name() + " " + parentKey.label(),
                    () -> engine.execute(parent.name(), "findUnique", args),
                    result -> {
                        if (asked != generation) return;
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
                target = new RecordNode(related, (ObjectNode) value, this);
                children.setAll(recordChildren(related, (ObjectNode) value));
                return;
            }
            children.removeIf(n -> n instanceof MoreNode);
            List<TreeNode> page = new ArrayList<>();
            if (value != null) value.forEach(n -> page.add(new RecordNode(related, (ObjectNode) n, this)));
            shown += page.size();
            children.addAll(page);
            if (shown == 0) children.add(new NoteNode(filter == null ? "none" : "none matching \u201c" + filterText + "\u201d"));
            long total = count < 0 || filter != null ? -1 : count;
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
