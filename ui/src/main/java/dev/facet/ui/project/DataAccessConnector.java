package dev.facet.ui.project;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.SchemaCreation;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;

/**
 * Connects through data-access ({@link Engines}, whose registry picks the connector from the schema's provider), whose
 * failures already carry Prisma's codes and never a password. A new SQLite file gets the schema's tables
 * ({@code facet push}) first when asked to create it.
 */
public final class DataAccessConnector implements DatabaseConnector {
    /**
     * The window's pool size when the URL does not say ({@code connection_limit}): one user, a few tasks at a time (the
     * executor runs three), instead of Prisma's server default of twice the processors plus one, which on a shared
     * production server is connections held for nobody.
     */
    public static final int WINDOW_CONNECTION_LIMIT = 3;

    @Override
    public QueryEngine connect(Schema schema, Path baseDirectory, String url, boolean create) throws OpenFailure {
        try {
            return Engines.open(schema, smallPool(url), baseDirectory, dev.facet.data.StatementCount.LOG, create);
        } catch (OpenError e) {
            if (e.kind() == OpenError.Kind.SETUP) {
                throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Could not create the tables: " + e.getMessage(), null);
            }
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        } catch (QueryError e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        }
    }

    @Override
    public java.util.Optional<SchemaCreation.Offer> offerCreation(Schema schema, Path baseDirectory, String url) {
        return SchemaCreation.offer(schema, url, baseDirectory);
    }

    @Override
    public String create(SchemaCreation.Offer offer) throws OpenFailure {
        try {
            return SchemaCreation.create(offer);
        } catch (OpenError e) {
            throw new OpenFailure(e.kind() == OpenError.Kind.SETUP ? OpenFailure.Kind.SETUP : OpenFailure.Kind.CONNECTION, e.code(),
                    e.getMessage(), null);
        }
    }

    @Override
    public String pull(String url) throws OpenFailure {
        try {
            return dev.facet.data.DatabasePull.pull(url, null, dev.facet.data.mongo.MongoSchemaPuller.DEFAULT_SAMPLE_SIZE).schema();
        } catch (QueryError e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        }
    }

    /** @return {@code url} with {@code connection_limit=3} on a PostgreSQL or MySQL URL that sets none */
    static String smallPool(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        boolean server = lower.startsWith("postgresql://") || lower.startsWith("postgres://") || lower.startsWith("mysql://");
        if (!server || lower.contains("connection_limit=")) return url;
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        return base + (base.contains("?") ? "&" : "?") + "connection_limit=" + WINDOW_CONNECTION_LIMIT + fragment;
    }
}
