package dev.facet.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * What the window benchmark records on the FX thread: the time of every frame (an AnimationTimer keeps pulses
 * coming, so a gap between two frames is time the FX thread spent on something else), named phases over those
 * frames, the heap in use at every frame, and the heap left after every garbage collection.
 */
public final class FrameLog {
    private long[] frames = new long[1 << 16];
    /** CPU time of the FX thread, and of the render thread, at each frame: a long gap with little CPU was a wait. */
    private long[] fxCpu = new long[1 << 16];
    private long[] renderCpu = new long[1 << 16];
    /**
     * Time the FX thread, and the render thread, spent runnable but waiting for a core (Linux schedstat's run-queue
     * delay), at each frame: the rest of a gap beyond CPU and this is time the thread was blocked or asleep.
     */
    private long[] fxQueued = new long[1 << 16];
    private long[] renderQueued = new long[1 << 16];
    /** CPU time of the whole process (every thread: FX, render, JIT compilers, GC, database) at each frame. */
    private long[] processCpu = new long[1 << 16];
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Time of the CSS and layout pass of the pulse that began at each frame. */
    private long[] layout = new long[1 << 16];
    private int count;
    private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long renderThread = -1;
    private SchedStat fxSched;
    private SchedStat renderSched;
    /** nanoTime to epoch nanoseconds, so that gaps can be matched with a JFR recording's events. */
    private final long epochOffset = Instant.now().toEpochMilli() * 1_000_000 - System.nanoTime();
    private long layoutStart;
    private final Map<String, int[]> phases = new LinkedHashMap<>();
    /** The phase open now; read by the GC notifications' thread to place each pause in a phase. */
    private volatile String open;
    /** Stop-the-world collections (the benchmark's full collections and concurrent cycles apart): phase, and duration in milliseconds. */
    private final List<Map.Entry<String, Long>> gcPauses = new ArrayList<>();
    private long maxSampledHeap;
    private volatile long maxHeapAfterGc;
    private volatile long longestGcMillis;
    private volatile String longestGc = "";
    private final List<NotificationListener> listeners = new ArrayList<>();

