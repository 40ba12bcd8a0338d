package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.RecordInserts;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records as the SQL INSERT statements the connector writes for them ({@link QueryEngine#inserts}): every type's
 * literal on each database, and the statements, run on a fresh database, give back the same records.
 */
class InsertScriptTest {
    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
              url      = "file:unused.db"
            }

            enum Kind {
              A
              B @map("bee")
            }

            model Thing {
              id    Int       @id
              name  String?   @map("display name")
              count Int?
              big   BigInt?
              ratio Float?
              price Decimal?
              ok    Boolean?
              at    DateTime?
              blob  Bytes?
              doc   Json?
              kind  Kind?

              @@map("things")
            }
            """;

    /** Values of every type, the awkward ones included (quotes, backslashes, SQL in a string, extremes). */
    static final String RECORDS = """
            [
              {"id": 1, "name": "it's a \\\\ path\\nand a \\"quote\\"\\t żółw 🐢", "count": -2147483648, "big": "9223372036854775807",
               "ratio": 1.0E300, "price": "12345678901234.567890123456", "ok": true, "at": "2025-01-04T09:03:00.123Z",
               "blob": "3q2+7w==", "doc": {"a": [1, "x'y\\\\z"], "b": null, "c": "\\u00e9"}, "kind": "B"},
              {"id": 2, "name": "'); DROP TABLE things; --", "count": 0, "big": "-9223372036854775808", "ratio": -0.1,
               "price": "-0.000001", "ok": false, "at": "1970-01-01T00:00:00.000Z", "blob": "", "doc": "just text", "kind": "A"},
              {"id": 3, "name": "", "doc": [1, 2.5, true]},
              {"id": 4}
            ]""";

    final List<QueryEngine> engines = new ArrayList<>();

    @AfterEach
    void close() { engines.forEach(QueryEngine::close); }

    QueryEngine fresh(DbKind kind, String schema, AtomicReference<SqlDatabase> database) {
        QueryEngine e = Engines.fresh(DBS, kind, schema, null, UnaryOperator.identity(), database::set);
        engines.add(e);
        return e;
    }

    static List<String> fields(String... names) { return List.of(names); }

    static final List<String> THING = fields("id", "name", "count", "big", "ratio", "price", "ok", "at", "blob", "doc", "kind");

    JsonNode seed(QueryEngine engine, String model, String records) {
        engine.execute(model, "createMany", JsonCodec.parse("{\"data\": " + records + "}"));
        return engine.execute(model, "findMany", JsonCodec.parse("{\"orderBy\": {\"id\": \"asc\"}}"));
    }

    /** Runs the statements one by one on {@code database} (one a call: SQLite's driver runs only the first of several). */
    static void run(SqlDatabase database, List<String> statements) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String s : statements) st.executeUpdate(s);
        }
    }

    static List<String> statements(RecordInserts inserts, JsonNode records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(inserts.statement(r)));
        return out;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void theStatementsRunOnAFreshDatabaseGiveBackTheSameRecords(DbKind kind) throws Exception {
        String schema = SCHEMA.replace("%PROVIDER%", kind.provider().id());
        QueryEngine source = fresh(kind, schema, new AtomicReference<>());
        JsonNode records = seed(source, "Thing", RECORDS);
        RecordInserts inserts = source.inserts("Thing", THING).orElseThrow();
        assertThat(inserts.language()).isEqualTo("SQL INSERT");

        AtomicReference<SqlDatabase> target = new AtomicReference<>();
        QueryEngine copy = fresh(kind, schema, target);
        run(target.get(), statements(inserts, records));
        assertThat(copy.execute("Thing", "findMany", JsonCodec.parse("{\"orderBy\": {\"id\": \"asc\"}}"))).isEqualTo(records);
    }

    @Test
    void eachDatabaseGetsItsOwnQuotingAndLiterals() {
        String record = "{\"id\": 7, \"name\": \"it's a \\\\ path\", \"ok\": true, \"at\": \"2025-01-04T09:03:00.000Z\", \"blob\": \"3q0=\","
                + " \"price\": \"1.50\", \"big\": \"9007199254740993\", \"doc\": {\"k\": \"v\"}, \"kind\": \"B\"}";
        String cols = "(%1$sid%1$s, %1$sdisplay name%1$s, %1$sok%1$s, %1$sat%1$s, %1$sblob%1$s, %1$sprice%1$s, %1$sbig%1$s, %1$sdoc%1$s, "
                + "%1$skind%1$s, %1$scount%1$s)";
        List<String> fields = fields("id", "name", "ok", "at", "blob", "price", "big", "doc", "kind", "count");
        assertThat(statement(DbKind.POSTGRES, fields, record)).isEqualTo("INSERT INTO \"things\" " + cols.formatted("\"")
                + " VALUES (7, 'it''s a \\ path', TRUE, '2025-01-04 09:03:00.000+00', '\\xdead', 1.50, 9007199254740993, '{\"k\":\"v\"}', 'bee', NULL);");
        assertThat(statement(DbKind.MYSQL, fields, record)).isEqualTo("INSERT INTO `things` " + cols.formatted("`")
                + " VALUES (7, 'it''s a \\\\ path', TRUE, '2025-01-04 09:03:00.000', X'dead', 1.50, 9007199254740993, '{\"k\":\"v\"}', 'bee', NULL);");
        assertThat(statement(DbKind.SQLITE, fields, record)).isEqualTo("INSERT INTO \"things\" " + cols.formatted("\"")
                + " VALUES (7, 'it''s a \\ path', TRUE, '2025-01-04T09:03:00.000Z', X'dead', 1.50, 9007199254740993, '{\"k\":\"v\"}', 'bee', NULL);");
    }

    /** Only the statement is built: no database is needed to write one. */
    String statement(DbKind kind, List<String> fields, String record) {
        QueryEngine engine = fresh(kind, SCHEMA.replace("%PROVIDER%", kind.provider().id()), new AtomicReference<>());
        return engine.inserts("Thing", fields).orElseThrow().statement(JsonCodec.parse(record));
    }

    /** Every list type PostgreSQL has, from the list suite. */
    static final String LISTS = ScalarListTypesTest.SCHEMA.replace("%PROVIDER%", "postgresql");

    @Test
    void scalarListsOnPostgresqlComeBackTheSame() throws Exception {
        QueryEngine source = fresh(DbKind.POSTGRES, LISTS, new AtomicReference<>());
        JsonNode records = seed(source, "Item", """
                [{"id": 1, "tags": ["a", "it's", "{\\"b\\",c}", "NULL", "", "back\\\\slash"], "scores": [3, -1, 2147483647],
                  "bigs": ["9007199254740993"], "ratios": [1.5, -0.25], "prices": ["12.50", "0.001"], "flags": [true, false],
                  "dates": ["2024-01-02T03:04:05.678Z"], "colors": ["GREEN", "RED"], "blobs": ["AAEC", ""],
                  "docs": [{"a": [1, "x\\\\"]}, "s", 3], "codes": ["ab", "c\\"d"]},
                 {"id": 2}]""");
        RecordInserts inserts = source.inserts("Item", fields("id", "tags", "scores", "bigs", "ratios", "prices", "flags", "dates", "colors",
                "blobs", "docs", "codes")).orElseThrow();
        assertThat(inserts.statement(records.get(1))).isEqualTo("INSERT INTO \"Item\" (\"id\", \"tags\", \"scores\", \"bigs\", \"ratios\", "
                + "\"prices\", \"flags\", \"dates\", \"colors\", \"blobs\", \"docs\", \"codes\") VALUES (2, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}');");
        AtomicReference<SqlDatabase> target = new AtomicReference<>();
        QueryEngine copy = fresh(DbKind.POSTGRES, LISTS, target);
        run(target.get(), statements(inserts, records));
        assertThat(copy.execute("Item", "findMany", JsonCodec.parse("{\"orderBy\": {\"id\": \"asc\"}}"))).isEqualTo(records);
    }

    @Test
    void fieldsThatAreNotScalarsOfTheModelAreLeftOut() {
        QueryEngine engine = fresh(DbKind.SQLITE, SCHEMA.replace("%PROVIDER%", "sqlite"), new AtomicReference<>());
        assertThat(engine.inserts("Thing", fields("id", "nope")).orElseThrow().statement(JsonCodec.parse("{\"id\": 1}")))
                .isEqualTo("INSERT INTO \"things\" (\"id\") VALUES (1);");
    }
}
