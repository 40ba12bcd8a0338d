package dev.facet.data.connector;

import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Opens the {@link Connector} of the providers it serves. The registry ({@code dev.facet.data.Connectors}) lists one
 * factory per connector and picks by the schema's provider: adding a database is adding a factory there.
 */
public interface ConnectorFactory {
    /** @return the providers this factory opens */
    Set<Provider> providers();

    /** @return the databases it opens, for messages ("PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite") */
    String databases();

    /**
     * Opens a connector.
     *
     * @param schema        a valid schema whose provider is one of {@link #providers()}
     * @param url           the connection URL, unmasked (Prisma style: {@code postgresql://}, {@code file:}, ...)
     * @param schemaFolder  the folder relative file paths resolve against (the schema's folder)
     * @param statementLog  receives every statement run, or null
     * @param createMissing whether a database that does not exist yet (a new SQLite file) is created with the
     *                      schema's tables
     * @param statementTimeout how long the server may run one statement (zero: no limit), or null for the
     *                      connector's default
     * @return the connector; closing it releases its connections
     * @throws dev.facet.data.error.OpenError of kind CONNECTION (with Prisma's code where it has one) or SETUP
     */
    Connector open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean createMissing,
                   java.time.Duration statementTimeout);
}
