package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Typing and showing values by type: exact numbers, native type limits, time zones, Bytes, Json and lists. */
class CellValuesTest {
    static final Schema SCHEMA = SchemaLoader.load(new SourceFile("schema.prisma", """
            datasource db {
              provider = "postgresql"
              url      = "postgresql://localhost/db"
            }

            enum Colour {
              RED
              GREEN
            }

            model Thing {
              id      Int        @id
              code    String     @db.VarChar(5)
              small   Int        @db.SmallInt
              price   Decimal    @db.Decimal(6, 2)
              ratio   Float
              big     BigInt
              at      DateTime
              data    Json
              blob    Bytes
              tags    String[]
              counts  Int[]
              colours Colour[]
              colour  Colour?
              flag    Boolean
            }
            """)).schema().orElseThrow();
    static final Model THING = SCHEMA.model("Thing");
    static final ZoneId UTC = ZoneOffset.UTC;

    static GridColumn column(String name) {
        return GridColumn.of(SCHEMA, THING).stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static JsonNode parse(String column, String text) { return CellValues.parse(column(column), text, UTC); }

    static String refusal(String column, String text) {
        try {
            parse(column, text);
            return null;
        } catch (CellValues.Refused r) {
            return r.getMessage();
        }
    }

    @Test
    void numbersAreExactAndWithinTheirNativeTypes() {
        assertThat(parse("big", " 9223372036854775807 ").textValue()).isEqualTo("9223372036854775807");
        assertThat(parse("price", "1234.50").textValue()).as("sent as typed").isEqualTo("1234.50");
        assertThat(refusal("price", "1234.567")).isEqualTo("1234.567 has 3 decimals; Decimal(6, 2) keeps 2");
        assertThat(refusal("price", "12345.6")).isEqualTo("12345.6 is too large for Decimal(6, 2) (4 digits before the point)");
        assertThat(refusal("small", "40000")).isEqualTo("40000 is out of range for SmallInt (-32768 to 32767)");
        assertThat(parse("ratio", "0.1").doubleValue()).isEqualTo(0.1);
        assertThat(refusal("ratio", "1e400")).isEqualTo("1e400 is too large for Float");
        assertThat(refusal("ratio", "one")).isEqualTo("'one' is not a number");
        assertThat(refusal("code", "toolong")).isEqualTo("7 characters is too long for VarChar(5) (at most 5)");
        assertThat(parse("code", "").textValue()).as("an empty string is a value").isEmpty();
    }

    @Test
    void dateTimesAreReadInTheGridsZoneUnlessTheyNameOne() {
        ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
        assertThat(CellValues.parse(column("at"), "2024-03-05 14:22", amsterdam).textValue()).isEqualTo("2024-03-05T13:22:00.000Z");
        assertThat(CellValues.parse(column("at"), "2024-03-05T14:22:01.5+02:00", amsterdam).textValue()).isEqualTo("2024-03-05T12:22:01.500Z");
        assertThat(parse("at", "2024-03-05").textValue()).isEqualTo("2024-03-05T00:00:00.000Z");
        assertThat(refusal("at", "2024-03-05 14:22:01.1234")).isEqualTo("DateTime keeps milliseconds: at most 3 digits after the seconds");
        assertThat(CellValues.display(column("at"), JsonCodec.parse("\"2024-07-01T10:00:00.250Z\""), amsterdam)).isEqualTo("2024-07-01 12:00:00.250");
        assertThat(CellValues.zoneLabel(UTC)).isEqualTo("UTC");
    }

    @Test
    void bytesAsHexOrBase64() {
        assertThat(parse("blob", "0xCAFE").textValue()).isEqualTo("yv4=");
        assertThat(parse("blob", "yv4=").textValue()).isEqualTo("yv4=");
        assertThat(CellValues.parseBytes("ca fe", CellValues.BytesFormat.HEX)).containsExactly(0xCA, 0xFE);
        assertThat(CellValues.bytesText("yv4=", CellValues.BytesFormat.HEX)).isEqualTo("0xcafe");
        assertThat(CellValues.display(column("blob"), JsonCodec.parse("\"yv4=\""), UTC)).isEqualTo("0xcafe (2 bytes)");
        assertThat(refusal("blob", "0xZZ")).isEqualTo("not hex: use the digits 0-9 and a-f");
    }

    @Test
    void jsonIsValidatedAndScalarsAreAllowed() {
        assertThat(parse("data", "\"just text\"").textValue()).isEqualTo("just text");
        assertThat(parse("data", "[1, {\"a\": true}]").isArray()).isTrue();
        assertThat(refusal("data", "{\"a\": }")).startsWith("invalid JSON");
        assertThat(refusal("data", "null")).startsWith("a JSON null cannot be stored");
    }

    @Test
    void listsAreJsonArraysCheckedItemByItem() {
        assertThat(parse("tags", "[\"a\", \"b\"]").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(parse("counts", "[1, 2, 3]").toString()).isEqualTo("[1,2,3]");
        assertThat(parse("colours", "[\"red\", \"GREEN\"]").toString()).isEqualTo("[\"RED\",\"GREEN\"]");
        assertThat(refusal("counts", "[1, 2.5]")).isEqualTo("item 2: '2.5' is not a whole number");
        assertThat(refusal("tags", "a, b")).startsWith("a list is written as a JSON array");
        assertThat(parse("tags", "").size()).isZero();
    }

    @Test
    void enumsAndBooleans() {
        assertThat(parse("colour", "green").textValue()).isEqualTo("GREEN");
        assertThat(refusal("colour", "blue")).isEqualTo("'blue' is not a Colour: expected one of RED, GREEN");
        assertThat(parse("flag", "yes").booleanValue()).isTrue();
        assertThat(refusal("flag", "maybe")).isEqualTo("'maybe' is not a Boolean: type true or false");
        assertThatThrownBy(() -> CellValues.parse(GridColumn.of(SCHEMA, THING).getFirst(), "x", UTC)).isInstanceOf(CellValues.Refused.class);
    }

    @Test
    void filtersOnListsAndQuickSearchInAnyCase() {
        FilterGroup g = new FilterGroup(SCHEMA, THING);
        g.addCondition("tags", FilterOperator.HAS, "blue");
        g.addCondition("colour", FilterOperator.IS_NULL, "");
        g.addCondition("code", FilterOperator.CONTAINS, "ab").ignoreCaseProperty().set(true);
        assertThat(JsonCodec.write(g.toWhere(new FilterNode.Options(UTC, true)))).isEqualTo(
                "{\"AND\":[{\"tags\":{\"has\":\"blue\"}},{\"colour\":null},{\"code\":{\"contains\":\"ab\",\"mode\":\"insensitive\"}}]}");
        assertThat(JsonCodec.write(Wheres.quickSearch(GridColumn.of(SCHEMA, THING), "Green", new FilterNode.Options(UTC, true)))).isEqualTo(
                "{\"OR\":[{\"code\":{\"contains\":\"Green\",\"mode\":\"insensitive\"}},{\"colour\":{\"equals\":\"GREEN\"}}]}");
        assertThat(FilterOperator.forColumn(column("data"))).isEmpty();
        assertThat(FilterOperator.forColumn(column("colour"))).contains(FilterOperator.IS_NULL, FilterOperator.IN);
    }

    @Test
    void showsDateTimesAsJavaTimeWritesThem() {
        var seconds = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        var millis = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        for (ZoneId zone : java.util.List.of(ZoneOffset.UTC, ZoneId.of("Europe/Amsterdam"), ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kolkata"))) {
            for (String iso : java.util.List.of("2025-01-01T00:00:00.000Z", "2025-01-01T00:00:37.120Z", "1999-12-31T23:59:59.999Z",
                    "0001-01-01T00:00:00.000Z", "2024-02-29T12:30:05.007Z", "9999-12-31T23:59:59.000Z", "2025-03-30T01:30:00.000Z")) {
                var t = java.time.Instant.parse(iso).atZone(zone);
                String expected = (t.getNano() == 0 ? seconds : millis).format(t);
                assertThat(CellValues.dateTime(iso, zone)).as(iso + " in " + zone).isEqualTo(expected);
            }
        }
        assertThat(CellValues.dateTime("2025-01-01T00:00:00Z", ZoneOffset.UTC)).isEqualTo("2025-01-01 00:00:00");
        assertThat(CellValues.dateTime("2025-01-01T00:00:00.123456Z", ZoneOffset.UTC)).isEqualTo("2025-01-01 00:00:00.123");
        assertThat(CellValues.dateTime("2025-13-01T00:00:00.000Z", ZoneOffset.UTC)).isEqualTo("2025-13-01T00:00:00.000Z");
        assertThat(CellValues.dateTime("not a date", ZoneOffset.UTC)).isEqualTo("not a date");
    }

    @Test
    void writesCountsWithGroupingAndInAFewCharacters() {
        assertThat(RecordLabels.grouped(1_234_567)).isEqualTo(String.format("%,d", 1_234_567));
        assertThat(RecordLabels.count(1, "orders")).isEqualTo("1 order");
        assertThat(RecordLabels.count(12_000, "categories")).isEqualTo(String.format("%,d categories", 12_000));
        assertThat(GridPaging.compact(950)).isEqualTo("950");
        assertThat(GridPaging.compact(12_345)).isEqualTo("12.3 K");
        assertThat(GridPaging.compact(999_960)).isEqualTo("1.0 M");
        assertThat(GridPaging.compact(48_249_999)).isEqualTo("48.2 M");
        assertThat(GridPaging.compact(123_456_789)).isEqualTo("123 M");
        assertThat(GridPaging.compact(3_100_000_000L)).isEqualTo("3.1 B");
    }
}
