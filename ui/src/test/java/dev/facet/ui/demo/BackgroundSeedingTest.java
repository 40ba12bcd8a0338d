package dev.facet.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.project.BackgroundSeeding;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.project.StandardProjectOpener;
import dev.facet.ui.testing.DemoFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's demo opens before it is filled (issue 15): the open returns with the empty demo while the seeding is
 * still at its first step, and the rows arrive afterwards, with the demo marked complete only then.
 */
class BackgroundSeedingTest {
    @TempDir
    Path dir;

    @Test
    void theDemoOpensAtOnceAndIsFilledAfterwards() throws Exception {
        DemoFixture fixture = new DemoFixture(dir);
        BackgroundSeeding seeding = new BackgroundSeeding();
        CountDownLatch opened = new CountDownLatch(1);
        List<String> steps = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> finished = new CompletableFuture<>();
        seeding.listen(new BackgroundSeeding.Listener() {
            @Override
            public void progress(String message) {
                steps.add(message);
                // The first step waits for the open to have returned: the open cannot be waiting for the seed.
                try {
                    opened.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void finished(Throwable failure) { finished.complete(failure); }
        });
        var opener = new StandardProjectOpener(fixture.loader(), fixture.workspace(), new DemoSeeder(DemoSeeder.Size.SMALL, 1L), seeding);
        try (Project p = opener.open(new OpenRequest.Demo(), message -> { })) {
            assertThat(finished).isNotDone();
            assertThat(fixture.workspace().folder().resolve(".seeded")).as("not marked complete while seeding").doesNotExist();
            opened.countDown();
            // A hang guard only: the seed of the small demo takes a second or two.
            assertThat(finished.get(5, TimeUnit.MINUTES)).isNull();
            assertThat(steps).startsWith("Adding categories");
            for (var e : DemoFixture.SMALL_COUNTS.entrySet()) {
                assertThat(p.engine().execute(e.getKey(), "count", null).asLong()).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(fixture.workspace().prepare()).as("complete: the next start keeps the database").isFalse();
    }
}
