package dev.facet.data;

import dev.facet.data.connector.Connector;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens a {@link QueryEngine} on the database a schema describes: the connector follows the provider ({@link Connectors}). */
public final class Engines {
    private Engines() {}

    /**
     * Opens an engine as the commands do: connection failures become Prisma's errors.
     *
     * @param schema       the loaded schema
     * @param url          the connection URL (Prisma style: {@code postgresql://}, {@code mysql://}, {@code file:}, {@code mongodb://})
     * @param schemaFolder the folder relative SQLite paths resolve against (the schema's folder)
     * @param statementLog receives every statement run, or null
     * @return an engine; close it to release the connection pool
     * @throws QueryError with P1000/P1001/P1003/P1013 when the database cannot be reached, never showing the password
     * @throws OpenError  of kind NO_CONNECTOR when Facet has no connector for the schema's provider
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog) {
        return open(schema, url, schemaFolder, statementLog, (java.time.Duration) null);
    }

    /**
     * Opens an engine as the commands do, with a statement time limit.
     *
     * @param statementTimeout how long the server lets one statement run (zero: no limit); null for the connector's
     *                         default (for SQL: {@code SqlDatabase.defaultStatementTimeout()})
     * @throws QueryError with P1000/P1001/P1003/P1013 when the database cannot be reached, never showing the password
     * @throws OpenError  of kind NO_CONNECTOR when Facet has no connector for the schema's provider
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, java.time.Duration statementTimeout) {
        return open(schema, url, schemaFolder, statementLog, statementTimeout, false);
    }

    /**
     * As {@link #open(Schema, String, Path, Consumer, java.time.Duration)}.
     *
     * @param allowNonAtomicWrites on a database without transactions (a standalone MongoDB server), run writes that
     *                             change several records anyway, one command after another, instead of refusing
     *                             them with P2031 (see {@link dev.facet.data.connector.Connector#allowNonAtomicWrites})
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, java.time.Duration statementTimeout,
                                   boolean allowNonAtomicWrites) {
        try {
            return open(schema, url, schemaFolder, statementLog, false, statementTimeout, allowNonAtomicWrites);
        } catch (OpenError e) {
            if (e.kind() == OpenError.Kind.NO_CONNECTOR) throw e;
            // Failures Prisma has no code for are still reported as "cannot reach the database".
            throw new QueryError(e.code() != null ? e.code() : "P1001", e.getMessage(), e);
        }
    }

    /**
     * Opens an engine as the window does, telling apart why opening failed.
     *
     * @param createMissing whether a database that does not exist yet (a new SQLite file) is created with the
     *                      schema's tables
     * @throws QueryError P1012 when the schema has no datasource
     * @throws OpenError  when no connector serves the provider, the database cannot be reached or not be set up
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean createMissing) {
        return open(schema, url, schemaFolder, statementLog, createMissing, null, false);
    }

    private static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean createMissing,
                                    java.time.Duration statementTimeout, boolean allowNonAtomicWrites) {
        Provider provider = schema.provider().orElseThrow(() -> new QueryError("P1012", "The schema has no datasource block."));
        Connector connector = Connectors.forProvider(provider).open(schema, url, schemaFolder, statementLog, createMissing, statementTimeout);
        connector.allowNonAtomicWrites(allowNonAtomicWrites);
        return new QueryEngine(schema, connector);
    }
}
