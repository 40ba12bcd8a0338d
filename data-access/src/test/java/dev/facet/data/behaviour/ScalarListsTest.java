package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import java.util.EnumMap;
import java.util.Map;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scalar lists where the database has them (PostgreSQL among the SQL databases): values, filters and updates as Prisma Client gives them. */
@SuiteRequires(requires = ConnectorCapability.SCALAR_LISTS, schema = {SchemaFeature.AUTOINCREMENT, SchemaFeature.DECIMAL})
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
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, null, ScalarListsTest::seed); }

    static void seed(QueryEngine engine) {
        run(engine, "create", "{\"data\": {\"name\": \"a\", \"tags\": [\"x\", \"y\"], \"nums\": [1, 2, 3], \"colors\": [\"RED\"], "
                + "\"dates\": [\"2024-01-01T00:00:00.000Z\"], \"amounts\": [\"1.50\", \"2\"]}}");
        run(engine, "create", "{\"data\": {\"name\": \"b\", \"tags\": {\"set\": [\"y\"]}, \"nums\": [], \"colors\": [\"GREEN\", \"BLUE\"]}}");
        run(engine, "create", "{\"data\": {\"name\": \"c\"}}");
        run(engine, "createMany", "{\"data\": [{\"name\": \"d\", \"tags\": [\"z\"], \"nums\": [3]}, {\"name\": \"e\", \"tags\": []}]}");
    }

    @AfterAll
    static void close() { ENGINES.values().forEach(QueryEngine::close); }

    static JsonNode run(QueryEngine engine, String action, String args) { return engine.execute("Thing", action, JsonCodec.parse(args)); }

    static String names(QueryEngine engine, String where) {
        StringBuilder sb = new StringBuilder();
        run(engine, "findMany", "{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}").forEach(t -> sb.append(t.get("name").asText()));
        return sb.toString();
    }

    @EveryBackend
    void listsComeBackWithTheirElementTypesAndAnUnwrittenListIsEmpty(Backend backend) {
        QueryEngine engine = engine(backend);
        assertThat(run(engine, "findFirst", "{\"where\": {\"name\": \"a\"}}")).isEqualTo(JsonCodec.parse("""
                {"id":1,"name":"a","tags":["x","y"],"nums":[1,2,3],"colors":["RED"],"dates":["2024-01-01T00:00:00.000Z"],"amounts":["1.5","2"]}"""));
        assertThat(run(engine, "findFirst", "{\"where\": {\"name\": \"c\"}, \"select\": {\"tags\": true, \"colors\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"tags\":[],\"colors\":[]}"));
    }

    @EveryBackend
    void filtersFollowPrismasNullSemantics(Backend backend) {
        QueryEngine engine = engine(backend);
        assertThat(names(engine, "{\"tags\": {\"has\": \"y\"}}")).isEqualTo("ab");
        assertThat(names(engine, "{\"tags\": {\"hasSome\": [\"x\", \"z\"]}}")).isEqualTo("ad");
        assertThat(names(engine, "{\"tags\": {\"hasEvery\": []}}")).isEqualTo("abde");
        assertThat(names(engine, "{\"tags\": {\"hasSome\": []}}")).isEmpty();
        // c's lists were never written (NULL): neither empty nor non-empty, and not matched by a negation.
        assertThat(names(engine, "{\"tags\": {\"isEmpty\": true}}")).isEqualTo("e");
        assertThat(names(engine, "{\"tags\": {\"isEmpty\": false}}")).isEqualTo("abd");
        assertThat(names(engine, "{\"NOT\": {\"tags\": {\"has\": \"y\"}}}")).isEqualTo("de");
        assertThat(names(engine, "{\"tags\": {\"equals\": [\"x\", \"y\"]}}")).isEqualTo("a");
        assertThat(names(engine, "{\"colors\": {\"hasSome\": [\"RED\", \"BLUE\"]}}")).isEqualTo("ab");
        assertThat(names(engine, "{\"dates\": {\"has\": \"2024-01-01T00:00:00.000Z\"}}")).isEqualTo("a");
        assertThat(names(engine, "{\"amounts\": {\"has\": \"1.5\"}}")).isEqualTo("a");
    }

    @EveryBackend
    void aListFilterTakesExactlyOneOperation(Backend backend) {
        QueryEngine engine = engine(backend);
        assertThatThrownBy(() -> names(engine, "{\"tags\": [\"y\"]}")).isInstanceOf(QueryError.class)
                .satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
        assertThatThrownBy(() -> names(engine, "{\"tags\": {\"has\": \"x\", \"hasSome\": [\"w\"]}}")).isInstanceOf(QueryError.class)
                .hasMessageContaining("needs exactly one argument, but you provided has and hasSome");
    }

    @EveryBackend
    void pushAppendsAlsoToAnUnwrittenList(Backend backend) {
        QueryEngine e = backend.open(DBS, SCHEMA, null);
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
