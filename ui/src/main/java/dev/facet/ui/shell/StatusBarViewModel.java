package dev.facet.ui.shell;

import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The status bar's text: whether database work is running, and the last query with how long it took. Built from
 * the executor's properties ({@code FxTaskExecutor}), so tests can feed it plain properties.
 */
public final class StatusBarViewModel {
    private final BooleanBinding busy;
    private final StringBinding lastQuery;
    private final StringBinding runningText;
    private final javafx.beans.property.StringProperty connections = new javafx.beans.property.SimpleStringProperty(this, "connections", "");
    private Runnable cancel = () -> { };

    /**
     * @param running      how many tasks run
     * @param lastTask     the description of the last finished task
     * @param lastDuration how long it took
     */
    public StatusBarViewModel(ReadOnlyIntegerProperty running, ReadOnlyStringProperty lastTask,
                              ReadOnlyObjectProperty<Duration> lastDuration) {
        busy = running.greaterThan(0);
        runningText = Bindings.createStringBinding(() -> running.get() == 0 ? ""
                : running.get() == 1 ? "Running 1 query" : "Running " + running.get() + " queries", running);
        lastQuery = Bindings.createStringBinding(() -> {
            String task = lastTask.get();
            Duration took = lastDuration.get();
            if (task == null || task.isEmpty() || took == null) return "";
            return task + " · " + format(took);
        }, lastTask, lastDuration);
    }

    /** @param cancel stops the running queries on the database (the Cancel button) */
    public void setCancel(Runnable cancel) { this.cancel = cancel; }

    /** Stops the running queries on the database; each says it was cancelled. */
    public void cancelRunning() { cancel.run(); }

    /** @param held how many connections the project's pool holds now (-1: unknown, shown as nothing) */
    public void connectionsHeld(int held) {
        connections.set(held < 0 ? "" : held == 1 ? "1 connection" : held + " connections");
    }

    /** @return "2 connections", or empty when unknown */
    public javafx.beans.property.ReadOnlyStringProperty connectionsProperty() { return connections; }

    /** @return whether database work is running */
    public BooleanBinding busyProperty() { return busy; }

    /** @return "Running 2 queries", or empty */
    public StringBinding runningTextProperty() { return runningText; }

    /** @return "Counting rows of 7 models · 12 ms", or empty before the first */
    public StringBinding lastQueryProperty() { return lastQuery; }

    /** @return {@code 0.4 ms}, {@code 12 ms}, {@code 1.25 s} */
    static String format(Duration d) {
        long micros = d.toNanos() / 1_000;
        if (micros < 1_000) return String.format(java.util.Locale.ROOT, "%.1f ms", micros / 1000.0);
        if (micros < 1_000_000) return (micros / 1_000) + " ms";
        return String.format(java.util.Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }
}
