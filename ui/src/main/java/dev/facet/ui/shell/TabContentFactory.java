package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;

/** Creates the content of a model tab. */
@FunctionalInterface
public interface TabContentFactory {
    /**
     * @param project   the open project
     * @param model     the model the tab shows
     * @param whereJson the Prisma {@code where} the tab is filtered by, or null
     * @param executor  the executor every database call goes through
     * @param navigator opens other models (relation links)
     * @return the tab's content
     */
    TabContent create(Project project, Model model, String whereJson, TaskExecutor executor, ShellNavigator navigator);
}
