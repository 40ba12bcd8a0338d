package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Conditions and nested groups on one model, joined by AND ("all of") or OR ("any of"). */
public final class FilterGroup implements FilterNode {
    /** How the parts of a group combine. */
    public enum Junction {
        ALL("all of", "AND"), ANY("any of", "OR");

        private final String label;
        private final String prismaKey;

        Junction(String label, String prismaKey) {
            this.label = label;
            this.prismaKey = prismaKey;
        }

        /** @return Prisma's combinator: {@code AND} or {@code OR} */
        public String prismaKey() { return prismaKey; }

        @Override public String toString() { return label; }
    }

    private final Schema schema;
    private final Model model;
    private final boolean absentFields;
    private final List<GridColumn> columns;
    private final ObjectProperty<Junction> junction = new SimpleObjectProperty<>(this, "junction", Junction.ALL);
    private final ObservableList<FilterNode> children = FXCollections.observableArrayList();

    /**
     * @param schema the schema
     * @param model  the model the conditions are on
     */
    public FilterGroup(Schema schema, Model model) { this(schema, model, false); }

    /**
     * @param absentFields whether fields may be missing from a record (MongoDB), so that conditions offer "is set"
     */
    public FilterGroup(Schema schema, Model model, boolean absentFields) {
        this.schema = schema;
        this.model = model;
        this.absentFields = absentFields;
        this.columns = GridColumn.of(schema, model).stream().filter(c -> !FilterOperator.forColumn(c, absentFields).isEmpty()).toList();
    }

    /** @return the model the conditions are on */
    public Model model() { return model; }

    /** @return the columns a condition of this group can be on */
    public List<GridColumn> filterableColumns() { return columns; }

    /** @return whether the parts combine with AND or OR */
    public ObjectProperty<Junction> junctionProperty() { return junction; }

    /** @return the conditions and nested groups, in order */
    public ObservableList<FilterNode> children() { return children; }

    /** Adds a condition on the first filterable field and returns it. */
    public FilterCondition addCondition() {
        FilterCondition c = new FilterCondition(schema, columns.getFirst(), absentFields);
        children.add(c);
        return c;
    }

    /** Adds a condition on {@code fieldName} with {@code operator} and {@code value} and returns it. */
    public FilterCondition addCondition(String fieldName, FilterOperator operator, String value) {
        GridColumn column = columns.stream().filter(c -> c.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no filterable field " + fieldName + " on " + model.name()));
        FilterCondition c = new FilterCondition(schema, column, absentFields);
        c.operatorProperty().set(operator);
        c.valueProperty().set(value);
        children.add(c);
        return c;
    }

    /** Adds an empty nested group (combining with OR when this one combines with AND) and returns it. */
    public FilterGroup addGroup() {
        FilterGroup g = new FilterGroup(schema, model, absentFields);
        g.junction.set(junction.get() == Junction.ALL ? Junction.ANY : Junction.ALL);
        children.add(g);
        return g;
    }

    /** @return whether the group has no conditions at any depth */
    public boolean isEmpty() {
        for (FilterNode n : children) {
            if (n instanceof FilterCondition) return false;
            if (n instanceof FilterGroup g && !g.isEmpty()) return false;
        }
        return true;
    }

    @Override
    public ObjectNode toWhere(Options options) {
        List<ObjectNode> parts = new ArrayList<>();
        FilterCondition.Invalid first = null;
        for (FilterNode n : children) {
            try {
                ObjectNode w = n.toWhere(options);
                if (w != null) parts.add(w);
            } catch (FilterCondition.Invalid e) {
                // Keep going, so that every condition in error is marked at once.
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
        return combine(junction.get(), parts);
    }

    /** Joins where objects with AND or OR; one part stays as it is, none gives null. */
    static ObjectNode combine(Junction junction, List<ObjectNode> parts) {
        if (parts.isEmpty()) return null;
        if (parts.size() == 1) return parts.getFirst();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray(junction.prismaKey());
        parts.forEach(list::add);
        return out;
    }

    @Override
    public void clearErrors() { children.forEach(FilterNode::clearErrors); }
}
