package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two writers race on the same rows, each through its own engine and pool (two processes, as far as the database can
 * tell), with optimistic concurrency: read a value, then write on the condition that it is still that value. Of two
 * racing writers exactly one wins and the other gets P2025 (a count of 0 for updateMany and deleteMany), so no update
 * is ever lost; on SQLite a writer waits for the other one rather than failing.
 */
@SuiteRequires(requires = ConnectorCapability.TRANSACTIONS)
class ConcurrentWritesTest {
    static final String SCHEMA = """
            datasource db {
              provider     = "%PROVIDER%"
              url          = "file:unused.db"
              relationMode = "%MODE%"
            }

            model Counter {
              id    Int    @id
              val   Int
              notes Note[]
            }

            model Note {
              id        Int     @id
              val       Int
              counterId Int
              counter   Counter @relation(fields: [counterId], references: [id], onDelete: Cascade)

              @@index([counterId])
            }
            """;
    /** Rounds per writer: enough for many collisions, few enough for seconds per database (SQLite's waits are the slowest). */
    static final int ROUNDS = 150;
    /** Rounds per writer of the races that cover the other kinds of write the same way. */
    static final int FEWER_ROUNDS = 60;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    List<QueryEngine> engines = List.of();

    void open(Backend backend, String mode) {
        engines = backend.openTwo(DBS, SCHEMA.replace("%MODE%", mode));
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(QueryEngine::close);
        engines = List.of();
    }

    static JsonNode run(QueryEngine engine, String model, String action, String args) {
        return engine.execute(model, action, JsonCodec.parse(args));
    }

    JsonNode run(String model, String action, String args) { return run(engines.getFirst(), model, action, args); }

    static int val(QueryEngine engine, String model, int id) {
        return run(engine, model, "findUnique", "{\"where\": {\"id\": " + id + "}}").get("val").asInt();
    }

    int val(String model, int id) { return val(engines.getFirst(), model, id); }

    /** One round of one writer: whether its write won. */
    interface Attempt {
        boolean run(QueryEngine engine, int writer, int round) throws Exception;
    }

