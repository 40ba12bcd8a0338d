package dev.facet.ui.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;

/**
 * A request for a collection is a young collection in a JVM run with the window's collector options, and nothing at
 * all in one without them (where {@code System.gc()} would stop everything for a full collection).
 */
class IdleCollectionTest {

    @Test
    void doesNothingWhereSystemGcIsAFullCollection() {
        // The test JVM runs without -XX:+ExplicitGCInvokesConcurrent.
        assertThat(IdleCollection.isEnabled()).isFalse();
    }

    @Test
    void aRequestIsAYoungCollectionWithTheWindowsOptions() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-XX:+UseG1GC", "-XX:+ExplicitGCInvokesConcurrent",
                "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("enabled true").contains("G1 Young Generation: end of minor GC (System.gc())")
                .doesNotContain("end of major GC");
    }

    /** Asks once and prints the collection that answers the request. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            System.out.println("enabled " + IdleCollection.isEnabled());
            CompletableFuture<String> answered = new CompletableFuture<>();
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
            for (GarbageCollectorMXBean collector : collectors) {
                ((NotificationEmitter) collector).addNotificationListener((n, hb) -> {
                    if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    String line = info.getGcName() + ": " + info.getGcAction() + " (" + info.getGcCause() + ")";
                    if (info.getGcCause().equals("System.gc()")) {
                        System.out.println(line);
                        if (!info.getGcName().contains("Concurrent")) answered.complete(line);
                    }
                }, null, null);
            }
            IdleCollection.request();
            answered.get();
        }
    }
}
