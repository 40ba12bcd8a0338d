package dev.facet.ui.project;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
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
    @Override
    public QueryEngine connect(Schema schema, Path baseDirectory, String url, boolean create) throws OpenFailure {
        try {
            return Engines.open(schema, url, baseDirectory, dev.facet.data.StatementCount.LOG, create);
        } catch (OpenError e) {
            if (e.kind() == OpenError.Kind.SETUP) {
                throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Could not create the tables: " + e.getMessage(), null);
            }
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        } catch (QueryError e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        }
    }
}
