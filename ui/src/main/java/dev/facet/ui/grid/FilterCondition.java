package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the filter bar: a field, an operator offered by the field's type, and a value; or, on a
 * relation, a quantifier ({@code some}, {@code every}, {@code none}, {@code is}, {@code is not}) with
 * conditions on the related model.
 */
public final class FilterCondition implements FilterNode {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A condition whose value does not fit its field. */
    public static final class Invalid extends RuntimeException {
        private final transient FilterCondition condition;

        Invalid(FilterCondition condition, String reason) {
            super(condition.column.get().name() + ": " + reason, null, false, false);
            this.condition = condition;
        }

        /** @return the condition in error */
        public FilterCondition condition() { return condition; }
    }

    private final Schema schema;
    private final ObjectProperty<GridColumn> column = new SimpleObjectProperty<>(this, "column");
    private final ObjectProperty<FilterOperator> operator = new SimpleObjectProperty<>(this, "operator");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final BooleanProperty ignoreCase = new SimpleBooleanProperty(this, "ignoreCase", true);
    private final ReadOnlyObjectWrapper<FilterGroup> nested = new ReadOnlyObjectWrapper<>(this, "nested");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final boolean absentFields;

    FilterCondition(Schema schema, GridColumn initial, boolean absentFields) {
        this.schema = schema;
        this.absentFields = absentFields;
        column.addListener((obs, old, c) -> columnChanged(c));
        column.set(initial);
    }

    private void columnChanged(GridColumn c) {
        // The nested group first: the panel redraws when the operator changes, and must find the new group then.
        nested.set(c.isRelation() && c.related() != null ? new FilterGroup(schema, c.related(), absentFields)
                : c.kind() == GridColumn.Kind.COMPOSITE ? new FilterGroup(schema, compositeAsModel(c), absentFields) : null);
        List<FilterOperator> ops = operators(c);
        if (operator.get() == null || !ops.contains(operator.get())) operator.set(ops.getFirst());
        // A value typed for another field rarely fits this one.
        value.set("");
        error.set(null);
    }

    /** An embedded document's fields as a model's, for the conditions nested below it (it has no key or relations). */
    private dev.facet.schema.model.Model compositeAsModel(GridColumn c) {
        var type = schema.compositeType(c.scalar().typeName());
        return new dev.facet.schema.model.Model(type.name(), type.name(), false, List.copyOf(type.fields()), null, List.of(), false,
                null, type.documentation(), type.span());
    }

    /** @return what the nested conditions are on, as the panel titles them */
    public String nestedTitle() {
        GridColumn c = column.get();
        if (c.isRelation()) return c.related().name() + " records matching";
        return c.isList() ? c.name() + " items matching" : c.name() + " matching";
    }

    /** @return the operators a condition on {@code c} offers here */
    List<FilterOperator> operators(GridColumn c) { return FilterOperator.forColumn(c, absentFields); }

    /** @return the field the condition is on (set it to change the field; the operator follows) */
    public ObjectProperty<GridColumn> columnProperty() { return column; }

    /** @return the operator */
    public ObjectProperty<FilterOperator> operatorProperty() { return operator; }

    /** @return the value as typed; for {@code in}, values separated by commas or a JSON array */
    public StringProperty valueProperty() { return value; }

    /** @return whether text matches ignore case, where the database can do that */
    public BooleanProperty ignoreCaseProperty() { return ignoreCase; }

    /** @return the conditions on the related model, for relation fields; else null */
    public ReadOnlyObjectProperty<FilterGroup> nestedProperty() { return nested.getReadOnlyProperty(); }

    /** @return why the value was refused at the last apply, or null */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    @Override
    public void clearErrors() {
        error.set(null);
        if (nested.get() != null) nested.get().clearErrors();
    }

    @Override
    public ObjectNode toWhere(Options options) {
        GridColumn c = column.get();
        FilterOperator op = operator.get();
        error.set(null);
        ObjectNode out = JSON.objectNode();
        String field = c.name();
        switch (op) {
            case IS_NULL -> out.putNull(field);
            case IS_NOT_NULL -> {
                // On a to-one relation "is not null" is {isNot: null}; on a scalar {not: null}.
                out.putObject(field).putNull(c.isRelation() ? "isNot" : "not");
            }
            case IS_EMPTY -> out.putObject(field).put("isEmpty", true);
            case IS_SET, IS_NOT_SET -> out.putObject(field).put("isSet", op == FilterOperator.IS_SET);
            case SOME, EVERY, NONE, IS, IS_NOT -> {
                ObjectNode inner = nested.get() == null ? null : nested.get().toWhere(options);
                out.putObject(field).set(op.prismaKey(), inner == null ? JSON.objectNode() : inner);
            }
            case IN, NOT_IN -> {
                ObjectNode cond = out.putObject(field);
                cond.set(op.prismaKey(), list(c, options));
                insensitive(cond, c, op, options);
            }
            case HAS -> out.putObject(field).set("has", one(elementColumn(c), value.get(), options));
            default -> {
                ObjectNode cond = out.putObject(field);
                cond.set(op.prismaKey(), one(c, value.get(), options));
                insensitive(cond, c, op, options);
            }
        }
        return out;
    }

    private void insensitive(ObjectNode cond, GridColumn c, FilterOperator op, Options options) {
        if (options.insensitiveSupported() && ignoreCase.get() && op.isTextMatch() && c.scalarType() == ScalarType.STRING) {
            cond.put("mode", "insensitive");
        }
    }

    private JsonNode one(GridColumn c, String text, Options options) {
        try {
            return CellValues.parse(c, text, options.zone());
        } catch (CellValues.Refused r) {
            throw fail(r.getMessage());
        }
    }

    private ArrayNode list(GridColumn c, Options options) {
        String t = value.get().strip();
        List<String> items = new ArrayList<>();
        if (t.startsWith("[")) {
            JsonNode array;
            try {
                array = JsonCodec.parse(t);
            } catch (IllegalArgumentException e) {
                throw fail("write the values separated by commas, or as a JSON array");
            }
            array.forEach(n -> items.add(n.isTextual() ? n.asText() : JsonCodec.write(n)));
        } else if (!t.isEmpty()) {
            for (String s : t.split(",")) items.add(c.scalarType() == ScalarType.STRING ? s.strip() : s);
        }
        if (items.isEmpty()) throw fail("type one or more values, separated by commas");
        ArrayNode out = JSON.arrayNode();
        for (String s : items) out.add(one(c, s, options));
        return out;
    }

    /** The same column seen as one element of its list, for {@code has}. */
    private static GridColumn elementColumn(GridColumn c) {
        var s = c.scalar();
        var one = new dev.facet.schema.model.ScalarField(s.name(), s.databaseName(), s.kind(), s.scalarType(), s.typeName(),
                dev.facet.schema.model.FieldArity.REQUIRED, s.nativeType(), null, null, false, false, false, false, null, s.span());
        return new GridColumn(one, c.kind(), c.typeLabel(), false, false, false, false, c.enumType(), null, null);
    }

    private Invalid fail(String reason) {
        error.set(reason);
        return new Invalid(this, reason);
    }
}
