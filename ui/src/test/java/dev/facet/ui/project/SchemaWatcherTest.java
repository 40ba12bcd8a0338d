package dev.facet.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfWritesToTheSchemaIsOneChangeAndOtherFilesAreIgnored() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, "// v1\n");
        AtomicInteger changes = new AtomicInteger();
        Semaphore fired = new Semaphore(0);
        try (SchemaWatcher w = SchemaWatcher.start(schema, Duration.ofMillis(300), () -> {
            changes.incrementAndGet();
            fired.release();
        })) {
            Files.writeString(dir.resolve("notes.txt"), "not the schema");
            Thread.sleep(600);
            assertThat(changes).hasValue(0);

            for (int i = 2; i <= 4; i++) Files.writeString(schema, "// v" + i + "\n");

            assertThat(fired.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(600);
            assertThat(changes).hasValue(1);
        }
    }

    @Test
    void aFolderSchemaNoticesNewFilesInNewSubfolders() throws Exception {
        Files.writeString(dir.resolve("base.prisma"), "// base\n");
        Semaphore fired = new Semaphore(0);
        try (SchemaWatcher w = SchemaWatcher.start(dir, Duration.ofMillis(200), fired::release)) {
            Files.createDirectories(dir.resolve("models"));
            assertThat(fired.tryAcquire(600, TimeUnit.MILLISECONDS)).isFalse();
            Files.writeString(dir.resolve("models/user.prisma"), "model User {}\n");
            assertThat(fired.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
