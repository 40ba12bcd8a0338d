package dev.facet.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A thread's scheduler statistics from Linux ({@code /proc/.../schedstat}: time on a core, time runnable on a run
 * queue, time slices). JFR and ThreadMXBean tell how long a thread ran; only this tells how long it was ready to run
 * but had no core, which is what separates "waiting for a lock" from "waiting for the machine".
 */
final class SchedStat {
    private final FileChannel file;
    /** Read into at every frame: the benchmark must not allocate on the FX thread what the window does not (GC). */
    private final ByteBuffer buffer = ByteBuffer.allocate(128);

    private SchedStat(Path path) {
        FileChannel f = null;
        try {
            if (path != null) f = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            // Not Linux, or no schedstat: the figure is 0.
        }
        this.file = f;
    }

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
            buffer.clear();
            // Read from the start each time: the kernel makes the text anew for a read at offset 0.
            int n = file.read(buffer, 0);
            // "ON_CPU_NANOS QUEUED_NANOS SLICES": the second number.
            int i = 0;
            while (i < n && buffer.get(i) != ' ') i++;
            long queued = 0;
            for (i++; i < n && buffer.get(i) >= '0' && buffer.get(i) <= '9'; i++) queued = queued * 10 + (buffer.get(i) - '0');
            return queued;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
