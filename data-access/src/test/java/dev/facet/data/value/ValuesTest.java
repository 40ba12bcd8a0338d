package dev.facet.data.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** The value conversions of {@link Values} at the edges where a value could be altered silently (issue 18). */
class ValuesTest {
    static JsonNode json(String text) { return JsonCodec.parse(text); }

    @Test
    void base64IsStrictAsPrismasEngineDecodesIt() {
        assertThat(Values.base64("AA==")).containsExactly(0);
        assertThat(Values.base64("+/+/")).containsExactly(0xfb, 0xff, 0xbf);
        assertThat(Values.base64("")).isEmpty();
        for (String bad : new String[] {"!!!", "A", "AA", "AA=", "AAA", "AAAAA", "AA==AA", "====", "-_-_", "A A=", "AAAA\n"}) {
            assertThatThrownBy(() -> Values.base64(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void wholeNumbersDropTheFractionAndStopAt64Bits() {
        assertThat(Values.wholeNumber(json("1.5"), "take")).isEqualTo(1);
        assertThat(Values.wholeNumber(json("-1.5"), "take")).isEqualTo(-1);
        assertThat(Values.wholeNumber(json("9223372036854775807"), "take")).isEqualTo(Long.MAX_VALUE);
        assertThat(Values.wholeNumber(json("-9223372036854775808.9"), "take")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Values.wholeNumber(json("9223372036854775808"), "take")).isInstanceOf(QueryError.class);
        assertThatThrownBy(() -> Values.wholeNumber(json("1e30"), "data.i"))
                .hasMessage("data.i: Unable to fit value 1e+30 into a 64-bit signed integer for field `i`");
        // Refused without writing out a billion digits.
        assertThatThrownBy(() -> Values.wholeNumber(json("1e1000000000"), "skip")).isInstanceOf(QueryError.class);
        assertThat(Values.wholeNumber(json("1e-1000000000"), "skip")).isZero();
    }

    @Test
    void decimalsBeyondEveryDatabaseAreRefusedAndTinyOnesRoundToZero() {
        assertThatThrownBy(() -> Values.decimalInRange(new BigDecimal("1e1000000000"), "data.d"))
                .isInstanceOfSatisfying(QueryError.class, e -> assertThat(e.code()).isEqualTo("P2020"))
                .hasMessageStartingWith("Value out of range for the type: the Decimal 1e+1000000000 at data.d");
        assertThat(Values.decimalInRange(new BigDecimal("1e131071"), "d")).isEqualByComparingTo("1e131071");
        assertThatThrownBy(() -> Values.decimalInRange(new BigDecimal("1e131072"), "d")).isInstanceOf(QueryError.class);
        assertThat(Values.decimalInRange(new BigDecimal("1e-1000000000"), "d")).isZero();
        assertThat(Values.decimalInRange(new BigDecimal("-1e-16384"), "d").signum()).isZero();
        assertThat(Values.decimalInRange(new BigDecimal("0e-1000000000"), "d").signum()).isZero();
        assertThat(Values.decimalInRange(new BigDecimal("1.5e-16383"), "d")).isEqualByComparingTo("2e-16383");
        assertThat(Values.decimalInRange(new BigDecimal("12.5"), "d")).isEqualTo(new BigDecimal("12.5"));
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() {
        assertThat(Values.wellFormed("plain")).isSameAs("plain");
        assertThat(Values.wellFormed("a\uD800b")).isEqualTo("a\uFFFDb");
        assertThat(Values.wellFormed("\uDC00\uD83D")).isEqualTo("\uFFFD\uFFFD");
        assertThat(Values.wellFormed("😀 \uD83D\uDE00")).isEqualTo("😀 😀");
    }

    @Test
    void dateTimesHaveFourDigitYears() {
        assertThat(Values.parseDateTime("0000-01-01T00:00:00.000Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(Values.parseDateTime("2024-02-29T12:00:00.1239+14:00")).isEqualTo(Instant.parse("2024-02-28T22:00:00.123Z"));
        for (String bad : new String[] {"-000001-01-01T00:00:00.000Z", "+010000-01-01T00:00:00.000Z", "10000-01-01T00:00:00Z", "24-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> Values.parseDateTime(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void theYearZeroIsWrittenAsSuch() {
        var field = new dev.facet.schema.model.ScalarField("at", "at", dev.facet.schema.model.FieldKind.SCALAR, dev.facet.schema.model.ScalarType.DATE_TIME,
                "DateTime", dev.facet.schema.model.FieldArity.OPTIONAL, null, null, null, false, false, false, false, null, null);
        assertThat(Values.toJson(field, Instant.parse("0000-01-01T00:00:00Z")).asText()).isEqualTo("0000-01-01T00:00:00.000Z");
        assertThat(Values.toJson(field, Instant.parse("-0001-06-01T00:00:00Z")).asText()).isEqualTo("-0001-06-01T00:00:00.000Z");
    }
}
