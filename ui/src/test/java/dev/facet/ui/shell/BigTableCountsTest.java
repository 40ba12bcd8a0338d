package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.SchemaLoader;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import javafx.stage.Stage;
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
            """;

    private WindowFixture fixture;
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
        }
        fixture = new WindowFixture(stage, new OpenRequest.Schema(schema, database.url()), false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
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
}
