package dev.facet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A thread's scheduler statistics from Linux ({@code /proc/.../schedstat}: time on a core, time runnable on a run
 * queue, time slices). JFR and ThreadMXBean tell how long a thread ran; only this tells how long it was ready to run
 * but had no core, which is what separates "waiting for a lock" from "waiting for the machine".
 */
final class SchedStat {
    private final Path file;

    private SchedStat(Path file) { this.file = file; }

    /** The calling thread's (Linux resolves {@code /proc/thread-self} to the thread that opens it). */
    static SchedStat currentThread() {
        try {
            return new SchedStat(Path.of("/proc/thread-self").toRealPath().resolve("schedstat"));
        } catch (IOException e) {
            return new SchedStat(null);
        }
    }

    /** The first thread of this process whose native name (15 characters at most) starts with {@code prefix}. */
    static SchedStat named(String prefix) {
        String name = prefix.length() > 15 ? prefix.substring(0, 15) : prefix;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return new SchedStat(tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(name);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().map(t -> t.resolve("schedstat")).orElse(null));
        } catch (IOException e) {
            return new SchedStat(null);
        }
    }

    /** @return nanoseconds the thread has spent runnable on a run queue without a core, 0 if unknown */
    long queuedNanos() {
        if (file == null) return 0;
        try {
            String[] f = Files.readString(file).trim().split(" ");
            return Long.parseLong(f[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
