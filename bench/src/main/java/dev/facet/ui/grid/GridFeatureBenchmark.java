package dev.facet.ui.grid;

import dev.facet.bench.FrameLog;
import dev.facet.bench.MillionRowDatabase;
import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.FxTaskExecutor;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;

/**
 * Two benchmarks of issue 16 on the window's own classes (in the grid's package, which keeps them package-private):
 * <ul>
 *   <li>{@code export}: the grid's export ({@link GridExport}) of a 1,000,000-row SQLite table to CSV, as the Export
 *       sheet starts it: rows per second, the heap (run it with {@code -Xmx300m} to show it fits), the FX thread's
 *       pauses meanwhile, and the file checked to hold every row;</li>
 *   <li>{@code panel}: the record panel expanding a to-many relation of 10,000 records (a Venue's events): the time
 *       from the expand to the first related records drawn, and the FX thread's longest pause while it loads.</li>
 * </ul>
 * An {@link AnimationTimer} records every frame ({@link FrameLog}): a gap between frames is time the FX thread spent
 * on something else. Run by {@code scripts/bench-grid.sh}.
 */
public final class GridFeatureBenchmark {
    private static final FrameLog LOG = new FrameLog();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private GridFeatureBenchmark() {}

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "export";
        Path out = Path.of(args.length > 1 ? args[1] : "bench-out/grid").toAbsolutePath();
        System.out.printf("machine load: %s (1, 5, 15 min), %d CPUs; max heap %,d MB%n", Files.readString(Path.of("/proc/loadavg")).strip(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Platform.startup(() -> {});
        Platform.setImplicitExit(false);
        LOG.watchGc();
        fx(() -> {
            // The window's theme (AtlantaFX), whose stylesheet the grid's and the panel's styles look up.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            new AnimationTimer() {
                @Override public void handle(long now) { LOG.frame(System.nanoTime()); }
            }.start();
            return null;
        });
        try (FxTaskExecutor executor = fx(FxTaskExecutor::new)) {
            switch (what) {
                case "export" -> export(open(out.resolve("export"), 1_000_000), executor, out.resolve("export"));
                case "panel" -> panel(open(out.resolve("panel"), MillionRowDatabase.VENUES * 10_000), executor);
                default -> throw new IllegalArgumentException("export or panel, not " + what);
            }
        } finally {
            Platform.exit();
        }
    }

    private static Project open(Path dir, int rows) throws Exception {
        Path schemaFile = MillionRowDatabase.ensure(dir, rows);
        Schema schema = SchemaLoader.load(new dev.facet.schema.source.SourceFile(schemaFile.toString(), Files.readString(schemaFile))).schema().orElseThrow();
        SqlDatabase db = SqlDatabase.open(schema.provider().orElseThrow(), DatabaseUrl.parse("file:./million.db", dir));
        return new Project(schemaFile, schema, new QueryEngine(schema, new SqlConnector(schema, db.dataSource(), db, null)), "file:./million.db");
    }

    private static ModelGridViewModel grid(Project project, String model, FxTaskExecutor executor) throws Exception {
        Model m = project.schema().model(model);
        // The grid loads its rows once a view shows it; the export reads on its own.
        return fx(() -> new ModelGridViewModel(project, m, executor, NOWHERE, GridLayout.Store.inMemory()));
    }

    private static void export(Project project, FxTaskExecutor executor, Path dir) throws Exception {
        ModelGridViewModel vm = grid(project, MillionRowDatabase.MODEL, executor);
        Path file = dir.resolve("events.csv");
        Files.deleteIfExists(file);
        System.gc();
        long t0 = System.nanoTime();
        fx(() -> {
            LOG.begin("export");
            vm.export().start(file);
            return null;
        });
        waitFor(() -> !call(() -> vm.export().runningProperty().get()));
        double seconds = (System.nanoTime() - t0) / 1e9;
        fx(() -> {
            LOG.end();
            return null;
        });
        String status = call(() -> vm.export().statusProperty().get());
        long lines = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            while (r.readLine() != null) lines++;
        }
        long rows = lines - 1;
        System.out.println("status: " + status);
        System.out.printf("export: %,d rows to CSV (%,d MB) in %.1f s: %,.0f rows/s%n", rows, Files.size(file) >> 20, seconds, rows / seconds);
        System.out.printf("heap: most left after a GC %,d MB, most in use at a frame %,d MB (max heap %,d MB)%n", LOG.maxHeapAfterGc() >> 20,
                LOG.maxSampledHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        pauses("export");
        if (rows != 1_000_000) throw new IllegalStateException("the file holds " + rows + " rows, not 1,000,000");
        Files.delete(file);
    }

