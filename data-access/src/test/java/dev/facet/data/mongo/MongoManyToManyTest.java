package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nested writes on id-array many-to-many relations change the arrays on both sides, as Prisma does on MongoDB
 * (prisma-engines {@code query-engine/connectors/mongodb-query-connector/src/root_queries/write.rs}: connect adds with
 * {@code $addToSet}, disconnect removes with {@code $pull}, on the parent and on each child).
 */
class MongoManyToManyTest extends MongoSuite {
    @BeforeEach
    void schema() {
        open(MongoReadsTest.MODELS);
        run("User", "create", "{\"data\": {\"id\": \"" + MongoReadsTest.oid(1) + "\", \"email\": \"a@x.io\"}}");
        run("Tag", "createMany", "{\"data\": [{\"name\": \"java\"}, {\"name\": \"mongo\"}, {\"name\": \"sql\"}]}");
    }

    private String post(String title) {
        return run("Post", "findFirst", "{\"where\": {\"title\": \"" + title + "\"}, \"select\": {\"tags\": {\"select\": {\"name\": true}, "
                + "\"orderBy\": {\"name\": \"asc\"}}}}").toString();
    }

    private String tag(String name) {
        return run("Tag", "findUnique", "{\"where\": {\"name\": \"" + name + "\"}, \"select\": {\"posts\": {\"select\": {\"title\": true}, "
                + "\"orderBy\": {\"title\": \"asc\"}}}}").toString();
    }

    @Test
    void connectDisconnectAndSetChangeBothSides() {
        run("Post", "create", "{\"data\": {\"title\": \"P\", \"authorId\": \"" + MongoReadsTest.oid(1) + "\", "
                + "\"tags\": {\"connect\": [{\"name\": \"java\"}, {\"name\": \"mongo\"}], \"create\": {\"name\": \"new\"}}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"java\"},{\"name\":\"mongo\"},{\"name\":\"new\"}]}");
        assertThat(tag("java")).isEqualTo("{\"posts\":[{\"title\":\"P\"}]}");
        assertThat(tag("new")).isEqualTo("{\"posts\":[{\"title\":\"P\"}]}");

        run("Post", "update", "{\"where\": {\"id\": \"" + id("P") + "\"}, \"data\": {\"tags\": {\"disconnect\": {\"name\": \"java\"}}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"mongo\"},{\"name\":\"new\"}]}");
        assertThat(tag("java")).isEqualTo("{\"posts\":[]}");

        // From the other side, and connecting twice keeps one id.
        run("Tag", "update", "{\"where\": {\"name\": \"sql\"}, \"data\": {\"posts\": {\"connect\": [{\"id\": \"" + id("P") + "\"}]}}}");
        run("Tag", "update", "{\"where\": {\"name\": \"sql\"}, \"data\": {\"posts\": {\"connect\": [{\"id\": \"" + id("P") + "\"}]}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"mongo\"},{\"name\":\"new\"},{\"name\":\"sql\"}]}");
        assertThat(run("Post", "findFirst", "{\"select\": {\"tagIds\": true}}").get("tagIds").size()).isEqualTo(3);

        run("Post", "update", "{\"where\": {\"id\": \"" + id("P") + "\"}, \"data\": {\"tags\": {\"set\": [{\"name\": \"java\"}]}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"java\"}]}");
        assertThat(tag("mongo")).isEqualTo("{\"posts\":[]}");
        assertThat(tag("sql")).isEqualTo("{\"posts\":[]}");
        assertThat(tag("java")).isEqualTo("{\"posts\":[{\"title\":\"P\"}]}");
    }

    @Test
    void includedThroughAnIdArrayInTheServersOrderAndOnceEach() {
        // As Prisma's in-memory join: a parent's children are those whose id is in its array, in the order the
        // children's read returned them (here the collection's), whatever the array's order and repeats.
        String java = run("Tag", "findUnique", "{\"where\": {\"name\": \"java\"}}").get("id").asText();
        String sql = run("Tag", "findUnique", "{\"where\": {\"name\": \"sql\"}}").get("id").asText();
        String author = "\"authorId\": \"" + MongoReadsTest.oid(1) + "\"";
        run("Post", "create", "{\"data\": {\"title\": \"P\", " + author + ", \"tagIds\": [\"" + sql + "\", \"" + java + "\", \"" + sql + "\"]}}");
        run("Post", "create", "{\"data\": {\"title\": \"Q\", " + author + ", \"tagIds\": [\"" + sql + "\"]}}");
        assertThat(run("Post", "findMany", "{\"orderBy\": {\"title\": \"asc\"}, \"select\": {\"title\": true, \"tags\": {\"select\": {\"name\": true}}}}").toString())
                .isEqualTo("[{\"title\":\"P\",\"tags\":[{\"name\":\"java\"},{\"name\":\"sql\"}]},{\"title\":\"Q\",\"tags\":[{\"name\":\"sql\"}]}]");
    }

