package dev.facet.schema.model;

import java.util.Optional;

/** A datasource provider, with the capabilities that decide which schema rules apply. */
public enum Provider {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    SQLITE("sqlite"),
    MONGODB("mongodb"),
    COCKROACHDB("cockroachdb"),
    SQLSERVER("sqlserver");

    private final String id;

    Provider(String id) { this.id = id; }

    /** @return the canonical provider string ({@code postgres} is an alias of {@code postgresql}) */
    public String id() { return id; }

    /** @return the provider named {@code name} as written in a datasource, if it is one */
    public static Optional<Provider> fromName(String name) {
        if ("postgres".equals(name)) return Optional.of(POSTGRESQL);
        for (Provider p : values()) if (p.id.equals(name)) return Optional.of(p);
        return Optional.empty();
    }

    /** @return whether the database enforces foreign keys (when {@code relationMode} is not {@code prisma}) */
    public boolean supportsForeignKeys() { return this != MONGODB; }

    /** @return whether enums are native database types */
    public boolean supportsEnums() { return this != SQLITE && this != SQLSERVER; }

    /** @return whether scalar lists are supported */
    public boolean supportsScalarLists() { return this == POSTGRESQL || this == COCKROACHDB || this == MONGODB; }

    /** @return whether composite types are supported */
    public boolean supportsCompositeTypes() { return this == MONGODB; }

    /** @return whether several database schemas ({@code schemas = [...]}, {@code @@schema}) are supported */
    public boolean supportsMultiSchema() { return this == POSTGRESQL || this == COCKROACHDB || this == SQLSERVER; }

    /** @return whether the {@code Json} type is supported */
    public boolean supportsJson() { return this != SQLSERVER; }

    /** @return whether the connector has the Decimal type (MongoDB's has not) */
    public boolean supportsDecimal() { return this != MONGODB; }

    /** @return whether this is a relational (SQL) database */
    public boolean isSql() { return this != MONGODB; }
}
