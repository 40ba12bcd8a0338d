package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.ScalarType;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The filter bar: rows of field, operator (offered by the field's type) and value, grouped with AND or
 * OR; a relation field takes conditions on the related model, nested below it. Enter or Apply runs it.
 */
final class FilterPanel extends VBox {
    private final ModelGridViewModel vm;

    FilterPanel(ModelGridViewModel vm) {
        this.vm = vm;
        getStyleClass().add("filter-panel");
        Button apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("filter-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(false);
        apply.setOnAction(e -> vm.applyFilter());
        Button clear = new Button("Clear");
        clear.setId("filter-clear");
        clear.setOnAction(e -> vm.clearFilter());
        Label error = new Label();
        error.setId("filter-error");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.filterErrorProperty());
        error.visibleProperty().bind(vm.filterErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        GroupView root = new GroupView(vm.filter(), "Records matching", null);
        HBox actions = new HBox(8, error, spacer, clear, apply);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(root, actions);
    }

    /** A group: its junction, its parts, and buttons to add more. */
    private final class GroupView extends VBox {
        private final FilterGroup group;
        private final VBox parts = new VBox(4);

        GroupView(FilterGroup group, String lead, Runnable remove) {
            this.group = group;
            getStyleClass().add(remove == null ? "filter-root" : "filter-group");
            ComboBox<FilterGroup.Junction> junction = new ComboBox<>();
            junction.getItems().setAll(FilterGroup.Junction.values());
            junction.valueProperty().bindBidirectional(group.junctionProperty());
            junction.getStyleClass().addAll(Styles.SMALL, "junction");
            Label match = new Label(lead);
            Label these = new Label("these conditions");
            these.getStyleClass().add(Styles.TEXT_MUTED);
            Button addCondition = new Button("Condition", new FontIcon(Feather.PLUS));
            addCondition.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "add-condition");
            addCondition.setOnAction(e -> group.addCondition());
            Button addGroup = new Button("Group", new FontIcon(Feather.PLUS));
            addGroup.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, "add-group");
            addGroup.setTooltip(new Tooltip("A group of conditions combined the other way (OR inside AND, AND inside OR)"));
            addGroup.setOnAction(e -> group.addGroup());
            HBox head = new HBox(6, match, junction, these, addCondition, addGroup);
            head.setAlignment(Pos.CENTER_LEFT);
            if (remove != null) head.getChildren().add(removeButton(remove));
            getChildren().addAll(head, parts);
            group.children().addListener((ListChangeListener<FilterNode>) c -> rebuild());
            rebuild();
        }

        private void rebuild() {
            parts.getChildren().clear();
            for (FilterNode n : List.copyOf(group.children())) {
                Runnable remove = () -> group.children().remove(n);
                parts.getChildren().add(switch (n) {
                    case FilterCondition c -> new ConditionView(group, c, remove);
                    case FilterGroup g -> new GroupView(g, "Matching", remove);
                });
            }
        }
    }

    /** One condition: field, operator, value (or nested conditions on a relation). */
    private final class ConditionView extends VBox {
        private final FilterCondition condition;
        private final HBox row = new HBox(6);
        private final HBox valueSlot = new HBox();

        ConditionView(FilterGroup owner, FilterCondition condition, Runnable remove) {
            this.condition = condition;
            getStyleClass().add("filter-condition");
            ComboBox<GridColumn> field = new ComboBox<>();
            field.getStyleClass().addAll(Styles.SMALL, "filter-field");
            field.getItems().setAll(owner.filterableColumns());
            field.setConverter(converter(c -> c.name() + "  " + c.typeLabel()));
            field.setButtonCell(new ListCell<>() {
                @Override protected void updateItem(GridColumn c, boolean empty) {
                    super.updateItem(c, empty);
                    setText(empty || c == null ? null : c.name());
                }
            });
            field.valueProperty().bindBidirectional(condition.columnProperty());
            OperatorBox op = new OperatorBox(condition);
            ToggleButton anyCase = new ToggleButton("Aa");
            anyCase.getStyleClass().addAll(Styles.SMALL, "any-case");
            anyCase.setTooltip(new Tooltip("Ignore case"));
            anyCase.selectedProperty().bindBidirectional(condition.ignoreCaseProperty());
            row.setAlignment(Pos.CENTER_LEFT);
            row.getChildren().addAll(field, op, valueSlot, anyCase, removeButton(remove));
            HBox.setHgrow(valueSlot, Priority.ALWAYS);
            Label error = new Label();
            error.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "condition-error");
            error.textProperty().bind(condition.errorProperty());
            error.visibleProperty().bind(condition.errorProperty().isNotNull());
            error.managedProperty().bind(error.visibleProperty());
            getChildren().addAll(row, error);
            Runnable refresh = () -> {
                GridColumn c = condition.columnProperty().get();
                op.display(c, condition.operatorProperty().get());
                boolean text = c.scalarType() == ScalarType.STRING && condition.operatorProperty().get() != null
                        && condition.operatorProperty().get().isTextMatch();
                anyCase.setVisible(vm.insensitiveSupported() && text);
                anyCase.setManaged(anyCase.isVisible());
                valueSlot.getChildren().setAll(valueEditor());
                getChildren().removeIf(n -> n instanceof GroupView);
                if (condition.nestedProperty().get() != null && condition.operatorProperty().get() != null
                        && condition.operatorProperty().get().operand() == FilterOperator.Operand.NESTED) {
                    GroupView nested = new GroupView(condition.nestedProperty().get(), condition.nestedTitle(), null);
                    nested.getStyleClass().setAll("filter-group", "filter-nested");
                    getChildren().add(nested);
                }
            };
            condition.columnProperty().addListener(o -> refresh.run());
            condition.operatorProperty().addListener(o -> refresh.run());
            refresh.run();
        }

        private Node valueEditor() {
            GridColumn c = condition.columnProperty().get();
            FilterOperator op = condition.operatorProperty().get();
            if (op == null || op.operand() == FilterOperator.Operand.NONE || op.operand() == FilterOperator.Operand.NESTED) return new Region();
            boolean choice = op.operand() == FilterOperator.Operand.ONE && !c.isList()
                    && (c.kind() == GridColumn.Kind.ENUM || c.scalarType() == ScalarType.BOOLEAN);
            if (choice) {
                ComboBox<String> values = new ComboBox<>();
                values.getStyleClass().addAll(Styles.SMALL, "filter-value");
                if (c.kind() == GridColumn.Kind.ENUM && c.enumType() != null) {
                    values.getItems().setAll(c.enumType().values().stream().map(EnumValue::name).toList());
                } else {
                    values.getItems().setAll("true", "false");
                }
                values.setPromptText("choose");
                values.valueProperty().bindBidirectional(condition.valueProperty());
                return values;
            }
            TextField value = new TextField();
            value.getStyleClass().addAll(Styles.SMALL, "filter-value");
            value.setPromptText(prompt(c, op));
            value.textProperty().bindBidirectional(condition.valueProperty());
            value.setOnAction(e -> vm.applyFilter());
            HBox.setHgrow(value, Priority.ALWAYS);
            value.setMaxWidth(420);
            return value;
        }
    }

    private String prompt(GridColumn c, FilterOperator op) {
        if (op.operand() == FilterOperator.Operand.LIST) return "values, separated by commas";
        if (c.kind() == GridColumn.Kind.ENUM && c.enumType() != null) return String.join(", ", c.enumType().values().stream().map(EnumValue::name).toList());
        ScalarType t = c.scalarType();
        if (t == null) return "value";
        return switch (t) {
            case DATE_TIME -> "2024-03-05 14:00 (" + CellValues.zoneLabel(vm.zoneProperty().get()) + ")";
            case INT, BIG_INT -> "a whole number";
            case FLOAT, DECIMAL -> "a number";
            default -> "text";
        };
    }

    private static Button removeButton(Runnable remove) {
        Button b = new Button(null, new FontIcon(Feather.X));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "remove-condition");
        b.setTooltip(new Tooltip("Remove"));
        b.setOnAction(e -> remove.run());
        return b;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : text.apply(t); }

            @Override public T fromString(String s) { return null; }
        };
    }
}
