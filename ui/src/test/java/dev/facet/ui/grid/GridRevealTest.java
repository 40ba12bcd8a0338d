package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.task.IdleCollection;
import org.junit.jupiter.api.Test;

/** A new grid's first rows come in over a few pulses; once they fill the table, the window asks for a collection. */
class GridRevealTest extends GridWindowTest {
    GridRevealTest() { super("grid-reveal", 120); }

    @Test
    void aNewGridAsksForACollectionOnceItsRowsAreIn() {
        long before = IdleCollection.requestCount();
        show("Customer", 800);

        assertThat(onFx(() -> view.table().isRevealed())).isTrue();
        // One request for this grid's reveal (the test JVM runs without the option, so nothing is collected).
        assertThat(IdleCollection.requestCount() - before).isEqualTo(1);
        assertThat(IdleCollection.isEnabled()).isFalse();
    }

    @Test
    void aGridTooShortToRevealInPartsAsksOnceToo() {
        long before = IdleCollection.requestCount();
        show("Customer", 160);

        assertThat(IdleCollection.requestCount() - before).isEqualTo(1);
    }
}
