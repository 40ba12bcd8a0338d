package dev.facet.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs tasks on the calling thread, at once: for view model tests without a Stage. */
public final class DirectTaskExecutor implements TaskExecutor {
    @Override
    public <T> TaskHandle submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(work.call());
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return DONE;
    }

    @Override
    public <T> TaskHandle submitLatest(Object channel, String description, Callable<T> work, Consumer<T> onSuccess,
                                       Consumer<Throwable> onFailure) {
        return submit(description, work, onSuccess, onFailure);
    }

    private static final TaskHandle DONE = new TaskHandle() {
        @Override public void cancel() { }

        @Override public boolean isCancelled() { return false; }
    };
}
