package dev.facet.ui.shell;

import java.lang.management.ManagementFactory;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * For the window benchmark (scripts/bench-ui.sh): with {@code -Dfacet.bench.startup=print} (or {@code =exit}, which
 * then quits), logs one line with the epoch milliseconds of the JVM's start, the main window's first WINDOW_SHOWN
 * and its first frame (the benchmark knows when it started the process), and the CPU time the process had used by
 * then ({@code cpu}, ms: on a busy machine a steadier guide to Facet's own cost than the clock); with {@code =print}
 * a second line when the first project is open (the title names it). Only the benchmarks set the property; without
 * it nothing is attached.
 */
final class StartupProbe {
    static final String PROPERTY = "facet.bench.startup";

    private StartupProbe() {}

    /** Attaches to the main window before it is shown, when the benchmark asks for it. */
    static void attachIfAsked(Stage stage) {
        String mode = System.getProperty(PROPERTY);
        if (mode == null) return;
        stage.titleProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String is) {
                if (is == null || !is.contains(" — ")) return;
                o.removeListener(this);
                org.slf4j.LoggerFactory.getLogger(StartupProbe.class).warn("facet-project-open at={} cpu={}", System.currentTimeMillis(), cpuMillis());
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent e) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                long shown = System.currentTimeMillis();
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        // The first frame after WINDOW_SHOWN lays out and renders the window; the second starts once
                        // that one is drawn, so its time is when the window could be seen.
                        if (++frames < 2) return;
                        stop();
                        report(shown, System.currentTimeMillis());
                        if (mode.equals("exit")) Platform.exit();
                    }
                }.start();
            }
        });
    }

    /** Through the logger (at WARN, so the default configuration shows it on stderr): only the CLI owns stdout. */
    private static void report(long shown, long drawn) {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        org.slf4j.LoggerFactory.getLogger(StartupProbe.class).warn("facet-startup jvm-start={} shown={} drawn={} cpu={}", jvm, shown, drawn, cpuMillis());
    }

    /** @return the CPU time of the whole process so far, every thread's, in ms */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }
}
