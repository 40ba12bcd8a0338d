package dev.facet.ui.grid;

import dev.facet.schema.model.Model;

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

    /** Goes back to the grid shown before this one (in place). */
    void back();

    /** Goes forward again after {@link #back()}. */
    void forward();
}
