package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.JsonCodec;
import dev.facet.data.testdb.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prisma Client writes on every database, with foreign keys and with emulated referential actions. The writes give their
 * ids (MongoDB numbers nothing; ids the database generates are {@link NestedWritesTest}'s); the tags are an implicit
 * many-to-many (id arrays on MongoDB).
 */
class WritesTest {
    static final String SCHEMA = """
            datasource db {
              provider     = "%PROVIDER%"
              url          = "file:unused.db"
              relationMode = "%MODE%"
            }

            model User {
              id        Int      @id
              email     String   @unique
              name      String?
              posts     Post[]
              profile   Profile?
              updatedAt DateTime @updatedAt
            }

            model Profile {
              id     String @id @default(cuid())
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
            }

            model Post {
              id       Int       @id
              title    String
              views    Int       @default(0)
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]
              tags     Tag[]
            }

            model Comment {
              id     Int    @id
              text   String
              postId Int
              post   Post   @relation(fields: [postId], references: [id], onDelete: Restrict)
            }

            model Tag {
              id    Int    @id
              name  String @unique
              posts Post[]
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    QueryEngine engine;

    void open(Backend backend, String mode) {
        engine = backend.open(DBS, SCHEMA.replace("%MODE%", mode), null);
    }

    @AfterEach
    void tearDown() {
        if (engine != null) engine.close();
    }

    JsonNode run(String model, String action, String args) {
        return engine.execute(model, action, JsonCodec.parse(args));
    }

    static String code(Throwable t) { return ((QueryError) t).code(); }

    @EveryBackend(modes = true)
    void nestedCreateAcrossEveryKindOfRelation(Backend backend, String mode) {
        open(backend, mode);
        JsonNode user = run("User", "create", """
                {"data": {"id": 1, "email": "ada@example.com", "name": "Ada",
                  "profile": {"create": {"bio": "Mathematician"}},
                  "posts": {"create": [{"id": 1, "title": "Notes", "tags": {"create": [{"id": 1, "name": "math"}], "connectOrCreate": [{"where": {"name": "history"}, "create": {"id": 2, "name": "history"}}]},
                                        "comments": {"create": {"id": 1, "text": "Splendid"}}},
                                       {"id": 2, "title": "Second"}]}},
                 "include": {"profile": true, "posts": {"include": {"tags": {"orderBy": {"name": "asc"}}, "_count": true}, "orderBy": {"id": "asc"}}}}""");
        assertThat(user.get("id").asInt()).isEqualTo(1);
        assertThat(user.get("updatedAt").asText()).endsWith("Z");
        assertThat(user.get("profile").get("id").asText()).startsWith("c").hasSize(25);
        assertThat(user.get("posts")).hasSize(2);
        assertThat(user.get("posts").get(0).get("tags").findValuesAsText("name")).containsExactly("history", "math");
        assertThat(user.get("posts").get(0).get("_count").get("comments").asInt()).isEqualTo(1);
    }

    @EveryBackend(modes = true)
    void connectDisconnectSetAndTheirErrors(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"a@x\"}}");
        run("Tag", "createMany", "{\"data\": [{\"id\": 1, \"name\": \"t1\"}, {\"id\": 2, \"name\": \"t2\"}, {\"id\": 3, \"name\": \"t3\"}]}");
        JsonNode post = run("Post", "create", "{\"data\": {\"id\": 1, \"title\": \"P\", \"author\": {\"connect\": {\"email\": \"a@x\"}}, \"tags\": {\"connect\": [{\"name\": \"t1\"}, {\"name\": \"t2\"}]}}, \"include\": {\"tags\": true}}");
        assertThat(post.get("tags")).hasSize(2);
        JsonNode set = run("Post", "update", "{\"where\": {\"id\": 1}, \"data\": {\"tags\": {\"set\": [{\"name\": \"t3\"}]}}, \"include\": {\"tags\": true}}");
        assertThat(set.get("tags").findValuesAsText("name")).containsExactly("t3");
        assertThatThrownBy(() -> run("Post", "create", "{\"data\": {\"id\": 2, \"title\": \"Q\", \"author\": {\"connect\": {\"email\": \"nobody@x\"}}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025"))
                .hasMessageContaining("No 'User' record (needed to inline the relation on 'Post' record(s)) was found for a nested connect on one-to-many relation 'PostToUser'.");
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 1}, \"data\": {\"posts\": {\"connect\": [{\"id\": 1}, {\"id\": 77}]}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2018"))
                .hasMessageContaining("Expected 2 records to be connected after connect operation on one-to-many relation 'PostToUser', found 1.");
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 1}, \"data\": {\"posts\": {\"disconnect\": [{\"id\": 1}]}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2014"));
        assertThat(run("Post", "count", "{}").asInt()).isEqualTo(1);
    }

    @EveryBackend(modes = true)
    void cascadeAndRestrict(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", """
                {"data": {"id": 1, "email": "a@x", "profile": {"create": {"bio": "b"}}, "posts": {"create": [{"id": 1, "title": "p1"}, {"id": 2, "title": "p2", "comments": {"create": [{"id": 1, "text": "c"}]}}]}}}""");
        JsonNode preview = run("User", "previewDelete", "{\"where\": {\"id\": 1}}");
        assertThat(preview.get("blocked").asBoolean()).isTrue();
        if (mode.equals("prisma")) {
            assertThatThrownBy(() -> run("User", "delete", "{\"where\": {\"id\": 1}}"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("P2014"))
                    .hasMessageContaining("The change you are trying to make would violate the required relation 'CommentToPost' between the `Comment` and `Post` models.");
        } else {
            // With foreign keys the database refuses, as it does for Prisma Client.
            assertThatThrownBy(() -> run("User", "delete", "{\"where\": {\"id\": 1}}"))
                    .satisfies(e -> assertThat(code(e)).isEqualTo("P2003"))
                    .hasMessageStartingWith("Foreign key constraint violated on the ");
        }
        assertThat(run("Post", "count", "{}").asInt()).isEqualTo(2);
        run("Comment", "deleteMany", "{}");
        JsonNode preview2 = run("User", "previewDelete", "{\"where\": {\"id\": 1}}");
        assertThat(preview2.get("blocked").asBoolean()).isFalse();
        JsonNode deleted = run("User", "delete", "{\"where\": {\"id\": 1}}");
        assertThat(deleted.get("email").asText()).isEqualTo("a@x");
        assertThat(run("Post", "count", "{}").asInt()).isZero();
        assertThat(run("Profile", "count", "{}").asInt()).isZero();
    }

    @EveryBackend(modes = true)
    void scalarUpdatesUpsertAndMissingRecords(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"a@x\", \"posts\": {\"create\": {\"id\": 1, \"title\": \"p\", \"views\": 10}}}}");
        JsonNode p = run("Post", "update", "{\"where\": {\"id\": 1}, \"data\": {\"views\": {\"increment\": 5}, \"title\": {\"set\": \"q\"}}}");
        assertThat(p.get("views").asInt()).isEqualTo(15);
        assertThat(run("Post", "updateMany", "{\"where\": {\"views\": {\"gt\": 1}}, \"data\": {\"views\": {\"multiply\": 2}}}").get("count").asInt()).isEqualTo(1);
        JsonNode up = run("User", "upsert", "{\"where\": {\"email\": \"b@x\"}, \"create\": {\"id\": 2, \"email\": \"b@x\", \"name\": \"B\"}, \"update\": {\"name\": \"never\"}}");
        assertThat(up.get("name").asText()).isEqualTo("B");
        JsonNode up2 = run("User", "upsert", "{\"where\": {\"email\": \"b@x\"}, \"create\": {\"id\": 2, \"email\": \"b@x\"}, \"update\": {\"name\": \"Bee\"}}");
        assertThat(up2.get("name").asText()).isEqualTo("Bee");
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 99}, \"data\": {\"name\": \"x\"}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025")).hasMessageContaining("No record was found for an update.");
        assertThatThrownBy(() -> run("User", "delete", "{\"where\": {\"id\": 99}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025")).hasMessageContaining("No record was found for a delete.");
        // The where of an update takes further filters: a stale read does not overwrite.
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 1, \"name\": \"stale\"}, \"data\": {\"name\": \"x\"}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025"));
    }

    @EveryBackend(modes = true, requires = ConnectorCapability.TRANSACTIONS)
    void aFailedNestedWriteLeavesNothingBehind(Backend backend, String mode) {
        open(backend, mode);
        assertThatThrownBy(() -> run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"a@x\", \"posts\": {\"create\": [{\"id\": 1, \"title\": \"ok\"}, {\"id\": 2, \"title\": \"bad\", \"tags\": {\"connect\": {\"name\": \"missing\"}}}]}}}"))
                .isInstanceOf(QueryError.class);
        assertThat(run("User", "count", "{}").asInt()).isZero();
        assertThat(run("Post", "count", "{}").asInt()).isZero();
        List<QueryEngine.Request> batch = List.of(
                new QueryEngine.Request("User", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"email\": \"x@x\"}}")),
                new QueryEngine.Request("User", "create", JsonCodec.parse("{\"data\": {\"id\": 2, \"email\": \"x@x\"}}")));
        assertThatThrownBy(() -> engine.executeInTransaction(batch))
                .isInstanceOf(QueryEngine.BatchError.class)
                .satisfies(e -> assertThat(((QueryEngine.BatchError) e).index()).isEqualTo(1))
                .satisfies(e -> assertThat(((QueryEngine.BatchError) e).error().code()).isEqualTo("P2002"));
        assertThat(run("User", "count", "{}").asInt()).isZero();
    }
}
