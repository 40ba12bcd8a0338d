package dev.facet.ui.grid;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;

/**
 * Selects the records just saved (or opened from the record panel) once their rows are shown (the view model finds their page), and scrolls to
 * them: a new record left the top of the grid when saved and seemed to vanish.
 */
final class SavedRecordFocus {
    private SavedRecordFocus() {}

    static void install(ModelGridViewModel vm, GridTable table) {
        Runnable attempt = () -> {
            // The table shows the rows a pulse after they load (GridTable.showRows): selecting earlier selects nothing.
            if (vm.revealList().isEmpty() || vm.loadingProperty().get() || table.getItems() != vm.rows()) return;
            List<Integer> rows = new ArrayList<>();
            for (RowKey k : vm.revealList()) {
                int i = vm.rowIndexOf(k);
                if (i >= 0) rows.add(i);
            }
            if (rows.isEmpty() || table.getVisibleLeafColumns().isEmpty()) return;
            vm.revealList().clear();
            var column = table.getVisibleLeafColumn(0);
            table.getSelectionModel().clearSelection();
            for (int i : rows) table.getSelectionModel().select(i, column);
            table.getFocusModel().focus(rows.getLast(), column);
            table.scrollTo(Math.max(0, rows.getFirst() - 3));
        };
        vm.loadingProperty().addListener((o, was, is) -> attempt.run());
        vm.revealList().addListener((ListChangeListener<RowKey>) c -> attempt.run());
        // A grid opened to show a record (from the record panel) may load before its columns are built.
        table.getVisibleLeafColumns().addListener((ListChangeListener<Object>) c -> attempt.run());
        table.itemsProperty().addListener((o, was, is) -> attempt.run());
    }
}
