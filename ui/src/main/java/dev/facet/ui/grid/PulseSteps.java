package dev.facet.ui.grid;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Steps run one per pulse while a node is in a scene: each after a layout pass (a post-layout pulse listener), so the
 * next pulse styles and lays out what the step added. A new grid is built this way: styling and laying out all of it
 * in one pulse would hold the window for the sum of its parts.
 */
final class PulseSteps {
    private final Node node;
    private final Deque<Runnable> steps;
    private final Runnable next = this::runNext;
    private final ChangeListener<Scene> sceneListener = (o, old, scene) -> {
        if (old != null) old.removePostLayoutPulseListener(next);
        if (scene != null) scene.addPostLayoutPulseListener(next);
    };

    private PulseSteps(Node node, List<Runnable> steps) {
        this.node = node;
        this.steps = new ArrayDeque<>(steps);
    }

    /** Runs {@code steps} in order, one after each layout pass of {@code node}'s scene, starting with the next one. */
    static PulseSteps start(Node node, List<Runnable> steps) {
        PulseSteps s = new PulseSteps(node, steps);
        node.sceneProperty().addListener(s.sceneListener);
        if (node.getScene() != null) node.getScene().addPostLayoutPulseListener(s.next);
        return s;
    }

    /**
     * Runs the next step now (a scene without a window has no pulses).
     *
     * @return whether there was one
     */
    boolean runNext() {
        Runnable step = steps.poll();
        if (steps.isEmpty()) {
            node.sceneProperty().removeListener(sceneListener);
            if (node.getScene() != null) node.getScene().removePostLayoutPulseListener(next);
        }
        if (step == null) return false;
        step.run();
        return true;
    }
}
