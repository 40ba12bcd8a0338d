package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.ComboBox;

/**
 * The operator list of a filter condition. It shows the condition's operator and sets it, one way each: a
 * bidirectional binding let the list's own reselection (when its items are replaced for another field) show one
 * operator while the condition kept another, and then choosing the shown one changed nothing.
 */
final class OperatorBox extends ComboBox<FilterOperator> {
    private boolean updating;

    private final FilterCondition condition;

    OperatorBox(FilterCondition condition) {
        this.condition = condition;
        getStyleClass().addAll(Styles.SMALL, "filter-operator");
        valueProperty().addListener((o, was, is) -> {
            if (!updating && is != null && is != condition.operatorProperty().get()) condition.operatorProperty().set(is);
        });
        display(condition.columnProperty().get(), condition.operatorProperty().get());
    }

    /** Offers the operators of {@code column} and shows {@code operator}, without writing back. */
    void display(GridColumn column, FilterOperator operator) {
        updating = true;
        try {
            List<FilterOperator> ops = condition.operators(column);
            if (!getItems().equals(ops)) {
                // A replaced list may reselect by index; clearing first leaves nothing stale to show.
                setValue(null);
                getItems().setAll(ops);
            }
            if (getValue() != operator) {
                setValue(null);
                setValue(operator);
            }
        } finally {
            updating = false;
        }
    }
}
