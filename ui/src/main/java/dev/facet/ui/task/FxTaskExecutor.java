package dev.facet.ui.task;

import dev.facet.data.connector.Cancellation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The production executor: a small pool of daemon threads; results come back through
 * {@link Platform#runLater}. It publishes, on the FX thread, how many tasks run, what the last one
 * was and how long it took, for the status bar.
 */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
        // Queries wait for a core behind the frame being drawn (BackgroundPriority).
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            r.run();
        }, "facet-db");
        t.setDaemon(true);
        return t;
    });
    private final Map<Object, TaskHandle> latest = new ConcurrentHashMap<>();
    /** The cancellations of the tasks running or waiting, for the status bar's Cancel. */
    private final java.util.Set<Cancellation> live = ConcurrentHashMap.newKeySet();
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper lastTask = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Duration> lastDuration = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> lastFinished = new ReadOnlyObjectWrapper<>();

    /** @return the number of tasks running (FX thread) */
    public ReadOnlyIntegerProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** @return the description of the last finished task (FX thread) */
    public ReadOnlyStringProperty lastTaskProperty() { return lastTask.getReadOnlyProperty(); }

    /** @return how long the last finished task took (FX thread) */
    public ReadOnlyObjectProperty<Duration> lastDurationProperty() { return lastDuration.getReadOnlyProperty(); }

    /** @return when the last task finished (FX thread) */
    public ReadOnlyObjectProperty<Instant> lastFinishedProperty() { return lastFinished.getReadOnlyProperty(); }

    @Override
    public <T> TaskHandle submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        // Cancelling stops the task's running statement on the database, not only its result.
        Cancellation cancellation = new Cancellation();
        live.add(cancellation);
        Platform.runLater(() -> running.set(running.get() + 1));
        Future<?> future = pool.submit(() -> {
            long start = System.nanoTime();
            try {
                T result = cancellation.run(work);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Platform.runLater(() -> {
                    finished(description, took);
                    if (!cancelled.get()) onSuccess.accept(result);
                });
            } catch (Throwable e) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                Platform.runLater(() -> {
                    finished(description, took);
                    if (!cancelled.get()) onFailure.accept(e);
                });
            } finally {
                live.remove(cancellation);
            }
        });
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(false);
                cancellation.cancel();
                live.remove(cancellation);
            }

            @Override
            public boolean isCancelled() { return cancelled.get(); }
        };
    }

    @Override
    public <T> TaskHandle submitLatest(Object channel, String description, Callable<T> work, Consumer<T> onSuccess,
                                       Consumer<Throwable> onFailure) {
        TaskHandle handle = submit(description, work, onSuccess, onFailure);
        TaskHandle previous = latest.put(channel, handle);
        if (previous != null) previous.cancel();
        return handle;
    }

    @Override
    public void cancelLatest(Object channel) {
        TaskHandle handle = latest.remove(channel);
        if (handle != null) handle.cancel();
    }

    /**
     * Stops every running task's statements on the database (the status bar's Cancel). Unlike {@link TaskHandle#cancel}
     * the tasks still report: each fails with P1008, so what waited for it says it was cancelled. Any thread.
     */
    public void cancelRunning() {
        for (Cancellation c : live) c.cancel();
    }

    private void finished(String description, Duration took) {
        running.set(Math.max(0, running.get() - 1));
        lastTask.set(description);
        lastDuration.set(took);
        lastFinished.set(Instant.now());
    }

    @Override
    public void close() { pool.shutdownNow(); }

    @Override
    public void forget(String description) {
        if (description.equals(lastTask.get())) {
            lastTask.set("");
            lastDuration.set(null);
            lastFinished.set(null);
        }
    }
}