    @Test
    void connectingAMissingRecordIsP2025AndChangesNothing() {
        fails("P2025", "Expected 2 records to be connected, found only 1.", "Post", "create", "{\"data\": {\"title\": \"P\", \"authorId\": \""
                + MongoReadsTest.oid(1) + "\", \"tags\": {\"connect\": [{\"name\": \"java\"}, {\"name\": \"nope\"}]}}}");
        assertThat(tag("java")).isEqualTo("{\"posts\":[]}");
    }

    @Test
    void deletingARecordRemovesItsIdFromTheOtherSidesArrays() {
        // Beyond Prisma, which leaves the id dangling (prisma/prisma#10498).
        run("Post", "create", "{\"data\": {\"title\": \"P\", \"authorId\": \"" + MongoReadsTest.oid(1) + "\", "
                + "\"tags\": {\"connect\": [{\"name\": \"java\"}, {\"name\": \"mongo\"}]}}}");
        run("Tag", "delete", "{\"where\": {\"name\": \"java\"}}");
        assertThat(run("Post", "findFirst", "{\"select\": {\"tagIds\": true}}").get("tagIds").size()).isEqualTo(1);
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"mongo\"}]}");
    }

    @Test
    void theDeletePreviewListsTheIdsItPullsFromTheOtherSidesArrays() {
        run("Post", "create", "{\"data\": {\"title\": \"P\", \"authorId\": \"" + MongoReadsTest.oid(1) + "\", "
                + "\"tags\": {\"connect\": [{\"name\": \"java\"}, {\"name\": \"mongo\"}]}}}");
        run("Post", "create", "{\"data\": {\"title\": \"Q\", \"authorId\": \"" + MongoReadsTest.oid(1) + "\", "
                + "\"tags\": {\"connect\": [{\"name\": \"java\"}]}}}");
        String java = run("Tag", "findUnique", "{\"where\": {\"name\": \"java\"}}").get("id").asText();
        String mongo = run("Tag", "findUnique", "{\"where\": {\"name\": \"mongo\"}}").get("id").asText();
        com.fasterxml.jackson.databind.JsonNode preview = run("Tag", "previewDelete", "{\"where\": {\"name\": {\"in\": [\"java\", \"mongo\", \"sql\"]}}}");
        assertThat(preview.get("count").asInt()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode unlink = preview.get("effects").get(0);
        assertThat(unlink.get("action").asText()).isEqualTo("unlink");
        assertThat(unlink.get("model").asText()).isEqualTo("Post");
        assertThat(unlink.get("field").asText()).isEqualTo("tagIds");
        assertThat(unlink.get("count").asInt()).isEqualTo(2);
        assertThat(values(unlink.get("ids"))).containsExactlyInAnyOrder(id("P"), id("Q"));
        // "sql" is in no array: only the ids that are there are pulled.
        assertThat(values(unlink.get("removes"))).containsExactlyInAnyOrder(java, mongo);
        assertThat(preview.get("blocked").asBoolean()).isFalse();
    }

    private static java.util.List<String> values(com.fasterxml.jackson.databind.JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void nestedUpdatesAndDeletesReachOnlyTheConnectedRecords() {
        // The neutral write engine's many-to-many path: connected records are found through the id arrays.
        run("Post", "create", "{\"data\": {\"title\": \"P\", \"authorId\": \"" + MongoReadsTest.oid(1) + "\", "
                + "\"tags\": {\"connect\": [{\"name\": \"java\"}, {\"name\": \"mongo\"}]}}}");
        run("Post", "update", "{\"where\": {\"id\": \"" + id("P") + "\"}, \"data\": {\"tags\": {\"updateMany\": "
                + "{\"where\": {\"name\": {\"in\": [\"mongo\", \"sql\"]}}, \"data\": {\"name\": \"mongodb\"}}}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"java\"},{\"name\":\"mongodb\"}]}");
        assertThat(run("Tag", "count", "{\"where\": {\"name\": \"sql\"}}").asInt()).isEqualTo(1);

        run("Post", "update", "{\"where\": {\"id\": \"" + id("P") + "\"}, \"data\": {\"tags\": {\"delete\": {\"name\": \"java\"}}}}");
        assertThat(post("P")).isEqualTo("{\"tags\":[{\"name\":\"mongodb\"}]}");
        assertThat(run("Post", "findFirst", "{\"select\": {\"tagIds\": true}}").get("tagIds").size()).isEqualTo(1);
        assertThat(run("Tag", "count", "{\"where\": {\"name\": \"java\"}}").asInt()).isZero();
    }

    private String id(String title) {
        return run("Post", "findFirst", "{\"where\": {\"title\": \"" + title + "\"}}").get("id").asText();
    }
}
