package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on MongoDB with Prisma's answers: ObjectIds as hex strings (Prisma's MongoDB docs, "ObjectId"), P2023 for a
 * malformed one (prisma-engines {@code FieldMalformedObjectId}), missing fields never matching a filter and
 * {@code {x: null}} matching an explicit null only (Prisma docs, "Null and undefined" / "isSet" on MongoDB), relation
 * filters and includes on one-to-one, one-to-many and id-array many-to-many relations, and a bounded number of
 * commands whatever the number of documents.
 */
class MongoReadsTest extends MongoSuite {
    static final String MODELS = """
            enum Role {
              USER
              ADMIN
            }

            model User {
              id      String   @id @default(auto()) @map("_id") @db.ObjectId
              email   String   @unique
              name    String?
              age     Int?
              role    Role     @default(USER)
              nick    String[]
              posts   Post[]
              profile Profile?
            }

            model Profile {
              id     String @id @default(auto()) @map("_id") @db.ObjectId
              bio    String
              userId String @unique @db.ObjectId
              user   User   @relation(fields: [userId], references: [id])
            }

            model Post {
              id       String    @id @default(auto()) @map("_id") @db.ObjectId
              title    String
              views    Int       @default(0)
              authorId String    @db.ObjectId
              author   User      @relation(fields: [authorId], references: [id])
              tagIds   String[]  @db.ObjectId
              tags     Tag[]     @relation(fields: [tagIds], references: [id])
              comments Comment[]
            }

            model Tag {
              id      String   @id @default(auto()) @map("_id") @db.ObjectId
              name    String   @unique
              postIds String[] @db.ObjectId
              posts   Post[]   @relation(fields: [postIds], references: [id])
            }

            model Comment {
              id     String @id @default(auto()) @map("_id") @db.ObjectId
              text   String
              postId String @db.ObjectId
              post   Post   @relation(fields: [postId], references: [id])
            }
            """;

    static String oid(int n) { return String.format("%024x", n); }

    @BeforeEach
    void seed() {
        open(MODELS);
        run("User", "createMany", """
                {"data": [
                  {"id": "%s", "email": "ada@x.io", "name": "Ada", "age": 36, "role": "ADMIN", "nick": ["a", "countess"]},
                  {"id": "%s", "email": "bob@x.io", "name": "bob", "age": 20},
                  {"id": "%s", "email": "cy@x.io", "name": null, "age": 51}
                ]}""".formatted(oid(1), oid(2), oid(3)));
        // A user whose optional fields are missing altogether (not null): written as another tool would.
        raw(db -> db.getCollection("User").insertOne(new Document("_id", new org.bson.types.ObjectId(oid(4))).append("email", "dee@x.io")
                .append("role", "USER")));
        run("Profile", "createMany", """
                {"data": [{"id": "%s", "bio": "maths", "userId": "%s"}, {"id": "%s", "bio": "builder", "userId": "%s"}]}"""
                .formatted(oid(0x101), oid(1), oid(0x102), oid(2)));
        run("Tag", "createMany", """
                {"data": [
                  {"id": "%s", "name": "java", "postIds": ["%s", "%s"]},
                  {"id": "%s", "name": "mongo", "postIds": ["%s"]},
                  {"id": "%s", "name": "unused", "postIds": []}
                ]}""".formatted(oid(0x301), oid(0x201), oid(0x202), oid(0x302), oid(0x201), oid(0x303)));
        run("Post", "createMany", """
                {"data": [
                  {"id": "%s", "title": "Engines", "views": 10, "authorId": "%s", "tagIds": ["%s", "%s"]},
                  {"id": "%s", "title": "Looms", "views": 3, "authorId": "%s", "tagIds": ["%s"]},
                  {"id": "%s", "title": "Bridges", "views": 7, "authorId": "%s", "tagIds": []}
                ]}""".formatted(oid(0x201), oid(1), oid(0x301), oid(0x302), oid(0x202), oid(1), oid(0x301), oid(0x203), oid(2)));
        run("Comment", "createMany", """
                {"data": [
                  {"id": "%s", "text": "great", "postId": "%s"},
                  {"id": "%s", "text": "meh", "postId": "%s"},
                  {"id": "%s", "text": "wow", "postId": "%s"}
                ]}""".formatted(oid(0x401), oid(0x201), oid(0x402), oid(0x201), oid(0x403), oid(0x203)));
    }

