package dev.facet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of the window benchmark ({@code bench-ui.sh --jfr}) against the long gaps the benchmark wrote
 * ({@code gaps.txt}) and prints, for each gap, what the JVM recorded in it: the FX thread's waits (park, monitor,
 * sleep), safepoints and GC pauses, JIT compilations running beside it, and which threads JFR found running Java
 * code. Usage: {@code JfrGaps window.jfr gaps.txt [minimum gap ms, 50]}.
 */
public final class JfrGaps {
    private static final String FX = "JavaFX Application Thread";
    /** GTK's glass attaches the FX thread to the JVM under this name, which JFR keeps. */
    private static final String GTK_FX = "GtkNativeMainLoopThread";

    private record Span(String phase, Instant start, Instant end, String line) {}

    private JfrGaps() {}

    public static void main(String[] args) throws IOException {
        double minimum = args.length > 2 ? Double.parseDouble(args[2]) : 50;
        List<Span> gaps = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split(" ");
            double wall = Double.parseDouble(f[3]);
            if (wall < minimum) continue;
            Instant start = Instant.ofEpochSecond(0, Long.parseLong(f[2]));
            gaps.add(new Span(f[0], start, start.plusNanos((long) (wall * 1e6)), line));
        }
        List<RecordedEvent> events = new ArrayList<>();
        Instant first = gaps.stream().map(Span::start).min(Comparator.naturalOrder()).orElse(Instant.MAX).minusSeconds(1);
        Instant last = gaps.stream().map(Span::end).max(Comparator.naturalOrder()).orElse(Instant.MIN).plusSeconds(1);
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEndTime().isBefore(first) && !e.getStartTime().isAfter(last)) events.add(e);
        }
        Map<String, Double> totals = new TreeMap<>();
        for (Span gap : gaps) {
            System.out.println("== " + gap.line());
            Map<String, Double> inGap = describe(gap, events);
            inGap.forEach((k, v) -> totals.merge(k, v, Double::sum));
        }
        System.out.println("== totals over " + gaps.size() + " gaps of " + minimum + " ms or more (ms, or counts of samples)");
        totals.forEach((k, v) -> System.out.printf(Locale.ROOT, "   %-60s %8.1f%n", k, v));
    }

    /** Prints what overlaps the gap and returns its figures by kind. */
    private static Map<String, Double> describe(Span gap, List<RecordedEvent> events) {
        Map<String, Double> figures = new LinkedHashMap<>();
        Map<String, Integer> running = new TreeMap<>();
        List<String> fxStacks = new ArrayList<>();
        for (RecordedEvent e : events) {
            double overlap = overlapMillis(gap, e);
            String type = e.getEventType().getName();
            boolean instant = e.getDuration().isZero();
            if (instant ? e.getStartTime().isBefore(gap.start()) || e.getStartTime().isAfter(gap.end()) : overlap <= 0) continue;
            switch (type) {
                case "jdk.ExecutionSample", "jdk.NativeMethodSample" -> {
                    String thread = threadName(e.getThread("sampledThread"));
                    String kind = type.equals("jdk.ExecutionSample") ? "java" : "native";
                    running.merge(thread + " (" + kind + ")", 1, Integer::sum);
                    if (thread.equals(FX)) fxStacks.add(kind + ": " + top(e.getStackTrace(), 6));
                }
                case "jdk.CPUTimeSample" -> {
                    // Sampled by the CPU time a thread used, native code included: what each thread was doing on a core.
                    String thread = threadName(e.getThread("eventThread"));
                    running.merge(thread + " (cpu)", 1, Integer::sum);
                    if (thread.equals(FX)) fxStacks.add("cpu: " + top(e.getStackTrace(), 6));
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.ThreadSleep" -> {
                    String thread = threadName(e.getThread("eventThread"));
                    if (!thread.equals(FX) && !thread.startsWith("QuantumRenderer")) continue;
                    String what = type.substring(4) + " " + thread;
                    figures.merge(what, overlap, Double::sum);
                    System.out.printf(Locale.ROOT, "   %s %.1f ms in the gap (%s) at %s%n", what, overlap, e.getDuration().toMillis() + " ms in all",
                            top(e.getStackTrace(), 12));
                }
                case "jdk.SafepointBegin" -> {
                    figures.merge("safepoints", overlap, Double::sum);
                    System.out.printf(Locale.ROOT, "   safepoint %.1f ms (%d threads)%n", overlap, e.getInt("totalThreadCount"));
                }
                case "jdk.GCPhasePause" -> {
                    figures.merge("GC pauses", overlap, Double::sum);
                    System.out.printf(Locale.ROOT, "   GC pause %s %.1f ms%n", e.getString("name"), overlap);
                }
                case "jdk.Compilation" -> {
                    figures.merge("JIT compiling (" + (e.getInt("compileLevel") == 4 ? "C2" : "C1") + "), summed over compiler threads",
                            overlap, Double::sum);
                    if (overlap >= 5) {
                        System.out.printf(Locale.ROOT, "   compiling %.1f ms: %s level %d%n", overlap, e.getValue("method") == null ? "?"
                                : methodName(e.getValue("method")), e.getInt("compileLevel"));
                    }
                }
                case "jdk.Deoptimization" -> figures.merge("deoptimizations (count)", 1.0, Double::sum);
                case "jdk.ClassLoad", "jdk.ClassDefine" -> figures.merge("classes loaded (count)", 1.0, Double::sum);
                default -> {}
            }
        }
        running.forEach((k, v) -> {
            figures.merge("samples " + k, (double) v, Double::sum);
        });
        System.out.println("   threads sampled running: " + running);
        for (String s : fxStacks) System.out.println("   FX " + s);
        return figures;
    }

    private static double overlapMillis(Span gap, RecordedEvent e) {
        Instant s = e.getStartTime().isAfter(gap.start()) ? e.getStartTime() : gap.start();
        Instant t = e.getEndTime().isBefore(gap.end()) ? e.getEndTime() : gap.end();
        return Duration.between(s, t).toNanos() / 1e6;
    }

    private static String threadName(RecordedThread t) {
        if (t == null) return "?";
        String name = t.getJavaName() != null ? t.getJavaName() : t.getOSName();
        return GTK_FX.equals(name) ? FX : name;
    }

    private static String methodName(Object method) {
        if (method instanceof jdk.jfr.consumer.RecordedMethod m) return m.getType().getName() + "." + m.getName();
        return String.valueOf(method);
    }

    private static String top(RecordedStackTrace stack, int depth) {
        if (stack == null) return "(no stack)";
        return stack.getFrames().stream().limit(depth).map(JfrGaps::frame).collect(Collectors.joining(" < "));
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + (f.isJavaFrame() ? "" : "[native]");
    }
}
