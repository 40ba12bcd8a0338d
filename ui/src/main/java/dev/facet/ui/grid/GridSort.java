package dev.facet.ui.grid;

import dev.facet.schema.model.ScalarType;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The grid's sort keys and the header-click cycle (ascending, descending, none); a change runs the query again. */
@ViewModelPart
final class GridSort {
    private final ObservableList<SortKey> sortOrder = FXCollections.observableArrayList();
    // One read-only view: a view made per call would be collected with the listeners added to it.
    private final ObservableList<SortKey> sortOrderView = FXCollections.unmodifiableObservableList(sortOrder);
    private final Function<String, GridColumn> columns;
    private final Runnable changed;

    /**
     * @param columns finds a column by name
     * @param changed runs when the order changes
     */
    GridSort(Function<String, GridColumn> columns, Runnable changed) {
        this.columns = columns;
        this.changed = changed;
    }

    ObservableList<SortKey> sortOrder() { return sortOrderView; }

    void setSortOrder(List<SortKey> keys) {
        List<SortKey> valid = keys.stream().filter(k -> sortable(columns.apply(k.field()))).toList();
        if (valid.equals(sortOrder)) return;
        sortOrder.setAll(valid);
        changed.run();
    }

    void toggleSort(String field, boolean additive) {
        List<SortKey> next = new ArrayList<>(additive ? sortOrder : List.of());
        SortKey current = sortOrder.stream().filter(k -> k.field().equals(field)).findFirst().orElse(null);
        next.removeIf(k -> k.field().equals(field));
        int at = current != null && additive ? sortOrder.indexOf(current) : next.size();
        if (current == null) next.add(Math.min(at, next.size()), new SortKey(field, false));
        else if (!current.descending()) next.add(Math.min(at, next.size()), new SortKey(field, true));
        setSortOrder(next);
    }

    static boolean sortable(GridColumn c) {
        return switch (c.kind()) {
            case TO_ONE -> c.displayField() != null;
            case TO_MANY -> true;
            case SCALAR, ENUM -> !c.isList() && c.scalarType() != ScalarType.JSON && c.scalarType() != ScalarType.BYTES;
            default -> false;
        };
    }
}
