package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.value.JsonCodec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection is cut in the middle of a request, at every statement in turn: a nested write, an
 * emulated cascade delete, and a batch in one transaction. Afterwards the database holds all of the
 * request or none of it, and the caller gets Prisma's P1017 rather than a driver's exception.
 */
class AtomicityFaultTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE + """
            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String?
              profile Profile?
              posts   Post[]
            }

            model Profile {
              id     Int  @id @default(autoincrement())
              userId Int  @unique
              user   User @relation(fields: [userId], references: [id], onDelete: Cascade)
            }

            model Post {
              id       Int       @id @default(autoincrement())
              title    String
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]
              tags     Tag[]

              @@index([authorId])
            }

            model Comment {
              id     Int    @id @default(autoincrement())
              text   String
              postId Int
              post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)

              @@index([postId])
            }

            model Tag {
              id    Int    @id @default(autoincrement())
              name  String @unique
              posts Post[]
            }
            """;

    static final String NESTED = """
            {"data": {"email": "a@x", "profile": {"create": {}},
              "posts": {"create": [
                {"title": "p1", "comments": {"create": [{"text": "c1"}, {"text": "c2"}]}, "tags": {"connectOrCreate": {"where": {"name": "t1"}, "create": {"name": "t1"}}}},
                {"title": "p2", "comments": {"createMany": {"data": [{"text": "c3"}]}}, "tags": {"create": {"name": "t2"}}}]}}}""";

    CuttingDataSource cutting;

    void open(DbKind kind, String mode, CuttingDataSource.Cut how) {
        engine = Engines.fresh(DBS, kind, SCHEMA.replace("%MODE%", mode), statements::add, pool -> cutting = new CuttingDataSource(pool, how));
    }

    /** Rows per table, the implicit join table counted through Tag. */
    Map<String, Integer> rows() {
        int links = 0;
        for (var t : run("Tag", "findMany", "{\"include\": {\"_count\": true}}")) links += t.get("_count").get("posts").asInt();
        return Map.of("User", count("User"), "Profile", count("Profile"), "Post", count("Post"), "Comment", count("Comment"),
                "Tag", count("Tag"), "_PostToTag", links);
    }

    /**
     * Runs {@code request} once to count its statements, then again cut at each of them, after {@code reset}
     * has restored the state before it: each cut leaves that state exactly, and fails with P1017.
     *
     * @return the state after the request ran uncut
     */
    Map<String, Integer> cutEverywhere(Runnable reset, Runnable request) {
        reset.run();
        Map<String, Integer> before = rows();
        cutting.cutAt(-1);
        request.run();
        int total = cutting.statements();
        Map<String, Integer> after = rows();
        assertThat(after).isNotEqualTo(before);
        for (int cut = 0; cut < total; cut++) {
            reset.run();
            cutting.cutAt(cut);
            Throwable t = catchThrowable(request::run);
            cutting.cutAt(-1);
            assertThat(t).as("cut at statement %d of %d", cut, total).isNotNull();
            QueryError error = t instanceof QueryEngine.BatchError b ? b.error() : (QueryError) t;
            assertThat(error.code()).as("%s", error.getMessage()).isEqualTo("P1017");
            assertThat(rows()).as("after a cut at statement %d of %d", cut, total).isEqualTo(before);
        }
        return after;
    }

    void clear() {
        run("Tag", "deleteMany", "{}");
        run("User", "deleteMany", "{}");
    }

    void check(DbKind kind, String mode, CuttingDataSource.Cut how) {
        open(kind, mode, how);
        // A nested write over five tables and a join table.
        Map<String, Integer> created = cutEverywhere(this::clear, () -> run("User", "create", NESTED));
        assertThat(created).containsEntry("Post", 2).containsEntry("Comment", 3).containsEntry("_PostToTag", 2);
        // A delete with its cascades (emulated in relationMode prisma).
        Map<String, Integer> deleted = cutEverywhere(() -> {
            clear();
            run("User", "create", NESTED);
        }, () -> run("User", "delete", "{\"where\": {\"email\": \"a@x\"}}"));
        assertThat(deleted).containsEntry("User", 0).containsEntry("Comment", 0).containsEntry("_PostToTag", 0).containsEntry("Tag", 2);
        // A batch in one transaction.
        List<QueryEngine.Request> batch = List.of(
                new QueryEngine.Request("User", "create", JsonCodec.parse("{\"data\": {\"email\": \"b@x\"}}")),
                new QueryEngine.Request("Post", "create", JsonCodec.parse("{\"data\": {\"title\": \"q\", \"author\": {\"connect\": {\"email\": \"b@x\"}}}}")),
                new QueryEngine.Request("User", "update", JsonCodec.parse("{\"where\": {\"email\": \"b@x\"}, \"data\": {\"name\": \"B\", \"profile\": {\"create\": {}}}}")));
        Map<String, Integer> batched = cutEverywhere(this::clear, () -> engine.executeInTransaction(batch));
        assertThat(batched).containsEntry("User", 1).containsEntry("Post", 1).containsEntry("Profile", 1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("databasesAndModes")
    void theClientGoesAway(DbKind kind, String mode) {
        check(kind, mode, CuttingDataSource.Cut.CLOSE);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"foreignKeys", "prisma"})
    void thePostgresServerProcessIsTerminated(String mode) {
        check(DbKind.POSTGRES, mode, CuttingDataSource.Cut.TERMINATE);
    }
}
