package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A million rows through the view model: the first page, a jump to the middle and to the end while
 * scrolling, and the rows kept in memory. Opt-in ({@code -Dfacet.bigGrid=true}): it builds a 1,000,000-row
 * database first. Figures go to the log, not into assertions, except the bounds that must hold.
 */
@EnabledIfSystemProperty(named = "facet.bigGrid", matches = "true")
class BigGridCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BigGridCheck.class);
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionRows() throws Exception {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "sqlite"
                  url      = "file:./big.db"
                }

                model Event {
                  id     Int      @id @default(autoincrement())
                  name   String
                  at     DateTime
                  amount Decimal
                }
                """)).schema().orElseThrow();
        String url = "jdbc:sqlite:" + dir.resolve("big.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        SchemaPusher.push(schema, ds, Provider.SQLITE, null);
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement ps = c.prepareStatement("INSERT INTO \"Event\" (name, at, amount) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= ROWS; i++) {
                ps.setString(1, "Event " + i);
                ps.setString(2, "2025-01-01T00:00:00.000Z");
                ps.setString(3, i + ".50");
                ps.addBatch();
                if (i % 10_000 == 0) ps.executeBatch();
            }
            c.commit();
        }
        try (QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, ds, null, null))) {
            Project project = new Project(dir.resolve("schema.prisma"), schema, engine, "file:./big.db");
            ModelGridViewModel vm = new ModelGridViewModel(project, schema.model("Event"), new DirectTaskExecutor(), null,
                    GridLayout.Store.inMemory());
            vm.pagingModeProperty().set(ModelGridViewModel.PagingMode.SCROLL);
            long t0 = System.nanoTime();
            vm.ensureLoaded();
            long first = (System.nanoTime() - t0) / 1_000_000;
            assertThat(vm.rows()).hasSize(ROWS);
            t0 = System.nanoTime();
            vm.viewport(500_000, 500_030);
            long middle = (System.nanoTime() - t0) / 1_000_000;
            assertThat(vm.rows().get(500_010).record().get("id").asInt()).isEqualTo(500_011);
            t0 = System.nanoTime();
            vm.viewport(ROWS - 30, ROWS - 1);
            long end = (System.nanoTime() - t0) / 1_000_000;
            for (int i = 0; i < 200; i++) vm.viewport(i * 5_000, i * 5_000 + 30);
            int held = ((RowList) vm.rows()).loadedRows().size();
            LOG.info("1,000,000 rows: first page and count {} ms, middle {} ms, end {} ms, rows held after 200 jumps {}", first, middle, end, held);
            assertThat(held).isLessThanOrEqualTo(5_000 + 100);
            vm.toggleSort("name", false);
            t0 = System.nanoTime();
            vm.viewport(900_000, 900_030);
            LOG.info("sorted by an unindexed text column, row 900,000: {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
