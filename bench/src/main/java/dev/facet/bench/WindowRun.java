package dev.facet.bench;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.demo.DemoWorkspace;
import dev.facet.ui.grid.GridLayout;
import dev.facet.ui.grid.GridRow;
import dev.facet.ui.grid.GridWarmUp;
import dev.facet.ui.grid.ModelGridView;
import dev.facet.ui.grid.ModelGridViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.DataAccessConnector;
import dev.facet.ui.project.StandardProjectOpener;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.shell.ModelTabContents;
import dev.facet.ui.shell.ShellViewModel;
import dev.facet.ui.shell.ShellWindow;
import dev.facet.ui.shell.ThemeApplier;
import dev.facet.ui.task.FxTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Figures 1 to 3 of the window benchmark, in this JVM on the real toolkit: Facet's main window (built by
 * {@link ShellWindow} with the application's own parts) opens the million-row schema; the model's tab is opened,
 * closed and opened again, timing each open to the first frame drawn with rows; then the grid is scrolled from top to
 * bottom, first a page per frame with the wheel, then by dragging the thumb to the bottom in steps, each waiting until
 * its rows are drawn. An AnimationTimer drives the steps and records every frame.
 */
final class WindowRun {
    /**
     * One opening of the tab, in nanoseconds from the call that opens it.
     *
     * @param built    until {@code openModel} returned (the tab and its view built)
     * @param rowsIn   until the grid's rows were replaced by the first page
     * @param drawn    until the first frame after a layout pass that left the visible cells holding rows
     * @param loadInfo what the grid's footer said about the query
     */
    record Open(String mode, long built, long rowsIn, long drawn, String loadInfo) {}

    private final Path dir;
    private final Path schemaFile;
    private final int warmOpens;
    private final int wheelFrames;
    private final int dragSteps;

    final FrameLog log = new FrameLog();
    final List<Open> opens = new ArrayList<>();
    final List<Long> dragLatencies = new ArrayList<>();
    String toolkit = "";
    /** Frames the benchmark waited for the grid's warm-up after the project was open and counted. */
    int warmUpWait;
    String lastRowId;
    int tableSize;

    private final Deque<Step> steps = new ArrayDeque<>();
    private Step current;
    private boolean readyAtLastLayout;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable failure;
    private Stage stage;
    private ShellWindow window;
    private FxTaskExecutor executor;

    /** How long an open or a drag step may take to draw its rows (-Dbench.waitSeconds, 60 by default) before the run fails. */
    private static final long WAIT_NANOS = Long.getLong("bench.waitSeconds", 60) * 1_000_000_000L;

    WindowRun(Path dir, Path schemaFile, int warmOpens, int wheelFrames, int dragSteps) {
        this.dir = dir;
        this.schemaFile = schemaFile;
        this.warmOpens = warmOpens;
        this.wheelFrames = wheelFrames;
        this.dragSteps = dragSteps;
    }

    /** Runs every step and returns once the grid sits at the bottom (the window stays open for the heap figure). */
    void run() throws Exception {
        log.watchGc();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.runLater(() -> {
            try {
                start();
            } catch (Throwable t) {
                fail(t);
            }
        });
        done.await();
        if (failure != null) throw new IllegalStateException("the window benchmark failed", failure);
    }

