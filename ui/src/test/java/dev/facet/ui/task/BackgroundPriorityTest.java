package dev.facet.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On Linux the background threads' nice values are really raised, and only theirs. */
class BackgroundPriorityTest {

    @BeforeEach
    void onLinux() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only: the nice values are read from /proc");
    }

    @Test
    void lowersTheCallingThreadOnly() throws Exception {
        long caller = currentTid();
        Integer callerBefore = BackgroundPriority.niceOf(caller);
        CompletableFuture<long[]> lowered = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            long tid = currentTid();
            lowered.complete(new long[] {tid, BackgroundPriority.niceOf(tid)});
        }, "facet-test-worker");
        worker.start();
        long[] tidAndNice = lowered.get();
        worker.join();

        assertThat(tidAndNice[0]).isNotEqualTo(caller);
        assertThat(tidAndNice[1]).isGreaterThanOrEqualTo(BackgroundPriority.NICE);
        assertThat(BackgroundPriority.niceOf(caller)).isEqualTo(callerBefore);
        assertThat(worker.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
    }

    @Test
    void lowersTheJitCompilersButNotTheGarbageCollectorsPauses() throws Exception {
        assertThat(BackgroundPriority.lowerJvmThreads()).isPositive();

        assertThat(niceOfThreadsNamed("C1 CompilerThre")).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(BackgroundPriority.NICE));
        assertThat(niceOfThreadsNamed("C2 CompilerThre")).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(BackgroundPriority.NICE));
        // The workers of G1's pauses stop every Java thread while they run: they keep their priority.
        Integer main = BackgroundPriority.niceOf(currentTid());
        assertThat(niceOfThreadsNamed("GC Thread#")).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(main));
    }

    private static long currentTid() {
        try {
            return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> niceOfThreadsNamed(String prefix) throws Exception {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(prefix);
                } catch (Exception e) {
                    return false;
                }
            }).map(t -> BackgroundPriority.niceOf(Long.parseLong(t.getFileName().toString()))).toList();
        }
    }
}
