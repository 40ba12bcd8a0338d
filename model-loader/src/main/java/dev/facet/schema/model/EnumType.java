package dev.facet.schema.model;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * An {@code enum} block.
 *
 * @param name          the name
 * @param databaseName  the database type name ({@code @@map}, else the name)
 * @param values        the values in written order
 * @param schema        the {@code @@schema}, or null
 * @param documentation the {@code ///} comment, or null
 * @param span          where it is declared
 */
public record EnumType(String name, String databaseName, List<EnumValue> values, String schema, String documentation,
                       Span span) {
    public EnumType { values = List.copyOf(values); }

    /** @return the value with this client name, or null */
    public EnumValue value(String valueName) {
        for (EnumValue v : values) if (v.name().equals(valueName)) return v;
        return null;
    }
}
