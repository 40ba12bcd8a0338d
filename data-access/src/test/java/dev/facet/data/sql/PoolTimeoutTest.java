package dev.facet.data.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waiting too long for a pooled connection while the pool's connections are busy is Prisma's P2024, with Prisma's
 * text: the server is there, so "can't reach the database server" (P1001) would send the user looking in the wrong
 * place. Seen on the demo's single SQLite connection while the seeding held it.
 */
class PoolTimeoutTest {
    @TempDir Path dir;

    @Test
    void waitingLongerThanThePoolTimeoutForABusyConnectionIsP2024() throws Exception {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "sqlite"
                }
                model User {
                  id Int @id
                }
                """)).schema().orElseThrow();
        AtomicBoolean holdNext = new AtomicBoolean();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The statement log is called while its statement has the connection: holding it there keeps the one
        // connection of the SQLite pool busy.
        try (QueryEngine engine = Engines.open(schema, "file:./pool.db?pool_timeout=1", dir, sql -> {
            if (holdNext.getAndSet(false)) {
                holding.countDown();
                try {
                    release.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, true)) {
            holdNext.set(true);
            Thread holder = Thread.ofPlatform().start(() -> engine.execute("User", "count", null));
            assertThat(holding.await(2, TimeUnit.MINUTES)).isTrue();

            QueryError e = catchThrowableOfType(QueryError.class, () -> engine.execute("User", "count", null));
            release.countDown();
            holder.join();

            assertThat(e.code()).isEqualTo("P2024");
            assertThat(e.getMessage()).isEqualTo("Timed out fetching a new connection from the connection pool. More info: "
                    + "http://pris.ly/d/connection-pool (Current connection pool timeout: 1, connection limit: 1)");
        }
    }
}
