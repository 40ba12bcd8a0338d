package dev.facet.ui.task;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the JavaFX thread the cores first when the machine is busy (ADR 0045). Facet's background threads and, on
 * Linux, the JVM's own (the JIT compilers, G1's concurrent threads) run at a lower scheduling priority, so that a
 * query, a compilation or a marking cycle waits for a core before the frame being drawn does. On a quiet machine
 * nothing changes: a priority only matters while threads compete for a core.
 *
 * <p>Linux ignores Java thread priorities unless the JVM runs as root; there the thread's nice value is raised
 * with {@code setpriority(2)} (raising it needs no privilege). Windows and macOS honour
 * {@link Thread#setPriority}. Every failure is ignored: the priority is an optimisation, never a requirement.
 */
public final class BackgroundPriority {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    /**
     * The nice value of background threads: Linux's scheduler then weighs them 110 against a normal thread's 1024,
     * so the FX thread gets about nine tenths of a core it shares with one of them.
     */
    static final int NICE = 10;
    /** The JVM's threads that do background work, by the first 15 characters of their names (Linux's limit). */
    private static final List<String> JVM_BACKGROUND = List.of(
            "C1 CompilerThre", "C2 CompilerThre", "G1 Conc#", "G1 Main Marker", "G1 Refine", "G1 Service");
    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle SET_PRIORITY = linuxSetPriority();

    private BackgroundPriority() {}

    /** Lowers the calling thread's priority; for the threads of Facet's executors, as they start. */
    public static void lowerCurrentThread() {
        if (!Thread.currentThread().isVirtual()) Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        // On Linux, PRIO_PROCESS with 0 names the calling thread, not the whole process.
        setNice(0);
    }

    /**
     * Lowers the JVM's own background threads (Linux only: found by name in {@code /proc/self/task}). Threads they
     * start later inherit the value, so calling it once the window is up covers the session.
     *
     * @return how many threads were lowered
     */
    public static int lowerJvmThreads() {
        if (SET_PRIORITY == null) return 0;
        int lowered = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String name = readName(task);
                if (name != null && JVM_BACKGROUND.stream().anyMatch(name::startsWith)
                        && setNice(Integer.parseInt(task.getFileName().toString()))) {
                    lowered++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not lower the JVM's background threads", e);
        }
        return lowered;
    }

    /** @return the thread's nice value on Linux, or {@code null} elsewhere (for tests) */
    static Integer niceOf(long tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
            // The name, in parentheses, may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String readName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return null; // the thread ended meanwhile
        }
    }

    private static boolean setNice(int tid) {
        if (SET_PRIORITY == null) return false;
        try {
            return (int) SET_PRIORITY.invokeExact(PRIO_PROCESS, tid, NICE) == 0;
        } catch (Throwable e) {
            LOG.debug("setpriority failed for thread {}", tid, e);
            return false;
        }
    }

    private static MethodHandle linuxSetPriority() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return null;
        // Without native access granted (the launchers grant it) the call would print a warning: leave it.
        if (!BackgroundPriority.class.getModule().isNativeAccessEnabled()) return null;
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("setpriority")
                    .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                    .orElse(null);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("setpriority is not available", e);
            return null;
        }
    }
}
