package dev.facet.data;

import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoConnector;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens a {@link QueryEngine} on the database a schema describes: the connector follows the provider. */
public final class Engines {
    private Engines() {}

    /**
     * @param schema       the loaded schema
     * @param url          the connection URL (Prisma style: {@code postgresql://}, {@code mysql://}, {@code file:}, {@code mongodb://})
     * @param schemaFolder the folder relative SQLite paths resolve against (the schema's folder)
     * @param statementLog receives every statement run, or null
     * @return an engine; close it to release the connection pool
     * @throws QueryError with P1000/P1001/P1003/P1013 when the database cannot be reached, never showing the password
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog) {
        return open(schema, url, schemaFolder, statementLog, false);
    }

    /**
     * As {@link #open(Schema, String, Path, Consumer)}.
     *
     * @param allowNonAtomicWrites on a database without transactions (a standalone MongoDB server), run writes that
     *                             change several documents anyway, one command after another, instead of refusing
     *                             them with P2031
     */
    public static QueryEngine open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean allowNonAtomicWrites) {
        Provider provider = schema.provider().orElseThrow(() -> new QueryError("P1012", "The schema has no datasource block."));
        if (provider == Provider.MONGODB) {
            MongoConnection connection = MongoConnection.open(url, statementLog);
            MongoConnector connector = new MongoConnector(schema, connection);
            connector.allowNonAtomicWrites(allowNonAtomicWrites);
            return new QueryEngine(schema, connector);
        }
        if (!provider.isSql()) {
            // Not a connection failure: Facet has no connector for this provider.
            throw new QueryError("P1012", "Facet cannot open " + provider.id() + " databases yet.");
        }
        try {
            SqlDatabase database = SqlDatabase.open(provider, DatabaseUrl.parse(url, schemaFolder));
            return new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), database, statementLog));
        } catch (DatabaseConnectionException e) {
            // Failures Prisma has no code for (OTHER) are still reported as "cannot reach the database".
            throw new QueryError(e.prismaCode() != null ? e.prismaCode() : "P1001", e.getMessage());
        }
    }
}
