package dev.facet.data;

import dev.facet.data.error.QueryError;
import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoSchemaPuller;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.introspect.DatabaseCatalog;
import dev.facet.data.sql.introspect.IntrospectionException;
import dev.facet.data.sql.introspect.SchemaPuller;
import dev.facet.data.sql.introspect.SchemaWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code facet pull} and File › Open Database: the Prisma schema {@code prisma db pull} would write for the database at
 * a URL, from its catalog (SQL) or from samples of its documents (MongoDB).
 */
public final class DatabasePull {
    private DatabasePull() {}

    /**
     * A pulled schema.
     *
     * @param schema      the schema text, formatted as {@code prisma format} formats it
     * @param description the database, as Prisma describes it ({@code PostgreSQL database "shop", schema "public" at ...})
     */
    public record Pulled(String schema, String description) {}

    /**
     * @param url          the database URL ({@code postgresql://}, {@code mysql://}, {@code file:}, {@code mongodb://})
     * @param baseDirectory the folder a relative SQLite path resolves against; null for the working directory
     * @param sampleSize   MongoDB: documents sampled per collection
     * @return the schema
     * @throws QueryError with Prisma's code: P1000/P1001/P1003/P1013 when the database cannot be reached, P4001 when it
     *                    has no table, P4002 when its catalog cannot be read
     */
    public static Pulled pull(String url, Path baseDirectory, int sampleSize) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("mongodb://") || lower.startsWith("mongodb+srv://")) {
            try (MongoConnection db = MongoConnection.open(url, null)) {
                return new Pulled(MongoSchemaPuller.pull(db, sampleSize).schema(),
                        db.describe() + " (sampling " + sampleSize + " documents per collection)");
            }
        }
        DatabaseCatalog catalog;
        String description;
        try (SqlDatabase db = SqlDatabase.open(null, DatabaseUrl.parse(url, baseDirectory), false)) {
            description = db.describe();
            catalog = SchemaPuller.catalog(db);
        } catch (DatabaseConnectionException e) {
            throw new QueryError(e.prismaCode() != null ? e.prismaCode() : "P1001", e.getMessage(), e);
        } catch (IntrospectionException e) {
            throw new QueryError("P4002", e.getMessage(), e);
        }
        // Prisma's words for the same case.
        if (catalog.tables().isEmpty() && catalog.views().isEmpty()) throw new QueryError("P4001", "The introspected database was empty: " + description);
        return new Pulled(SchemaWriter.write(catalog), description);
    }
}
