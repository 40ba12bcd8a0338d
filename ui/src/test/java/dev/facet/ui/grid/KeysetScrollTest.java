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
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Moving on through a big table costs what its start costs (issue 17): scrolling and "next page" read the rows after
 * the last one shown with Prisma's cursor (keyset: {@code WHERE id > ...}), never a growing OFFSET; only a jump far
 * away skips by offset.
 */
class KeysetScrollTest {
    private static final int PAGE = 50;
    private static final int PAGES = 10_000;

    /** From the cursor row on, one row skipped: the only OFFSET is 1. */
    private static final String KEYSET_AFTER = ".*t0\\.\"id\" >= \\(SELECT .*ORDER BY t0\\.\"id\" ASC LIMIT 50 OFFSET 1";

    @TempDir Path dir;

    @Test
    void theTenThousandthPageReachedByScrollingIsReadWithAKeysetStatement() throws Exception {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "sqlite"
                  url      = "file:./keyset.db"
                }

                model Event {
                  id   Int    @id @default(autoincrement())
                  name String
                }
                """)).schema().orElseThrow();
        String url = "jdbc:sqlite:" + dir.resolve("keyset.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        SchemaPusher.push(schema, ds, Provider.SQLITE, null);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + (PAGE * PAGES + 10)
                    + ") INSERT INTO \"Event\" (id, name) SELECT n, 'Event ' || n FROM g");
        }
        List<String> statements = new CopyOnWriteArrayList<>();
        try (QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, ds, null, statements::add))) {
            Project project = new Project(dir.resolve("schema.prisma"), schema, engine, "file:./keyset.db");
            GridLayout.Store layouts = GridLayout.Store.inMemory();
            ModelGridViewModel vm = new ModelGridViewModel(project, schema.model("Event"), new DirectTaskExecutor(), null, layouts);
            vm.pageSizeProperty().set(PAGE);
            vm.pagingModeProperty().set(ModelGridViewModel.PagingMode.SCROLL);
            vm.ensureLoaded();
            assertThat(vm.rows()).hasSize(PAGE * PAGES + 10);

            // Scrolling down a screen at a time, to the 10,000th page.
            long firstPage = 0;
            long lastPage = 0;
            for (int page = 1; page < PAGES; page++) {
                statements.clear();
                long t0 = System.nanoTime();
                vm.viewport(page * PAGE, page * PAGE + 30);
                long took = System.nanoTime() - t0;
                if (page <= 10) firstPage += took;
                if (page >= PAGES - 10) lastPage += took;
            }
            assertThat(vm.rows().get((PAGES - 1) * PAGE).record().get("id").asInt()).isEqualTo((PAGES - 1) * PAGE + 1);
            // The last page's statement starts from the previous page's last id (Prisma's cursor: the cursor row and
            // after it, skipping that one row), with no large OFFSET.
            String last = statements.stream().filter(s -> s.startsWith("SELECT") && s.contains("FROM \"Event\"")).reduce((a, b) -> b).orElseThrow();
            assertThat(last).matches(KEYSET_AFTER);
            System.out.printf("KeysetScrollTest: pages 2-11 %.2f ms each, pages %d-%d %.2f ms each%n",
                    firstPage / 10 / 1e6, PAGES - 10, PAGES, lastPage / 11 / 1e6);

            // A jump far away may skip by offset.
            statements.clear();
            vm.viewport(300 * PAGE, 300 * PAGE + 30);
            assertThat(vm.rows().get(300 * PAGE).record().get("id").asInt()).isEqualTo(300 * PAGE + 1);

            // Pages: next and previous come from the row beside them, a far page by offset.
            ModelGridViewModel pages = new ModelGridViewModel(project, schema.model("Event"), new DirectTaskExecutor(), null, GridLayout.Store.inMemory());
            pages.pageSizeProperty().set(PAGE);
            pages.ensureLoaded();
            pages.goToPage(5_000);
            statements.clear();
            pages.nextPage();
            assertThat(pages.rows().getFirst().record().get("id").asInt()).isEqualTo(5_001 * PAGE + 1);
            assertThat(statements.getFirst()).matches(KEYSET_AFTER);
            statements.clear();
            pages.previousPage();
            assertThat(pages.rows().getFirst().record().get("id").asInt()).isEqualTo(5_000 * PAGE + 1);
            assertThat(pages.rows().getLast().record().get("id").asInt()).isEqualTo(5_001 * PAGE);
            assertThat(statements.getFirst()).matches(".*t0\\.\"id\" <= \\(SELECT .*LIMIT 50 OFFSET 1");
        }
    }
}
