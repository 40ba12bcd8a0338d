package dev.facet.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

/**
 * What a model tab shows: the grid, or a placeholder until the grid is wired in. The shell only needs to know
 * whether it holds unsaved changes (to ask before closing) and how to reload it; its node is built by the view,
 * on the FX thread, when the tab is first shown.
 */
public interface TabContent {
    /** @return whether it holds unsaved changes */
    ReadOnlyBooleanProperty dirtyProperty();

    /** Reloads its rows (after a schema reload or on request). */
    void reload();

    /** @return the node to show in the tab; called once, on the FX thread */
    Node createView();

    /** Saves its pending changes (File › Save, Ctrl+S wherever the focus is); does nothing when it has none. */
    default void save() {}

    /** @return whether a save is running, or null when it never saves */
    default javafx.beans.value.ObservableBooleanValue savingProperty() { return null; }

    /** Releases what it holds when its tab closes. */
    default void dispose() {}

    /** @return the Prisma {@code where} it shows now (its filter and search included) as JSON, or null: the tab's own */
    default String whereJson() { return null; }

    /** @return a value that changes after every successful save (row counts refresh then), or null */
    default javafx.beans.value.ObservableValue<?> savesProperty() { return null; }
}
