package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.Values;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.TaskExecutor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Builds a grid of the open project once, off screen and never shown, in short steps after the window has appeared. A
 * session's first tab otherwise pays for loading the grid's classes and JavaFX's skins, parsing stylesheets, creating
 * lambdas and running CSS and layout code not yet compiled by the JIT: its pulses took two to four times a later tab's.
 * Each step is its own event, with frames of the window between them, so the window never waits long. It reads no
 * database: its view model's tasks are dropped, and its rows hold sample values of each field's type (text, numbers,
 * dates, enums, Json, bytes, related records and counts, and NULLs), made up here, so that drawing real values is warmed
 * up too: with rows still "loading" the first tab spent twice a later tab's CPU on its first frames with values.
 */
public final class GridWarmUp {
    /** Time between two steps: a frame or two of the window. */
    private static final Duration PAUSE = Duration.millis(20);
    /** How many times the grid is built: the second and third runs make the JIT compile more of the same code. */
    private static final int RUNS = 3;
    private static final int ROWS = 12;
    /** Warm-ups started and not finished (FX thread). */
    private static int running;

    private final StackPane root = new StackPane();
    private final Tab tab = new Tab();
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final Project project;
    private final Model model;
    private ModelGridViewModel vm;
    private ModelGridView view;

    GridWarmUp(Project project, Model model, List<String> stylesheets) {
        this.project = project;
        this.model = model;
        // In a tab pane as the window's: the tab's header and content area are styled and laid out too.
        TabPane tabs = new TabPane(tab);
        tabs.getStyleClass().addAll(Styles.TABS_FLOATING, "model-tabs");
        tab.setText(model.name());
        root.getChildren().add(tabs);
        Scene scene = new Scene(root, 1000, 40 + 30 + 60 + 30 + ROWS * 30);
        scene.getStylesheets().setAll(stylesheets);
        for (int i = 0; i < RUNS; i++) {
            steps.add(this::viewModel);
            steps.add(this::view);
            steps.add(this::toolbar);
            // The footer, then the table: the grid's own steps, run here as they would after a pulse.
            steps.add(() -> build(view.buildStep()));
            steps.add(() -> build(view.buildStep()));
            for (int rows = 4; rows <= ROWS; rows += 4) {
                int n = rows;
                steps.add(() -> rows(n));
            }
            steps.add(this::dispose);
        }
    }

    /**
     * Starts the steps after {@code delay}, on a grid of the model of {@code project} with the most fields; the FX thread.
     *
     * @param stylesheets the window scene's own stylesheets
     */
    public static void start(Project project, Duration delay, List<String> stylesheets) {
        Model widest = project.schema().models().stream().filter(m -> !m.ignored())
                .max(Comparator.comparingInt(m -> m.fields().size())).orElse(null);
        if (widest == null) return;
        // Remembered layouts are read from a file the first time: that is done here, off the FX thread.
        Thread.ofVirtual().name("facet-warm-up").start(() -> GridLayout.Store.preferences().load(""));
        running++;
        new GridWarmUp(project, widest, stylesheets).later(delay);
    }

    /** @return whether a warm-up is still going on (the window benchmark waits for it before its first open); FX thread */
    public static boolean isRunning() { return running > 0; }

    private void later(Duration delay) {
        PauseTransition wait = new PauseTransition(delay);
        wait.setOnFinished(e -> {
            if (step()) later(PAUSE);
            else running--;
        });
        wait.play();
    }

    /** Runs the next step now; @return whether there was one */
    boolean step() {
        Runnable step = steps.poll();
        if (step == null) return false;
        step.run();
        return true;
    }

    /** @return the root of the warm-up's own scene */
    StackPane root() { return root; }

    private void viewModel() { vm = new ModelGridViewModel(project, model, DROP, null, GridLayout.Store.inMemory()); }

    private void view() { view = new ModelGridView(vm); }

    private void toolbar() {
        tab.setContent(view);
        build(true);
    }

