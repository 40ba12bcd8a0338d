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
}
