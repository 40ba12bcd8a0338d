package dev.facet.ui.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.StatementCount;
import dev.facet.data.client.ClientCall;
import dev.facet.data.client.ClientCallParser;
import dev.facet.data.client.ClientSyntaxError;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.ui.grid.RelationWhere;
import dev.facet.ui.grid.RowKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Prisma Client console's state and commands: the call being typed, its completion, running it on the project's
 * engine in the background (a write only after the user confirms, and never on a read-only project), the result with
 * its time and statement count, the error with Prisma's code, and the calls run before (remembered per project).
 * Holds no node; testable without a Stage.
 */
public final class ConsoleViewModel {
    /** Asks the user before a write runs. */
    @FunctionalInterface
    public interface Confirmer {
        /** @return whether the user said yes */
        boolean confirm(String title, String message, String confirm);
    }

    /** Opens a model's grid in a new tab, filtered by a Prisma {@code where} (following a record or a relation). */
    @FunctionalInterface
    public interface Opener {
        /** Opens {@code model} filtered by {@code whereJson}. */
        void open(Model model, String whereJson);
    }

    /**
     * What went wrong, in Prisma's words.
     *
     * @param code    Prisma's code (P2009, P2025, ...), or null for a call that cannot be read
     * @param message the message
     * @param offset  where in the text the problem is, or -1
     */
    public record Problem(String code, String message, int offset) {
        /** @return the line shown under the editor: {@code P2025: message}, or the syntax error with its line:column */
        public String text() { return code == null ? message : code + ": " + message; }
    }

    /**
     * A call that ran.
     *
     * @param call       the call
     * @param value      its result, as Prisma Client returns it
     * @param millis     how long it took, in milliseconds
     * @param statements how many statements (or MongoDB commands) it sent
     */
    public record Result(ClientCall call, JsonNode value, long millis, int statements) {
        /** @return what the status line says: the records, the time and the statements */
        public String summary() {
            String what = value.isArray() ? value.size() + (value.size() == 1 ? " record" : " records")
                    : value.isNull() ? "null" : value.isObject() && value.has("count") && value.size() == 1
                    ? value.get("count").asText() + " affected" : "1 result";
            return what + " · " + millis + " ms · " + statements + (statements == 1 ? " statement" : " statements");
        }
    }

    /** The message a read-only project answers a write with. */
    public static final String READ_ONLY = "The project is open read-only: nothing can be changed (File › Read-only to allow changes)";

    private final ObservableValue<Project> project;
    private final TaskExecutor executor;
    private final Confirmer confirmer;
    private final ConsoleHistory store;
    private final Opener opener;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final Object channel = new Object();
    /** Where Up/Down is in the history: its size when not browsing it. */
    private int historyAt;
    private String draft = "";

    /**
     * @param project   the open project (the console follows a reload or a switch to read-only)
     * @param executor  runs every call off the FX thread
     * @param confirmer asks before a write
     * @param history   where the calls are remembered
     * @param opener    opens the grid of records the result points at
     */
    public ConsoleViewModel(ObservableValue<Project> project, TaskExecutor executor, Confirmer confirmer, ConsoleHistory history,
                            Opener opener) {
        this.project = project;
        this.opener = opener;
        this.executor = executor;
        this.confirmer = confirmer;
        this.store = history;
        this.history.setAll(history.load());
        historyAt = this.history.size();
    }

    /** @return the call being typed */
    public StringProperty textProperty() { return text; }

