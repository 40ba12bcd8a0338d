package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.grid.ModelGridView;
import dev.facet.ui.grid.ModelGridViewModel;
import dev.facet.ui.grid.Navigator;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

/** The one place that decides what a model tab shows: the model's grid ({@code dev.facet.ui.grid}). */
public final class ModelTabContents {
    private ModelTabContents() {}

    /** @return the factory the application uses */
    public static TabContentFactory factory() { return ModelTabContents::create; }

    static TabContent create(Project project, Model model, String whereJson, TaskExecutor executor, ShellNavigator navigator) {
        // The grid's Navigator and the tab's ShellNavigator have the same three methods.
        ModelGridViewModel vm = new ModelGridViewModel(project, model, executor, new Navigator() {
            @Override public void openModel(Model m, String where, boolean newTab) { navigator.openModel(m, where, newTab); }

            @Override
            public void openModel(Model m, String where, boolean newTab, Consumer<ModelGridViewModel> then) {
                navigator.openModel(m, where, newTab, c -> {
                    if (c instanceof GridContent g) then.accept(g.viewModel());
                });
            }

            @Override public void back() { navigator.back(); }

            @Override public void forward() { navigator.forward(); }
        });
        vm.setInitialWhere(whereJson);
        return new GridContent(vm);
    }

    /** A tab showing a grid. */
    static final class GridContent implements TabContent {
        private final ModelGridViewModel vm;

        GridContent(ModelGridViewModel vm) { this.vm = vm; }

        /** @return the grid's view model */
        ModelGridViewModel viewModel() { return vm; }

        @Override public ReadOnlyBooleanProperty dirtyProperty() { return vm.dirtyProperty(); }

        @Override public void reload() { vm.reload(); }

        @Override public void save() { vm.save(); }

        @Override public javafx.beans.value.ObservableBooleanValue savingProperty() { return vm.savingProperty(); }

        @Override public Node createView() { return new ModelGridView(vm); }

        @Override public void dispose() { vm.dispose(); }

        @Override public javafx.beans.value.ObservableValue<?> savesProperty() { return vm.savesProperty(); }

        @Override public String whereJson() { return vm.where() == null || vm.where().isEmpty() ? null : dev.facet.data.value.JsonCodec.write(vm.where()); }
    }
}
