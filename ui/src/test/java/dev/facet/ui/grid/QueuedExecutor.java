package dev.facet.ui.grid;

import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * An executor that holds tasks until the test runs them, in order: for the races of a real executor
 * (a newer load replacing an older one, a save finishing while a new query loads) without threads.
 */
final class QueuedExecutor implements TaskExecutor {
    private final class Queued implements TaskHandle {
        final Runnable run;
        boolean cancelled;

        Queued(Runnable run) { this.run = run; }

        @Override public void cancel() { cancelled = true; }

        @Override public boolean isCancelled() { return cancelled; }
    }

    private final List<Queued> queue = new ArrayList<>();
    private final Map<Object, Queued> latest = new HashMap<>();
    int ran;

    @Override
    public <T> TaskHandle submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Queued[] self = new Queued[1];
        self[0] = new Queued(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                if (!self[0].cancelled) onFailure.accept(e);
                return;
            }
            if (!self[0].cancelled) onSuccess.accept(result);
        });
        queue.add(self[0]);
        return self[0];
    }

    @Override
    public <T> TaskHandle submitLatest(Object channel, String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        TaskHandle h = submit(description, work, onSuccess, onFailure);
        Queued previous = latest.put(channel, (Queued) h);
        if (previous != null) previous.cancel();
        return h;
    }

    /** Runs every task queued so far and those they queue, skipping cancelled ones. */
    void runAll() {
        while (!queue.isEmpty()) {
            Queued q = queue.removeFirst();
            if (q.cancelled) continue;
            ran++;
            q.run.run();
        }
    }
}
