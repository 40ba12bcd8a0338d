package dev.facet.schema.model;

import java.util.List;

/**
 * The primary key of a model, from {@code @id} or {@code @@id}.
 *
 * @param name         the client name ({@code @@id(name: ...)}), or null
 * @param databaseName the constraint name ({@code map:}), or null when the database default applies
 * @param fields       the fields in order
 * @param clustered    {@code clustered:} (SQL Server), or null
 * @param fromField    whether it was written as {@code @id}
 */
public record PrimaryKey(String name, String databaseName, List<IndexField> fields, Boolean clustered, boolean fromField) {
    public PrimaryKey { fields = List.copyOf(fields); }

    /** @return the field names in order */
    public List<String> fieldNames() { return fields.stream().map(IndexField::name).toList(); }

    /** @return whether the key has more than one field */
    public boolean isCompound() { return fields.size() > 1; }

    /** @return the name Prisma Client uses in {@code where}: {@code name}, else fields joined by {@code _} */
    public String clientName() { return name != null ? name : String.join("_", fieldNames()); }
}
