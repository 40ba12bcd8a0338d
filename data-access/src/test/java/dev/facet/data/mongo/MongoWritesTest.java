package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Writes on MongoDB. The test server has no transactions, like a developer's standalone {@code mongod}: there Prisma
 * refuses every write with P2031 (prisma-engines {@code mongodb-client}, Prisma docs "MongoDB" / "replica set"),
 * Facet runs the writes that change one document and refuses the others with Prisma's text, changing nothing
 * ({@code atomicOnly}); the other tests allow non-atomic writes, as {@code facet query --allow-non-atomic} does.
 */
class MongoWritesTest extends MongoSuite {
    static final String MODELS = """
            model User {
              id        String   @id @default(auto()) @map("_id") @db.ObjectId
              email     String   @unique
              name      String?
              score     Int      @default(1)
              ratio     Float    @default(1.5)
              big       BigInt?
              tags      String[]
              token     String   @default(uuid())
              slug      String   @default(cuid())
              createdAt DateTime @default(now())
              updatedAt DateTime @updatedAt
              posts     Post[]
            }

            model Post {
              id       String @id @default(auto()) @map("_id") @db.ObjectId
              title    String
              authorId String @db.ObjectId
              author   User   @relation(fields: [authorId], references: [id])
            }
            """;

    static final String P2031 = "Prisma needs to perform transactions, which requires your MongoDB server to be run as a replica set. "
            + "https://pris.ly/d/mongodb-replica-set";