    @Test
    void objectIdsComeBackAsLowercaseHexAndIntAsNumbers() {
        assertThat(json("User", "findUnique", "{\"where\": {\"id\": \"" + oid(1) + "\"}}"))
                .isEqualTo("{\"id\":\"" + oid(1) + "\",\"email\":\"ada@x.io\",\"name\":\"Ada\",\"age\":36,\"role\":\"ADMIN\",\"nick\":[\"a\",\"countess\"]}");
        Object age = raw(db -> db.getCollection("User").find(new Document("email", "ada@x.io")).first().get("age"));
        assertThat(age).isInstanceOf(Long.class);
    }

    @Test
    void aMalformedObjectIdIsP2023WithPrismasText() {
        fails("P2023", "Inconsistent column data: Malformed ObjectID: provided hex string representation must be exactly 12 bytes, "
                + "instead got: \"x\", length 1 for the field 'id'.", "User", "findUnique", "{\"where\": {\"id\": \"x\"}}");
        fails("P2023", "for the field 'authorId'", "Post", "findMany", "{\"where\": {\"authorId\": {\"in\": [\"" + oid(1) + "\", \"zz\"]}}}");
        fails("P2023", "for the field 'tagIds'", "Post", "findMany", "{\"where\": {\"tagIds\": {\"has\": \"nope\"}}}");
    }

