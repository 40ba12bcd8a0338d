package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prisma's Json filters (path, string_*, array_*, comparisons), each expectation Prisma Client 7's answer on the
 * same data (suite {@code json-filters} of {@code tools/prisma-compare}). A path is a list of keys on PostgreSQL and
 * a JSON path text on MySQL and SQLite.
 */
class JsonFiltersTest {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
            }

            model Doc {
              id   Int   @id
              data Json?
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, null, JsonFiltersTest::seed); }

    static void seed(QueryEngine e) {
        e.execute("Doc", "createMany", JsonCodec.parse("""
                {"data": [{"id": 1, "data": {"a": 1, "b": {"c": "hello world"}, "arr": [1, 2, 3], "s": "Foo Bar"}},
                          {"id": 2, "data": {"a": 2, "b": {"c": "HELLO"}, "arr": ["x", "y"], "s": "bar"}},
                          {"id": 3, "data": {"a": "1", "arr": [[1, 2], 3], "n": null}},
                          {"id": 4, "data": [1, 2, 3]},
                          {"id": 5, "data": "just a string"},
                          {"id": 6},
                          {"id": 7, "data": {"arr": [{"k": 1}, {"k": 2}], "a": 1.5, "b": {"c": null}}}]}"""));
    }

    static List<Integer> ids(Backend backend, String where) {
        List<Integer> out = new ArrayList<>();
        engine(backend).execute("Doc", "findMany", JsonCodec.parse("{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}"))
                .forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }

    /** The records whose Json matches {@code filter} under the path to {@code keys}. */
    static List<Integer> under(Backend backend, String filter, String... keys) {
        return ids(backend, "{\"data\": {\"path\": " + path(backend, keys) + ", " + filter + "}}");
    }

    /** The path to {@code keys} as this database's Prisma takes it. */
    static String path(Backend backend, String... keys) {
        if (backend.supports(ConnectorCapability.JSON_PATH_AS_KEYS)) return "[\"" + String.join("\", \"", keys) + "\"]";
        return "\"$." + String.join(".", keys) + "\"";
    }

    /** A filter under the path to {@code key} ("b.c" for b then c) and Prisma's answer. */
    record Case(String key, String filter, List<Integer> ids) {}

    @EveryBackend(requires = ConnectorCapability.JSON_FILTERS)
    void valuesUnderAPathAreComparedAsJsonValues(Backend backend) {
        List<Case> cases = List.of(
                new Case("a", "\"equals\": 1", List.of(1)),
                new Case("a", "\"equals\": \"1\"", List.of(3)),
                new Case("b", "\"equals\": {\"c\": \"HELLO\"}", List.of(2)),
                // A missing key is neither equal nor unequal (SQL's unknown).
                new Case("a", "\"not\": 1", List.of(2, 3, 7)),
                new Case("n", "\"equals\": {\"$type\": \"Enum\", \"value\": \"JsonNull\"}", List.of(3)),
                // DbNull under a path: nothing there.
                new Case("n", "\"equals\": {\"$type\": \"Enum\", \"value\": \"DbNull\"}", List.of(1, 2, 4, 5, 6, 7)),
                new Case("arr", "\"array_starts_with\": 1", List.of(1)),
                new Case("arr", "\"array_starts_with\": [1, 2]", List.of(3)),
                new Case("arr", "\"array_ends_with\": {\"k\": 2}", List.of(7)));
        for (Case c : cases) assertThat(under(backend, c.filter(), c.key().split("\\."))).as(c.filter()).isEqualTo(c.ids());
        assertThat(ids(backend, "{\"data\": {\"array_ends_with\": 3}}")).containsExactly(4);
    }

    @EveryBackend(requires = ConnectorCapability.JSON_FILTERS)
    void stringFiltersMatchOnlyStringsAndTheirNegationLeavesOutOtherTypes(Backend backend) {
        assertThat(under(backend, "\"string_contains\": \"world\"", "b", "c")).containsExactly(1);
        assertThat(under(backend, "\"string_contains\": \"1\"", "a")).containsExactly(3);
        assertThat(under(backend, "\"string_starts_with\": \"foo\", \"mode\": \"insensitive\"", "s"))
                .containsExactly(1);
        // Prisma negates "contains, or is not a string": the null under b.c of 7 passes neither.
        assertThat(ids(backend, "{\"NOT\": {\"data\": {\"path\": " + path(backend, "b", "c") + ", \"string_contains\": \"wor\"}}}")).containsExactly(2);
        // Without a path the whole value's JSON text is searched, quotes included.
        assertThat(ids(backend, "{\"data\": {\"string_contains\": \"string\"}}")).containsExactly(5);
        assertThat(ids(backend, "{\"data\": {\"string_starts_with\": \"just\"}}")).isEmpty();
    }

    @EveryBackend(requires = ConnectorCapability.JSON_FILTERS)
    void arrayContainsAndComparisonsExistExceptOnSqlite(Backend backend) {
        String contains = "{\"data\": {\"path\": " + path(backend, "arr") + ", \"array_contains\": [{\"k\": 1}]}}";
        String greater = "{\"data\": {\"path\": " + path(backend, "a") + ", \"gt\": 1}}";
        if (!backend.supports(ConnectorCapability.JSON_COMPARISONS)) {
            for (String where : List.of(contains, greater, "{\"data\": {\"gt\": 1}}")) {
                assertThatThrownBy(() -> ids(backend, where)).satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
            }
            return;
        }
        assertThat(ids(backend, contains)).containsExactly(7);
        // Numbers compare with numbers only: "1" under a of 3 is a string.
        assertThat(ids(backend, greater)).containsExactly(2, 7);
        assertThat(under(backend, "\"gt\": \"0\"", "a")).containsExactly(3);
    }

    @EveryBackend
    void aPathOfTheOtherDatabasesShapeIsRefused(Backend backend) {
        String where = backend.supports(ConnectorCapability.JSON_PATH_AS_KEYS) ? "{\"data\": {\"path\": \"$.a\", \"equals\": 1}}" : "{\"data\": {\"path\": [\"a\"], \"equals\": 1}}";
        assertThatThrownBy(() -> ids(backend, where)).satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
    }
}
