package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scalar lists on PostgreSQL, the one SQL database that has them: values, filters and updates as Prisma Client gives them. */
class ScalarListsTest {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
            }

            enum Color {
              RED
              GREEN
              BLUE
            }

            model Thing {
              id      Int        @id @default(autoincrement())
              name    String
              tags    String[]
              nums    Int[]
              colors  Color[]
              dates   DateTime[]
              amounts Decimal[]
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static QueryEngine engine;

    @BeforeAll
    static void seed() {
        engine = Engines.fresh(DBS, DbKind.POSTGRES, SCHEMA, null);
        run("create", "{\"data\": {\"name\": \"a\", \"tags\": [\"x\", \"y\"], \"nums\": [1, 2, 3], \"colors\": [\"RED\"], "
                + "\"dates\": [\"2024-01-01T00:00:00.000Z\"], \"amounts\": [\"1.50\", \"2\"]}}");
        run("create", "{\"data\": {\"name\": \"b\", \"tags\": {\"set\": [\"y\"]}, \"nums\": [], \"colors\": [\"GREEN\", \"BLUE\"]}}");
        run("create", "{\"data\": {\"name\": \"c\"}}");
        run("createMany", "{\"data\": [{\"name\": \"d\", \"tags\": [\"z\"], \"nums\": [3]}, {\"name\": \"e\", \"tags\": []}]}");
    }

    @AfterAll
    static void close() { engine.close(); }

    static JsonNode run(String action, String args) { return engine.execute("Thing", action, JsonCodec.parse(args)); }

    static String names(String where) {
        StringBuilder sb = new StringBuilder();
        run("findMany", "{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}").forEach(t -> sb.append(t.get("name").asText()));
        return sb.toString();
    }

    @Test
    void listsComeBackWithTheirElementTypesAndAnUnwrittenListIsEmpty() {
        assertThat(run("findFirst", "{\"where\": {\"name\": \"a\"}}")).isEqualTo(JsonCodec.parse("""
                {"id":1,"name":"a","tags":["x","y"],"nums":[1,2,3],"colors":["RED"],"dates":["2024-01-01T00:00:00.000Z"],"amounts":["1.5","2"]}"""));
        assertThat(run("findFirst", "{\"where\": {\"name\": \"c\"}, \"select\": {\"tags\": true, \"colors\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"tags\":[],\"colors\":[]}"));
    }

    @Test
    void filtersFollowPrismasNullSemantics() {
        assertThat(names("{\"tags\": {\"has\": \"y\"}}")).isEqualTo("ab");
        assertThat(names("{\"tags\": {\"hasSome\": [\"x\", \"z\"]}}")).isEqualTo("ad");
        assertThat(names("{\"tags\": {\"hasEvery\": []}}")).isEqualTo("abde");
        assertThat(names("{\"tags\": {\"hasSome\": []}}")).isEmpty();
        // c's lists were never written (NULL): neither empty nor non-empty, and not matched by a negation.
        assertThat(names("{\"tags\": {\"isEmpty\": true}}")).isEqualTo("e");
        assertThat(names("{\"tags\": {\"isEmpty\": false}}")).isEqualTo("abd");
        assertThat(names("{\"NOT\": {\"tags\": {\"has\": \"y\"}}}")).isEqualTo("de");
        assertThat(names("{\"tags\": {\"equals\": [\"x\", \"y\"]}}")).isEqualTo("a");
        assertThat(names("{\"colors\": {\"hasSome\": [\"RED\", \"BLUE\"]}}")).isEqualTo("ab");
        assertThat(names("{\"dates\": {\"has\": \"2024-01-01T00:00:00.000Z\"}}")).isEqualTo("a");
        assertThat(names("{\"amounts\": {\"has\": \"1.5\"}}")).isEqualTo("a");
    }

    @Test
    void aListFilterTakesExactlyOneOperation() {
        assertThatThrownBy(() -> names("{\"tags\": [\"y\"]}")).isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
        assertThatThrownBy(() -> names("{\"tags\": {\"has\": \"x\", \"hasSome\": [\"w\"]}}")).isInstanceOf(QueryError.class)
                .hasMessageContaining("needs exactly one argument, but you provided has and hasSome");
    }

    @Test
    void pushAppendsAlsoToAnUnwrittenList() {
        QueryEngine e = Engines.fresh(DBS, DbKind.POSTGRES, SCHEMA, null);
        try (e) {
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"name\": \"p\", \"nums\": [1]}}"));
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"name\": \"q\"}}"));
            assertThat(e.execute("Thing", "update", JsonCodec.parse("{\"where\": {\"id\": 1}, \"data\": {\"nums\": {\"push\": [4, 5]}}, \"select\": {\"nums\": true}}")))
                    .isEqualTo(JsonCodec.parse("{\"nums\":[1,4,5]}"));
            assertThat(e.execute("Thing", "update", JsonCodec.parse("{\"where\": {\"id\": 2}, \"data\": {\"tags\": {\"push\": \"first\"}, \"colors\": [\"RED\", \"RED\"]}, \"select\": {\"tags\": true, \"colors\": true}}")))
                    .isEqualTo(JsonCodec.parse("{\"tags\":[\"first\"],\"colors\":[\"RED\",\"RED\"]}"));
        }
    }
}
