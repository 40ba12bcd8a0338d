package dev.facet.data.sql.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.connector.RowEstimate;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row counts from the catalog, never counted: what the sidebar shows on a big shared server. */
class RowEstimatesTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static Schema schema(DbKind kind) {
        String provider = switch (kind) { case POSTGRES -> "postgresql"; case MYSQL -> "mysql"; case SQLITE -> "sqlite"; };
        return SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "%s"
                }
                model Event {
                  id   Int    @id @default(autoincrement())
                  name String
                  @@map("events")
                }
                model Empty {
                  id Int @id
                }
                """.formatted(provider))).schema().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void analysedTablesGiveTheirEstimateAndSmallOnesAreCheapToCount(DbKind kind) throws Exception {
        Schema schema = schema(kind);
        SqlDatabase db = DBS.fresh(kind).open();
        SchemaPusher.push(schema, db);
        QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, db.dataSource(), db, null));
        StringBuilder rows = new StringBuilder("[");
        for (int i = 0; i < 500; i++) rows.append(i == 0 ? "" : ",").append("{\"name\": \"e").append(i).append("\"}");
        engine.execute("Event", "createMany", JsonCodec.parse("{\"data\": " + rows + "]}"));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(switch (kind) { case POSTGRES -> "ANALYZE events"; case MYSQL -> "ANALYZE TABLE events"; case SQLITE -> "ANALYZE"; });
        }

        Map<String, RowEstimate> estimates = engine.estimateRows(List.of("Event", "Empty"));

        assertThat(estimates.get("Event").cheapToCount()).isTrue();
        // InnoDB samples pages: near, not always exact.
        assertThat(estimates.get("Event").rows()).isBetween(kind == DbKind.MYSQL ? 250L : 500L, kind == DbKind.MYSQL ? 750L : 500L);
        assertThat(estimates).containsKey("Empty");
        assertThat(estimates.get("Empty").cheapToCount()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void inABigSqliteFileSmallTablesAreStillCheapToCountAndBigOnesAreNot() throws Exception {
        Schema schema = schema(DbKind.SQLITE);
        SqlDatabase db = DBS.fresh(DbKind.SQLITE).open();
        SchemaPusher.push(schema, db);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // Past the size below which the whole file counts as cheap, without writing row after row.
            s.execute("CREATE TABLE pad (b BLOB)");
            s.execute("INSERT INTO pad VALUES (zeroblob(" + (RowEstimates.CHEAP_SQLITE_FILE + 1024 * 1024) + "))");
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + (RowEstimates.SQLITE_PROBE_ROWS + 5)
                    + ") INSERT INTO events (name) SELECT 'e' || i FROM n");
        }
        QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, db.dataSource(), db, null));

        Map<String, RowEstimate> estimates = engine.estimateRows(List.of("Event", "Empty"));

        assertThat(estimates.get("Empty").cheapToCount()).isTrue();
        assertThat(estimates.get("Event").cheapToCount()).isFalse();
        assertThat(estimates.get("Event").rows()).isEqualTo(-1L);
    }
}