    @Test
    void aMissingFieldMatchesNoFilterAndNullMatchesExplicitNullOnly() {
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": null}}"), "email")).containsExactly("cy@x.io");
        // Unlike SQL, a negation matches an explicit null (Prisma renders $ne: ["$name", "Ada"], null being a value
        // there) but never a missing field (AND-ed with "name is set"): see MongoScalarFiltersTest.
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": {\"not\": \"Ada\"}}, \"orderBy\": {\"email\": \"asc\"}}"), "email"))
                .containsExactly("bob@x.io", "cy@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"age\": {\"notIn\": [36]}}, \"orderBy\": {\"email\": \"asc\"}}"), "email"))
                .containsExactly("bob@x.io", "cy@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"NOT\": {\"age\": {\"gt\": 30}}}}"), "email")).containsExactly("bob@x.io");
        // The missing field reads as null.
        assertThat(run("User", "findUnique", "{\"where\": {\"email\": \"dee@x.io\"}}").get("name").isNull()).isTrue();
    }

    @Test
    void findManyMarkingAbsentListsTheFieldsADocumentLacksInTheSameCommand() {
        JsonNode[] marked = new JsonNode[1];
        List<String> sent = commandsOf(() -> marked[0] = engine.findManyMarkingAbsent("User",
                dev.facet.data.value.JsonCodec.parse("{\"orderBy\": {\"email\": \"asc\"}, \"include\": {\"profile\": true}}")));
        // The page and the include's level: no command asks which fields are missing.
        assertThat(sent).hasSize(2).allMatch(c -> c.startsWith("find "));
        JsonNode records = marked[0];
        assertThat(values(records, "email")).containsExactly("ada@x.io", "bob@x.io", "cy@x.io", "dee@x.io");
        // dee lacks name and age altogether; cy's name is an explicit null, which is not missing.
        assertThat(records.get(3).get(dev.facet.data.QueryEngine.ABSENT_KEY).toString()).isEqualTo("[\"name\",\"age\"]");
        for (int i = 0; i < 3; i++) assertThat(records.get(i).has(dev.facet.data.QueryEngine.ABSENT_KEY)).as(records.get(i).toString()).isFalse();
        // Otherwise Prisma's answer, as findMany gives it.
        com.fasterxml.jackson.databind.node.ObjectNode dee = records.get(3).deepCopy();
        dee.remove(dev.facet.data.QueryEngine.ABSENT_KEY);
        assertThat(dee).isEqualTo(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}, \"include\": {\"profile\": true}}").get(3));
        // A field left out of the select is not listed.
        JsonNode selected = engine.findManyMarkingAbsent("User", dev.facet.data.value.JsonCodec.parse(
                "{\"where\": {\"email\": \"dee@x.io\"}, \"select\": {\"email\": true, \"age\": true}}"));
        assertThat(selected.toString()).isEqualTo("[{\"email\":\"dee@x.io\",\"age\":null,\"$absent\":[\"age\"]}]");
    }

    @Test
    void aCollectionIsEstimatedFromItsMetadataInOneCommandAndASmallOneIsCheapToCount() {
        var estimates = new java.util.HashMap<String, dev.facet.data.connector.RowEstimate>();
        List<String> sent = commandsOf(() -> estimates.putAll(engine.estimateRows(List.of("User", "Tag"))));
        // The server's count of the collection (no filter: its metadata), never a scan of the documents.
        assertThat(sent).hasSize(2).allMatch(c -> c.startsWith("count "));
        assertThat(estimates.get("User")).isEqualTo(new dev.facet.data.connector.RowEstimate(4, true));
        assertThat(estimates.get("Tag")).isEqualTo(new dev.facet.data.connector.RowEstimate(3, true));

        // Past the threshold, counting exactly costs a scan: the estimate stands (as on a big SQL table).
        List<Document> many = new java.util.ArrayList<>();
        for (int i = 0; i < MongoConnector.CHEAP_TO_COUNT; i++) many.add(new Document("text", "c" + i).append("postId", new org.bson.types.ObjectId(oid(0x201))));
        raw(db -> db.getCollection("Comment").insertMany(many));
        assertThat(engine.estimateRows(List.of("Comment")).get("Comment")).isEqualTo(new dev.facet.data.connector.RowEstimate(MongoConnector.CHEAP_TO_COUNT + 3, false));
    }

    @Test
    void scalarFiltersAndInsensitiveMode() {
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": {\"equals\": \"BOB\", \"mode\": \"insensitive\"}}}"), "email"))
                .containsExactly("bob@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"name\": {\"startsWith\": \"a\", \"mode\": \"insensitive\"}}}"), "email"))
                .containsExactly("ada@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"email\": {\"contains\": \".\"}}, \"orderBy\": {\"email\": \"desc\"}}"), "email"))
                .containsExactly("dee@x.io", "cy@x.io", "bob@x.io", "ada@x.io");
        // The input is matched as text, never as a regular expression.
        assertThat(run("User", "findMany", "{\"where\": {\"email\": {\"contains\": \".*\"}}}")).isEmpty();
        assertThat(values(run("User", "findMany", "{\"where\": {\"age\": {\"gte\": 20, \"lt\": 40}}, \"orderBy\": {\"age\": \"asc\"}}"), "email"))
                .containsExactly("bob@x.io", "ada@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"OR\": [{\"role\": \"ADMIN\"}, {\"age\": 51}]}, \"orderBy\": {\"email\": \"asc\"}}"),
                "email")).containsExactly("ada@x.io", "cy@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"nick\": {\"has\": \"countess\"}}}"), "email")).containsExactly("ada@x.io");
        assertThat(values(run("Tag", "findMany", "{\"where\": {\"postIds\": {\"isEmpty\": true}}}"), "name")).containsExactly("unused");
    }

    @Test
    void relationFiltersOnEveryRelationKind() {
        // one-to-many
        assertThat(values(run("User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"views\": {\"gt\": 5}}}}, \"orderBy\": {\"email\": \"asc\"}}"),
                "email")).containsExactly("ada@x.io", "bob@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"posts\": {\"none\": {}}}, \"orderBy\": {\"email\": \"asc\"}}"), "email"))
                .containsExactly("cy@x.io", "dee@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"posts\": {\"every\": {\"views\": {\"gt\": 5}}}}, \"orderBy\": {\"email\": \"asc\"}}"),
                "email")).containsExactly("bob@x.io", "cy@x.io", "dee@x.io");
        // one-to-one, from both sides
        assertThat(values(run("User", "findMany", "{\"where\": {\"profile\": {\"is\": {\"bio\": \"maths\"}}}}"), "email")).containsExactly("ada@x.io");
        assertThat(values(run("User", "findMany", "{\"where\": {\"profile\": {\"is\": null}}, \"orderBy\": {\"email\": \"asc\"}}"), "email"))
                .containsExactly("cy@x.io", "dee@x.io");
        assertThat(values(run("Profile", "findMany", "{\"where\": {\"user\": {\"isNot\": {\"name\": \"Ada\"}}}}"), "bio")).containsExactly("builder");
        // id-array many-to-many, from both sides
        assertThat(values(run("Post", "findMany", "{\"where\": {\"tags\": {\"some\": {\"name\": \"mongo\"}}}}"), "title")).containsExactly("Engines");
        assertThat(values(run("Tag", "findMany", "{\"where\": {\"posts\": {\"none\": {}}}}"), "name")).containsExactly("unused");
        // nested three levels: users with a post that has a comment saying "wow"
        assertThat(values(run("User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"comments\": {\"some\": {\"text\": \"wow\"}}}}}}"), "email"))
                .containsExactly("bob@x.io");
        assertThat(values(run("Comment", "findMany", "{\"where\": {\"post\": {\"is\": {\"author\": {\"is\": {\"profile\": {\"is\": {\"bio\": \"maths\"}}}}}}}, "
                + "\"orderBy\": {\"text\": \"asc\"}}"), "text")).containsExactly("great", "meh");
    }

    @Test
    void includesToAnyDepthWithArgumentsAndCounts() {
        JsonNode users = run("User", "findMany", """
                {"where": {"email": {"in": ["ada@x.io", "bob@x.io"]}}, "orderBy": {"email": "asc"},
                 "select": {"email": true, "profile": {"select": {"bio": true}},
                   "posts": {"orderBy": {"views": "desc"}, "take": 1, "select": {"title": true,
                     "tags": {"select": {"name": true}, "orderBy": {"name": "asc"}},
                     "comments": {"where": {"text": {"not": "meh"}}, "select": {"text": true}}}},
                   "_count": {"select": {"posts": true}}}}""");
        assertThat(users.toString()).isEqualTo("[{\"email\":\"ada@x.io\",\"profile\":{\"bio\":\"maths\"},\"posts\":[{\"title\":\"Engines\","
                + "\"tags\":[{\"name\":\"java\"},{\"name\":\"mongo\"}],\"comments\":[{\"text\":\"great\"}]}],\"_count\":{\"posts\":2}},"
                + "{\"email\":\"bob@x.io\",\"profile\":{\"bio\":\"builder\"},\"posts\":[{\"title\":\"Bridges\",\"tags\":[],"
                + "\"comments\":[{\"text\":\"wow\"}]}],\"_count\":{\"posts\":1}}]");
        assertThat(run("Tag", "findUnique", "{\"where\": {\"name\": \"java\"}, \"include\": {\"posts\": {\"select\": {\"title\": true}}, "
                + "\"_count\": true}}").toString()).contains("\"posts\":[{\"title\":\"Engines\"},{\"title\":\"Looms\"}]")
                .contains("\"_count\":{\"posts\":2}");
    }

    @Test
    void aThreeLevelIncludeCostsOneCommandPerLevelWhateverTheNumberOfDocuments() {
        String request = "{\"include\": {\"posts\": {\"include\": {\"comments\": {\"include\": {\"post\": true}}}}}}";
        List<String> small = commandsOf(() -> run("User", "findMany", request));
        for (int i = 0; i < 30; i++) {
            run("User", "create", "{\"data\": {\"email\": \"u" + i + "@x.io\", \"posts\": {\"create\": [{\"title\": \"p\", "
                    + "\"comments\": {\"create\": [{\"text\": \"c\"}, {\"text\": \"d\"}]}}]}}}");
        }
        List<String> large = commandsOf(() -> run("User", "findMany", request));
        assertThat(small).hasSize(4).allMatch(c -> c.startsWith("find "));
        assertThat(large).hasSize(small.size());
    }

    @Test
    void orderingPagingAndDistinct() {
        assertThat(values(run("Post", "findMany", "{\"orderBy\": {\"author\": {\"email\": \"desc\"}}, \"take\": 1}"), "title")).containsExactly("Bridges");
        assertThat(values(run("User", "findMany", "{\"orderBy\": [{\"posts\": {\"_count\": \"desc\"}}, {\"email\": \"asc\"}]}"), "email"))
                .containsExactly("ada@x.io", "bob@x.io", "cy@x.io", "dee@x.io");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}, \"skip\": 1, \"take\": 2}"), "email"))
                .containsExactly("bob@x.io", "cy@x.io");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}, \"take\": -2}"), "email")).containsExactly("cy@x.io", "dee@x.io");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}, \"cursor\": {\"email\": \"bob@x.io\"}, \"skip\": 1}"), "email"))
                .containsExactly("cy@x.io", "dee@x.io");
        assertThat(values(run("User", "findMany", "{\"distinct\": [\"role\"], \"orderBy\": {\"email\": \"asc\"}}"), "email"))
                .containsExactly("ada@x.io", "bob@x.io");
        // null and missing sort first in ascending order (MongoDB's order, which Prisma keeps)
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"name\": \"asc\"}, \"take\": 2}"), "email")).containsExactlyInAnyOrder("cy@x.io", "dee@x.io");
    }

    @Test
    void anOrderingThroughAToOneRelationIsOnePipelineInTheServer() {
        List<String> posts = commandsOf(() -> assertThat(values(run("Post", "findMany",
                "{\"orderBy\": [{\"author\": {\"email\": \"desc\"}}, {\"title\": \"asc\"}], \"skip\": 1, \"take\": 2}"), "title"))
                .containsExactly("Engines", "Looms"));
        assertThat(posts).hasSize(1).allMatch(c -> c.startsWith("aggregate "));
        // The back side of a one-to-one: users without a profile sort as null, first, by id among themselves.
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"profile\": {\"bio\": \"asc\"}}, \"take\": 3}"), "email"))
                .containsExactly("cy@x.io", "dee@x.io", "bob@x.io");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"profile\": {\"bio\": \"asc\"}}, \"take\": -2}"), "email"))
                .containsExactly("bob@x.io", "ada@x.io");
        assertThat(values(run("Comment", "findMany", "{\"orderBy\": [{\"post\": {\"views\": \"desc\"}}, {\"text\": \"desc\"}], \"include\": {\"post\": true}}"), "text"))
                .containsExactly("meh", "great", "wow");
    }

    @Test
    void countAggregateAndGroupBy() {
        assertThat(json("User", "count", "{}")).isEqualTo("4");
        assertThat(json("Post", "count", "{\"where\": {\"views\": {\"gt\": 5}}}")).isEqualTo("2");
        assertThat(json("Post", "aggregate", "{\"_sum\": {\"views\": true}, \"_avg\": {\"views\": true}, \"_max\": {\"title\": true}, \"_count\": {\"_all\": true}}"))
                .isEqualTo("{\"_sum\":{\"views\":20},\"_avg\":{\"views\":6.666666666666667},\"_max\":{\"title\":\"Looms\"},\"_count\":{\"_all\":3}}");
        assertThat(json("Post", "groupBy", "{\"by\": [\"authorId\"], \"_sum\": {\"views\": true}, \"having\": {\"views\": {\"_sum\": {\"gt\": 8}}}, "
                + "\"orderBy\": {\"authorId\": \"asc\"}}")).isEqualTo("[{\"_sum\":{\"views\":13},\"authorId\":\"" + oid(1) + "\"}]");
    }

    @Test
    void aStoredValueOfAnotherTypeIsReportedByPath() {
        raw(db -> db.getCollection("User").insertOne(new Document("_id", new org.bson.types.ObjectId(oid(9))).append("email", "bad@x.io")
                .append("age", "forty").append("role", "USER")));
        QueryError e = fails("P2023", "Inconsistent column data", "User", "findMany", "{}");
        assertThat(e.getMessage()).contains("'age'").contains(oid(9));
        raw(db -> db.getCollection("User").insertOne(new Document("_id", new org.bson.types.ObjectId(oid(10))).append("role", "USER")));
        fails("P2032", "Error converting field \"email\" of expected non-nullable type \"String\"", "User", "findMany",
                "{\"where\": {\"id\": \"" + oid(10) + "\"}}");
    }
}
