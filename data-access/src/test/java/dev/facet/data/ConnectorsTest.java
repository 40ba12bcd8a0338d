package dev.facet.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.data.sql.SqlConnectorFactory;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connector registry picks the connector from the provider, and says plainly when Facet has none. */
class ConnectorsTest {
    @TempDir Path dir;

    private static Schema schema(String provider) {
        return SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "%s"
                }
                model User {
                  id String @id @map("_id")
                }
                """.formatted(provider))).schema().orElseThrow();
    }

    @Test
    void everySqlProviderIsServedByTheSqlConnector() {
        for (Provider p : new Provider[] {Provider.POSTGRESQL, Provider.COCKROACHDB, Provider.MYSQL, Provider.SQLITE}) {
            assertEquals(SqlConnectorFactory.class, Connectors.forProvider(p).getClass(), p.id());
        }
    }

    @Test
    void mongodbIsServedByTheMongoConnector() {
        assertEquals(dev.facet.data.mongo.MongoConnectorFactory.class, Connectors.forProvider(Provider.MONGODB).getClass());
    }

    @Test
    void aProviderWithoutConnectorIsNamedAsNotOpenableYetRatherThanUnreachable() {
        OpenError e = assertThrows(OpenError.class, () -> Engines.open(schema("sqlserver"), "sqlserver://localhost", dir, null));
        assertEquals(OpenError.Kind.NO_CONNECTOR, e.kind());
        assertEquals("Facet cannot open sqlserver databases yet (PostgreSQL, CockroachDB, MySQL/MariaDB and SQLite; MongoDB work)", e.getMessage());
    }

    @Test
    void anUnreachableDatabaseIsPrismasP1001OrItsOwnCode() {
        QueryError e = assertThrows(QueryError.class, () -> Engines.open(schema("sqlite"), "file:./missing/none.db", dir, null));
        assertEquals("P1003", e.code(), e.getMessage());
    }

    @Test
    void aNewSqliteFileIsCreatedWithItsTablesWhenAsked() throws Exception {
        try (QueryEngine engine = Engines.open(schema("sqlite"), "file:./new.db", dir, null, true)) {
            assertEquals("0", engine.execute("User", "count", null).toString());
        }
    }
}
