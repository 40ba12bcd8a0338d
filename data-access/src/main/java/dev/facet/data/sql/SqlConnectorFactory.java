package dev.facet.data.sql;

import dev.facet.data.connector.Connector;
import dev.facet.data.connector.ConnectorFactory;
import dev.facet.data.error.OpenError;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/** Opens the {@link SqlConnector}: a pooled database for PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite. */
public final class SqlConnectorFactory implements ConnectorFactory {
    private static final Set<Provider> PROVIDERS = Set.of(Provider.POSTGRESQL, Provider.COCKROACHDB, Provider.MYSQL, Provider.SQLITE);

    @Override
    public Set<Provider> providers() { return PROVIDERS; }

    @Override
    public String databases() { return "PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite"; }

    /** A missing SQLite file is created with the schema's tables ({@code facet push}) when {@code createMissing}. */
    @Override
    public Connector open(Schema schema, String url, Path schemaFolder, Consumer<String> statementLog, boolean createMissing,
                          java.time.Duration statementTimeout) {
        Provider provider = schema.provider().orElseThrow();
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url, schemaFolder);
            if (createMissing && parsed.scheme() == DatabaseUrl.Scheme.SQLITE && !Files.exists(parsed.file())) {
                try (SqlDatabase database = SqlDatabase.open(provider, parsed, true)) {
                    SchemaPusher.push(schema, database);
                }
            }
        } catch (DatabaseConnectionException e) {
            throw new OpenError(OpenError.Kind.CONNECTION, e.prismaCode(), e.getMessage(), e);
        } catch (SchemaPushException e) {
            throw new OpenError(OpenError.Kind.SETUP, null, e.getMessage(), e);
        }
        try {
            SqlDatabase database = SqlDatabase.open(provider, parsed, false,
                    statementTimeout != null ? statementTimeout : SqlDatabase.defaultStatementTimeout());
            return new SqlConnector(schema, database.dataSource(), database, statementLog);
        } catch (DatabaseConnectionException e) {
            // Failures Prisma has no code for (OTHER) are still reported as "cannot reach the database".
            throw new OpenError(OpenError.Kind.CONNECTION, e.prismaCode() != null ? e.prismaCode() : "P1001", e.getMessage(), e);
        }
    }
}
