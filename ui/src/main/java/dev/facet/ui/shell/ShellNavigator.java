package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import java.util.function.Consumer;

/**
 * What a tab's content may ask of the shell: open a model (a relation followed) in a new tab or in place, and move
 * back and forward through what the tab showed. It has the methods of the grid's {@code Navigator}, so adapting one to
 * the other is a matter of delegation. Each tab gets its own, so "in place" means in that tab.
 */
public interface ShellNavigator {
    /**
     * @param model     the model to show
     * @param whereJson a Prisma {@code where} as JSON, or null for every row
     * @param newTab    true for a new tab after this one; false to show it in this tab (Back returns)
     */
    void openModel(Model model, String whereJson, boolean newTab);

    /** Opens a model as {@link #openModel(Model, String, boolean)} does, then hands the tab's content to {@code then}. */
    default void openModel(Model model, String whereJson, boolean newTab, Consumer<TabContent> then) {
        openModel(model, whereJson, newTab);
    }

    /** Shows what this tab showed before (in place). */
    void back();

    /** Undoes a {@link #back()}. */
    void forward();
}
