package dev.facet.data.connector;

import dev.facet.data.error.QueryError;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A way to stop what a piece of work is running on the database, from another thread: the window cancels a page load
 * the user no longer waits for (a newer page, a closed tab), and the database really stops the statement (JDBC's
 * {@code Statement.cancel}: PostgreSQL's cancel request, MySQL's {@code KILL QUERY}, SQLite's interrupt), instead of
 * running it to its end for nobody.
 *
 * <p>Work runs inside {@link #run}; connectors {@link #track} the statements they start on the calling thread.
 * Statements started after {@link #cancel} fail at once with P1008.
 */
public final class Cancellation {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    /** Stops one running statement; may be called when the statement has already finished. */
    @FunctionalInterface
    public interface Canceller {
        void cancel() throws Exception;

        /** @return whether the statement is over (closed), so that it need not be kept */
        default boolean finished() { return false; }
    }

    private final Set<Canceller> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** Runs {@code work} on this thread with this cancellation in effect. */
    public <T> T run(Callable<T> work) throws Exception {
        Cancellation outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) CURRENT.remove();
            else CURRENT.set(outer);
        }
    }

    /** Cancels: the statements running now are stopped by the database, later ones are refused. Any thread. */
    public void cancel() {
        cancelled = true;
        for (Canceller c : running) stop(c);
        // A statement prepared but not started yet when the cancel came is not stopped by it (SQLite's interrupt, MySQL's
        // driver only stop what runs): cancelled again until it is closed, for a few seconds at most.
        if (running.stream().anyMatch(c -> !c.finished())) Thread.ofVirtual().name("facet-cancel").start(this::cancelUntilClosed);
    }

    private void cancelUntilClosed() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            running.removeIf(Canceller::finished);
            if (running.isEmpty()) return;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            for (Canceller c : running) stop(c);
        }
    }

    /** @return whether {@link #cancel} was called */
    public boolean isCancelled() { return cancelled; }

    /** @return whether a statement is being tracked now (it may have finished since) */
    public boolean hasStatements() { return !running.isEmpty(); }

    /**
     * Called by connectors as a statement starts on the current thread: it is stopped if the work is cancelled.
     *
     * @return what the connector closes when the statement is done
     * @throws QueryError P1008 when the work was cancelled already
     */
    public static AutoCloseable track(Canceller canceller) {
        Cancellation c = CURRENT.get();
        if (c == null) return () -> { };
        if (c.cancelled) throw cancelledError();
        c.running.add(canceller);
        // A long transaction runs many statements: the ones over are let go.
        if (c.running.size() > 32) c.running.removeIf(Canceller::finished);
        // Cancelled between the check and the add: stop it now.
        if (c.cancelled) stop(canceller);
        return () -> c.running.remove(canceller);
    }

    /** @return whether the work running on this thread was cancelled */
    public static boolean currentCancelled() {
        Cancellation c = CURRENT.get();
        return c != null && c.cancelled;
    }

    /** @return the error a cancelled statement ends with */
    public static QueryError cancelledError() {
        return new QueryError("P1008", "The operation was cancelled: the database stopped the running statement.");
    }

    private static void stop(Canceller c) {
        try {
            c.cancel();
        } catch (Exception ignored) {
            // Finished or closed meanwhile: nothing left to stop.
        }
    }
}
