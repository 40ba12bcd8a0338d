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

/**
 * A million rows through the view model: the first page, a jump to the middle and to the end while
 * scrolling, and the rows kept in memory. Opt-in ({@code -Dfacet.bigGrid=true}): it builds a 1,000,000-row
 * database first. Figures are printed (the point of running it), not asserted, except the bounds that must hold.
 */
@EnabledIfSystemProperty(named = "facet.bigGrid", matches = "true")
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class BigGridCheck {
    javafx.stage.Stage stage;

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage stage) {
        this.stage = stage;
        GridFx.lightTheme();
    }

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    private static void report(String format, Object... args) { System.out.println("BigGridCheck: " + String.format(format, args)); }

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
            report("1,000,000 rows: first page and count %d ms, middle %d ms, end %d ms, rows held after 200 jumps %d", first, middle, end, held);
            assertThat(held).isLessThanOrEqualTo(5_000 + 100);
            vm.toggleSort("name", false);
            t0 = System.nanoTime();
            vm.viewport(900_000, 900_030);
            report("sorted by an unindexed text column, row 900,000: %d ms", (System.nanoTime() - t0) / 1_000_000);

            // On screen: the table holds a million rows and scrolls to the end without reading the rest.
            try (var executor = new dev.facet.ui.task.FxTaskExecutor()) {
                ModelGridView view = null;
                for (int attempt = 1; attempt <= 3; attempt++) {
                    long[] drawn = new long[1];
                    long shown = System.nanoTime();
                    ModelGridView v = GridFx.onFx(() -> {
                        var onScreen = new ModelGridViewModel(project, schema.model("Event"), executor, null, GridLayout.Store.inMemory());
                        onScreen.pagingModeProperty().set(ModelGridViewModel.PagingMode.SCROLL);
                        onScreen.rowsProperty().addListener(o -> drawn[0] = System.nanoTime());
                        ModelGridView created = new ModelGridView(onScreen);
                        stage.setScene(new javafx.scene.Scene(created, 1200, 700));
                        stage.show();
                        return created;
                    });
                    GridFx.waitUntil(() -> v.viewModel().rows().size() == ROWS && v.viewModel().rows().getFirst().isLoaded());
                    report("on screen (open %d): rows in the table %d ms after the grid was made", attempt, (drawn[0] - shown) / 1_000_000);
                    view = v;
                }
                ModelGridView last = view;
                GridFx.fx(() -> last.table().scrollTo(ROWS - 1));
                GridFx.waitUntil(() -> last.viewModel().rows().get(ROWS - 1).isLoaded());
                GridFx.fx(() -> last.table().scrollTo(ROWS / 2));
                GridFx.waitUntil(() -> last.viewModel().rows().get(ROWS / 2 + 5).isLoaded());
                assertThat(last.viewModel().rangeTextProperty().get()).startsWith("500,001–");
                GridFx.snapshot(last.getScene(), "million");
            }
        }
    }
}
