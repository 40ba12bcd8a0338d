package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;

/** The warm-up builds a whole grid of the project off screen, with placeholder rows, and leaves nothing behind. */
class GridWarmUpTest extends GridWindowTest {
    GridWarmUpTest() { super("grid-warm-up", 20); }

    @Test
    void buildsAGridWithRowsInStepsAndDropsIt() {
        List<Integer> cellsPerStep = onFx(() -> {
            GridWarmUp w = new GridWarmUp(db.project, db.model("Customer"), List.of());
            List<Integer> cells = new java.util.ArrayList<>();
            while (w.step()) cells.add(w.root().lookupAll(".grid-cell").size());
            return cells;
        });
        assertThat(cellsPerStep).as("cells appear, a few rows more per step, and are dropped at the end of each run")
                .anyMatch(n -> n > 0).endsWith(0);
        int first = cellsPerStep.stream().filter(n -> n > 0).findFirst().orElseThrow();
        assertThat(cellsPerStep.stream().max(Integer::compare).orElseThrow()).as("more rows in later steps").isGreaterThan(first);
    }

    @Test
    void itsRowsShowMadeUpValuesNotTheDatabases() {
        List<String> texts = onFx(() -> {
            GridWarmUp w = new GridWarmUp(db.project, db.model("Customer"), List.of());
            while (w.root().lookupAll(".grid-cell").isEmpty() && w.step()) {
                // steps until the first rows
            }
            return w.root().lookupAll(".grid-cell").stream().map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList();
        });
        // Values of each type are drawn as in a real grid, but none comes from the database (the view model's tasks
        // are dropped): the fixture's customers are named otherwise.
        assertThat(texts).anyMatch(t -> t.startsWith("Sample ")).noneMatch(t -> t.equals("…"));
    }

    @Test
    void drawsMadeUpValuesOfEveryTypeInEveryModel() {
        List<String> failures = onFx(() -> {
            List<String> failed = new java.util.ArrayList<>();
            for (dev.facet.schema.model.Model m : db.schema.models()) {
                if (m.ignored()) continue;
                try {
                    GridWarmUp w = new GridWarmUp(db.project, m, List.of());
                    while (w.step()) {
                        // every step of every run
                    }
                } catch (RuntimeException e) {
                    failed.add(m.name() + ": " + e);
                }
            }
            return failed;
        });
        assertThat(failures).isEmpty();
    }
}