    @Test
    void withoutTransactionsAWriteOfOneDocumentRunsAndOneOfSeveralIsRefusedChangingNothing() {
        atomicOnly = true;
        open(MODELS);
        JsonNode ada = run("User", "create", "{\"data\": {\"email\": \"ada@x.io\"}}");
        assertThat(ada.get("id").asText()).matches("[0-9a-f]{24}");
        run("User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"name\": \"Ada\"}}");
        fails("P2031", P2031, "User", "create", "{\"data\": {\"email\": \"bob@x.io\", \"posts\": {\"create\": [{\"title\": \"a\"}]}}}");
        fails("P2031", P2031, "User", "createMany", "{\"data\": [{\"email\": \"c@x.io\"}, {\"email\": \"d@x.io\"}]}");
        assertThat(values(run("User", "findMany", "{}"), "email")).containsExactly("ada@x.io");
        assertThat(run("Post", "count", "{}").asInt()).isZero();
        run("User", "create", "{\"data\": {\"email\": \"eve@x.io\"}}");
        fails("P2031", P2031, "User", "updateMany", "{\"data\": {\"name\": \"same\"}}");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}}"), "name")).containsExactly("Ada", null);
        run("User", "delete", "{\"where\": {\"email\": \"eve@x.io\"}}");
        assertThat(run("User", "count", "{}").asInt()).isEqualTo(1);
    }

    /**
     * With non-atomic writes allowed (no transactions), a write that fails halfway is undone: the documents changed
     * before the failure are put back as they were, so that a refused write changes nothing (issue 12).
     */
    @Test
    void withNonAtomicWritesAllowedAWriteThatFailsHalfwayIsUndone() {
        open(MODELS);
        String ada = run("User", "create", "{\"data\": {\"email\": \"ada@x.io\", \"name\": \"Ada\"}}").get("id").asText();
        run("Post", "create", "{\"data\": {\"title\": \"kept\", \"authorId\": \"" + ada + "\"}}");
        String missing = "\"" + "0".repeat(24) + "\"";
        // The user is inserted, then connecting a post that does not exist fails (P2018): the insert is undone.
        QueryError e = fails("P2018", "Expected 1 records to be connected", "User", "create", "{\"data\": {\"email\": \"carol@x.io\", \"posts\": {\"connect\": [{\"id\": " + missing + "}]}}}");
        assertThat(e.getMessage()).contains("Facet undid the changes already made to 1 document");
        assertThat(values(run("User", "findMany", "{}"), "email")).containsExactly("ada@x.io");
        // An insert the unique index refuses changed nothing, and the error does not claim an undo.
        e = fails("P2002", "Unique constraint failed", "User", "create", "{\"data\": {\"email\": \"ada@x.io\"}}");
        assertThat(e.getMessage()).doesNotContain("undid");
        // Several documents changed, then a failure: every one is put back as it was.
        e = fails("P2018", "Expected 1 records to be connected", "User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"name\": \"changed\", "
                + "\"posts\": {\"updateMany\": {\"where\": {}, \"data\": {\"title\": \"changed\"}}, \"create\": {\"title\": \"new\"}, "
                + "\"connect\": [{\"id\": " + missing + "}]}}}");
        assertThat(e.getMessage()).contains("Facet undid the changes already made");
        assertThat(values(run("User", "findMany", "{}"), "name")).containsExactly("Ada");
        assertThat(values(run("Post", "findMany", "{}"), "title")).containsExactly("kept");
        // A delete that a required relation refuses (P2014) after changing nothing leaves everything too.
        fails("P2014", "", "User", "delete", "{\"where\": {\"email\": \"ada@x.io\"}}");
        assertThat(run("User", "count", "{}").asInt()).isEqualTo(1);
    }

    @Test
    void defaultsAreGeneratedAsPrismaGeneratesThem() {
        open(MODELS);
        JsonNode u = run("User", "create", "{\"data\": {\"email\": \"ada@x.io\"}}");
        assertThat(u.get("id").asText()).matches("[0-9a-f]{24}");
        assertThat(u.get("score").asInt()).isEqualTo(1);
        assertThat(u.get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(u.get("token").asText()).matches("[0-9a-f-]{36}");
        assertThat(u.get("slug").asText()).startsWith("c").hasSize(25);
        assertThat(u.get("createdAt").asText()).endsWith("Z");
        assertThat(u.get("updatedAt").asText()).endsWith("Z");
        Document stored = raw(db -> db.getCollection("User").find().first());
        assertThat(stored.get("_id")).isInstanceOf(org.bson.types.ObjectId.class);
        assertThat(stored.get("createdAt")).isInstanceOf(java.util.Date.class);
        assertThat(stored.get("score")).isInstanceOf(Long.class);
    }

    @Test
    void scalarOperations() {
        open(MODELS);
        run("User", "create", "{\"data\": {\"email\": \"ada@x.io\", \"score\": 10, \"ratio\": 3, \"big\": \"9007199254740993\", \"tags\": [\"a\"]}}");
        JsonNode u = run("User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"score\": {\"increment\": 5}, \"ratio\": {\"multiply\": 2}, "
                + "\"big\": {\"decrement\": 3}, \"tags\": {\"push\": [\"b\", \"c\"]}}}");
        assertThat(u.get("score").asInt()).isEqualTo(15);
        assertThat(u.get("ratio").asDouble()).isEqualTo(6.0);
        assertThat(u.get("big").asText()).isEqualTo("9007199254740990");
        assertThat(u.get("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        u = run("User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"score\": {\"divide\": 2}, \"ratio\": {\"divide\": 4}, \"name\": {\"set\": \"A\"}}}");
        assertThat(u.get("score").asInt()).isEqualTo(7);
        assertThat(u.get("ratio").asDouble()).isEqualTo(1.5);
        assertThat(u.get("name").asText()).isEqualTo("A");
        u = run("User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"tags\": {\"set\": []}, \"name\": null}}");
        assertThat(u.get("tags").toString()).isEqualTo("[]");
        assertThat(u.get("name").isNull()).isTrue();
    }

    @Test
    void upsertDeleteAndManyWrites() {
        open(MODELS);
        run("User", "upsert", "{\"where\": {\"email\": \"ada@x.io\"}, \"create\": {\"email\": \"ada@x.io\", \"name\": \"new\"}, \"update\": {\"name\": \"old\"}}");
        JsonNode again = run("User", "upsert", "{\"where\": {\"email\": \"ada@x.io\"}, \"create\": {\"email\": \"ada@x.io\"}, \"update\": {\"name\": \"again\"}}");
        assertThat(again.get("name").asText()).isEqualTo("again");
        assertThat(run("User", "createMany", "{\"data\": [{\"email\": \"b\"}, {\"email\": \"c\"}]}").toString()).isEqualTo("{\"count\":2}");
        assertThat(run("User", "updateMany", "{\"where\": {\"email\": {\"in\": [\"b\", \"c\"]}}, \"data\": {\"score\": 9}}").toString()).isEqualTo("{\"count\":2}");
        assertThat(run("User", "deleteMany", "{\"where\": {\"score\": 9}}").toString()).isEqualTo("{\"count\":2}");
        assertThat(run("User", "delete", "{\"where\": {\"email\": \"ada@x.io\"}, \"select\": {\"email\": true}}").toString())
                .isEqualTo("{\"email\":\"ada@x.io\"}");
        fails("P2025", "", "User", "delete", "{\"where\": {\"email\": \"ada@x.io\"}}");
        fails("P2002", "Unique constraint failed on the constraint: `User_email_key`", "User", "createMany",
                "{\"data\": [{\"email\": \"z\"}, {\"email\": \"z\"}]}");
    }

    @Test
    void nestedWritesAndEmulatedReferentialActions() {
        open(MODELS);
        JsonNode u = run("User", "create", "{\"data\": {\"email\": \"ada@x.io\", \"posts\": {\"create\": [{\"title\": \"a\"}, {\"title\": \"b\"}]}}, "
                + "\"include\": {\"posts\": {\"select\": {\"title\": true}}}}");
        assertThat(u.get("posts").toString()).isEqualTo("[{\"title\":\"a\"},{\"title\":\"b\"}]");
        // A required relation: Restrict by default, so deleting the author of posts fails with P2014 (emulated).
        fails("P2014", "", "User", "delete", "{\"where\": {\"email\": \"ada@x.io\"}}");
        run("User", "update", "{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"posts\": {\"deleteMany\": {}}}}");
        run("User", "delete", "{\"where\": {\"email\": \"ada@x.io\"}}");
        assertThat(run("User", "count", "{}").asInt()).isZero();
    }

    @Test
    void whatPrismaDoesNotOfferOnMongoDbIsAValidationError() {
        open(MODELS);
        fails("P2009", "Operation 'createManyAndReturn' for model 'User' does not match any query.", "User", "createManyAndReturn",
                "{\"data\": [{\"email\": \"a\"}]}");
        fails("P2009", "Operation 'updateManyAndReturn' for model 'User' does not match any query.", "User", "updateManyAndReturn",
                "{\"data\": {\"name\": \"a\"}}");
        fails("P2009", "Unknown argument `skipDuplicates`", "User", "createMany", "{\"data\": [{\"email\": \"a\"}], \"skipDuplicates\": true}");
        fails("P2009", "Expected SortOrder.", "User", "findMany", "{\"orderBy\": {\"name\": {\"sort\": \"asc\", \"nulls\": \"last\"}}}");
    }

    @Test
    void isSetTellsAMissingFieldFromNull() {
        open(MODELS);
        run("User", "create", "{\"data\": {\"email\": \"null@x.io\", \"name\": null}}");
        raw(db -> {
            db.getCollection("User").insertOne(new Document("email", "missing@x.io").append("score", 1L).append("ratio", 1.0)
                    .append("token", "t").append("slug", "s").append("createdAt", new java.util.Date()).append("updatedAt", new java.util.Date()));
            return null;
        });
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": {\"isSet\": false}}}"), "email")).containsExactly("missing@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": {\"isSet\": true}}}"), "email")).containsExactly("null@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": null}}"), "email")).containsExactly("null@x.io");
    }
}
