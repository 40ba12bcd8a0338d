package dev.facet.ui.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * The status bar's text: whether database work is running, and when the last query ended with how long it took (its
 * description, "Counting rows of 7 models", goes to the tooltip: shown on its own after the task ended, it read as
 * if the work were still going on). Built from
 * the executor's properties ({@code FxTaskExecutor}), so tests can feed it plain properties.
 */
public final class StatusBarViewModel {
    private final BooleanBinding busy;
    private final StringBinding lastQuery;
    private final StringBinding lastQueryDetail;
    private final StringBinding runningText;
    private final javafx.beans.property.StringProperty connections = new javafx.beans.property.SimpleStringProperty(this, "connections", "");
    private Runnable cancel = () -> { };

    /**
     * @param running      how many tasks run
     * @param lastTask     the description of the last finished task
     * @param lastDuration how long it took
     * @param lastFinished when it finished
     */
    public StatusBarViewModel(ReadOnlyIntegerProperty running, ReadOnlyStringProperty lastTask,
                              ReadOnlyObjectProperty<Duration> lastDuration, ReadOnlyObjectProperty<Instant> lastFinished) {
        busy = running.greaterThan(0);
        runningText = Bindings.createStringBinding(() -> running.get() == 0 ? ""
                : running.get() == 1 ? "Running 1 query" : "Running " + running.get() + " queries", running);
        lastQuery = Bindings.createStringBinding(() -> {
            String task = lastTask.get();
            Duration took = lastDuration.get();
            Instant at = lastFinished.get();
            if (task == null || task.isEmpty() || took == null || at == null) return "";
            return "Done " + clock(at) + " · " + format(took);
        }, lastTask, lastDuration, lastFinished);
        lastQueryDetail = Bindings.createStringBinding(() -> {
            String task = lastTask.get();
            Duration took = lastDuration.get();
            Instant at = lastFinished.get();
            if (task == null || task.isEmpty() || took == null || at == null) return "";
            return task + ": done at " + clock(at) + ", took " + format(took);
        }, lastTask, lastDuration, lastFinished);
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

    /** @return "Done 14:02:31 · 12 ms", or empty before the first */
    public StringBinding lastQueryProperty() { return lastQuery; }

    /** @return "Counting rows of 7 models: done at 14:02:31, took 12 ms", or empty before the first */
    public StringBinding lastQueryDetailProperty() { return lastQueryDetail; }

    /** @return the local time of day of {@code at}, {@code 14:02:31} */
    static String clock(Instant at) { return CLOCK.format(at.atZone(ZoneId.systemDefault())); }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);

    /** @return {@code 0.4 ms}, {@code 12 ms}, {@code 1.25 s} */
    static String format(Duration d) {
        long micros = d.toNanos() / 1_000;
        if (micros < 1_000) return String.format(java.util.Locale.ROOT, "%.1f ms", micros / 1000.0);
        if (micros < 1_000_000) return (micros / 1_000) + " ms";
        return String.format(java.util.Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }
}
