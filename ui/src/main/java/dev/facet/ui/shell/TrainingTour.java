package dev.facet.ui.shell;

import dev.facet.schema.model.Model;
import dev.facet.ui.grid.GridWarmUp;
import dev.facet.ui.project.Project;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.skin.VirtualFlow;
import javafx.util.Duration;

/**
 * With {@code -Dfacet.training.tour=true} (set by {@code facet aot-training --window}, the AOT cache's training run):
 * once the project is open and the grid's warm-up is done, opens the tab of every model in turn, scrolls it down and
 * up a few pages, and closes it. The cache then holds the classes, linked lambdas and method profiles of real tabs
 * with real rows; trained on the window alone, a session's first tab still spent most of its time waiting for the JIT.
 */
final class TrainingTour {
    private static final Duration STEP = Duration.millis(250);

    private final ShellViewModel shell;
    private final Scene scene;
    private final Duration step;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    private TrainingTour(ShellViewModel shell, Scene scene, Duration step) {
        this.shell = shell;
        this.scene = scene;
        this.step = step;
    }

    /** Starts the tour when the system property asks for it, once {@code project} is open; the FX thread. */
    static void startIfAsked(ShellViewModel shell, Scene scene, Project project) {
        if (Boolean.getBoolean("facet.training.tour")) start(shell, scene, project, STEP);
    }

    /** Starts the tour of {@code project}'s models, one step every {@code step}; the FX thread. */
    static void start(ShellViewModel shell, Scene scene, Project project, Duration step) {
        TrainingTour tour = new TrainingTour(shell, scene, step);
        for (Model m : project.schema().models()) {
            if (m.ignored()) continue;
            tour.steps.add(() -> shell.openModel(m.name()));
            for (int i = 0; i < 4; i++) tour.steps.add(() -> tour.scroll(1));
            for (int i = 0; i < 2; i++) tour.steps.add(() -> tour.scroll(-1));
            tour.steps.add(() -> {
                if (!shell.tabs().isEmpty()) shell.closeTab(shell.tabs().getLast());
            });
        }
        tour.next();
    }

    private void next() {
        PauseTransition wait = new PauseTransition(step);
        wait.setOnFinished(e -> {
            // The warm-up goes first, as in a session where the user takes a second to pick a model.
            if (GridWarmUp.isRunning()) {
                next();
                return;
            }
            Runnable step = steps.poll();
            if (step == null) return;
            step.run();
            next();
        });
        wait.play();
    }

    /** Scrolls the open grid by a page down (1) or up (-1). */
    private void scroll(int pages) {
        Node table = scene.lookup("#grid-table");
        if (table != null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) flow.scrollPixels(pages * flow.getHeight());
    }
}
