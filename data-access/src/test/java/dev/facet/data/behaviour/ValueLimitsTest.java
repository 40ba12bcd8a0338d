package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;

/**
 * Values at and beyond the edges of their types (issue 18): each is stored exactly, or refused as Prisma Client 7
 * refuses it (checked with {@code tools/prisma-compare}, suite {@code values-attack}), never stored as something else.
 */
class ValueLimitsTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE + """
            model V {
              id Int       @id
              i  Int?
              f  Float?
              by Bytes?
              s  String?
              at DateTime?
            }
            """;

    /** Decimals in a model of their own: MongoDB has none, and the other tests of V run there too. */
    static final String DECIMALS = SCHEMA + """

            model D {
              id Int      @id
              d  Decimal?
            }
            """;

    JsonNode create(String data) { return run("V", "create", "{\"data\": " + data + "}"); }

    int count() { return run("V", "count", "{}").asInt(); }

    /** No Java exception's name in what the user reads. */
    static void plain(QueryError e) { assertThat(e.getMessage()).doesNotContain("java.", "Exception"); }

    @EveryBackend(schema = SchemaFeature.DECIMAL)
    void aDecimalNoDatabaseHoldsIsRefusedNotStoredAsZero(Backend backend) {
        open(backend, "foreignKeys", DECIMALS);
        run("D", "create", "{\"data\": {\"id\": 1, \"d\": \"1.1\"}}");
        plain(fails("P2020", "Value out of range for the type", "D", "create", "{\"data\": {\"id\": 2, \"d\": \"1e1000000000\"}}"));
        plain(fails("P2020", "Value out of range for the type", "D", "findMany", "{\"where\": {\"d\": {\"gt\": \"1e1000000000\"}}}"));
        plain(fails("P2020", "Value out of range for the type", "D", "create", "{\"data\": {\"id\": 3, \"d\": -1e1000000000}}"));
        // Prisma's databases keep at most 30 digits after the point (SQLite a double): below that a Decimal is 0.
        assertThat(run("D", "create", "{\"data\": {\"id\": 4, \"d\": \"1e-1000000000\"}}").get("d").asText()).isEqualTo("0");
        assertThat(run("D", "create", "{\"data\": {\"id\": 5, \"d\": \"1e-400\"}}").get("d").asText()).isEqualTo("0");
        // 1e400 fits no column Prisma creates: each database's own refusal (SQLite's REAL would make it Infinity).
        plain(fails("P2020", "Value out of range for the type", "D", "create", "{\"data\": {\"id\": 6, \"d\": 1e400}}"));
        plain(fails("P2020", "Value out of range for the type", "D", "create", "{\"data\": {\"id\": 7, \"d\": \"1e400\"}}"));
        assertThat(count("D")).isEqualTo(3);
    }

    @EveryBackend
    void bytesTakeStrictBase64Only(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        for (String bad : new String[] {"!!!", "A", "AA", "AA=", "AA==AA", "-_-_", "AA AA===", "====", "AAAA\\n"}) {
            fails("P2009", "Expected base64 String", "V", "create", "{\"data\": {\"id\": 1, \"by\": \"" + bad + "\"}}");
            fails("P2009", "Expected base64 String", "V", "create", "{\"data\": {\"id\": 1, \"by\": {\"$type\": \"Bytes\", \"value\": \"" + bad + "\"}}}");
        }
        assertThat(count()).isZero();
        assertThat(create("{\"id\": 1, \"by\": \"AA==\"}").get("by").asText()).isEqualTo("AA==");
        assertThat(create("{\"id\": 2, \"by\": \"+/+/\"}").get("by").asText()).isEqualTo("+/+/");
        assertThat(create("{\"id\": 3, \"by\": \"\"}").get("by").asText()).isEmpty();
    }

    @EveryBackend
    void intsAsPrismaReadsThem(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        // Prisma 7 drops the fraction of an Int (also in filters), and refuses what does not fit 64 bits.
        assertThat(create("{\"id\": 1.5, \"i\": 1.5}").get("i").asInt()).isEqualTo(1);
        assertThat(values(run("V", "findMany", "{\"where\": {\"i\": 1.9}}"), "id")).containsExactly("1");
        QueryError e = fails("P2009", "Unable to fit value 1e+30 into a 64-bit signed integer for field `i`", "V", "create", "{\"data\": {\"id\": 2, \"i\": 1e30}}");
        plain(e);
        fails("P2009", "into a 64-bit signed integer", "V", "create", "{\"data\": {\"id\": 2, \"i\": 9223372036854775808}}");
        // Beyond 32 bits the database decides, as with Prisma: PostgreSQL and MySQL refuse, SQLite keeps it.
        if (backend.has(DatabaseTrait.INT_COLUMNS_OF_32_BITS)) {
            fails("P2020", "Value out of range for the type", "V", "create", "{\"data\": {\"id\": 3, \"i\": 2147483648}}");
        } else {
            assertThat(create("{\"id\": 3, \"i\": 2147483648}").get("i").asLong()).isEqualTo(2147483648L);
        }
    }

    @EveryBackend
    void aFloatBeyondADoubleIsRefusedNotStoredAsInfinity(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        plain(fails("P2009", "Unable to fit value 1e+309 into a 64-bit floating point number for field `f`", "V", "create",
                "{\"data\": {\"id\": 1, \"f\": 1e309}}"));
        fails("P2009", "64-bit floating point", "V", "findMany", "{\"where\": {\"f\": {\"lt\": -1e309}}}");
        assertThat(create("{\"id\": 2, \"f\": 1e308}").get("f").asDouble()).isEqualTo(1e308);
        assertThat(count()).isEqualTo(1);
    }

    @EveryBackend
    void aLoneSurrogateIsStoredAsTheReplacementCharacterAsPrismaStoresIt(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        assertThat(create("{\"id\": 1, \"s\": \"a\\ud800b\"}").get("s").asText()).isEqualTo("a\uFFFDb");
        assertThat(create("{\"id\": 2, \"s\": \"\\udc00\"}").get("s").asText()).isEqualTo("\uFFFD");
        assertThat(create("{\"id\": 3, \"s\": \"\\ud83d\\ude00\"}").get("s").asText()).isEqualTo("😀");
        assertThat(values(run("V", "findMany", "{\"where\": {\"s\": \"a\\udbffb\"}}"), "id")).containsExactly("1");
    }

    @EveryBackend
    void yearsBeforeOneAreNeverReadBackAsOtherYears(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        // Prisma takes four-digit years only.
        fails("P2009", "`at`", "V", "create", "{\"data\": {\"id\": 1, \"at\": \"-000001-01-01T00:00:00.000Z\"}}");
        fails("P2009", "`at`", "V", "create", "{\"data\": {\"id\": 1, \"at\": \"+010000-01-01T00:00:00.000Z\"}}");
        // The year 0000: SQLite keeps it, PostgreSQL refuses it as it refuses Prisma's text; never read back as 0001.
        if (backend.has(DatabaseTrait.NO_YEAR_ZERO)) {
            QueryError e = fails("P2039", "Code: `22008`", "V", "create", "{\"data\": {\"id\": 2, \"at\": \"0000-01-01T00:00:00.000Z\"}}");
            assertThat(e.getMessage()).isEqualTo("Database error. Code: `22008`. Message: `date/time field value out of range: \"0000-01-01 00:00:00\"`");
        } else {
            try {
                JsonNode r = create("{\"id\": 2, \"at\": \"0000-01-01T00:00:00.000Z\"}");
                assertThat(r.get("at").asText()).isEqualTo("0000-01-01T00:00:00.000Z");
                assertThat(run("V", "findUnique", "{\"where\": {\"id\": 2}}").get("at").asText()).isEqualTo("0000-01-01T00:00:00.000Z");
            } catch (QueryError e) {
                assertThat(backend.has(DatabaseTrait.YEAR_ZERO_PER_SERVER_MODE)).as("refused: %s", e.getMessage()).isTrue();
                plain(e);
            }
        }
        assertThat(create("{\"id\": 3, \"at\": \"0001-01-01T00:00:00.000Z\"}").get("at").asText()).isEqualTo("0001-01-01T00:00:00.000Z");
    }

    @EveryBackend
    void skipAndTakeBeyond64BitsAreRefused(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        create("{\"id\": 1}");
        create("{\"id\": 2}");
        assertThat(run("V", "findMany", "{\"take\": 1.5}")).hasSize(1);
        assertThat(run("V", "findMany", "{\"take\": 2147483648}")).hasSize(2);
        fails("P2009", "Unable to fit value 1e+30 into a 64-bit signed integer for field `take`", "V", "findMany", "{\"take\": 1e30}");
        fails("P2009", "Unable to fit value 1e+30 into a 64-bit signed integer for field `skip`", "V", "findMany", "{\"skip\": 1e30}");
        fails("P2009", "for field `take`", "V", "aggregate", "{\"take\": -1e30, \"_count\": {\"_all\": true}}");
        fails("P2009", "for field `skip`", "V", "count", "{\"skip\": 1e30}");
    }
}
