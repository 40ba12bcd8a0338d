package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.value.JsonCodec;

/**
 * Reads longer than one chunk ({@code QueryEngine.write} streams records a chunk at a time, loading each chunk's
 * relations) give the same text as the whole read; {@code in} and {@code notIn} lists longer than PostgreSQL's
 * 65,535 parameters work on every database. The seed gives every id (MongoDB numbers nothing).
 */
class LongReadsTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE + """
            model User {
              id    Int    @id
              email String @unique
              role  Role   @default(USER)
              score Float  @default(0)
              posts Post[]
              tags  Tag[]
            }
            model Post {
              id       Int    @id
              title    String
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
            }
            model Tag {
              id    Int    @id
              name  String @unique
              users User[]
            }
            enum Role {
              USER
              ADMIN
            }
            """;

    private static final int USERS = 2_600;

    private void seed() {
        ArrayNode users = HostileValuesTest.JSON.arrayNode();
        for (int i = 1; i <= USERS; i++) {
            users.addObject().put("id", i).put("email", "u" + i + "@x").put("role", i % 7 == 0 ? "ADMIN" : "USER").put("score", i / 4.0);
        }
        ObjectNode args = HostileValuesTest.JSON.objectNode();
        args.set("data", users);
        engine.execute("User", "createMany", args);
        ArrayNode posts = HostileValuesTest.JSON.arrayNode();
        for (int i = 1; i <= USERS; i += 3) posts.addObject().put("id", i).put("title", "p" + i).put("authorId", i);
        args.set("data", posts);
        engine.execute("Post", "createMany", args);
        run("Tag", "create", "{\"data\": {\"id\": 1, \"name\": \"t\", \"users\": {\"connect\": [{\"id\": 1}, {\"id\": 1500}, {\"id\": 2600}]}}}");
    }

    @EveryBackend
    void aReadLongerThanAChunkIsWrittenAsTheWholeReadWithItsRelations(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        seed();
        for (String args : new String[] {
                "{}",
                "{\"include\": {\"posts\": true, \"tags\": {\"select\": {\"name\": true}}, \"_count\": {\"select\": {\"posts\": true}}}}",
                "{\"where\": {\"role\": \"USER\"}, \"orderBy\": {\"id\": \"desc\"}, \"include\": {\"posts\": {\"take\": 1}}}",
                "{\"skip\": 10, \"take\": 2100, \"select\": {\"id\": true, \"posts\": {\"select\": {\"title\": true}}}}",
                "{\"take\": -1500, \"orderBy\": {\"email\": \"asc\"}}",
                "{\"cursor\": {\"id\": 200}, \"include\": {\"posts\": true}}",
                "{\"distinct\": [\"role\"], \"select\": {\"role\": true}}"}) {
            JsonNode parsed = JsonCodec.parse(args);
            JsonNode tree = engine.execute("User", "findMany", parsed);
            assertThat(ReadsTest.written(engine, "User", "findMany", parsed)).as(args).isEqualTo(JsonCodec.write(tree));
        }
        JsonNode all = run("User", "findMany", "{\"include\": {\"posts\": true}}");
        assertThat(all).hasSize(USERS);
        assertThat(all.get(USERS - 1).get("posts")).hasSize(0);
        assertThat(all.get(2499).get("posts").get(0).get("title").asText()).isEqualTo("p2500");
    }

    /**
     * A long read with relations is written as it is read on every database, MySQL included (where a streamed result
     * leaves the connection to nothing else): records are out before the last chunk's relations are loaded.
     */
    @EveryBackend
    void aLongReadWithRelationsIsWrittenAsItIsRead(Backend backend) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        java.util.List<Integer> writtenAtEachLoad = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine = backend.open(DBS, SCHEMA.replace("%MODE%", "foreignKeys"), sql -> {
            if (sql.contains("Post")) writtenAtEachLoad.add(text.getBuffer().length());
        });
        seed();
        writtenAtEachLoad.clear();
        try (var out = JsonCodec.MAPPER.createGenerator(text)) {
            engine.write("User", "findMany", JsonCodec.parse("{\"include\": {\"posts\": true}}"), out);
        }
        assertThat(writtenAtEachLoad).hasSizeGreaterThan(1);
        assertThat(writtenAtEachLoad.getLast()).as("characters written before the last chunk's posts were loaded").isPositive();
        assertThat(JsonCodec.parse(text.toString())).hasSize(USERS);
    }

    @EveryBackend
    void inAndNotInTakeMoreValuesThanAStatementHasParameters(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        seed();
        int n = 100_000;
        StringBuilder ids = new StringBuilder();
        StringBuilder emails = new StringBuilder();
        StringBuilder scores = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            String sep = i > 1 ? "," : "";
            ids.append(sep).append(i * 2);
            emails.append(sep).append("\"u").append(i * 2).append("@x\"");
            scores.append(sep).append(i / 2.0);
        }
        assertThat(run("User", "count", "{\"where\": {\"id\": {\"in\": [" + ids + "]}}}").asInt()).isEqualTo(USERS / 2);
        assertThat(run("User", "count", "{\"where\": {\"id\": {\"notIn\": [" + ids + "]}}}").asInt()).isEqualTo(USERS / 2);
        assertThat(run("User", "count", "{\"where\": {\"email\": {\"in\": [" + emails + "]}}}").asInt()).isEqualTo(USERS / 2);
        assertThat(run("User", "count", "{\"where\": {\"score\": {\"notIn\": [" + scores + "]}}}").asInt()).isEqualTo(USERS / 2);
        String roles = ",\"ADMIN\"".repeat(70_000).substring(1);
        assertThat(run("User", "count", "{\"where\": {\"role\": {\"in\": [" + roles + "]}}}").asInt()).isEqualTo(USERS / 7);
        JsonNode found = run("User", "findMany", "{\"where\": {\"id\": {\"in\": [" + ids + "]}}, \"select\": {\"id\": true}, \"take\": 2}");
        assertThat(found.toString()).isEqualTo("[{\"id\":2},{\"id\":4}]");
    }

    /**
     * Text columns of a native type (Uuid, Inet, Char...) take and compare only values of their own type on
     * PostgreSQL: written untyped (a varchar parameter was refused, 42804), long lists cast to the column's type.
     */
    @org.junit.jupiter.api.Test
    void nativeTextTypesAreWrittenAndTakeLongInListsOnPostgres() {
        open(DbKind.POSTGRES, "foreignKeys", DATASOURCE + """
                model Device {
                  id   String @id @db.Uuid
                  code String @db.Char(4)
                }
                """);
        run("Device", "create", "{\"data\": {\"id\": \"00000000-0000-0000-0000-000000000001\", \"code\": \"abcd\"}}");
        run("Device", "create", "{\"data\": {\"id\": \"00000000-0000-0000-0000-000000000002\", \"code\": \"efgh\"}}");
        run("Device", "createMany", "{\"data\": [{\"id\": \"00000000-0000-0000-0000-000000000003\", \"code\": \"zzzz\"},"
                + " {\"id\": \"00000000-0000-0000-0000-000000000004\", \"code\": \"yyyy\"}]}");
        StringBuilder ids = new StringBuilder("\"00000000-0000-0000-0000-000000000001\"");
        StringBuilder codes = new StringBuilder("\"abcd\"");
        for (int i = 3; i <= 70_000; i++) {
            ids.append(String.format(",\"00000000-0000-0000-0000-%012d\"", i));
            codes.append(String.format(",\"%04d\"", i % 10_000));
        }
        assertThat(run("Device", "count", "{\"where\": {\"id\": {\"in\": [" + ids + "]}}}").asInt()).isEqualTo(3);
        assertThat(run("Device", "count", "{\"where\": {\"id\": {\"notIn\": [" + ids + "]}}}").asInt()).isEqualTo(1);
        assertThat(run("Device", "count", "{\"where\": {\"code\": {\"in\": [" + codes + "]}}}").asInt()).isEqualTo(1);
    }

    /**
     * An insensitive {@code in}/{@code notIn} list longer than a statement's parameters goes as one array on
     * PostgreSQL, compared as Prisma compares it (LOWER of the column against LOWER of each value), on plain text and
     * on native types (Uuid, Citext).
     */
    @org.junit.jupiter.api.Test
    void insensitiveInListsTakeMoreValuesThanAStatementHasParametersOnPostgres() {
        engine = Engines.fresh(DBS, DbKind.POSTGRES, DATASOURCE.replace("%MODE%", "foreignKeys") + """
                model Person {
                  id    Int    @id
                  email String
                  uid   String @db.Uuid
                  nick  String @db.Citext
                }
                """, statements::add, java.util.function.UnaryOperator.identity(), db -> {
            try (var c = db.dataSource().getConnection(); var st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS citext");
            } catch (java.sql.SQLException e) {
                org.junit.jupiter.api.Assumptions.abort("no citext extension on this server: " + e.getMessage());
            }
        });
        run("Person", "createMany", "{\"data\": ["
                + "{\"id\": 1, \"email\": \"Ann@X.io\", \"uid\": \"0000000a-0000-0000-0000-000000000001\", \"nick\": \"Annie\"},"
                + "{\"id\": 2, \"email\": \"bob@x.io\", \"uid\": \"0000000b-0000-0000-0000-000000000002\", \"nick\": \"BOBBY\"},"
                + "{\"id\": 3, \"email\": \"Cy@x.io\", \"uid\": \"0000000c-0000-0000-0000-000000000003\", \"nick\": \"cy\"}]}");
        int n = 70_000;
        StringBuilder emails = new StringBuilder("\"ANN@x.IO\",\"BOB@X.IO\"");
        StringBuilder uids = new StringBuilder("\"0000000A-0000-0000-0000-000000000001\"");
        StringBuilder nicks = new StringBuilder("\"annie\",\"Cy\"");
        for (int i = 4; i <= n; i++) {
            emails.append(",\"user").append(i).append("@x.io\"");
            uids.append(String.format(",\"%08X-0000-0000-0000-%012d\"", i, i));
            nicks.append(",\"Nick").append(i).append('"');
        }
        String[][] cases = {{"email", emails.toString(), "[1,2]", "[3]"}, {"uid", uids.toString(), "[1]", "[2,3]"},
                {"nick", nicks.toString(), "[1,3]", "[2]"}};
        for (String[] c : cases) {
            for (String op : new String[] {"in", "notIn"}) {
                JsonNode found = run("Person", "findMany", "{\"where\": {\"" + c[0] + "\": {\"" + op + "\": [" + c[1]
                        + "], \"mode\": \"insensitive\"}}, \"select\": {\"id\": true}, \"orderBy\": {\"id\": \"asc\"}}");
                assertThat(values(found, "id").toString().replace(" ", "")).as(c[0] + " " + op).isEqualTo(op.equals("in") ? c[2] : c[3]);
            }
        }
        assertThat(statements).noneMatch(s -> s.contains("LOWER(?), LOWER(?)"));
    }
}
