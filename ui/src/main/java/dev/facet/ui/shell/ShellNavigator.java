package dev.facet.ui.shell;

import dev.facet.schema.model.Model;

/**
 * Opens models in the shell's tabs. The grid's own {@code Navigator} has the same method, so the shell hands it
 * over as {@code shell::openModel}.
 */
@FunctionalInterface
public interface ShellNavigator {
    /**
     * @param model     the model to show
     * @param whereJson a Prisma {@code where} as JSON, or null for every row
     * @param newTab    true to always open a new tab; false to select a tab already showing the same rows
     */
    void openModel(Model model, String whereJson, boolean newTab);
}
