package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.data.testdb.DbKind;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scalar lists on PostgreSQL, the one SQL database with arrays: every element type stored and read
 * back, {@code set} and {@code push} in updates, and the list filters {@code has}, {@code hasSome},
 * {@code hasEvery}, {@code isEmpty} and {@code equals}.
 */
class ScalarListTypesTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE.replace("%MODE%", "foreignKeys") + """
            enum Color {
              RED
              GREEN @map("verde")
              BLUE
            }

            model Item {
              id     Int        @id @default(autoincrement())
              tags   String[]
              scores Int[]      @default([])
              bigs   BigInt[]
              ratios Float[]
              prices Decimal[]
              flags  Boolean[]
              dates  DateTime[]
              colors Color[]
              blobs  Bytes[]
              docs   Json[]
              codes  String[]   @db.VarChar(8)
            }
            """;

    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @BeforeEach
    void openPostgres() { open(DbKind.POSTGRES, "foreignKeys", SCHEMA); }

    List<String> ids(String where) {
        return values(run("Item", "findMany", "{\"where\": " + where + ", \"orderBy\": {\"id\": \"asc\"}}"), "id");
    }

    @Test
    void everyElementTypeIsStoredAndReadBack() {
        JsonNode item = run("Item", "create", """
                {"data": {"tags": ["a", "it's", "{\\"b\\",c}", "NULL", ""], "scores": [3, -1, 2147483647], "bigs": ["9007199254740993"],
                  "ratios": [1.5, -0.25], "prices": ["12.50", "0.001"], "flags": [true, false], "dates": ["2024-01-02T03:04:05.678Z"],
                  "colors": ["GREEN", "RED"], "blobs": ["AAEC"], "docs": [{"a": [1, "x"]}, "s", 3], "codes": {"set": ["ab", "cd"]}}}""");
        assertThat(item).isEqualTo(json("""
                {"id": 1, "tags": ["a", "it's", "{\\"b\\",c}", "NULL", ""], "scores": [3, -1, 2147483647], "bigs": ["9007199254740993"],
                 "ratios": [1.5, -0.25], "prices": ["12.5", "0.001"], "flags": [true, false], "dates": ["2024-01-02T03:04:05.678Z"],
                 "colors": ["GREEN", "RED"], "blobs": ["AAEC"], "docs": [{"a": [1, "x"]}, "s", 3], "codes": ["ab", "cd"]}"""));
        JsonNode empty = run("Item", "create", "{\"data\": {\"tags\": []}}");
        assertThat(empty.get("tags")).isEmpty();
        assertThat(empty.get("scores")).isEmpty();
        // A list never written reads as an empty list, as in Prisma.
        assertThat(empty.get("bigs")).isEmpty();
    }

    @Test
    void setAndPush() {
        run("Item", "create", "{\"data\": {\"tags\": [\"a\"], \"scores\": [1], \"colors\": [\"RED\"], \"codes\": [\"x\"]}}");
        JsonNode pushed = run("Item", "update", """
                {"where": {"id": 1}, "data": {"tags": {"push": "b"}, "scores": {"push": [2, 3]}, "colors": {"push": "GREEN"},
                  "codes": {"push": ["y"]}, "dates": {"push": "2024-05-06T07:08:09.010Z"}}}""");
        assertThat(pushed.get("tags")).isEqualTo(json("[\"a\", \"b\"]"));
        assertThat(pushed.get("scores")).isEqualTo(json("[1, 2, 3]"));
        assertThat(pushed.get("colors")).isEqualTo(json("[\"RED\", \"GREEN\"]"));
        assertThat(pushed.get("codes")).isEqualTo(json("[\"x\", \"y\"]"));
        assertThat(pushed.get("dates")).isEqualTo(json("[\"2024-05-06T07:08:09.010Z\"]"));
        JsonNode set = run("Item", "update", "{\"where\": {\"id\": 1}, \"data\": {\"tags\": {\"set\": [\"z\"]}, \"scores\": [9, 8], \"colors\": {\"set\": []}}}");
        assertThat(set.get("tags")).isEqualTo(json("[\"z\"]"));
        assertThat(set.get("scores")).isEqualTo(json("[9, 8]"));
        assertThat(set.get("colors")).isEmpty();
        run("Item", "create", "{\"data\": {\"tags\": [\"q\"]}}");
        assertThat(run("Item", "updateMany", "{\"data\": {\"tags\": {\"push\": [\"all\"]}}}").get("count").asInt()).isEqualTo(2);
        assertThat(run("Item", "findMany", "{\"orderBy\": {\"id\": \"asc\"}}").findValues("tags")).containsExactly(json("[\"z\", \"all\"]"), json("[\"q\", \"all\"]"));
    }

    @Test
    void listFilters() {
        run("Item", "createMany", """
                {"data": [{"tags": ["a", "b"], "scores": [1, 2], "colors": ["RED"], "dates": ["2024-01-01T00:00:00.000Z"]},
                          {"tags": ["b", "c"], "scores": [2, 3], "colors": ["GREEN", "BLUE"]},
                          {"tags": [], "scores": []},
                          {"tags": ["it's", "%"]}]}""");
        assertThat(ids("{\"tags\": {\"has\": \"b\"}}")).containsExactly("1", "2");
        assertThat(ids("{\"tags\": {\"has\": \"it's\"}}")).containsExactly("4");
        assertThat(ids("{\"tags\": {\"hasSome\": [\"a\", \"c\"]}}")).containsExactly("1", "2");
        assertThat(ids("{\"tags\": {\"hasEvery\": [\"b\", \"c\"]}}")).containsExactly("2");
        assertThat(ids("{\"tags\": {\"isEmpty\": true}}")).containsExactly("3");
        assertThat(ids("{\"tags\": {\"isEmpty\": false}}")).containsExactly("1", "2", "4");
        assertThat(ids("{\"tags\": {\"equals\": [\"b\", \"c\"]}}")).containsExactly("2");
        assertThat(ids("{\"scores\": {\"has\": 2}}")).containsExactly("1", "2");
        assertThat(ids("{\"scores\": {\"hasEvery\": [3, 2]}}")).containsExactly("2");
        assertThat(ids("{\"colors\": {\"has\": \"GREEN\"}}")).containsExactly("2");
        assertThat(ids("{\"colors\": {\"hasSome\": [\"RED\", \"BLUE\"]}}")).containsExactly("1", "2");
        assertThat(ids("{\"dates\": {\"has\": \"2024-01-01T00:00:00.000Z\"}}")).containsExactly("1");
        assertThat(ids("{\"NOT\": {\"tags\": {\"has\": \"b\"}}}")).containsExactly("3", "4");
    }
}
