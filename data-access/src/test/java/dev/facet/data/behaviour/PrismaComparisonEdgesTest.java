package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads at the edges where Facet differed from Prisma Client 7 (suites {@code edge-reads} and {@code edge-bool} of
 * {@code tools/prisma-compare}); each expectation is Prisma's answer, on every backend whose schema language has
 * Decimal (not MongoDB).
 */
@SuiteRequires(schema = SchemaFeature.DECIMAL)
class PrismaComparisonEdgesTest {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
            }

            enum Kind {
              FILM
              BOOK
            }

            model Item {
              id    Int       @id
              kind  Kind
              price Decimal?
              rank  Int?
              on    Boolean?
              blob  Bytes?
              added DateTime
              boxes Box[]
            }

            model Box {
              id     Int    @id
              itemId Int
              item   Item   @relation(fields: [itemId], references: [id])
              size   Float?
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, null, PrismaComparisonEdgesTest::seed); }

    static void seed(QueryEngine e) {
        e.execute("Item", "createMany", JsonCodec.parse("""
                {"data": [{"id": 1, "kind": "BOOK", "price": "12.5", "rank": 3, "on": false, "blob": "AAE=", "added": "2024-01-01T10:00:00.000Z"},
                          {"id": 2, "kind": "FILM", "price": "7", "rank": 1, "on": true, "added": "2023-12-31T23:59:59.999Z"},
                          {"id": 3, "kind": "FILM", "price": "0.1", "added": "2024-03-15T08:30:00.000Z"},
                          {"id": 4, "kind": "BOOK", "rank": 2, "on": true, "added": "2025-01-01T00:00:00.000Z"}]}"""));
        e.execute("Box", "createMany", JsonCodec.parse("{\"data\": [{\"id\": 1, \"itemId\": 1}, {\"id\": 2, \"itemId\": 2}]}"));
    }

    static JsonNode run(Backend backend, String action, String args) { return engine(backend).execute("Item", action, JsonCodec.parse(args)); }

    static List<Integer> ids(Backend backend, String args) {
        List<Integer> out = new ArrayList<>();
        run(backend, "findMany", args).forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }

    static List<Integer> where(Backend backend, String where) { return ids(backend, "{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}"); }

    static void refused(Backend backend, String action, String args) {
        assertThatThrownBy(() -> run(backend, action, args)).as(args).satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
    }

    @EveryBackend
    void aNotObjectNegatesEachConditionAndANestedNotTurnsBack(Backend backend) {
        // NOT (rank IS NULL) AND NOT (rank > 2), not NOT (rank IS NULL AND rank > 2).
        assertThat(where(backend, "{\"rank\": {\"not\": {\"equals\": null, \"gt\": 2}}}")).containsExactly(2, 4);
        // `not: value` stays "not equal" under a negation; a nested `not: {...}` negates back.
        assertThat(where(backend, "{\"on\": {\"not\": {\"not\": false}}}")).containsExactly(2, 4);
        assertThat(where(backend, "{\"on\": {\"not\": {\"not\": {\"not\": true}}}}")).containsExactly(1);
        assertThat(where(backend, "{\"rank\": {\"not\": {\"not\": {\"equals\": 1}}}}")).containsExactly(2);
    }

    @EveryBackend
    void filterOperationsOutsideTheTypesFilterAreRefused(Backend backend) {
        refused(backend, "findMany", "{\"where\": {\"kind\": {\"gt\": \"BOOK\"}}}");
        refused(backend, "findMany", "{\"where\": {\"on\": {\"in\": [true]}}}");
        refused(backend, "findMany", "{\"where\": {\"blob\": {\"lt\": \"AAE=\"}}}");
        refused(backend, "aggregate", "{}");
        refused(backend, "findMany", "{\"select\": {\"_count\": {\"select\": {}}}}");
        refused(backend, "findMany", "{\"omit\": {\"id\": true, \"kind\": true, \"price\": true, \"rank\": true, \"on\": true, \"blob\": true, \"added\": true}}");
        refused(backend, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"kind\": {\"_avg\": {\"gt\": 1}}}}");
        refused(backend, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"rank\": {\"_sum\": null}}}");
        // The average of an Int is a Float: a string is refused.
        refused(backend, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"rank\": {\"_avg\": {\"gt\": \"1\"}}}}");
        // mode exists only where the database compares case-insensitively.
        if (!backend.supports(ConnectorCapability.INSENSITIVE_FILTERS)) refused(backend, "findMany", "{\"where\": {\"kind\": {\"equals\": \"BOOK\", \"mode\": \"default\"}}}");
    }

    @EveryBackend
    void valuesAreReadAsPrismaClientReadsThem(Backend backend) {
        // A JavaScript Date keeps milliseconds only.
        assertThat(where(backend, "{\"added\": \"2023-12-31T23:59:59.9991Z\"}")).containsExactly(2);
        // Prisma's engine decodes strict base64: other characters and the URL alphabet are refused, not skipped.
        refused(backend, "findMany", "{\"where\": {\"blob\": {\"$type\": \"Bytes\", \"value\": \"!!\"}}}");
        refused(backend, "findMany", "{\"where\": {\"blob\": {\"$type\": \"Bytes\", \"value\": \"AA-_\"}}}");
        // An empty orderBy object orders nothing; omit takes any truthy value.
        assertThat(ids(backend, "{\"orderBy\": [{}, {\"id\": \"desc\"}]}")).containsExactly(4, 3, 2, 1);
        assertThat(run(backend, "findUnique", "{\"where\": {\"id\": 1}, \"omit\": {\"blob\": \"yes\", \"added\": 1, \"price\": 0, \"on\": \"\"}}"))
                .isEqualTo(JsonCodec.parse("{\"id\": 1, \"kind\": \"BOOK\", \"price\": \"12.5\", \"rank\": 3, \"on\": false}"));
    }

    @EveryBackend
    void aCursorOnANullableOrderingStartsAtTheCursorRowWhereverTheDatabaseSortsNulls(Backend backend) {
        // Ordered by rank, NULL (3) sorts first on MySQL and SQLite, last on PostgreSQL; paging back from 4 skips 4 itself.
        List<Integer> back = ids(backend, "{\"cursor\": {\"id\": 4}, \"take\": -2, \"skip\": 1, \"orderBy\": [{\"rank\": \"asc\"}, {\"id\": \"asc\"}]}");
        assertThat(back).isEqualTo(backend.has(DatabaseTrait.NULLS_LAST_IN_ASCENDING_ORDER) ? List.of(2) : List.of(3, 2));
    }

    @EveryBackend
    void aRelatedEnumOrdersAsTheEnumColumnDoes(Backend backend) {
        // PostgreSQL and MySQL order an enum by its declaration (FILM first), also through a relation; SQLite keeps text.
        List<Integer> boxes = new ArrayList<>();
        engine(backend).execute("Box", "findMany", JsonCodec.parse("{\"orderBy\": [{\"item\": {\"kind\": \"asc\"}}, {\"id\": \"asc\"}]}"))
                .forEach(b -> boxes.add(b.get("id").asInt()));
        assertThat(boxes).isEqualTo(backend.has(DatabaseTrait.ENUMS_IN_DECLARATION_ORDER) ? List.of(2, 1) : List.of(1, 2));
    }

    @EveryBackend
    void aFloatOverflowIsNullOnSqliteAndAnErrorElsewhere(Backend backend) {
        QueryEngine e = engine(backend);
        e.execute("Box", "update", JsonCodec.parse("{\"where\": {\"id\": 2}, \"data\": {\"size\": 1e308}}"));
        String overflow = "{\"where\": {\"id\": 2}, \"data\": {\"size\": {\"multiply\": 10}}, \"select\": {\"size\": true}}";
        // SQLite keeps infinity, which Prisma's adapter reads as null; the other databases refuse it.
        if (backend.has(DatabaseTrait.FLOAT_OVERFLOW_KEPT_AS_INFINITY)) assertThat(e.execute("Box", "update", JsonCodec.parse(overflow)).get("size").isNull()).isTrue();
        else assertThatThrownBy(() -> e.execute("Box", "update", JsonCodec.parse(overflow))).isInstanceOf(QueryError.class);
    }

    @EveryBackend
    void havingComparesDecimalAggregatesAsNumbers(Backend backend) {
        JsonNode groups = run(backend, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"price\": {\"_sum\": {\"gt\": 5}}}, \"orderBy\": {\"kind\": \"asc\"}}");
        assertThat(groups).hasSize(2);
        groups = run(backend, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"price\": {\"_avg\": {\"lt\": \"10\"}}}, \"orderBy\": {\"kind\": \"asc\"}}");
        assertThat(groups.toString()).isEqualTo("[{\"kind\":\"FILM\"}]");
    }
}
