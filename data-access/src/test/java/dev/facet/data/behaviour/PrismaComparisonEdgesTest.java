package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads at the edges where Facet differed from Prisma Client 7 (suites {@code edge-reads} and {@code edge-bool} of
 * {@code tools/prisma-compare}); each expectation is Prisma's answer. On PostgreSQL, MariaDB and SQLite.
 */
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
    static final Map<DbKind, QueryEngine> ENGINES = new EnumMap<>(DbKind.class);

    static QueryEngine engine(DbKind kind) { return Engines.cached(ENGINES, DBS, kind, SCHEMA, null, PrismaComparisonEdgesTest::seed); }

    static void seed(QueryEngine e) {
        e.execute("Item", "createMany", JsonCodec.parse("""
                {"data": [{"id": 1, "kind": "BOOK", "price": "12.5", "rank": 3, "on": false, "blob": "AAE=", "added": "2024-01-01T10:00:00.000Z"},
                          {"id": 2, "kind": "FILM", "price": "7", "rank": 1, "on": true, "added": "2023-12-31T23:59:59.999Z"},
                          {"id": 3, "kind": "FILM", "price": "0.1", "added": "2024-03-15T08:30:00.000Z"},
                          {"id": 4, "kind": "BOOK", "rank": 2, "on": true, "added": "2025-01-01T00:00:00.000Z"}]}"""));
        e.execute("Box", "createMany", JsonCodec.parse("{\"data\": [{\"id\": 1, \"itemId\": 1}, {\"id\": 2, \"itemId\": 2}]}"));
    }

    static JsonNode run(DbKind kind, String action, String args) { return engine(kind).execute("Item", action, JsonCodec.parse(args)); }

    static List<Integer> ids(DbKind kind, String args) {
        List<Integer> out = new ArrayList<>();
        run(kind, "findMany", args).forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }

    static List<Integer> where(DbKind kind, String where) { return ids(kind, "{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}"); }

    static void refused(DbKind kind, String action, String args) {
        assertThatThrownBy(() -> run(kind, action, args)).as(args).satisfies(e -> assertThat(((QueryError) e).code()).isEqualTo("P2009"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aNotObjectNegatesEachConditionAndANestedNotTurnsBack(DbKind kind) {
        // NOT (rank IS NULL) AND NOT (rank > 2), not NOT (rank IS NULL AND rank > 2).
        assertThat(where(kind, "{\"rank\": {\"not\": {\"equals\": null, \"gt\": 2}}}")).containsExactly(2, 4);
        // `not: value` stays "not equal" under a negation; a nested `not: {...}` negates back.
        assertThat(where(kind, "{\"on\": {\"not\": {\"not\": false}}}")).containsExactly(2, 4);
        assertThat(where(kind, "{\"on\": {\"not\": {\"not\": {\"not\": true}}}}")).containsExactly(1);
        assertThat(where(kind, "{\"rank\": {\"not\": {\"not\": {\"equals\": 1}}}}")).containsExactly(2);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void filterOperationsOutsideTheTypesFilterAreRefused(DbKind kind) {
        refused(kind, "findMany", "{\"where\": {\"kind\": {\"gt\": \"BOOK\"}}}");
        refused(kind, "findMany", "{\"where\": {\"on\": {\"in\": [true]}}}");
        refused(kind, "findMany", "{\"where\": {\"blob\": {\"lt\": \"AAE=\"}}}");
        refused(kind, "aggregate", "{}");
        refused(kind, "findMany", "{\"select\": {\"_count\": {\"select\": {}}}}");
        refused(kind, "findMany", "{\"omit\": {\"id\": true, \"kind\": true, \"price\": true, \"rank\": true, \"on\": true, \"blob\": true, \"added\": true}}");
        refused(kind, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"kind\": {\"_avg\": {\"gt\": 1}}}}");
        refused(kind, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"rank\": {\"_sum\": null}}}");
        // The average of an Int is a Float: a string is refused.
        refused(kind, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"rank\": {\"_avg\": {\"gt\": \"1\"}}}}");
        // mode exists only where the database compares case-insensitively.
        if (kind != DbKind.POSTGRES) refused(kind, "findMany", "{\"where\": {\"kind\": {\"equals\": \"BOOK\", \"mode\": \"default\"}}}");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void valuesAreReadAsPrismaClientReadsThem(DbKind kind) {
        // A JavaScript Date keeps milliseconds only.
        assertThat(where(kind, "{\"added\": \"2023-12-31T23:59:59.9991Z\"}")).containsExactly(2);
        // Prisma's engine decodes strict base64: other characters and the URL alphabet are refused, not skipped.
        refused(kind, "findMany", "{\"where\": {\"blob\": {\"$type\": \"Bytes\", \"value\": \"!!\"}}}");
        refused(kind, "findMany", "{\"where\": {\"blob\": {\"$type\": \"Bytes\", \"value\": \"AA-_\"}}}");
        // An empty orderBy object orders nothing; omit takes any truthy value.
        assertThat(ids(kind, "{\"orderBy\": [{}, {\"id\": \"desc\"}]}")).containsExactly(4, 3, 2, 1);
        assertThat(run(kind, "findUnique", "{\"where\": {\"id\": 1}, \"omit\": {\"blob\": \"yes\", \"added\": 1, \"price\": 0, \"on\": \"\"}}"))
                .isEqualTo(JsonCodec.parse("{\"id\": 1, \"kind\": \"BOOK\", \"price\": \"12.5\", \"rank\": 3, \"on\": false}"));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aCursorOnANullableOrderingStartsAtTheCursorRowWhereverTheDatabaseSortsNulls(DbKind kind) {
        // Ordered by rank, NULL (3) sorts first on MySQL and SQLite, last on PostgreSQL; paging back from 4 skips 4 itself.
        List<Integer> back = ids(kind, "{\"cursor\": {\"id\": 4}, \"take\": -2, \"skip\": 1, \"orderBy\": [{\"rank\": \"asc\"}, {\"id\": \"asc\"}]}");
        assertThat(back).isEqualTo(kind == DbKind.POSTGRES ? List.of(2) : List.of(3, 2));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aRelatedEnumOrdersAsTheEnumColumnDoes(DbKind kind) {
        // PostgreSQL and MySQL order an enum by its declaration (FILM first), also through a relation; SQLite keeps text.
        List<Integer> boxes = new ArrayList<>();
        engine(kind).execute("Box", "findMany", JsonCodec.parse("{\"orderBy\": [{\"item\": {\"kind\": \"asc\"}}, {\"id\": \"asc\"}]}"))
                .forEach(b -> boxes.add(b.get("id").asInt()));
        assertThat(boxes).isEqualTo(kind == DbKind.SQLITE ? List.of(1, 2) : List.of(2, 1));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void aFloatOverflowIsNullOnSqliteAndAnErrorElsewhere(DbKind kind) {
        QueryEngine e = engine(kind);
        e.execute("Box", "update", JsonCodec.parse("{\"where\": {\"id\": 2}, \"data\": {\"size\": 1e308}}"));
        String overflow = "{\"where\": {\"id\": 2}, \"data\": {\"size\": {\"multiply\": 10}}, \"select\": {\"size\": true}}";
        // SQLite keeps infinity, which Prisma's adapter reads as null; the other databases refuse it.
        if (kind == DbKind.SQLITE) assertThat(e.execute("Box", "update", JsonCodec.parse(overflow)).get("size").isNull()).isTrue();
        else assertThatThrownBy(() -> e.execute("Box", "update", JsonCodec.parse(overflow))).isInstanceOf(QueryError.class);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void havingComparesDecimalAggregatesAsNumbers(DbKind kind) {
        JsonNode groups = run(kind, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"price\": {\"_sum\": {\"gt\": 5}}}, \"orderBy\": {\"kind\": \"asc\"}}");
        assertThat(groups).hasSize(2);
        groups = run(kind, "groupBy", "{\"by\": [\"kind\"], \"having\": {\"price\": {\"_avg\": {\"lt\": \"10\"}}}, \"orderBy\": {\"kind\": \"asc\"}}");
        assertThat(groups.toString()).isEqualTo("[{\"kind\":\"FILM\"}]");
    }
}
