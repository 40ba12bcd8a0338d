package dev.facet.bench;

import dev.facet.bench.FrameLog.Gap;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The window benchmark of docs/benchmarks.md ("Window: a model with 1,000,000 rows"), run by scripts/bench-ui.sh under
 * a display (Xvfb). It prints, for a model of a million rows on SQLite:
 * <ol>
 *   <li>the time from opening the model's tab to the first frame with rows drawn, cold and warm;</li>
 *   <li>the heap after scrolling from top to bottom (live: a class histogram, and the most seen);</li>
 *   <li>the longest pause of the FX thread (gaps between frames) while loading and scrolling;</li>
 *   <li>the time from a facet.jar process's start to its window shown and first drawn.</li>
 * </ol>
 *
 * <p>Usage: {@code UiBenchmark OUT_DIR ROWS FACET_JAR}. System properties: {@code bench.startups} (process runs, 10),
 * {@code bench.opens} (warm opens, 10, at least 1), {@code bench.wheelFrames} (600), {@code bench.dragSteps} (1000),
 * {@code bench.window} (false: start-up runs only), {@code bench.verbose} (every frame of every open).
 */
public final class UiBenchmark {
    private static final long MB = 1024 * 1024;

    private UiBenchmark() {}

    public static void main(String[] args) {
        // The FX thread is not a daemon: end the JVM whatever happens.
        try {
            run(args);
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int rows = Integer.parseInt(args[1]);
        Path facetJar = Path.of(args[2]).toAbsolutePath();
        int startups = Integer.getInteger("bench.startups", 10);
        int warmOpens = Math.max(1, Integer.getInteger("bench.opens", 10));
        // -Dbench.mongo=true: the same run on MongoDB (mongo-java-server in a process of its own), without start-ups.
        boolean mongo = Boolean.getBoolean("bench.mongo");
        MongoBenchDatabase mongoDb = mongo ? MongoBenchDatabase.start(dir.resolve("mongo"), rows) : null;
        if (mongo) startups = 0;
        Path schemaFile = mongo ? mongoDb.schemaFile : MillionRowDatabase.ensure(dir, rows);
        List<String> report = new ArrayList<>();

        String startup = null;
        if (startups > 0) {
            System.out.println("start-up: " + startups + " runs of java -jar facet.jar " + schemaFile.getFileName());
            List<StartupRuns.Run> runs = StartupRuns.run(facetJar, schemaFile, dir.resolve("home"), startups);
            startup = String.format(Locale.ROOT, "4. process start to window shown (first frame after WINDOW_SHOWN, from launch): %s [%d runs]"
                            + "   (no goal here: issue 15's, <= 3 s with both cores busy, is scripts/startup-demo.sh's)%n   WINDOW_SHOWN itself %s; first frame from the JVM's own start time %s",
                    summary(runs, StartupRuns.Run::drawn), runs.size(), summary(runs, StartupRuns.Run::shown), summary(runs, StartupRuns.Run::fromJvmStart));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.window", "true"))) {
            WindowRun w = new WindowRun(dir, schemaFile, warmOpens, Integer.getInteger("bench.wheelFrames", 600),
                    Integer.getInteger("bench.dragSteps", 1000));
            System.out.println("window: opening " + MillionRowDatabase.MODEL + " and scrolling it");
            w.run();
            // At the bottom, with the window still open: what the grid keeps once garbage is gone.
            long live = liveHeap();
            printOpens(w);
            report.add(w.toolkit);
            report.add(opens(w));
            if (mongo) report.add("   " + mongoDb.serverTimes(100, 21));
            report.add(String.format(Locale.ROOT, "2. heap after scrolling to row %,d of %,d (id %s) in infinite-scroll mode: %d MB live (a class histogram);"
                            + " at most %d MB after a GC and %d MB sampled at a frame (max heap %,d MB)   goal < 300 MB",
                    w.tableSize, rows, w.lastRowId, live / MB, w.log.maxHeapAfterGc() / MB, w.log.maxSampledHeap() / MB,
                    Runtime.getRuntime().maxMemory() / MB));
            report.add(pauses(w));
            writeLongGaps(w, dir.resolve(mongo ? "gaps-mongo.txt" : "gaps.txt"));
            w.close();
        }
        if (startup != null) report.add(startup);
        if (mongo) mongoDb.close();

        String text = String.format(Locale.ROOT, "== Window: a model with %,d %s (%d CPUs, load average %.2f at the end)%n", rows,
                mongo ? "documents with embedded documents, MongoDB on mongo-java-server" : "rows",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + "JVM options: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-XX:")).toList()) + "\n"
                + String.join("\n", report) + "\n";
        System.out.print(text);
        Files.writeString(dir.resolve(mongo ? "results-mongo.txt" : "results.txt"), text);
    }

    /**
     * @return the bytes of the objects still reachable: a class histogram, which collects the whole heap first. Not
     *     System.gc(): the window's JVM answers it with a young collection and a concurrent cycle (ADR 0047).
     */
    private static long liveHeap() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 3 && fields[0].equals("Total")) return Long.parseLong(fields[2]);
        }
        throw new IllegalStateException("no total in the class histogram:\n" + histogram);
    }

    private static void printOpens(WindowRun w) {
        List<List<Gap>> frames = new ArrayList<>(w.log.stretches("open-cold"));
        frames.addAll(w.log.stretches("open-warm"));
        for (int i = 0; i < w.opens.size(); i++) {
            WindowRun.Open o = w.opens.get(i);
            System.out.printf(Locale.ROOT, "  open %d: openModel %d ms, rows in the table %d ms, drawn %d ms (%s)", i + 1, ms(o.built()),
                    ms(o.rowsIn()), ms(o.drawn()), o.loadInfo());
            if (Boolean.getBoolean("bench.verbose") && i < frames.size()) {
                System.out.print("; frames:" + frames.get(i).stream().map(g -> String.format(Locale.ROOT, " %.0f (fx %.0f, render %.0f, css+layout %.0f)",
                        g.wall(), g.fxCpu(), g.renderCpu(), g.cssLayout())).collect(Collectors.joining()));
            }
            System.out.println();
        }
    }

    private static String opens(WindowRun w) {
        List<WindowRun.Open> warm = w.opens.subList(1, w.opens.size());
        double[] drawn = sorted(warm, o -> o.drawn() / 1e6);
        double[] cpu = w.log.stretches("open-warm").stream().mapToDouble(s -> s.stream().mapToDouble(Gap::fxCpu).sum()).sorted().toArray();
        return String.format(Locale.ROOT, "1. open tab to first rows drawn, warm (opens 2 to %d): median %.0f ms (min %.0f, max %.0f); second open %d ms;"
                        + " cold (first) open %d ms   goal <= 300 ms warm%n"
                        + "   warm medians: openModel %.0f ms, rows in the table %.0f ms; FX thread CPU per open %.0f ms",
                w.opens.size(), FrameLog.quantile(drawn, 0.5), drawn[0], drawn[drawn.length - 1], ms(warm.getFirst().drawn()),
                ms(w.opens.getFirst().drawn()), FrameLog.quantile(sorted(warm, o -> o.built() / 1e6), 0.5),
                FrameLog.quantile(sorted(warm, o -> o.rowsIn() / 1e6), 0.5), FrameLog.quantile(cpu, 0.5));
    }

    private static String pauses(WindowRun w) {
        StringBuilder out = new StringBuilder("3. pauses of the FX thread: gaps between frames (an AnimationTimer runs throughout), and the FX"
                + " thread's CPU time in the gap");
        List<Gap> loadAndScroll = new ArrayList<>();
        for (String phase : w.log.phases()) {
            List<Gap> gaps = w.log.gaps(phase);
            if (!phase.equals("open-cold") && !phase.equals("startup")) loadAndScroll.addAll(gaps);
            out.append(String.format(Locale.ROOT, "%n   %-13s %s", phase, describe(gaps)));
        }
        loadAndScroll.sort(java.util.Comparator.comparingDouble(Gap::wall));
        out.append(String.format(Locale.ROOT, "%n   %-13s %s   goal: longest < 50 ms (cold open and start-up apart)", "warm+scroll", describe(loadAndScroll)));
        out.append(String.format(Locale.ROOT, "%n   start-up: %d frames after the project was open and counted went to waiting for the grid's warm-up",
                w.warmUpWait));
        out.append("\n   longest GC event: ").append(w.log.longestGc());
        out.append("\n   GC pauses (stop-the-world, the benchmark's own full collections apart) in warm+scroll: ")
                .append(w.log.gcPauses(Set.of("open-warm", "scroll-wheel", "scroll-drag")))
                .append("; in the cold open: ").append(w.log.gcPauses(Set.of("open-cold")))
                .append("; in start-up: ").append(w.log.gcPauses(Set.of("startup")));
        double[] drag = w.dragLatencies.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        out.append(String.format(Locale.ROOT, "%n   thumb drag, %d steps to the bottom: rows drawn after median %.0f ms, p95 %.0f ms, max %.0f ms",
                drag.length, FrameLog.quantile(drag, 0.5), FrameLog.quantile(drag, 0.95), FrameLog.quantile(drag, 1.0)));
        return out.toString();
    }

    /**
     * Writes every gap of 40 ms or more with its start time (UTC), so that a JFR recording of the run
     * ({@code bench-ui.sh --jfr}) can be read for what happened in it ({@link JfrGaps}).
     */
    private static void writeLongGaps(WindowRun w, Path file) throws java.io.IOException {
        var time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(java.time.ZoneOffset.UTC);
        StringBuilder out = new StringBuilder("# phase start(UTC) epochNanos wall fxCpu fxQueued fxBlocked renderCpu renderQueued cssLayout processCpu (ms)\n");
        for (String phase : w.log.phases()) {
            for (List<Gap> stretch : w.log.stretches(phase)) {
                for (Gap g : stretch) {
                    if (g.wall() < 40) continue;
                    out.append(String.format(Locale.ROOT, "%s %s %d %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f%n", phase,
                            time.format(java.time.Instant.ofEpochSecond(0, g.start())), g.start(), g.wall(), g.fxCpu(), g.fxQueued(),
                            g.fxBlocked(), g.renderCpu(), g.renderQueued(), g.cssLayout(), g.processCpu()));
                }
            }
        }
        Files.writeString(file, out);
    }

    /** Gaps sorted by wall time: the longest and p99, how many reached 50 ms, and what the FX thread did in the longest. */
    private static String describe(List<Gap> gaps) {
        if (gaps.isEmpty()) return "no frames";
        double[] wall = gaps.stream().mapToDouble(Gap::wall).toArray();
        double[] cpu = gaps.stream().mapToDouble(Gap::fxCpu).sorted().toArray();
        Gap longest = gaps.getLast();
        return String.format(Locale.ROOT, "longest %.0f ms (FX CPU %.0f, FX waiting for a core %.0f, blocked %.0f; CSS+layout %.0f),"
                        + " p99 %.0f ms, median %.0f ms, %d of %d >= 50 ms; FX CPU per gap at most %.0f ms, p99 %.0f ms",
                longest.wall(), longest.fxCpu(), longest.fxQueued(), longest.fxBlocked(), longest.cssLayout(), FrameLog.quantile(wall, 0.99),
                FrameLog.quantile(wall, 0.5),
                Arrays.stream(wall).filter(g -> g >= 50).count(), wall.length, cpu[cpu.length - 1], FrameLog.quantile(cpu, 0.99))
                + String.format(Locale.ROOT, "%n%-17s CPU per frame, mean: FX %.1f ms, render %.1f ms, the whole process %.1f ms (work, whatever the load)", "",
                        gaps.stream().mapToDouble(Gap::fxCpu).average().orElse(0), gaps.stream().mapToDouble(Gap::renderCpu).average().orElse(0),
                        gaps.stream().mapToDouble(Gap::processCpu).average().orElse(0))
                + longGaps(gaps);
    }

    /** Where the time of the gaps of 50 ms or more went, summed: the FX thread ran, waited for a core, or was blocked. */
    private static String longGaps(List<Gap> gaps) {
        List<Gap> longs = gaps.stream().filter(g -> g.wall() >= 50).toList();
        if (longs.isEmpty()) return "";
        double wall = longs.stream().mapToDouble(Gap::wall).sum();
        return String.format(Locale.ROOT, "%n%-17s in the gaps >= 50 ms (%.0f ms): FX ran %.0f%%, waited for a core %.0f%%, blocked %.0f%%;"
                        + " render thread ran %.0f%%, waited for a core %.0f%%; the process used %.2f of the cores", "",
                wall, 100 * longs.stream().mapToDouble(Gap::fxCpu).sum() / wall, 100 * longs.stream().mapToDouble(Gap::fxQueued).sum() / wall,
                100 * longs.stream().mapToDouble(Gap::fxBlocked).sum() / wall, 100 * longs.stream().mapToDouble(Gap::renderCpu).sum() / wall,
                100 * longs.stream().mapToDouble(Gap::renderQueued).sum() / wall, longs.stream().mapToDouble(Gap::processCpu).sum() / wall);
    }

    private static <T> double[] sorted(List<T> values, ToDoubleFunction<T> f) { return values.stream().mapToDouble(f).sorted().toArray(); }

    private static String summary(List<StartupRuns.Run> runs, java.util.function.ToLongFunction<StartupRuns.Run> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        return String.format(Locale.ROOT, "median %d ms (min %d, max %d)", v[(v.length - 1) / 2], v[0], v[v.length - 1]);
    }

    private static long ms(long nanos) { return nanos / 1_000_000; }
}
