package dev.facet.ui.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;

/**
 * Follows the revision of the one row a recycled cell or table row shows. The listener is weak: rows
 * stay in memory with their chunk, cells come and go with the table's skin.
 */
final class RowWatch {
    private final InvalidationListener listener;
    private final InvalidationListener weak;
    private GridRow watched;

    /** @param onChange what to do when the watched row changes (the caller keeps this object, so the weak listener lives) */
    RowWatch(Runnable onChange) {
        this.listener = o -> onChange.run();
        this.weak = new WeakInvalidationListener(listener);
    }

    /** Watches {@code row} instead of the row watched so far (null for none). */
    void watch(GridRow row) {
        if (watched == row) return;
        if (watched != null) watched.revisionProperty().removeListener(weak);
        watched = row;
        if (row != null) row.revisionProperty().addListener(weak);
    }
}
