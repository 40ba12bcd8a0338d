package dev.facet.ui.project;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.QueryError;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Connects through data-access ({@link Engines}: a pooled SQL database for PostgreSQL, CockroachDB, MySQL/MariaDB and
 * SQLite), whose failures already carry Prisma's codes and never a password. A new SQLite file gets the schema's tables
 * ({@code facet push}) first when asked to create it.
 */
public final class SqlProjectConnector implements DatabaseConnector {
    @Override
    public QueryEngine connect(Schema schema, Path baseDirectory, String url, boolean create) throws OpenFailure {
        Provider provider = schema.provider().orElse(null);
        if (provider == Provider.MONGODB || provider == Provider.SQLSERVER) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, null,
                    "Facet cannot open " + provider.id() + " databases yet (PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite work)", null);
        }
        try {
            DatabaseUrl parsed = DatabaseUrl.parse(url, baseDirectory);
            if (create && parsed.scheme() == DatabaseUrl.Scheme.SQLITE && !Files.exists(parsed.file())) {
                try (SqlDatabase database = SqlDatabase.open(provider, parsed, true)) {
                    SchemaPusher.push(schema, database);
                }
            }
            return Engines.open(schema, url, baseDirectory, null);
        } catch (DatabaseConnectionException e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.prismaCode(), e.getMessage(), null);
        } catch (QueryError e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.code(), e.getMessage(), null);
        } catch (SchemaPushException e) {
            throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Could not create the tables: " + e.getMessage(), null);
        }
    }
}
