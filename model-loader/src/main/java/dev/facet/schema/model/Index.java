package dev.facet.schema.model;

import java.util.List;

/**
 * A unique constraint or index from {@code @unique}, {@code @@unique}, {@code @@index} or {@code @@fulltext}.
 *
 * @param kind         unique, normal or fulltext
 * @param name         the client name ({@code @@unique(name: ...)}), or null
 * @param databaseName the constraint name: {@code map:} if given, else Prisma's default name
 * @param fields       the fields in order
 * @param type         the index type ({@code BTree}, {@code Hash}, {@code Gin}, ...), or null
 * @param clustered    {@code clustered:} (SQL Server), or null
 * @param fromField    whether it was written as a field attribute ({@code @unique})
 */
public record Index(IndexKind kind, String name, String databaseName, List<IndexField> fields, String type,
                    Boolean clustered, boolean fromField) {
    public Index { fields = List.copyOf(fields); }

    /** @return the field names in order */
    public List<String> fieldNames() { return fields.stream().map(IndexField::name).toList(); }

    /** @return the name Prisma Client uses for a compound unique: {@code name}, else fields joined by {@code _} */
    public String clientName() { return name != null ? name : String.join("_", fieldNames()); }
}
