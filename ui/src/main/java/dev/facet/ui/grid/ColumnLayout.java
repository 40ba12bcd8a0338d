package dev.facet.ui.grid;

import dev.facet.ui.ViewModelPart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The grid's column order, visibility and widths and its paging choice, remembered per project and model. */
@ViewModelPart
final class ColumnLayout {
    private final ReadOnlyObjectWrapper<GridLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final List<GridColumn> columns;
    private final GridLayout.Store store;
    private final String key;

    /** @param key the project and model the layout is remembered under */
    ColumnLayout(List<GridColumn> columns, GridLayout.Store store, String key) {
        this.columns = columns;
        this.store = store;
        this.key = key;
        layout.set(store.load(key));
    }

    ReadOnlyObjectProperty<GridLayout> layoutProperty() { return layout.getReadOnlyProperty(); }

    GridLayout get() { return layout.get(); }

    void setColumnVisible(String name, boolean visible) {
        if (layout.get().hidden().contains(name) == !visible) return;
        update(layout.get().withHidden(name, !visible));
    }

    void setColumnOrder(List<String> names) {
        if (names.equals(layout.get().order())) return;
        update(layout.get().withOrder(names));
    }

    void setColumnWidth(String name, double width) {
        Double old = layout.get().widths().get(name);
        if (old != null && Math.abs(old - width) < 0.5) return;
        update(layout.get().withWidth(name, width));
    }

    void reset(int pageSize, boolean scroll) { update(new GridLayout(List.of(), Set.of(), Map.of(), pageSize, scroll)); }

    void setPaging(int pageSize, boolean scroll) { update(layout.get().withPaging(pageSize, scroll)); }

    List<GridColumn> orderedColumns() {
        Map<String, GridColumn> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        List<GridColumn> out = new ArrayList<>();
        for (String n : layout.get().order()) {
            GridColumn c = byName.remove(n);
            if (c != null) out.add(c);
        }
        out.addAll(byName.values());
        return out;
    }

    private void update(GridLayout next) {
        layout.set(next);
        store.save(key, next);
    }
}
