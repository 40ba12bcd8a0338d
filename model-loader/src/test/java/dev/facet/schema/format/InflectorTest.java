package dev.facet.schema.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectorTest {
    @ParameterizedTest
    @CsvSource({"Book, book", "OhWhatAUser, ohWhatAUser", "Edition2, edition2", "book_shelf, bookShelf",
            "HTTPRequest, httpRequest", "lowercase, lowercase"})
    void camelCase(String name, String expected) {
        assertThat(Inflector.camelCase(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"book, books", "edition2, edition2s", "copy, copies", "day, days", "branch, branches",
            "address, addresses", "status, statuses", "person, people", "salesPerson, salesPeople",
            "shelf, shelves", "knife, knives", "information, information", "datum, data", "analysis, analyses",
            "mouse, mice", "box, boxes", "series, series", "human, humans", "bookCategory, bookCategories"})
    void plural(String word, String expected) {
        assertThat(Inflector.plural(word)).isEqualTo(expected);
    }
}
