package dev.facet.ui.shell;

import atlantafx.base.theme.Styles;
import dev.facet.schema.model.Model;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The one place that decides what a model tab shows. Until the grid ({@code dev.facet.ui.grid}) is merged it is
 * a placeholder; wiring the grid is a few lines in {@link #create}:
 *
 * <pre>{@code
 * var vm = new ModelGridViewModel(project, model, executor, new Navigator() {   // the grid's interface
 *     public void openModel(Model m, String where, boolean newTab) { navigator.openModel(m, where, newTab); }
 *     public void back() { navigator.back(); }
 *     public void forward() { navigator.forward(); }
 * });
 * vm.setInitialWhere(whereJson);
 * return new GridContent(vm.dirtyProperty(), vm::reload, () -> new ModelGridView(vm));
 * }</pre>
 */
public final class ModelTabContents {
    private ModelTabContents() {}

    /** @return the factory the application uses */
    public static TabContentFactory factory() { return ModelTabContents::create; }

    static TabContent create(Project project, Model model, String whereJson, TaskExecutor executor, ShellNavigator navigator) {
        return new Placeholder(model.name(), whereJson);
    }

    /** Shows the model's name (and filter) where the grid will be. */
    static final class Placeholder implements TabContent {
        private final String modelName;
        private final String whereJson;
        private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
        private int reloads;

        Placeholder(String modelName, String whereJson) {
            this.modelName = modelName;
            this.whereJson = whereJson;
        }

        @Override public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

        @Override public void reload() { reloads++; }

        int reloads() { return reloads; }

        @Override
        public Node createView() {
            Label name = new Label(modelName);
            name.getStyleClass().add(Styles.TITLE_2);
            name.setId("placeholder-" + modelName);
            Label hint = new Label(whereJson == null ? "The grid comes here." : "Filtered by " + whereJson);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            VBox box = new VBox(8, name, hint);
            box.setAlignment(Pos.CENTER);
            return box;
        }
    }
}
