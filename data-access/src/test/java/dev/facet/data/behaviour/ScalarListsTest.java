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

/**
 * Scalar lists where the database has them (PostgreSQL among the SQL databases, MongoDB): values, filters and updates as
 * Prisma Client gives them. Ids are given (MongoDB numbers nothing); lists of Decimal have a test of their own.
 */
@SuiteRequires(requires = ConnectorCapability.SCALAR_LISTS, schema = {})
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
              id      Int        @id
              name    String
              tags    String[]
              nums    Int[]
              colors  Color[]
              dates   DateTime[]
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, null, ScalarListsTest::seed); }

    static void seed(QueryEngine engine) {
        run(engine, "create", "{\"data\": {\"id\": 1, \"name\": \"a\", \"tags\": [\"x\", \"y\"], \"nums\": [1, 2, 3], \"colors\": [\"RED\"], "
                + "\"dates\": [\"2024-01-01T00:00:00.000Z\"]}}");
        run(engine, "create", "{\"data\": {\"id\": 2, \"name\": \"b\", \"tags\": {\"set\": [\"y\"]}, \"nums\": [], \"colors\": [\"GREEN\", \"BLUE\"]}}");
        run(engine, "create", "{\"data\": {\"id\": 3, \"name\": \"c\"}}");
        run(engine, "createMany", "{\"data\": [{\"id\": 4, \"name\": \"d\", \"tags\": [\"z\"], \"nums\": [3]}, {\"id\": 5, \"name\": \"e\", \"tags\": []}]}");
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
                {"id":1,"name":"a","tags":["x","y"],"nums":[1,2,3],"colors":["RED"],"dates":["2024-01-01T00:00:00.000Z"]}"""));
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
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"name\": \"p\", \"nums\": [1]}}"));
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"id\": 2, \"name\": \"q\"}}"));
            assertThat(e.execute("Thing", "update", JsonCodec.parse("{\"where\": {\"id\": 1}, \"data\": {\"nums\": {\"push\": [4, 5]}}, \"select\": {\"nums\": true}}")))
                    .isEqualTo(JsonCodec.parse("{\"nums\":[1,4,5]}"));
            assertThat(e.execute("Thing", "update", JsonCodec.parse("{\"where\": {\"id\": 2}, \"data\": {\"tags\": {\"push\": \"first\"}, \"colors\": [\"RED\", \"RED\"]}, \"select\": {\"tags\": true, \"colors\": true}}")))
                    .isEqualTo(JsonCodec.parse("{\"tags\":[\"first\"],\"colors\":[\"RED\",\"RED\"]}"));
        }
    }

    /** Lists of Decimal: exact strings, compared as numbers ({@code "1.50"} has {@code "1.5"}); MongoDB has no Decimal. */
    @EveryBackend(schema = SchemaFeature.DECIMAL)
    void decimalListsKeepTheirExactValues(Backend backend) {
        try (QueryEngine e = backend.open(DBS, """
                datasource db {
                  provider = "%PROVIDER%"
                }

                model Thing {
                  id      Int       @id
                  amounts Decimal[]
                }
                """, null)) {
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"amounts\": [\"1.50\", \"2\"]}}"));
            e.execute("Thing", "create", JsonCodec.parse("{\"data\": {\"id\": 2}}"));
            assertThat(e.execute("Thing", "findMany", JsonCodec.parse("{\"where\": {\"amounts\": {\"has\": \"1.5\"}}}")))
                    .isEqualTo(JsonCodec.parse("[{\"id\":1,\"amounts\":[\"1.5\",\"2\"]}]"));
        }
    }
}
