package dev.facet.ui.testing;

import dev.facet.schema.model.Model;
import dev.facet.ui.project.Project;
import dev.facet.ui.shell.ShellNavigator;
import dev.facet.ui.shell.TabContent;
import dev.facet.ui.shell.TabContentFactory;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Tab contents whose unsaved-changes flag a test can set, standing in for the grid. */
public final class FakeTabContents implements TabContentFactory {
    /** One created content. */
    public static final class Content implements TabContent {
        public final Project project;
        public final Model model;
        public final String where;
        public final ShellNavigator navigator;
        public final SimpleBooleanProperty dirty = new SimpleBooleanProperty();
        public int reloads;
        public boolean disposed;

        Content(Project project, Model model, String where, ShellNavigator navigator) {
            this.project = project;
            this.model = model;
            this.where = where;
            this.navigator = navigator;
        }

        @Override public ReadOnlyBooleanProperty dirtyProperty() { return dirty; }

        @Override public void reload() { reloads++; }

        @Override public Node createView() { return new Label(model.name()); }

        @Override public void dispose() { disposed = true; }
    }

    public final List<Content> created = new ArrayList<>();

    @Override
    public TabContent create(Project project, Model model, String whereJson, TaskExecutor executor, ShellNavigator navigator) {
        Content c = new Content(project, model, whereJson, navigator);
        created.add(c);
        return c;
    }

    public Content last() { return created.getLast(); }
}
