package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers unlike Prisma's found by the cross-database comparison (`compare.mjs --db mongodb`, the `edge-reads` family of
 * suites and their MongoDB twin): each test names the suite line it comes from. The expected answers are Prisma 7's on
 * PostgreSQL for those lines, where Prisma's semantics on MongoDB are the same (no null or missing field involved).
 */
class MongoTwinFindingsTest extends MongoSuite {
    static final String MODELS = """
            model Shelf {
              id    Int     @id @map("_id")
              name  String  @unique
              owner String?
              items Item[]
            }

            model Item {
              id      Int    @id @map("_id")
              shelfId Int?
              shelf   Shelf? @relation(fields: [shelfId], references: [id])
              title   String
              rank    Int?
              code    String
              version Int    @default(1)

              @@unique([code, version], name: "codeVersion")
            }
            """;

    @BeforeEach
    void seed() {
        open(MODELS);
        run("Shelf", "createMany", """
                {"data": [{"id": 1, "name": "north", "owner": "Ann"}, {"id": 2, "name": "south", "owner": "Bo"}]}""");
        run("Item", "createMany", """
                {"data": [
                  {"id": 1, "shelfId": 1, "title": "Dune", "rank": 3, "code": "A", "version": 1},
                  {"id": 2, "shelfId": 1, "title": "Dune", "rank": 1, "code": "A", "version": 2},
                  {"id": 3, "shelfId": 1, "title": "alien", "rank": 2, "code": "B", "version": 1},
                  {"id": 4, "shelfId": 2, "title": "Zelda", "rank": 2, "code": "C", "version": 1},
                  {"id": 5, "title": "Loose", "rank": 5, "code": "D", "version": 1}
                ]}""");
    }

    /** edge-reads line 140: a nested cursor on a compound unique whose fields are not selected. */
    @Test
    void aNestedCursorOnACompoundUniqueFindsItsDocument() {
        JsonNode shelves = run("Shelf", "findMany", """
                {"orderBy": {"id": "asc"}, "select": {"name": true, "items": {"cursor": {"codeVersion": {"code": "A", "version": 2}},
                 "orderBy": {"id": "asc"}, "select": {"id": true}}}}""");
        assertThat(shelves.toString()).isEqualTo("[{\"name\":\"north\",\"items\":[{\"id\":2},{\"id\":3}]},{\"name\":\"south\",\"items\":[]}]");
        // The same for a nested distinct on a field that is not selected.
        JsonNode distinct = run("Shelf", "findMany", """
                {"where": {"id": 1}, "select": {"items": {"distinct": ["title"], "orderBy": {"id": "asc"}, "select": {"id": true}}}}""");
        assertThat(distinct.toString()).isEqualTo("[{\"items\":[{\"id\":1},{\"id\":3}]}]");
    }

    /** edge-reads line 209: an aggregate (or count) paged in the order of a related model's field. */
    @Test
    void anAggregateOrderedByARelatedFieldReadsNoFieldOfItsOwnByThatName() {
        assertThat(run("Item", "aggregate", """
                {"_count": {"_all": true}, "orderBy": {"shelf": {"name": "asc"}}, "take": 3}""").toString()).isEqualTo("{\"_count\":{\"_all\":3}}");
        assertThat(run("Item", "count", """
                {"orderBy": {"shelf": {"name": "asc"}}, "take": 3}""").asLong()).isEqualTo(3);
    }

    /** edge-reads line 217: groups ordered by an aggregate the request does not select. */
    @Test
    void groupsAreOrderedByAnAggregateTheyDoNotSelect() {
        JsonNode groups = run("Item", "groupBy", """
                {"by": ["shelfId"], "_count": {"_all": true}, "orderBy": [{"_count": {"shelfId": "asc"}}, {"shelfId": "desc"}]}""");
        assertThat(groups.toString()).isEqualTo("[{\"_count\":{\"_all\":1},\"shelfId\":null},{\"_count\":{\"_all\":1},\"shelfId\":2},"
                + "{\"_count\":{\"_all\":3},\"shelfId\":1}]");
        JsonNode bySum = run("Item", "groupBy", """
                {"by": ["shelfId"], "where": {"shelfId": {"not": null}}, "_count": {"_all": true}, "orderBy": {"_sum": {"rank": "desc"}}}""");
        assertThat(values(bySum, "shelfId")).containsExactly("1", "2");
    }

    /** edge-reads line 219: Prisma's MongoDB client has no `nulls` in groupBy's orderBy either. */
    @Test
    void groupByRefusesNullsInItsOrderBy() {
        fails("P2009", "Expected SortOrder", "Item", "groupBy", """
                {"by": ["shelfId"], "_count": true, "orderBy": {"shelfId": {"sort": "asc", "nulls": "last"}}}""");
    }

    /**
     * fuzz-reads line 190: the cursor's document marks where the page starts even when the filter does not match it,
     * as Prisma's MongoDB connector pins it by the cursor's fields alone (cursor.rs and the cursored pipeline of
     * read_query_builder.rs in prisma-engines), and as Prisma 7 answers on PostgreSQL.
     */
    @Test
    void aCursorTheFilterDoesNotMatchStillMarksWherePagesStart() {
        assertThat(run("Item", "findMany", """
                {"where": {"title": "Zelda"}, "cursor": {"id": 2}, "orderBy": {"id": "asc"}, "select": {"id": true}}""").toString())
                .isEqualTo("[{\"id\":4}]");
        assertThat(run("Item", "findMany", """
                {"where": {"title": "Dune"}, "cursor": {"id": 3}, "take": -5, "orderBy": {"id": "asc"}, "select": {"id": true}}""").toString())
                .isEqualTo("[{\"id\":1},{\"id\":2}]");
        // Ordered by a relation count: the order is computed for the cursor's document too.
        assertThat(run("Shelf", "findMany", """
                {"where": {"owner": {"in": ["Bo"]}}, "orderBy": [{"items": {"_count": "desc"}}, {"id": "desc"}], "cursor": {"id": 1},
                 "select": {"id": true}}""").toString()).isEqualTo("[{\"id\":2}]");
        // Not with distinct: Prisma's core pages in memory then, from the cursor's record only when the filter keeps it
        // (as PrismaComparisonReadsTest shows on SQL).
        assertThat(run("Item", "findMany", """
                {"where": {"title": {"not": "Dune"}}, "cursor": {"id": 2}, "distinct": ["title"], "orderBy": {"id": "asc"}, "select": {"id": true}}""")
                .toString()).isEqualTo("[]");
        assertThat(run("Item", "findMany", """
                {"where": {"title": {"not": "Dune"}}, "cursor": {"id": 3}, "distinct": ["title"], "orderBy": {"id": "asc"}, "select": {"id": true}}""")
                .toString()).isEqualTo("[{\"id\":3},{\"id\":4},{\"id\":5}]");
        // No document for the cursor: nothing.
        assertThat(run("Item", "findMany", """
                {"where": {"title": "Zelda"}, "cursor": {"id": 99}, "orderBy": {"id": "asc"}}""").toString()).isEqualTo("[]");
    }
}
