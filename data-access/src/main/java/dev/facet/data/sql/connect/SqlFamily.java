package dev.facet.data.sql.connect;

import dev.facet.schema.model.Provider;

/**
 * The SQL databases Facet speaks to, one constant per family of servers, and what every part of the SQL connector
 * spells the same way for it: identifier quoting. The query dialect ({@code SqlDialect}), the DDL dialect
 * ({@code ddl.Dialect}) and the connection setup all quote through {@link #quote}, so a database has exactly one
 * quoting function.
 */
public enum SqlFamily {
    /** PostgreSQL and CockroachDB: {@code "name"}. */
    POSTGRES('"'),
    /** MySQL and MariaDB: {@code `name`}. */
    MYSQL('`'),
    /** SQLite: {@code "name"}. */
    SQLITE('"');

    private final String quote;
    private final String doubled;

    SqlFamily(char quote) {
        this.quote = String.valueOf(quote);
        this.doubled = this.quote + this.quote;
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
}