    /** Closes the project (its connection pool) and the executor; the caller then ends the JVM. */
    void close() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            if (window != null) window.shell().close();
            if (executor != null) executor.close();
            closed.countDown();
        });
        closed.await();
    }

    private void fail(Throwable t) {
        failure = t;
        done.countDown();
    }

    // ---------------------------------------------------------------- the window and the steps

    private void start() {
        toolkit = describeToolkit();
        stage = new Stage();
        // As FacetApplication does, with settings, the demo folder and remembered layouts kept under the output folder.
        Path home = dir.resolve("home");
        UserSettings settings = UserSettings.load(home.resolve("settings.json"));
        // The window reopens the tabs a project had when it was closed: the last run ended with the model's tab open,
        // and restored at start-up it turned the "cold" open into selecting a tab that was already built and drawn.
        settings.setOpenTabs(schemaFile.toAbsolutePath().normalize().toString(), new UserSettings.OpenTabs(List.of(), 0));
        ProjectLoader loader = new ProjectLoader(new DataAccessConnector(), ConnectionUrlResolver.forCurrentProcess());
        StandardProjectOpener opener = new StandardProjectOpener(loader, new DemoWorkspace(home.resolve("demo"), "// unused"),
                DemoSeeder.standard());
        executor = new FxTaskExecutor();
        ShellWindow.Config config = new ShellWindow.Config(executor, loader, opener, settings, ShellViewModel.SchemaWatchStarter.files(),
                ModelTabContents.factory(), ThemeApplier.systemDark());
        window = ShellWindow.show(stage, config, new OpenRequest.Schema(schemaFile, null), null);
        Scene scene = stage.getScene();
        scene.addPreLayoutPulseListener(log::layoutStarts);
        scene.addPostLayoutPulseListener(() -> {
            log.layoutEnds();
            if (current != null) readyAtLastLayout = current.ready();
        });
        plan();
        new AnimationTimer() {
            @Override
            public void handle(long pulse) {
                long now = System.nanoTime();
                log.frame(now);
                try {
                    if (current == null) {
                        current = steps.poll();
                        if (current == null) {
                            stop();
                            log.end();
                            done.countDown();
                            return;
                        }
                        readyAtLastLayout = false;
                        current.begin(now);
                    } else if (current.tick(now, readyAtLastLayout)) {
                        current = null;
                    }
                } catch (Throwable t) {
                    stop();
                    fail(t);
                }
            }
        }.start();
    }

    private void plan() {
        ShellViewModel shell = window.shell();
        // Start-up (the project opening, and the grid's warm-up) is reported apart from loading and scrolling.
        steps.add(once(() -> log.begin("startup")));
        steps.add(waitFor("the project to open and every model to be counted", 180, () -> shell.projectProperty().get() != null
                && !shell.models().isEmpty() && shell.models().stream().allMatch(m -> m.countProperty().get() != null)
                && executor.runningProperty().get() == 0));
        // The first open of the session comes once start-up has settled, the grid's warm-up included (GridWarmUp).
        steps.add(waitFor("the grid's warm-up", 60, () -> {
            if (!GridWarmUp.isRunning()) return true;
            warmUpWait++;
            return false;
        }));
        steps.add(idle(30));
        steps.add(once(log::end));
        for (int i = 0; i <= warmOpens; i++) {
            steps.add(new OpenTab(i == 0 ? "open-cold" : "open-warm"));
            steps.add(idle(20));
            if (i < warmOpens) {
                steps.add(once(() -> Platform.runLater(() -> shell.closeTab(shell.tabs().getFirst()))));
                steps.add(idle(20));
            }
        }
        steps.add(new Wheel());
        steps.add(new Drag());
        steps.add(once(this::checkBottom));
        steps.add(idle(30));
    }

    private void checkBottom() {
        TableView<?> table = table();
        VirtualFlow<?> flow = flow(table);
        tableSize = table.getItems().size();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (last.getIndex() != tableSize - 1 || !(last.getItem() instanceof GridRow row) || !row.isLoaded()) {
            throw new IllegalStateException("the grid is not at its last row: " + last.getIndex() + " of " + tableSize);
        }
        lastRowId = row.record().get("id").asText();
    }

    // ---------------------------------------------------------------- steps

    /** A step of the run; {@link #tick} runs at the start of each frame until it returns true. */
    private abstract static class Step {
        void begin(long now) {}

        /** Checked after each layout pass; the next frame's tick gets the answer. */
        boolean ready() { return true; }

        abstract boolean tick(long now, boolean readyAtLastLayout);
    }

    private static Step idle(int frames) {
        return new Step() {
            int left = frames;

            @Override boolean tick(long now, boolean ready) { return --left <= 0; }
        };
    }

    private static Step once(Runnable action) {
        return new Step() {
            @Override void begin(long now) { action.run(); }

            @Override boolean tick(long now, boolean ready) { return true; }
        };
    }

    private static Step waitFor(String what, int seconds, BooleanSupplier condition) {
        return new Step() {
            long deadline;

            @Override void begin(long now) { deadline = now + seconds * 1_000_000_000L; }

            @Override
            boolean tick(long now, boolean ready) {
                if (condition.getAsBoolean()) return true;
                if (now > deadline) throw new IllegalStateException("timed out waiting for " + what);
                return false;
            }
        };
    }

    /** Opens the model's tab and waits for the first frame after its table's cells hold rows. */
    private final class OpenTab extends Step {
        private final String phase;
        private long begun;
        private long t0;
        private long built;
        private long rowsIn = -1;
        private ModelGridView view;

        OpenTab(String phase) { this.phase = phase; }

        @Override
        void begin(long now) {
            log.begin(phase);
            begun = now;
            // The grid scrolls through the whole result, as a person who chose infinite scroll for it left it.
            ShellViewModel shell = window.shell();
            Path schemaPath = shell.projectProperty().get().schemaPath();
            String key = Integer.toHexString(schemaPath.toAbsolutePath().normalize().toString().hashCode()) + "/" + MillionRowDatabase.MODEL;
            GridLayout.Store.preferences().save(key, new GridLayout(List.of(), Set.of(), Map.of(), 100, true));
            // As a click in the sidebar: handled between two pulses, not inside one.
            Platform.runLater(this::open);
        }

        private void open() {
            t0 = System.nanoTime();
            if (Boolean.getBoolean("bench.verbose")) System.out.println("  " + phase + " starts at " + java.time.Instant.now());
            window.shell().openModel(MillionRowDatabase.MODEL);
            built = System.nanoTime() - t0;
            ModelGridView v = (ModelGridView) stage.getScene().lookup(".model-grid");
            if (v == null) throw new IllegalStateException("no grid in the window after opening " + MillionRowDatabase.MODEL);
            if (v.viewModel().pagingModeProperty().get() != ModelGridViewModel.PagingMode.SCROLL) {
                throw new IllegalStateException("the grid did not open in infinite-scroll mode");
            }
            v.viewModel().rowsProperty().addListener(o -> {
                if (rowsIn < 0) rowsIn = System.nanoTime() - t0;
            });
            view = v;
        }

        // The grid is built (its table in place, filling its area, with the grid's current rows) and its rows drawn.
        @Override boolean ready() { return view != null && view.isBuilt() && rowsDrawn(table()); }

        @Override
        boolean tick(long now, boolean ready) {
            if (!ready) {
                if (now - begun > WAIT_NANOS) throw new IllegalStateException("the rows were not drawn within " + WAIT_NANOS / 1_000_000_000L + " s");
                return false;
            }
            opens.add(new Open(phase, built, rowsIn, now - t0, view.viewModel().loadInfoProperty().get()));
            log.end();
            return true;
        }
    }

    /** The mouse wheel, flicked hard: one page down per frame, not waiting for rows to arrive. */
    private final class Wheel extends Step {
        private int left = wheelFrames;

        @Override void begin(long now) { log.begin("scroll-wheel"); }

        @Override
        boolean tick(long now, boolean ready) {
            VirtualFlow<?> flow = flow(table());
            flow.scrollPixels(flow.getHeight());
            if (--left > 0) return false;
            log.end();
            return true;
        }
    }

    /** Drags the scroll bar's thumb to the bottom in steps, each waiting until its rows are drawn. */
    private final class Drag extends Step {
        private double from;
        private int step;
        private long stepStart;

        @Override
        void begin(long now) {
            log.begin("scroll-drag");
            from = flow(table()).getPosition();
            move(now);
        }

        private void move(long now) {
            step++;
            stepStart = now;
            // What the thumb does while dragged: VirtualScrollBar sets the flow's position from its value.
            flow(table()).setPosition(step == dragSteps ? 1.0 : from + (1.0 - from) * step / dragSteps);
        }

        @Override boolean ready() { return rowsDrawn(table()); }

        @Override
        boolean tick(long now, boolean ready) {
            if (!ready) {
                if (now - stepStart > WAIT_NANOS) throw new IllegalStateException("rows not drawn within " + WAIT_NANOS / 1_000_000_000L + " s at drag step " + step);
                return false;
            }
            dragLatencies.add(now - stepStart);
            if (step >= dragSteps) {
                log.end();
                return true;
            }
            move(now);
            return false;
        }
    }

    // ---------------------------------------------------------------- the table

    // The table and its flow are looked up once per grid, not at every frame: Node.lookup parses its selector again at
    // each node it visits, and the benchmark's own lookups were a tenth of what the FX thread allocated (more young
    // collections, so longer pauses, than the window has).
    private TableView<?> table;
    private VirtualFlow<?> flow;

    private TableView<?> table() {
        if (table == null || table.getScene() == null) {
            Node n = stage.getScene().lookup("#grid-table");
            if (!(n instanceof TableView<?> t)) throw new IllegalStateException("no grid table in the window");
            table = t;
            flow = null;
        }
        return table;
    }

    private VirtualFlow<?> flow(TableView<?> t) {
        VirtualFlow<?> f = flowOrNull(t);
        if (f == null) throw new IllegalStateException("the table has no skin yet");
        return f;
    }

    private VirtualFlow<?> flowOrNull(TableView<?> t) {
        if (t != table) return t.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
        if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> f) flow = f;
        return flow;
    }

    /** Whether every visible row of the table holds a loaded record and shows text in its cells. */
    private boolean rowsDrawn(TableView<?> t) {
        if (!(flowOrNull(t) instanceof VirtualFlow<?> flow)) return false;
        IndexedCell<?> first = flow.getFirstVisibleCell();
        IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null) return false;
        for (int i = first.getIndex(); i <= last.getIndex(); i++) {
            IndexedCell<?> cell = flow.getVisibleCell(i);
            if (!(cell instanceof TableRow<?> row) || row.isEmpty() || !(row.getItem() instanceof GridRow g) || !g.isLoaded()) return false;
            boolean text = false;
            for (Node n : row.getChildrenUnmodifiable()) {
                if (n instanceof TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty()) {
                    text = true;
                    break;
                }
            }
            if (!text) return false;
        }
        return true;
    }

    private static String describeToolkit() {
        String glass;
        String prism;
        try {
            glass = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null).getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            glass = "unknown glass";
        }
        try {
            prism = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null).getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            prism = "unknown prism pipeline";
        }
        return "toolkit: glass " + glass + ", prism " + prism + ", DISPLAY=" + System.getenv("DISPLAY");
    }
}
