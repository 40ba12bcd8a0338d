package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Emulated referential actions are set-based: deleting a user with 50 posts runs as many statements
 * as deleting one with 500, each post with its comments, tags and a reader set to null. Rows that a
 * filter through relations selects are pinned by key first, in slices a statement can bind.
 */
@SuiteRequires(schema = SchemaFeature.IMPLICIT_MANY_TO_MANY)
class EmulationStatementsTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE.replace("%MODE%", "prisma") + """
            model User {
              id     Int       @id
              email  String    @unique
              posts  Post[]
              reads  Comment[] @relation("Reader")
            }

            model Post {
              id       Int       @id
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]
              tags     Tag[]

              @@index([authorId])
            }

            model Comment {
              id       Int   @id
              postId   Int
              post     Post  @relation(fields: [postId], references: [id], onDelete: Cascade)
              readerId Int?
              reader   User? @relation("Reader", fields: [readerId], references: [id])

              @@index([postId])
              @@index([readerId])
            }

            model Tag {
              id    Int    @id
              posts Post[]
            }
            """;

    /** User {@code user} with {@code posts} posts of 3 comments each (read by user 1), every post tagged. */
    void seed(int user, int posts) {
        run("User", "create", "{\"data\": {\"id\": " + user + ", \"email\": \"u" + user + "\"}}");
        int base = user * 100_000;
        run("Post", "createMany", "{\"data\": [" + IntStream.range(0, posts)
                .mapToObj(i -> "{\"id\": " + (base + i) + ", \"authorId\": " + user + "}").collect(Collectors.joining(", ")) + "]}");
        run("Comment", "createMany", "{\"data\": [" + IntStream.range(0, posts * 3)
                .mapToObj(i -> "{\"id\": " + (base + i) + ", \"postId\": " + (base + i / 3) + ", \"readerId\": 1}").collect(Collectors.joining(", ")) + "]}");
        run("Tag", "upsert", "{\"where\": {\"id\": 1}, \"create\": {\"id\": 1}, \"update\": {}}");
        for (int i = 0; i < posts; i += 50) {
            String ids = IntStream.range(i, Math.min(posts, i + 50)).mapToObj(p -> "{\"id\": " + (base + p) + "}").collect(Collectors.joining(", "));
            run("Tag", "update", "{\"where\": {\"id\": 1}, \"data\": {\"posts\": {\"connect\": [" + ids + "]}}}");
        }
    }

    @EveryBackend
    void aDeleteThroughARelationFilterOfManyRows(Backend backend) {
        // The rows are pinned by key before the cascade changes what the filter looks at: more keys than a statement may bind.
        open(backend, "prisma", SCHEMA);
        run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"u1\"}}");
        int posts = 70_000;
        for (int from = 0; from < posts; from += 10_000) {
            int start = from;
            run("Post", "createMany", "{\"data\": [" + IntStream.range(start, start + 10_000)
                    .mapToObj(i -> "{\"id\": " + i + ", \"authorId\": 1}").collect(Collectors.joining(", ")) + "]}");
        }
        assertThat(run("Post", "deleteMany", "{\"where\": {\"author\": {\"email\": \"u1\"}}}").get("count").asInt()).isEqualTo(posts);
        assertThat(count("Post")).isZero();
    }

    int statementsFor(String model, String action, String args) {
        statements.clear();
        run(model, action, args);
        return statements.size();
    }

    @EveryBackend
    void aCascadeDeleteRunsAsManyStatementsForFiftyPostsAsForFiveHundred(Backend backend) {
        open(backend, "prisma", SCHEMA);
        run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"reader\"}}");
        seed(2, 50);
        seed(3, 500);
        int previewFifty = statementsFor("User", "previewDelete", "{\"where\": {\"id\": 2}}");
        int previewFiveHundred = statementsFor("User", "previewDelete", "{\"where\": {\"id\": 3}}");
        int fifty = statementsFor("User", "delete", "{\"where\": {\"id\": 2}}");
        int fiveHundred = statementsFor("User", "delete", "{\"where\": {\"id\": 3}}");
        assertThat(fiveHundred).as("statements for 500 posts, against %s for 50:%n%s", fifty, String.join("\n", statements)).isEqualTo(fifty);
        assertThat(previewFiveHundred).isEqualTo(previewFifty);
        assertThat(count("Post")).isZero();
        assertThat(count("Comment")).isZero();
        // The join rows went with their posts.
        assertThat(run("Tag", "findUnique", "{\"where\": {\"id\": 1}, \"include\": {\"_count\": true}}").get("_count").get("posts").asInt()).isZero();
        // Deleting the reader sets the key of every comment it read to null, again in the same number of statements.
        seed(4, 50);
        int readerFifty = statementsFor("User", "delete", "{\"where\": {\"id\": 1}}");
        run("User", "create", "{\"data\": {\"id\": 1, \"email\": \"reader\"}}");
        seed(5, 500);
        run("Comment", "updateMany", "{\"data\": {\"readerId\": 1}}");
        assertThat(statementsFor("User", "delete", "{\"where\": {\"id\": 1}}")).isEqualTo(readerFifty);
        assertThat(run("Comment", "count", "{\"where\": {\"readerId\": null}}").asInt()).isEqualTo(1650);
    }
}
