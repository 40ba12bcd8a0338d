package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.ui.grid.ModelGridViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The sidebar on a PostgreSQL database with a table too big to count on sight (issue 17, a good citizen): the big
 * table shows the catalog's estimate ("≈ 250K"), the small one its exact count, and "Count rows exactly" in the big
 * one's context menu counts it.
 */
@ExtendWith(ApplicationExtension.class)
class BigTableCountsTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final String SCHEMA = """
            generator client {
              provider        = "prisma-client-js"
              previewFeatures = ["views"]
            }

            datasource db {
              provider = "postgresql"
            }

            model Event {
              id      Int    @id
              payload String
              @@map("events")
            }

            model Small {
              id Int @id
            }

            view Slow {
              id Int     @unique
              x  String?
              @@map("slow")
            }
            """;

    private static final String SCREENSHOTS = System.getProperty("facet.screenshots", "");

    private WindowFixture fixture;
    private SqlDatabase db;
    private Stage stage;
    private ShellWindow window;

    @BeforeAll
    static void locale() { Locale.setDefault(Locale.US); }

    @Start
    void start(Stage stage) throws Exception {
        TestDatabase database = DBS.fresh(DbKind.POSTGRES);
        Path dir = Files.createTempDirectory("facet-big");
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        SqlDatabase db = database.open();
        SchemaPusher.push(SchemaLoader.load(schema).schema().orElseThrow(), db);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            // About 25 MB: past what the sidebar counts on sight.
            s.execute("INSERT INTO events SELECT g, repeat('x', 60) FROM generate_series(1, 250000) g");
            s.execute("INSERT INTO \"Small\" SELECT g FROM generate_series(1, 3) g");
            s.execute("ANALYZE events");
            // A read that takes a minute, to be cancelled from the status bar.
            s.execute("CREATE VIEW slow AS SELECT 1 AS id, pg_sleep(60)::text AS x");
        }
        this.db = db;
        this.stage = stage;
        fixture = new WindowFixture(stage, new OpenRequest.Schema(schema, database.url()), false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        db.close();
    }

    /** The count a sidebar row shows; call on the FX thread. */
    private static String countText(FxRobot robot, String model) {
        return robot.lookup("#model-" + model).lookup(".model-count").queryAs(Label.class).getText();
    }

    /** The context menu's "Count rows exactly", once the menu shows; call on the FX thread. */
    private static MenuItem countExactlyItem() {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).filter(i -> "Count rows exactly".equals(i.getText())).findFirst().orElse(null);
    }

    @Test
    void aBigTableShowsItsEstimateAndIsCountedOnRequest(FxRobot robot) {
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null));
        Fx.waitUntil(() -> robot.lookup("#model-Event").tryQuery().isPresent());
        assertThat(Fx.call(() -> countText(robot, "Event"))).isEqualTo("≈ 250K");
        assertThat(Fx.call(() -> countText(robot, "Small"))).isEqualTo("3");

        robot.rightClickOn("#model-Event");
        Fx.waitUntil(() -> countExactlyItem() != null && countExactlyItem().getStyleableNode() != null);
        robot.clickOn(Fx.call(() -> countExactlyItem().getStyleableNode()));
        Fx.waitUntil(() -> "250,000".equals(countText(robot, "Event")));
    }

    private ModelGridViewModel grid() {
        return Fx.call(() -> ((ModelTabContents.GridContent) window.shell().selectedTabProperty().get().content()).viewModel());
    }

    private void openTab(FxRobot robot, String model) {
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null || e.countErrorProperty().get() != null));
        robot.clickOn("#model-" + model);
        Fx.waitUntil(() -> {
            var t = window.shell().selectedTabProperty().get();
            return t != null && model.equals(t.modelName()) && t.content() instanceof ModelTabContents.GridContent;
        });
    }

    private static String text(FxRobot robot, String id) {
        return Fx.call(() -> robot.lookup(id).queryLabeled().getText());
    }

    /** The footer shows the estimate ("of about 250 K") without counting; "Count exactly" counts. The pool is small. */
    @Test
    void theGridFooterShowsTheEstimateUntilTheExactCountIsAskedFor(FxRobot robot) throws Exception {
        openTab(robot, "Event");
        Fx.waitUntil(() -> grid().rangeTextProperty().get().contains("of about"));
        assertThat(grid().rangeTextProperty().get()).isEqualTo("1–100 of about 250 K");
        assertThat(Fx.call(() -> grid().estimatedProperty().get())).isTrue();
        // The window's pool: three connections at most, and the status bar says how many it holds.
        Fx.waitUntil(() -> text(robot, "#status-connections").matches("[123] connections?"));
        if (!SCREENSHOTS.isEmpty()) screenshot(Path.of(SCREENSHOTS).resolve("grid-estimate.png"), 1280, 800);

        robot.clickOn("#count-exactly");
        Fx.waitUntil(() -> grid().rangeTextProperty().get().equals("1–100 of 250,000"));
        assertThat(Fx.call(() -> robot.lookup("#count-exactly").query().isVisible())).isFalse();
    }

    /**
     * At 1024×700 with thousands of pages ("of 5,000") the footer once ran past the window's edge and cut the pager's
     * last button: the word "Page" and the clock now give way first, and come back when the window grows.
     */
    @Test
    void theWholePagerStaysInViewAt1024x700WithThousandsOfPages(FxRobot robot) {
        Fx.run(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        openTab(robot, "Event");
        Fx.waitUntil(() -> grid().rangeTextProperty().get().contains("of about"));
        robot.clickOn("#count-exactly");
        Fx.waitUntil(() -> grid().rangeTextProperty().get().equals("1–100 of 250,000"));
        Fx.run(() -> grid().pageSizeProperty().set(50));
        Fx.waitUntil(() -> grid().rangeTextProperty().get().equals("1–50 of 250,000"));
        Node last = robot.lookup("#last-page").query();
        Node footer = robot.lookup(".grid-footer").query();
        Fx.waitUntil(() -> last.isVisible() && last.localToScene(last.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth()
                && footer.getBoundsInLocal().getWidth() <= ((Region) footer).getWidth() + 1);
        assertThat(Fx.call(() -> robot.lookup(".pager .label").queryAll().stream().map(n -> ((Label) n).getText()).toList()))
                .as("the pager's labels that stay").contains("of 5,000");
        for (String id : new String[] {"#search", "#filter-toggle", "#columns", "#save", "#add"}) {
            Node n = robot.lookup(id).query();
            assertThat(Fx.call(() -> n.isVisible() && n.getScene() == stage.getScene()
                    && n.localToScene(n.getBoundsInLocal()).getMaxX() <= stage.getScene().getWidth())).as(id + " in view").isTrue();
        }

        Fx.run(() -> stage.setWidth(1280)); // the headless screen's width
        Fx.waitUntil(() -> robot.lookup(".pager .label").queryAll().stream().anyMatch(n -> n.isVisible() && "Page".equals(((Label) n).getText())));
    }

    /** Cancel in the status bar stops the running read on the server; the grid says so and the window goes on working. */
    @Test
    void theStatusBarCancelsARunningReadOnTheServer(FxRobot robot) throws Exception {
        openTab(robot, "Slow");
        awaitSleeping(true);
        Fx.waitUntil(() -> robot.lookup("#status-cancel").query().isVisible());
        if (!SCREENSHOTS.isEmpty()) screenshot(Path.of(SCREENSHOTS).resolve("status-cancel.png"), 1024, 700);
        long start = System.nanoTime();
        robot.clickOn("#status-cancel");
        awaitSleeping(false);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        Fx.waitUntil(() -> grid().messageProperty().get() != null);
        assertThat(Fx.call(() -> grid().messageProperty().get().text())).isEqualTo("Could not load Slow: cancelled, the database stopped the statement.");

        openTab(robot, "Small");
        Fx.waitUntil(() -> grid().rangeTextProperty().get().equals("1–3 of 3"));
    }

    /** Waits until PostgreSQL shows the view's pg_sleep running (or no longer running). */
    private void awaitSleeping(boolean running) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%\"slow\"%' AND pid <> pg_backend_pid()")) {
                    rs.next();
                    if ((rs.getLong(1) > 0) == running) return;
                }
                Thread.sleep(20);
            }
        }
    }

    private void screenshot(Path file, int width, int height) {
        Fx.run(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        Fx.waitUntil(() -> stage.getWidth() == width && stage.getHeight() == height);
        Fx.run(() -> {
            try {
                Files.createDirectories(file.getParent());
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
