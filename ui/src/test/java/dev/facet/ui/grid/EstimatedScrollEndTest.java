package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.DirectTaskExecutor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scroll mode of a big table takes its length from the catalog's estimate (issue 17). When the estimate is high,
 * the read that reaches the real end comes back short: the grid ends there (the exact count, no empty rows below),
 * instead of waiting for "Count exactly".
 */
class EstimatedScrollEndTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final int REAL = 200_000;
    private static final int ESTIMATED = 250_000;
    private static final int PAGE = 100;

    private static Schema schema;
    private static TestDatabase database;

    @BeforeAll
    static void bigTableWithAHighEstimate() throws Exception {
        schema = SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "postgresql"
                }

                model Event {
                  id      Int    @id
                  payload String
                  @@map("events")
                }
                """)).schema().orElseThrow();
        database = DBS.fresh(DbKind.POSTGRES);
        SqlDatabase db = database.open();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // About 25 MB (past what is counted on sight), analysed at 250,000 rows; then a fifth deleted with no
            // new analysis: the catalog still says 250,000.
            s.execute("CREATE TABLE events (id integer PRIMARY KEY, payload text NOT NULL) WITH (autovacuum_enabled = false)");
            s.execute("INSERT INTO events SELECT g, repeat('x', 60) FROM generate_series(1, " + ESTIMATED + ") g");
            s.execute("ANALYZE events");
            s.execute("DELETE FROM events WHERE id > " + REAL);
        }
    }

    private ModelGridViewModel scrollingGrid(QueryEngine engine) {
        Project project = new Project(Path.of("schema.prisma").toAbsolutePath(), schema, engine, "postgresql://test");
        ModelGridViewModel vm = new ModelGridViewModel(project, schema.model("Event"), new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
        vm.pageSizeProperty().set(PAGE);
        vm.pagingModeProperty().set(ModelGridViewModel.PagingMode.SCROLL);
        vm.ensureLoaded();
        assertThat(vm.estimatedProperty().get()).isTrue();
        assertThat(vm.rows()).hasSize(ESTIMATED);
        return vm;
    }

    @Test
    void scrollingOnPastTheRealEndEndsTheGridThere() {
        try (QueryEngine engine = Engines.open(schema, database.url(), Path.of(""), null)) {
            ModelGridViewModel vm = scrollingGrid(engine);

            // The last real rows, then on from them: nothing more.
            vm.viewport(REAL - 50, REAL - 20);
            assertThat(vm.rows()).hasSize(ESTIMATED);
            vm.viewport(REAL - 10, REAL + 20);

            assertThat(vm.rows()).hasSize(REAL);
            assertThat(vm.estimatedProperty().get()).isFalse();
            assertThat(vm.totalCountProperty().get()).isEqualTo(REAL);
            assertThat(vm.rows().getLast().record().get("id").asInt()).isEqualTo(REAL);
        }
    }

    @Test
    void aJumpPastTheRealEndCountsExactly() {
        try (QueryEngine engine = Engines.open(schema, database.url(), Path.of(""), null)) {
            ModelGridViewModel vm = scrollingGrid(engine);

            vm.viewport(ESTIMATED - 30, ESTIMATED - 1);

            assertThat(vm.rows()).hasSize(REAL);
            assertThat(vm.estimatedProperty().get()).isFalse();
            assertThat(vm.totalCountProperty().get()).isEqualTo(REAL);
        }
    }
}
