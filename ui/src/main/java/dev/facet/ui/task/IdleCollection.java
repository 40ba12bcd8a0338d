package dev.facet.ui.task;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the collector for a young collection right after the window has built something large (a grid's first
 * rows), while the window waits for the person, rather than at whatever frame the young generation fills
 * (ADR 0047). A new grid is some 5 MB of nodes, all of it copied by the young collection after it is made; when
 * that collection fell inside the frame that builds the next table, the frame's own 10 to 20 ms of layout and the
 * pause's 15 to 30 ms made a gap of 50 ms. Collected right after the build, the copy falls in a frame with nothing
 * else to do, and the next open starts with an empty young generation.
 *
 * <p>It only works with {@code -XX:+ExplicitGCInvokesConcurrent} (the window's launcher gives it): G1 then answers
 * {@link System#gc()} with a young collection that starts a concurrent cycle. Without it {@code System.gc()} is a
 * full, stop-the-world collection, so nothing is asked at all.
 *
 * <p>For the window benchmark's A/B runs: {@code -Dfacet.idleCollection.off=true} turns it off, and
 * {@code -Dfacet.idleCollection.delayMs} sets the wait after a request (100 ms).
 */
public final class IdleCollection {
    private static final Logger LOG = LoggerFactory.getLogger(IdleCollection.class);
    private static final boolean CONCURRENT = explicitGcIsConcurrent();
    /** At most one request waits: the collection answers every request made before it starts. */
    private static final AtomicBoolean PENDING = new AtomicBoolean();
    private static final long DELAY_MILLIS = Long.getLong("facet.idleCollection.delayMs", 100);
    /** Calls of {@link #request()}, whether or not this JVM collects on them. */
    private static final AtomicLong REQUESTS = new AtomicLong();

    private IdleCollection() {}

    /** @return how many times a collection was asked for in this JVM, collected or not (for tests) */
    public static long requestCount() { return REQUESTS.get(); }

    /** @return whether {@link #request()} does anything in this JVM */
    public static boolean isEnabled() { return CONCURRENT; }

    /**
     * Asks for a young collection soon, on a thread of its own ({@code System.gc()} waits for the concurrent cycle
     * it starts). Requests made while one waits are merged into it.
     */
    public static void request() {
        REQUESTS.incrementAndGet();
        if (!CONCURRENT || !PENDING.compareAndSet(false, true)) return;
        Thread.ofPlatform().daemon().name("facet-idle-collection").start(() -> {
            BackgroundPriority.lowerCurrentThread();
            try {
                // The frames that draw what was just built come first.
                Thread.sleep(DELAY_MILLIS);
            } catch (InterruptedException e) {
                return;
            } finally {
                PENDING.set(false);
            }
            System.gc();
        });
    }

    private static boolean explicitGcIsConcurrent() {
        if (Boolean.getBoolean("facet.idleCollection.off")) return false;
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption("ExplicitGCInvokesConcurrent").getValue())
                    && Boolean.parseBoolean(hotspot.getVMOption("UseG1GC").getValue());
        } catch (RuntimeException e) {
            LOG.debug("could not read the collector's options", e);
            return false;
        }
    }
}
