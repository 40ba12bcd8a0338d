package dev.facet.data.sql.connect;

import dev.facet.schema.model.Provider;

/**
 * The SQL databases Facet speaks to, one constant per family of servers, and the facts about a database that every
 * part of the SQL connector reads instead of restating: how identifiers and string literals are spelled, how a table
 * in a namespace is named, and which kinds of types (scalar lists, enum types of their own) the database has.
 *
 * <p>Each database has one dialect with two parts: the query part ({@code sql.SqlDialect} and its per-database
 * classes) and the DDL part ({@code sql.ddl.DdlDialect} and its per-database classes, used by {@code facet push}).
 * Both take these facts from their {@link #family()}, so a database's quoting or capabilities are written once.
 */
public enum SqlFamily {
    /** PostgreSQL and CockroachDB: {@code "name"}, schemas, enum types, arrays. */
    POSTGRES('"', false, true, true, true),
    /** MySQL and MariaDB: {@code `name`}, backslash escapes in literals, enums as column types. */
    MYSQL('`', true, false, false, false),
    /** SQLite: {@code "name"}, no schemas, enums as text. */
    SQLITE('"', false, false, false, false);

    private final String quote;
    private final String doubled;
    private final boolean backslashEscapes;
    private final boolean namespaces;
    private final boolean enumTypes;
    private final boolean scalarLists;

    SqlFamily(char quote, boolean backslashEscapes, boolean namespaces, boolean enumTypes, boolean scalarLists) {
        this.quote = String.valueOf(quote);
        this.doubled = this.quote + this.quote;
        this.backslashEscapes = backslashEscapes;
        this.namespaces = namespaces;
        this.enumTypes = enumTypes;
        this.scalarLists = scalarLists;
    }

    /** @return the family a provider's databases belong to */
    public static SqlFamily of(Provider provider) {
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> POSTGRES;
            case MYSQL -> MYSQL;
            case SQLITE -> SQLITE;
            default -> throw new IllegalArgumentException(provider.id() + " is not a SQL database Facet supports");
        };
    }

    /** @return {@code identifier} quoted for this database, any quote character inside it doubled */
    public String quote(String identifier) {
        return quote + identifier.replace(quote, doubled) + quote;
    }

    /** @return the quoted name of {@code name} in the namespace {@code schema} ({@code "schema"."name"}), or of {@code name} alone when {@code schema} is null */
    public String qualified(String schema, String name) {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** @return {@code value} as a string literal of this database */
    public String stringLiteral(String value) {
        // Backslash is an escape character in MySQL string literals unless NO_BACKSLASH_ESCAPES is set.
        String escaped = backslashEscapes ? value.replace("\\", "\\\\") : value;
        return "'" + escaped.replace("'", "''") + "'";
    }

    /** @return whether tables live in schemas (namespaces) that a model's {@code @@schema} names */
    public boolean namespaces() { return namespaces; }

    /** @return whether an enum is a type of its own ({@code CREATE TYPE}, cast to by name) rather than a column type or text */
    public boolean enumTypes() { return enumTypes; }

    /** @return whether scalar list columns ({@code String[]}) exist */
    public boolean scalarLists() { return scalarLists; }
}
