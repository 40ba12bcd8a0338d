package dev.facet.data.sql;

import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement being built: SQL text with {@code ?} placeholders and the values bound to them, each
 * with the field that decides how it is bound. Values are never spliced into the text.
 */
final class Sql {
    /** A bound value and the field whose type it has (null for plain numbers). */
    record Param(ScalarField field, Object value) {}

    private final StringBuilder text = new StringBuilder();
    private final List<Param> params = new ArrayList<>();

    Sql append(String s) {
        text.append(s);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    Sql param(ScalarField field, Object value, SqlDialect dialect) {
        text.append(dialect.placeholder(field));
        params.add(new Param(field, value));
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        params.addAll(other.params);
        return this;
    }

    boolean isEmpty() { return text.isEmpty(); }

    String text() { return text.toString(); }

    List<Param> params() { return params; }

    @Override public String toString() { return text.toString(); }
}
