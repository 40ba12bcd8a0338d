package dev.facet.schema.model;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * A composite {@code type} block (embedded documents, MongoDB).
 *
 * @param name          the name
 * @param fields        the fields in written order
 * @param documentation the {@code ///} comment, or null
 * @param span          where it is declared
 */
public record CompositeType(String name, List<ScalarField> fields, String documentation, Span span) {
    public CompositeType { fields = List.copyOf(fields); }

    /** @return the field with this name, or null */
    public ScalarField field(String fieldName) {
        for (ScalarField f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }
}