    /** Starts following garbage collections (their notifications arrive on a JMX thread). */
    public void watchGc() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            NotificationListener l = (n, hb) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long after = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) after += e.getValue().getUsed();
                }
                synchronized (this) {
                    maxHeapAfterGc = Math.max(maxHeapAfterGc, after);
                    String name = info.getGcName();
                    // G1's and ZGC's concurrent cycles run beside the application; the rest stop it.
                    // The benchmark's own full collections (the live heap at the bottom) are not the window's pauses;
                    // the window's own System.gc() (a young collection, ADR 0047) is.
                    boolean benchmarksOwn = info.getGcAction().equals("end of major GC")
                            && (info.getGcCause().equals("System.gc()") || info.getGcCause().equals("Heap Inspection Initiated GC"));
                    boolean pause = !name.contains("Concurrent") && !name.contains("Cycles") && !benchmarksOwn;
                    if (pause) gcPauses.add(Map.entry(open == null ? "between phases" : open, info.getGcInfo().getDuration()));
                    if (info.getGcInfo().getDuration() > longestGcMillis) {
                        longestGcMillis = info.getGcInfo().getDuration();
                        longestGc = info.getGcName() + " (" + info.getGcAction() + ", " + info.getGcCause() + ")";
                    }
                }
            };
            ((NotificationEmitter) gc).addNotificationListener(l, null, null);
            listeners.add(l);
        }
    }

    /** Records a frame (FX thread). */
    public void frame(long nanos) {
        if (count == frames.length) {
            frames = Arrays.copyOf(frames, count * 2);
            fxCpu = Arrays.copyOf(fxCpu, count * 2);
            renderCpu = Arrays.copyOf(renderCpu, count * 2);
            layout = Arrays.copyOf(layout, count * 2);
            fxQueued = Arrays.copyOf(fxQueued, count * 2);
            renderQueued = Arrays.copyOf(renderQueued, count * 2);
            processCpu = Arrays.copyOf(processCpu, count * 2);
        }
        if (renderThread < 0) {
            renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                    .mapToLong(Thread::threadId).findFirst().orElse(0);
            renderSched = SchedStat.named("QuantumRenderer");
            fxSched = SchedStat.currentThread();
        }
        fxCpu[count] = threads.getCurrentThreadCpuTime();
        renderCpu[count] = renderThread > 0 ? threads.getThreadCpuTime(renderThread) : 0;
        fxQueued[count] = fxSched.queuedNanos();
        renderQueued[count] = renderSched.queuedNanos();
        processCpu[count] = os.getProcessCpuTime();
        frames[count++] = nanos;
        Runtime rt = Runtime.getRuntime();
        maxSampledHeap = Math.max(maxSampledHeap, rt.totalMemory() - rt.freeMemory());
    }

    /** The CSS and layout pass of the current pulse starts (a pre-layout pulse listener). */
    void layoutStarts() { layoutStart = System.nanoTime(); }

    /** The CSS and layout pass of the current pulse ended (a post-layout pulse listener). */
    void layoutEnds() {
        if (count > 0) layout[count - 1] = System.nanoTime() - layoutStart;
    }

    /** Starts a phase at the last frame; a phase started again goes on with the frames of before. */
    public void begin(String phase) {
        end();
        open = phase;
        phases.computeIfAbsent(phase, k -> new int[0]);
        int[] ranges = phases.get(phase);
        int[] next = Arrays.copyOf(ranges, ranges.length + 2);
        next[ranges.length] = Math.max(0, count - 1);
        next[ranges.length + 1] = -1;
        phases.put(phase, next);
    }

    /** Ends the open phase at the last frame. */
    public void end() {
        if (open == null) return;
        int[] ranges = phases.get(open);
        ranges[ranges.length - 1] = count - 1;
        open = null;
    }

    /**
     * The time between two frames, in milliseconds.
     *
     * @param wall      on the clock: what a person waits
     * @param fxCpu     CPU time the FX thread used in it (less than wall when the thread waited or was not scheduled)
     * @param renderCpu CPU time the render thread used in it
     * @param cssLayout the CSS and layout pass of the pulse the gap starts with, on the clock
     * @param fxQueued  time the FX thread was runnable but had no core (0 where Linux does not tell)
     * @param renderQueued the same for the render thread
     * @param processCpu CPU time of every thread of the process in it (at most twice the wall time on two cores)
     * @param start     the gap's start, epoch nanoseconds
     */
    public record Gap(double wall, double fxCpu, double renderCpu, double cssLayout, double fxQueued, double renderQueued, double processCpu,
            long start) {
        /** @return the time the FX thread neither ran nor waited for a core: blocked or asleep */
        public double fxBlocked() { return Math.max(0, wall - fxCpu - fxQueued); }
    }

    /** @return per stretch of a phase (each begin to end), its gaps in order */
    List<List<Gap>> stretches(String phase) {
        int[] ranges = phases.getOrDefault(phase, new int[0]);
        List<List<Gap>> out = new ArrayList<>();
        for (int r = 0; r < ranges.length; r += 2) {
            List<Gap> gaps = new ArrayList<>();
            for (int i = ranges[r] + 1; i <= ranges[r + 1]; i++) {
                gaps.add(new Gap((frames[i] - frames[i - 1]) / 1e6, (fxCpu[i] - fxCpu[i - 1]) / 1e6, (renderCpu[i] - renderCpu[i - 1]) / 1e6,
                        layout[i - 1] / 1e6, (fxQueued[i] - fxQueued[i - 1]) / 1e6, (renderQueued[i] - renderQueued[i - 1]) / 1e6,
                        (processCpu[i] - processCpu[i - 1]) / 1e6, frames[i - 1] + epochOffset));
            }
            out.add(gaps);
        }
        return out;
    }

    /** @return every gap of a phase, longest last */
    public List<Gap> gaps(String phase) {
        return stretches(phase).stream().flatMap(List::stream).sorted(java.util.Comparator.comparingDouble(Gap::wall)).toList();
    }

    /** @return the gaps of every phase together, longest last */
    List<Gap> allGaps() {
        return phases.keySet().stream().flatMap(p -> gaps(p).stream()).sorted(java.util.Comparator.comparingDouble(Gap::wall)).toList();
    }

    Set<String> phases() { return phases.keySet(); }

    public long maxSampledHeap() { return maxSampledHeap; }

    public long maxHeapAfterGc() { return maxHeapAfterGc; }

    synchronized String longestGc() { return longestGcMillis + " ms, " + longestGc; }

    /**
     * @return the collections that stopped the application in the phases named (the benchmark's full collections apart): how many, the
     *         longest, the median and their sum, in milliseconds as the collector reports them
     */
    synchronized String gcPauses(Set<String> inPhases) {
        long[] ms = gcPauses.stream().filter(e -> inPhases.contains(e.getKey())).mapToLong(Map.Entry::getValue).sorted().toArray();
        if (ms.length == 0) return "none";
        double[] d = Arrays.stream(ms).asDoubleStream().toArray();
        return String.format(java.util.Locale.ROOT, "%d, longest %d ms, median %.0f ms, p90 %.0f ms, %d ms in all", ms.length, ms[ms.length - 1],
                quantile(d, 0.5), quantile(d, 0.9), Arrays.stream(ms).sum());
    }

    /** @return the value below which {@code q} of the sorted values fall (nearest rank) */
    public static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