    private void build(boolean changed) {
        if (!changed) return;
        root.applyCss();
        root.layout();
    }

    /** The table shows {@code n} placeholder rows (cells drawn as loading), styled and laid out; a few more each step. */
    private void rows(int n) {
        GridTable table = view.table();
        // The flow fills its height with rows, empty or not: the height sets how many are built.
        double header = table.lookup(".column-header-background") instanceof javafx.scene.layout.Region r ? r.getHeight() : 60;
        table.setMaxHeight(header + 2 + n * table.getFixedCellSize());
        ObservableList<GridRow> items = table.getItems().isEmpty() ? FXCollections.observableArrayList() : table.getItems();
        for (int i = items.size(); i < n; i++) {
            GridRow row = GridRow.placeholder(i);
            ObjectNode sample = sampleRecord(project.schema(), model, i, true);
            row.fill(sample, RowKey.of(model, sample));
            items.add(row);
        }
        table.setItems(items);
        build(true);
    }

    /**
     * A record of {@code model} as Prisma Client returns it, with made-up values: every other row leaves its optional
     * fields NULL. With {@code withRelations}, a related record for each to-one relation and a count for each to-many.
     */
    static ObjectNode sampleRecord(Schema schema, Model model, int index, boolean withRelations) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (ScalarField f : model.scalarFields()) {
            if (f.ignored()) continue;
            boolean isNull = index % 2 == 1 && f.arity() == FieldArity.OPTIONAL;
            Object value = isNull ? null : sampleValue(schema, f, index);
            if (value == null && !isNull && !f.isList()) continue;
            out.set(f.name(), Values.toJson(f, f.isList() && value != null ? List.of(value) : value));
        }
        if (!withRelations) return out;
        ObjectNode counts = out.putObject("_count");
        for (RelationField r : model.relationFields()) {
            Model related = schema.model(r.relatedModel());
            if (related == null) continue;
            if (r.isList()) counts.put(r.name(), index % 3);
            else out.set(r.name(), index % 2 == 1 && r.arity() == FieldArity.OPTIONAL ? JsonNodeFactory.instance.nullNode()
                    : sampleRecord(schema, related, index, false));
        }
        return out;
    }

    private static Object sampleValue(Schema schema, ScalarField f, int index) {
        if (f.isEnum()) {
            EnumType e = schema.enumType(f.typeName());
            return e == null || e.values().isEmpty() ? null : e.values().get(index % e.values().size()).name();
        }
        if (f.kind() != FieldKind.SCALAR) return null;
        return switch (f.scalarType()) {
            case STRING -> "Sample " + f.name() + " " + index;
            case INT -> index + 1;
            case BIG_INT -> 9_007_199_254_740_993L + index;
            case FLOAT -> index + 0.25;
            case DECIMAL -> new BigDecimal("1234.5").add(BigDecimal.valueOf(index));
            case BOOLEAN -> index % 2 == 0;
            case DATE_TIME -> Instant.parse("2024-01-02T03:04:05.678Z").plusSeconds(86_400L * index);
            case JSON -> JsonNodeFactory.instance.objectNode().put("sample", index);
            case BYTES -> new byte[] {1, 2, (byte) index};
        };
    }

    private void dispose() {
        tab.setContent(null);
        vm.dispose();
        vm = null;
        view = null;
    }

    /** Drops every task: the warm-up's grid never reads the database. */
    private static final TaskExecutor DROP = new TaskExecutor() {
        @Override
        public <T> TaskHandle submit(String description, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return DROPPED;
        }

        @Override
        public <T> TaskHandle submitLatest(Object channel, String description, Callable<T> work, Consumer<T> onSuccess,
                                           Consumer<Throwable> onFailure) {
            return DROPPED;
        }
    };

    private static final TaskExecutor.TaskHandle DROPPED = new TaskExecutor.TaskHandle() {
        @Override public void cancel() { }

        @Override public boolean isCancelled() { return true; }
    };
}
