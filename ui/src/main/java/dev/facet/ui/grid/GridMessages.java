package dev.facet.ui.grid;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.Message;
import dev.facet.ui.grid.ModelGridViewModel.Severity;
import java.util.function.IntSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The grid's message area and whether the database is reachable: every concern of the grid reports
 * here, and a failure is worded once (a lost connection says the pending changes are kept).
 */
@ViewModelPart
final class GridMessages {
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper connectionLost = new ReadOnlyBooleanWrapper(this, "connectionLost");
    private final IntSupplier pendingCount;

    /** @param pendingCount how many changes are pending (a failure says they are kept) */
    GridMessages(IntSupplier pendingCount) {
        this.pendingCount = pendingCount;
    }

    ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }

    ReadOnlyBooleanProperty connectionLostProperty() { return connectionLost.getReadOnlyProperty(); }

    Message current() { return message.get(); }

    void show(Severity severity, String text) { message.set(new Message(severity, text)); }

    void clear() { message.set(null); }

    /** Reports a failed database call: a lost connection is said so, anything else with its reason. */
    void failed(String what, Throwable e) {
        int n = pendingCount.getAsInt();
        if (isCancelled(e)) {
            // The user pressed Cancel: nothing is wrong with the connection.
            show(Severity.INFO, what + ": cancelled, the database stopped the statement.");
            return;
        }
        if (isConnectionProblem(e)) {
            connectionLost.set(true);
            show(Severity.ERROR, "The database cannot be reached (" + reason(e) + "). "
                    + (n > 0 ? "Your " + n + (n == 1 ? " change is" : " changes are") + " kept; save again once it is back."
                    : "Reload once it is back."));
            return;
        }
        show(Severity.ERROR, what + ": " + reason(e) + (n == 0 ? "" : ". Your changes are kept."));
    }

    /** A database call succeeded: a lost connection is back. */
    void reachable() {
        if (connectionLost.get()) {
            connectionLost.set(false);
            show(Severity.SUCCESS, "Connected to the database again");
        }
    }

    /** @return whether a failure means the database could not be reached (Prisma's P1xxx codes, pool timeouts) */
    static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            QueryError q = t instanceof QueryEngine.BatchError b ? b.error() : t instanceof QueryError qe ? qe : null;
            if (q != null && (q.code().startsWith("P1") || q.code().equals("P2024"))) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static boolean isCancelled(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof QueryError q && q.code().equals("P1008")
                    && dev.facet.data.connector.Cancellation.cancelledError().getMessage().equals(q.getMessage())) return true;
        }
        return false;
    }

    /** @return a failure's message for people, at most 300 characters */
    static String reason(Throwable e) {
        Throwable t = e instanceof QueryEngine.BatchError b ? b.error() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