    private static void panel(Project project, FxTaskExecutor executor) throws Exception {
        ModelGridViewModel vm = grid(project, "Venue", executor);
        ModelGridView view = fx(() -> {
            ModelGridView v = new ModelGridView(vm);
            Stage stage = new Stage();
            stage.setScene(new Scene(v, 1280, 800));
            stage.show();
            vm.recordPanelShownProperty().set(true);
            return v;
        });
        waitFor(() -> call(view::isBuilt) && call(() -> view.recordPanelNode() != null));
        int runs = Integer.getInteger("bench.expands", 10);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int row = i;
            fx(() -> {
                view.table().getSelectionModel().clearAndSelect(row, view.table().getColumns().getFirst());
                return null;
            });
            // The panel shows the row's relations, counted: "10,000 events".
            waitFor(() -> call(() -> events(view) != null && events(view).getValue().labelProperty().get().startsWith("10,000")));
            frames(10);
            long[] drawn = {0, 0, 0};
            long t0 = fx(() -> {
                TreeItem<RecordPanelViewModel.TreeNode> events = events(view);
                Runnable check = new Runnable() {
                    @Override public void run() {
                        if (drawn[0] == 0 && recordsDrawn(view, events)) {
                            drawn[0] = System.nanoTime();
                            drawn[2] = THREADS.getCurrentThreadCpuTime();
                            view.getScene().removePostLayoutPulseListener(this);
                        }
                    }
                };
                view.getScene().addPostLayoutPulseListener(check);
                LOG.begin("expand");
                drawn[1] = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                events.setExpanded(true);
                return start;
            });
            waitFor(() -> call(() -> drawn[0] != 0));
            frames(30);
            fx(() -> {
                LOG.end();
                events(view).setExpanded(false);
                return null;
            });
            times.add((drawn[0] - t0) / 1e6);
            System.out.printf("expand %d: first records drawn after %.0f ms (FX thread CPU meanwhile %.0f ms)%n", i + 1, times.getLast(),
                    (drawn[2] - drawn[1]) / 1e6);
        }
        double[] warm = times.stream().skip(1).mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("panel: first expand %.0f ms; later ones median %.0f ms, longest %.0f ms (%d runs)%n", times.getFirst(),
                FrameLog.quantile(warm, 0.5), warm[warm.length - 1], runs);
        pauses("expand");
    }

    /** @return the tree item of the panel's to-many relation {@code events}, or null before it shows */
    private static TreeItem<RecordPanelViewModel.TreeNode> events(ModelGridView view) {
        var root = view.recordPanelNode().tree().getRoot();
        if (root == null) return null;
        for (var item : root.getChildren()) {
            if (item.getValue() instanceof RecordPanelViewModel.RelationNode r && r.column().name().equals("events")) return item;
        }
        return null;
    }

    /** @return whether a cell of the tree shows a record of {@code events} */
    private static boolean recordsDrawn(ModelGridView view, TreeItem<RecordPanelViewModel.TreeNode> events) {
        for (var n : view.recordPanelNode().tree().lookupAll(".tree-cell")) {
            if (n instanceof TreeCell<?> c && !c.isEmpty() && c.isVisible() && c.getTreeItem() != null && c.getTreeItem().getParent() == events
                    && c.getTreeItem().getValue() instanceof RecordPanelViewModel.RecordNode && c.getText() != null && !c.getText().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static void pauses(String phase) {
        List<FrameLog.Gap> gaps = LOG.gaps(phase);
        double[] walls = gaps.stream().mapToDouble(FrameLog.Gap::wall).toArray();
        FrameLog.Gap longest = gaps.getLast();
        System.out.printf("FX thread during %s: %d frames, longest gap %.0f ms (FX CPU %.0f ms in it), p99 %.0f ms, %d gaps of 50 ms or more;"
                        + " most FX CPU in one gap %.0f ms%n", phase, gaps.size(), longest.wall(), longest.fxCpu(), FrameLog.quantile(walls, 0.99),
                Arrays.stream(walls).filter(w -> w >= 50).count(), gaps.stream().mapToDouble(FrameLog.Gap::fxCpu).max().orElse(0));
    }

    private static final Navigator NOWHERE = new Navigator() {
        @Override public void openModel(Model model, String whereJson, boolean newTab) {}

        @Override public void back() {}

        @Override public void forward() {}
    };

    /** Waits for {@code n} frames. */
    private static void frames(int n) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        fx(() -> {
            new AnimationTimer() {
                int left = n;

                @Override public void handle(long now) {
                    if (--left <= 0) {
                        stop();
                        done.complete(null);
                    }
                }
            }.start();
            return null;
        });
        done.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            Thread.sleep(5);
        }
    }

    private static <T> T call(Callable<T> work) {
        try {
            return fx(work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.MINUTES);
    }
}
