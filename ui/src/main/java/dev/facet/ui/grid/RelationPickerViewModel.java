package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.ui.task.TaskExecutor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state and commands of the relation picker of one relation cell: the related model's records, searched and
 * paged lazily through the task executor (the records linked now come first), which of them the cell links to, and
 * what Prisma would refuse (unlinking a required relation, orphaning a record whose foreign key is required).
 *
 * <p>A to-one picker links the chosen record at once; a to-many picker collects ticks and unticks until
 * {@link #apply()}. Either way the result is a pending change of the grid, saved with the others.
 */
public final class RelationPickerViewModel {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final int PAGE = 50;
    /** Besides the key and the display field, this many more fields are shown to tell records apart. */
    private static final int EXTRA_COLUMNS = 3;

    /** One record of the related model in the list. */
    public static final class Choice {
        private final LinkChange.Target target;
        private final boolean linkedNow;
        private final List<String> cells;
        private final BooleanProperty checked = new SimpleBooleanProperty(this, "checked");

        Choice(LinkChange.Target target, boolean linkedNow, List<String> cells, boolean checked) {
            this.target = target;
            this.linkedNow = linkedNow;
            this.cells = cells;
            this.checked.set(checked);
        }

        /** @return the record */
        public LinkChange.Target target() { return target; }

        /** @return whether the record is linked in the database (before any pending change) */
        public boolean linkedNow() { return linkedNow; }

        /** @return the texts of the picker's columns, in {@link #columns()} order */
        public List<String> cells() { return cells; }

        /** @return whether it is (to be) linked; the view shows it as a tick */
        public BooleanProperty checkedProperty() { return checked; }

        @Override public String toString() { return target.label(); }
    }

    private final Model related;
    private final GridColumn column;
    private final GridRow row;
    private final QueryEngine engine;
    private final TaskExecutor executor;
    private final ZoneId zone;
    private final Function<LinkChange, EditResult> apply;
    private final String recordLabel;
    private final List<GridColumn> columns;
    private final List<GridColumn> searchable;
    private final ScalarField display;
    private final ObjectNode select = JSON.objectNode();
    private final ObjectNode linkedWhere;
    /** Why records linked now cannot be unlinked (a required foreign key on either side), or null when they can. */
    private final String unlinkRefusal;
    private final String was;
    private final boolean insensitive;
    private final Object channel = new Object();

    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyIntegerWrapper changeCount = new ReadOnlyIntegerWrapper(this, "changeCount");
    private final Map<RowKey, LinkChange.Target> added = new LinkedHashMap<>();
    private final Map<RowKey, LinkChange.Target> removed = new LinkedHashMap<>();
    private LinkChange.Target chosen;
    private boolean unlinkChosen;
    private String search = "";
    private boolean linkedPhase;
    private int skip;
    private int generation;

    /**
     * @param recordLabel the record whose relation is picked for, for people ({@code Order 5}, {@code new record 1})
     * @param pending     the cell's pending change, or null
     * @param apply       makes a choice a pending change of the grid, or refuses it
     */
    RelationPickerViewModel(Schema schema, Model model, GridRow row, String recordLabel, GridColumn column, LinkChange pending,
                            QueryEngine engine, TaskExecutor executor, ZoneId zone, boolean insensitive,
                            Function<LinkChange, EditResult> apply) {
        this.recordLabel = recordLabel;
        this.related = column.related();
        this.column = column;
        this.row = row;
        this.engine = engine;
        this.executor = executor;
        this.zone = zone;
        this.insensitive = insensitive;
        this.apply = apply;
        List<GridColumn> all = GridColumn.of(schema, related);
        this.searchable = all;
        this.columns = shownColumns(related, all);
        this.display = GridColumn.displayField(related);
        for (ScalarField k : RowKey.fields(related)) select.put(k.name(), true);
        for (GridColumn c : columns) select.put(c.name(), true);
        // What a foreign key on this side refers to is read too: the grid shows it in the foreign key fields.
        for (String ref : column.relation().references()) select.put(ref, true);
        this.linkedWhere = row.isDraft() || row.record() == null ? null : RelationWhere.of(schema, model, row.record(), column.relation());
        this.unlinkRefusal = unlinkRefusal(schema, model, column);
        JsonNode current = row.record() == null ? null : row.record().get(column.name());
        this.was = column.kind() == GridColumn.Kind.TO_ONE && current != null && !current.isNull()
                ? RecordLabels.related(column, current) : column.kind() == GridColumn.Kind.TO_ONE && row.record() != null ? "NULL" : null;
        switch (pending) {
            case LinkChange.ToOne one -> {
                chosen = one.target();
                unlinkChosen = one.target() == null;
            }
            case LinkChange.ToMany many -> {
                many.added().forEach(t -> added.put(t.key(), t));
                many.removed().forEach(t -> removed.put(t.key(), t));
                changeCount.set(added.size() + removed.size());
            }
            case null -> { }
        }
    }

    /** The key, the display field and a few short fields that tell records apart (no lists, Json, Bytes or foreign keys). */
    private static List<GridColumn> shownColumns(Model related, List<GridColumn> all) {
        List<ScalarField> key = RowKey.fields(related);
        ScalarField display = GridColumn.displayField(related);
        List<GridColumn> out = new ArrayList<>();
        for (GridColumn c : all) if (key.contains(c.field())) out.add(c);
        for (GridColumn c : all) if (c.field().equals(display) && !out.contains(c)) out.add(c);
        int extra = 0;
        for (GridColumn c : all) {
            if (extra == EXTRA_COLUMNS) break;
            boolean shortValue = (c.kind() == GridColumn.Kind.SCALAR || c.kind() == GridColumn.Kind.ENUM) && !c.isList()
                    && c.scalarType() != ScalarType.JSON && c.scalarType() != ScalarType.BYTES;
            if (out.contains(c) || !shortValue || c.foreignKey() || c.scalar().updatedAt()) continue;
            out.add(c);
            extra++;
        }
        return out;
    }

    // ================================================================ what it shows

    /** @return the column picked for */
    public GridColumn column() { return column; }

    /** @return whether several records can be linked (a to-many relation) */
    public boolean toMany() { return column.kind() == GridColumn.Kind.TO_MANY; }

    /** @return the fields the list shows, key first */
    public List<GridColumn> columns() { return columns; }

    /** @return the records loaded so far: those linked now first, then the others */
    public ObservableList<Choice> choices() { return choices; }

    /** @return whether a page is loading */
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }

    /** @return whether every matching record is loaded */
    public ReadOnlyBooleanProperty completeProperty() { return complete.getReadOnlyProperty(); }

    /** @return the last failure or refusal, for people; null when there is none */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** @return what the picker is for: {@code customer of Order 5} */
    public String title() { return column.name() + " of " + recordLabel; }

    /** @return what may and may not be done here, for people: required relations, records that cannot be unlinked */
    public String rules() {
        if (!toMany()) return unlinkRefusal != null ? unlinkRefusal : "Choose the " + related.name() + " to link, or unlink it (NULL).";
        String s = "Tick the " + related.name() + " records to link, untick those to unlink.";
        return unlinkRefusal == null ? s : s + " " + unlinkRefusal;
    }

    /** @return whether the relation can point at nothing from here */
    public boolean canUnlink() { return unlinkRefusal == null; }

    /** @return why it cannot, or null */
    public String unlinkRefusal() { return unlinkRefusal; }

    /**
     * Why the linked records cannot be let go of: this side is a required to-one (an Order must have a Customer), or
     * the other side holds a required foreign key (an Order whose customerId is required would be left without one).
     */
    private static String unlinkRefusal(Schema schema, Model model, GridColumn column) {
        RelationField rf = column.relation();
        if (rf.holdsForeignKey()) {
            return rf.isRequired() ? column.name() + " is required: " + article(model.name()) + " must have " + article(related(column))
                    + ", so it can be changed but not unlinked." : null;
        }
        Relation r = schema.relationOf(model.name(), rf.name());
        if (r == null || r.isManyToMany()) return null;
        Model other = schema.model(rf.relatedModel());
        String otherName = r.referencedModel().equals(model.name()) && rf.name().equals(r.referencedField()) ? r.referencingField() : r.referencedField();
        if (other == null || otherName == null || !(other.field(otherName) instanceof RelationField back)) return null;
        boolean required = back.isRequired() || back.fields().stream().anyMatch(f -> other.field(f).isRequired());
        if (!required) return null;
        String fk = String.join(", ", back.fields());
        return column.kind() == GridColumn.Kind.TO_MANY
                ? "Linked " + other.name() + " records cannot be unlinked: " + other.name() + "." + fk + " is required, so they would be left"
                        + " without " + article(model.name()) + " (Prisma refuses with P2014). Link them to another " + model.name() + " instead."
                : "A linked " + other.name() + " cannot be unlinked or replaced: " + other.name() + "." + fk + " is required, so it would be"
                        + " left without " + article(model.name()) + " (Prisma refuses with P2014).";
    }

    private static String related(GridColumn column) { return column.related().name(); }

    /** {@code an Order}, {@code a Customer}. */
    private static String article(String name) { return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name; }

    // ================================================================ loading

    /** Loads the first page for the current search (the picker calls it when shown). */
    public void load() { search(search); }

    /**
     * Searches the related model's text fields (and number and enum fields for an exact match) and shows the first page
     * of matches.
     */
    public void search(String text) {
        search = text == null ? "" : text.strip();
        generation++;
        choices.clear();
        complete.set(false);
        linkedPhase = linkedWhere != null;
        skip = 0;
        loadMore();
    }

    /** Loads the next page, unless one is loading or everything is loaded (the list asks when its end comes into view). */
    public void loadMore() {
        if (loading.get() || complete.get()) return;
        int gen = generation;
        boolean phase = linkedPhase;
        ObjectNode args = JSON.objectNode();
        ObjectNode where = Wheres.and(phase ? linkedWhere : othersWhere(), Wheres.quickSearch(searchable, search,
                new FilterNode.Options(zone, insensitive)));
        if (where != null) args.set("where", where);
        args.set("select", select.deepCopy());
        var order = args.putArray("orderBy");
        for (ScalarField k : RowKey.fields(related)) order.addObject().put(k.name(), "asc");
        if (skip > 0) args.put("skip", skip);
        args.put("take", PAGE);
        loading.set(true);
        executor.submitLatest(channel, "Loading " + related.name() + " records to link", () -> engine.execute(related.name(), "findMany", args), page -> {
            if (gen != generation) return;
            loading.set(false);
            message.set(null);
            for (JsonNode n : page) choices.add(choice((ObjectNode) n, phase));
            skip += page.size();
            if (page.size() < PAGE) {
                if (phase) {
                    // The linked records are all in: the others follow.
                    linkedPhase = false;
                    skip = 0;
                    loadMore();
                } else {
                    complete.set(true);
                }
            }
        }, e -> {
            if (gen != generation) return;
            loading.set(false);
            message.set("Could not load " + related.name() + " records: " + GridMessages.reason(e)
                    + (GridMessages.isConnectionProblem(e) ? ". The database cannot be reached; your pending changes are kept." : "")
                    + " Press Enter in the search to try again.");
        });
    }

    /**
     * The records not linked now. A NOT alone would also leave out records whose foreign key is NULL (SQL's NOT of an
     * unknown comparison is unknown), which are exactly the ones free to link.
     */
    private ObjectNode othersWhere() {
        if (linkedWhere == null) return null;
        ObjectNode not = JSON.objectNode();
        not.set("NOT", linkedWhere.deepCopy());
        List<ObjectNode> any = new ArrayList<>(List.of(not));
        linkedWhere.properties().forEach(e -> {
            if (e.getValue().isValueNode() && related.field(e.getKey()) != null && related.field(e.getKey()).isOptional()) {
                any.add((ObjectNode) JSON.objectNode().putNull(e.getKey()));
            }
        });
        return any.size() == 1 ? not : FilterGroup.combine(FilterGroup.Junction.ANY, any);
    }

    private Choice choice(ObjectNode record, boolean linkedNow) {
        RowKey key = RowKey.of(related, record);
        LinkChange.Target target = new LinkChange.Target(key, record, RecordLabels.record(related, display, record));
        List<String> cells = new ArrayList<>();
        for (GridColumn c : columns) {
            JsonNode v = record.get(c.name());
            cells.add(v == null || v.isNull() ? "NULL" : CellValues.display(c, v, zone));
        }
        boolean checked = toMany() ? (linkedNow && !removed.containsKey(key)) || added.containsKey(key)
                : chosen != null ? chosen.key().equals(key) : linkedNow && !unlinkChosen;
        return new Choice(target, linkedNow, cells, checked);
    }

    // ================================================================ choosing

    /**
     * Links a to-one relation to {@code choice} (a pending change of the grid).
     *
     * @return whether it was taken, and why not
     */
    public EditResult choose(Choice choice) {
        if (toMany()) return toggle(choice);
        if (choice.linkedNow() && chosen == null && !unlinkChosen) return EditResult.OK;
        if (unlinkRefusal != null && !column.relation().holdsForeignKey() && was != null && !"NULL".equals(was) && !choice.linkedNow()) {
            return refuse(unlinkRefusal);
        }
        EditResult r = apply.apply(new LinkChange.ToOne(column, choice.target(), was));
        if (!r.ok()) message.set(r.reason());
        return r;
    }

    /**
     * Unlinks a to-one relation (sets it to NULL), unless it is required on this side, or the record linked now would
     * be orphaned.
     */
    public EditResult unlink() {
        boolean linkedNow = was != null && !"NULL".equals(was);
        if (unlinkRefusal != null && (column.relation().holdsForeignKey() || linkedNow)) return refuse(unlinkRefusal);
        EditResult r = apply.apply(new LinkChange.ToOne(column, null, was));
        if (!r.ok()) message.set(r.reason());
        return r;
    }

    /** Ticks or unticks a record of a to-many relation; refused when it would orphan a record. */
    public EditResult toggle(Choice choice) {
        RowKey key = choice.target().key();
        boolean nowChecked = choice.checkedProperty().get();
        if (nowChecked && choice.linkedNow() && unlinkRefusal != null) return refuse(choice.target().label() + ": " + unlinkRefusal);
        if (nowChecked) {
            if (choice.linkedNow()) removed.put(key, choice.target());
            else added.remove(key);
        } else {
            if (choice.linkedNow()) removed.remove(key);
            else added.put(key, choice.target());
        }
        choice.checkedProperty().set(!nowChecked);
        changeCount.set(added.size() + removed.size());
        message.set(null);
        return EditResult.OK;
    }

    /** @return how many records a to-many picker links and unlinks so far */
    public ReadOnlyIntegerProperty changeCountProperty() { return changeCount.getReadOnlyProperty(); }

    /** Hands a to-many picker's ticks to the grid as one pending change (none when nothing differs). */
    public EditResult apply() {
        LinkChange change = added.isEmpty() && removed.isEmpty() ? null
                : new LinkChange.ToMany(column, List.copyOf(added.values()), List.copyOf(removed.values()));
        EditResult r = apply.apply(change);
        if (!r.ok()) message.set(r.reason());
        return r;
    }

    private EditResult refuse(String reason) {
        message.set(reason);
        return EditResult.refused(reason);
    }

    /** Drops what is still loading (the picker was closed). */
    public void close() { generation++; }

    /** @return the labels of records ticked to link and unticked to unlink, for the picker's summary */
    public Set<String> pendingLabels() {
        Set<String> out = new LinkedHashSet<>();
        added.values().forEach(t -> out.add("+ " + t.label()));
        removed.values().forEach(t -> out.add("− " + t.label()));
        return out;
    }
}
