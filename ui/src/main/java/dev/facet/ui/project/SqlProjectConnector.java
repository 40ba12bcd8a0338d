package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlEngines;
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
 * Connects through data-access's SQL connector: a pooled {@link SqlDatabase} (PostgreSQL, CockroachDB,
 * MySQL/MariaDB, SQLite), whose failures already carry Prisma's codes and never a password. A new SQLite file gets
 * the schema's tables ({@code facet push}) when asked to create it.
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
            boolean fresh = create && parsed.scheme() == DatabaseUrl.Scheme.SQLITE && !Files.exists(parsed.file());
            SqlDatabase database = SqlDatabase.open(provider, parsed, create);
            try {
                if (fresh) SchemaPusher.push(schema, database);
                return SqlEngines.open(schema, database);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (DatabaseConnectionException e) {
            throw new OpenFailure(OpenFailure.Kind.CONNECTION, e.prismaCode(), e.getMessage(), null);
        } catch (SchemaPushException e) {
            throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Could not create the tables: " + e.getMessage(), null);
        }
    }
}
