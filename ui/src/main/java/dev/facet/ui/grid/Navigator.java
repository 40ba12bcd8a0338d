package dev.facet.ui.grid;

import dev.facet.schema.model.Model;
import java.util.function.Consumer;

/**
 * What a grid asks of the window around it: open a model (followed through a relation) and move
 * through the history of opened grids. The shell implements it.
 */
public interface Navigator {
    /**
     * Opens a model filtered by a Prisma {@code where}.
     *
     * @param model     the model to open
     * @param whereJson the Prisma {@code where} object as JSON, or null for no filter
     * @param newTab    whether to open it in a new tab rather than in place of the current grid
     */
    void openModel(Model model, String whereJson, boolean newTab);

    /**
     * Opens a model as {@link #openModel(Model, String, boolean)} does, then hands its grid to {@code then}: the record
     * panel selects a record there, adds a record already linked, or asks to delete one. A window without grids ignores it.
     */
    default void openModel(Model model, String whereJson, boolean newTab, Consumer<ModelGridViewModel> then) {
        openModel(model, whereJson, newTab);
    }

    /** Goes back to the grid shown before this one (in place). */
    void back();

    /** Goes forward again after {@link #back()}. */
    void forward();
}
