package dev.facet.data.testdb;

import dev.facet.schema.model.Provider;

/** The databases the behavioural tests run against. */
public enum DbKind {
    /** PostgreSQL: embedded, or {@code FACET_TEST_POSTGRES_URL}. */
    POSTGRES(Provider.POSTGRESQL),
    /** MariaDB through Connector/J: embedded, or a MySQL/MariaDB server from {@code FACET_TEST_MYSQL_URL}. */
    MYSQL(Provider.MYSQL),
    /** A SQLite file in a temporary folder. */
    SQLITE(Provider.SQLITE);

    private final Provider provider;

    DbKind(Provider provider) { this.provider = provider; }

    /** @return the datasource provider a schema for this database declares */
    public Provider provider() { return provider; }
}
