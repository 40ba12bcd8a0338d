package dev.facet.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs database work off the JavaFX thread and delivers results on it. Every database call of the UI
 * goes through one executor, so the FX thread never waits on a database. Tests use
 * {@link DirectTaskExecutor}, which runs tasks synchronously.
 */
public interface TaskExecutor {
    /**
     * Submits work.
     *
     * @param description what the task does, for the status bar ("Loading Customer rows")
     * @param work        runs on a background thread
     * @param onSuccess   receives the result on the FX thread
     * @param onFailure   receives the failure on the FX thread
     * @return a handle to cancel the task; a cancelled task delivers nothing
     */
    <T> TaskHandle submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Submits work on a channel: a newer task on the same channel cancels the older one (a newer page
     * load replaces the one still running).
     */
    <T> TaskHandle submitLatest(Object channel, String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Says that the finished task described so is over for the user (a delete preview that was cancelled): the
     * status bar stops naming it. On the FX thread.
     */
    default void forget(String description) { }

    /**
     * Cancels the latest task of a channel, if it still runs: its result is dropped and the statement it runs on the
     * database is stopped (the user moved away: a closed tab). On the FX thread.
     */
    default void cancelLatest(Object channel) { }

    /** A submitted task. */
    interface TaskHandle {
        /** Cancels the task: its result, if any, is dropped, and the database stops the statement it runs. */
        void cancel();

        /** @return whether the task was cancelled */
        boolean isCancelled();
    }
}
