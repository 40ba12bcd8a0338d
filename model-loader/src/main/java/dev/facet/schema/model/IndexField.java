package dev.facet.schema.model;

/**
 * One field of an id, unique constraint or index.
 *
 * @param name          the field name (for composite types, a dotted path)
 * @param sort          {@code "Asc"}, {@code "Desc"} or null when not given
 * @param length        the prefix length, or null
 * @param operatorClass the PostgreSQL operator class, or null
 */
public record IndexField(String name, String sort, Integer length, String operatorClass) {
    /** @return a field with nothing but its name */
    public static IndexField of(String name) { return new IndexField(name, null, null, null); }
}