    /**
     * Both writers run each round at the same moment (they meet before every round), so that they really collide.
     *
     * @return per writer, the rounds it won
     */
    List<Set<Integer>> race(int rounds, Attempt attempt) throws Exception {
        Phaser together = new Phaser(2);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<Set<Integer>>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(threads.submit(() -> {
                    Set<Integer> won = new TreeSet<>();
                    try {
                        for (int r = 0; r < rounds; r++) {
                            if (together.arriveAndAwaitAdvance() < 0) throw new OtherWriterFailed();
                            if (attempt.run(engines.get(writer), writer, r)) won.add(r);
                        }
                    } catch (Throwable t) {
                        together.forceTermination(); // the other writer stops waiting for this one
                        throw t;
                    }
                    return won;
                }));
            }
            List<Set<Integer>> out = new ArrayList<>();
            ExecutionException failed = null;
            for (Future<Set<Integer>> w : writers) {
                try {
                    out.add(w.get());
                } catch (ExecutionException e) {
                    // The writer that failed first, not the one stopped because of it.
                    if (failed == null || failed.getCause() instanceof OtherWriterFailed) failed = e;
                }
            }
            if (failed != null) throw failed;
            return out;
        }
    }

    static final class OtherWriterFailed extends RuntimeException {
        OtherWriterFailed() { super("stopped: the other writer failed"); }
    }

    /** Runs a write: true when it succeeds, false when it fails with one of the codes of losing the race; any other error fails the test. */
    static boolean wins(Callable<JsonNode> write, String... lost) throws Exception {
        try {
            write.call();
            return true;
        } catch (QueryError e) {
            if (List.of(lost).contains(e.code())) return false;
            throw e;
        }
    }

    static int total(List<Set<Integer>> won) { return won.get(0).size() + won.get(1).size(); }

    @EveryBackend
    void conditionalUpdatesLoseNoUpdate(Backend backend) throws Exception {
        open(backend, "foreignKeys");
        run("Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0}}");
        List<Set<Integer>> won = race(ROUNDS, (e, w, r) -> {
            int v = val(e, "Counter", 1);
            return wins(() -> run(e, "Counter", "update", "{\"where\": {\"id\": 1, \"val\": " + v + "}, \"data\": {\"val\": " + (v + 1) + "}}"),
                    "P2025");
        });
        assertThat(val("Counter", 1)).as("the counter after %s successful updates", total(won)).isEqualTo(total(won));
    }

    @EveryBackend
    void conditionalUpdateManysLoseNoUpdate(Backend backend) throws Exception {
        open(backend, "foreignKeys");
        run("Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0}}");
        List<Set<Integer>> won = race(ROUNDS, (e, w, r) -> {
            int v = val(e, "Counter", 1);
            JsonNode result = run(e, "Counter", "updateMany", "{\"where\": {\"id\": 1, \"val\": " + v + "}, \"data\": {\"val\": " + (v + 1) + "}}");
            return result.get("count").asInt() == 1;
        });
        assertThat(val("Counter", 1)).as("the counter after %s counts of 1", total(won)).isEqualTo(total(won));
    }

    @EveryBackend
    void conditionalUpsertsLoseNoUpdate(Backend backend) throws Exception {
        open(backend, "foreignKeys");
        run("Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0}}");
        List<Set<Integer>> won = race(FEWER_ROUNDS, (e, w, r) -> {
            int v = val(e, "Counter", 1);
            // The loser finds no record matching, so it creates one, which already exists.
            return wins(() -> run(e, "Counter", "upsert", "{\"where\": {\"id\": 1, \"val\": " + v + "}, \"update\": {\"val\": " + (v + 1)
                    + "}, \"create\": {\"id\": 1, \"val\": 1}}"), "P2002");
        });
        assertThat(val("Counter", 1)).as("the counter after %s successful upserts", total(won)).isEqualTo(total(won));
    }

    @EveryBackend
    void conditionalNestedUpdatesLoseNoUpdate(Backend backend) throws Exception {
        open(backend, "foreignKeys");
        run("Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0, \"notes\": {\"create\": {\"id\": 1, \"val\": 0}}}}");
        List<Set<Integer>> won = race(FEWER_ROUNDS, (e, w, r) -> {
            int v = val(e, "Note", 1);
            return wins(() -> run(e, "Counter", "update", "{\"where\": {\"id\": 1}, \"data\": {\"notes\": {\"update\": {\"where\": {\"id\": 1, \"val\": "
                    + v + "}, \"data\": {\"val\": " + (v + 1) + "}}}}}"), "P2025");
        });
        assertThat(val("Note", 1)).as("the note after %s successful nested updates", total(won)).isEqualTo(total(won));
    }

    /** One writer updates each row on the condition that it is unchanged, the other deletes it on the same condition. */
    @EveryBackend(modes = true)
    void aConditionalDeleteAndAConditionalUpdateNeverBothWin(Backend backend, String mode) throws Exception {
        open(backend, mode);
        int rows = FEWER_ROUNDS;
        StringBuilder counters = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            counters.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append(", \"val\": 0}");
            notes.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append(", \"val\": 0, \"counterId\": ").append(i).append("}");
        }
        run("Counter", "createMany", "{\"data\": [" + counters + "]}");
        run("Note", "createMany", "{\"data\": [" + notes + "]}");
        List<Set<Integer>> won = race(rows, (e, w, r) -> {
            String where = "{\"id\": " + r + ", \"val\": 0}";
            if (w == 0) return wins(() -> run(e, "Counter", "update", "{\"where\": " + where + ", \"data\": {\"val\": 1}}"), "P2025");
            if (r % 2 == 0) return wins(() -> run(e, "Counter", "delete", "{\"where\": " + where + "}"), "P2025");
            return run(e, "Counter", "deleteMany", "{\"where\": " + where + "}").get("count").asInt() == 1;
        });
        for (int r = 0; r < rows; r++) {
            boolean updated = won.get(0).contains(r);
            boolean deleted = won.get(1).contains(r);
            assertThat(updated ^ deleted).as("row %s: updated %s, deleted %s", r, updated, deleted).isTrue();
            JsonNode row = run("Counter", "findUnique", "{\"where\": {\"id\": " + r + "}}");
            if (updated) assertThat(row.get("val").asInt()).as("row %s", r).isEqualTo(1);
            else assertThat(row.isNull()).as("row %s deleted", r).isTrue();
        }
        assertThat(run("Note", "count", "{}").asInt()).as("notes of the counters left").isEqualTo(won.get(0).size());
    }

    @Test
    void aSqliteWriterKeptWaitingPastTheBusyTimeoutIsToldTheDatabaseIsLocked() throws Exception {
        TestDatabase db = DBS.fresh(DbKind.SQLITE);
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.replace("%PROVIDER%", "sqlite").replace("%MODE%", "foreignKeys")))
                .schema().orElseThrow();
        SchemaPusher.push(schema, db.open());
        try (SqlDatabase waiting = SqlDatabase.open(null, DatabaseUrl.parse(db.url() + "?socket_timeout=1", db.baseDirectory()));
             QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, waiting.dataSource(), null, null));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.parsedUrl().file());
             Statement otherWriter = other.createStatement()) {
            otherWriter.execute("BEGIN IMMEDIATE");
            long start = System.nanoTime();
            Throwable t = catchThrowable(() -> run(engine, "Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0}}"));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(t).isInstanceOf(QueryError.class);
            assertThat(((QueryError) t).code()).isEqualTo("P1008");
            assertThat(t.getMessage()).contains("database is locked by another writer");
            assertThat(waitedMillis).as("waited for the busy timeout of 1 s").isGreaterThanOrEqualTo(900);
            otherWriter.execute("ROLLBACK");
            run(engine, "Counter", "create", "{\"data\": {\"id\": 1, \"val\": 0}}");
            assertThat(run(engine, "Counter", "count", "{}").asInt()).isEqualTo(1);
        }
    }
}
