package dev.facet.ui.shell;

import dev.facet.ui.console.ConsoleHistory;
import dev.facet.ui.console.ConsoleView;
import dev.facet.ui.console.ConsoleViewModel;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** The Prisma Client console as a tab's content: never holds unsaved changes, follows the open project. */
final class ConsoleContent implements TabContent {
    private final ConsoleViewModel vm;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);

    private ConsoleContent(ConsoleViewModel vm) { this.vm = vm; }

    static ConsoleContent create(ObservableValue<Project> project, TaskExecutor executor, ConsoleViewModel.Confirmer confirmer,
                                 ConsoleHistory history, ConsoleViewModel.Opener opener) {
        return new ConsoleContent(new ConsoleViewModel(project, executor, confirmer, history, opener));
    }

    /** @return the console's view model */
    ConsoleViewModel viewModel() { return vm; }

    @Override public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }

    /** A reload leaves the call and its result as they are: running it again is the user's choice. */
    @Override public void reload() { }

    @Override public Node createView() { return new ConsoleView(vm); }

    @Override public void dispose() { vm.dispose(); }
}