    /** @return the last problem, until the next run */
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }

    /** @return the last result, until the next call succeeds */
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }

    /** @return whether a call is running */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** @return the calls run before, oldest first */
    public ObservableList<String> history() { return FXCollections.unmodifiableObservableList(history); }

    /** @return the suggestions at {@code caret} in the text */
    public ConsoleCompletion.Suggestions complete(int caret) {
        Project p = project.getValue();
        if (p == null) return ConsoleCompletion.Suggestions.none(caret);
        return ConsoleCompletion.at(text.get(), caret, p.schema());
    }

    /**
     * Runs the call typed (Ctrl+Enter): reads at once in the background; a write asks first and is refused on a
     * read-only project. Does nothing while a call runs.
     *
     * @return whether the call was started
     */
    public boolean run() {
        Project p = project.getValue();
        if (p == null || running.get()) return false;
        String source = text.get();
        ClientCall call;
        try {
            call = ClientCallParser.parse(source, p.schema());
        } catch (ClientSyntaxError e) {
            problem.set(new Problem(null, e.getMessage(), e.offset()));
            return false;
        }
        remember(source);
        if (call.isWrite()) {
            if (p.readOnly()) {
                problem.set(new Problem(null, READ_ONLY, -1));
                return false;
            }
            if (!confirmer.confirm("Run " + call.action() + " on " + call.model() + "?",
                    "prisma." + ClientCallParser.clientName(p.schema().model(call.model())) + "." + call.action()
                            + " changes data in " + p.displayName() + ". It runs in one transaction: all of it takes effect, or nothing.",
                    "Run")) {
                return false;
            }
        }
        problem.set(null);
        running.set(true);
        executor.submitLatest(channel, "Console: " + call.model() + "." + call.action(), () -> {
            long start = System.nanoTime();
            StatementCount.Counted<JsonNode> counted = StatementCount.count(() -> p.engine().execute(call.model(), call.action(), call.args()));
            return new Result(call, counted.value(), (System.nanoTime() - start) / 1_000_000, counted.statements());
        }, r -> {
            running.set(false);
            result.set(r);
        }, t -> {
            running.set(false);
            QueryError e = t instanceof QueryError q ? q : QueryError.unexpected(t);
            problem.set(new Problem(e.code(), e.getMessage(), -1));
        });
        return true;
    }

    /** Stops the running call, if any. */
    public void cancel() {
        executor.cancelLatest(channel);
        running.set(false);
    }

    private void remember(String call) {
        String c = call.strip();
        history.remove(c);
        history.add(c);
        while (history.size() > ConsoleHistory.MAX) history.removeFirst();
        historyAt = history.size();
        store.store(new ArrayList<>(history));
    }

    /** Shows the call run before the one shown (Up on the first line); the text typed comes back after the last. */
    public void previous() {
        if (historyAt == 0) return;
        if (historyAt == history.size()) draft = text.get();
        text.set(history.get(--historyAt));
    }

    /** Shows the call run after the one shown (Down on the last line). */
    public void next() {
        if (historyAt >= history.size()) return;
        historyAt++;
        text.set(historyAt == history.size() ? draft : history.get(historyAt));
    }

    /** Puts a call of the history in the editor. */
    public void recall(String call) {
        text.set(call);
        historyAt = history.size();
    }

    /** Releases the running call when the tab closes. */
    public void dispose() { cancel(); }

    /**
     * Follows a record of the last result in a grid (a double click in the result's grid): a relation field opens the
     * related records, any other field the record itself, in a new tab.
     *
     * @param record a record of the result (of the call's model)
     * @param key    the field clicked
     * @return whether a tab was opened; false when the result does not carry the keys needed (a narrow select)
     */
    public boolean follow(JsonNode record, String key) {
        Project p = project.getValue();
        Result r = result.get();
        if (p == null || r == null || !(record instanceof ObjectNode o)) return false;
        Model model = p.schema().model(r.call().model());
        if (model == null) return false;
        if (model.field(key) instanceof RelationField rf) {
            ObjectNode where = RelationWhere.of(p.schema(), model, o, rf);
            Model related = p.schema().model(rf.relatedModel());
            if (where == null || related == null) return false;
            opener.open(related, JsonCodec.write(where));
            return true;
        }
        RowKey k = RowKey.of(model, o);
        if (k == null) return false;
        opener.open(model, JsonCodec.write(k.values()));
        return true;
    }

    /** @return the records of a result, to show as rows of a grid: its records, or the one record it is, else none */
    public static List<JsonNode> records(JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null) return out;
        if (value.isArray()) {
            for (JsonNode n : value) if (n.isObject()) out.add(n);
        } else if (value.isObject()) {
            out.add(value);
        }
        return out;
    }
}
