package dev.facet.ui.project;

import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.demo.DemoWorkspace;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a new demo database after its project has opened, on a thread of its own, so that the window shows the demo
 * at once (its models, empty grids) and fills in as the rows arrive, instead of waiting for the whole seed. The
 * listener hears when it starts, each step, and how it ended; the demo is marked complete only once every row is in,
 * so a seed cut short (the window closed) is made afresh on the next start.
 */
public final class BackgroundSeeding {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundSeeding.class);

    /** What the window shows of it; called on the seeding thread. */
    public interface Listener {
        /** @param message what is being added ("Adding 600 customers") */
        void progress(String message);

        /** @param failure null when every row is in */
        void finished(Throwable failure);
    }

    private volatile Listener listener = new Listener() {
        @Override public void progress(String message) { }

        @Override public void finished(Throwable failure) { }
    };

    /** The last step and the end, replayed to a listener that comes late (the open may start before the window listens). */
    private String lastMessage;
    private boolean ended;
    private Throwable endedWith;

    /** @param l hears the seeding from now on, after what it missed */
    public synchronized void listen(Listener l) {
        listener = Objects.requireNonNull(l, "listener");
        if (lastMessage != null) l.progress(lastMessage);
        if (ended) l.finished(endedWith);
    }

    private synchronized void progress(String message) {
        lastMessage = message;
        listener.progress(message);
    }

    private synchronized void finished(Throwable failure) {
        ended = true;
        endedWith = failure;
        listener.finished(failure);
    }

    void start(Project project, DemoSeeder seeder, DemoWorkspace demo) {
        Thread.ofPlatform().daemon().name("facet-demo-seeding").start(() -> {
            Throwable failure = null;
            try {
                seeder.seed(project.engine(), this::progress);
                demo.markSeeded();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Seeding the demo failed", e);
                failure = e;
            }
            finished(failure);
        });
    }
}
