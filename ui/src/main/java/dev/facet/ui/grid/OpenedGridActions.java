package dev.facet.ui.grid;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;

/**
 * What the record panel asks of the grid it opens for a related record: its changes belong to that record's model, so
 * they are made there, as pending changes of that grid, and saved with its Save.
 */
final class OpenedGridActions {
    private OpenedGridActions() {}

    /** @return asks for the delete preview of the record once the grid has loaded it (as pressing Delete on its row) */
    static Consumer<ModelGridViewModel> delete(RowKey key) {
        return g -> whenLoaded(g, () -> {
            int i = g.rowIndexOf(key);
            // The record may have gone meanwhile: there is nothing to delete then.
            if (i >= 0) g.requestDelete(List.of(g.rows().get(i)));
            else g.notice(key.label() + " is not there any more");
        });
    }

    /**
     * @param back   the relation of the opened model that points back at {@code parent}
     * @param parent the record the new one is linked to
     * @return adds a new record whose {@code back} relation already links {@code parent}; Save creates both at once
     */
    static Consumer<ModelGridViewModel> createLinked(GridColumn back, LinkChange.Target parent) {
        return g -> whenLoaded(g, () -> {
            GridColumn column = g.column(back.name());
            GridRow draft = g.addRecord();
            if (draft == null || column == null) return;
            g.setLink(draft, column, column.kind() == GridColumn.Kind.TO_MANY
                    ? new LinkChange.ToMany(column, List.of(parent), List.of())
                    : new LinkChange.ToOne(column, parent, null));
        });
    }

    /** Runs {@code then} once the grid has its rows (a new grid has none until its first load ends). */
    private static void whenLoaded(ModelGridViewModel g, Runnable then) {
        if (!g.loadingProperty().get() && g.totalCountProperty().get() >= 0) {
            then.run();
            return;
        }
        g.loadingProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) return;
                g.loadingProperty().removeListener(this);
                then.run();
            }
        });
    }
}
