package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.TestFiles;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * "Create it and push the schema" (issue 17): a project whose database does not exist yet (a new SQLite file, a new
 * PostgreSQL database on a server) or exists without tables opens the Open dialog with the offer instead of only an
 * error; the confirmation shows every statement, and confirming creates the database, pushes the schema and opens the
 * project.
 */
@ExtendWith(ApplicationExtension.class)
class CreateAndPushWindowTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final String SCHEMA = """
            datasource db {
              provider = "%s"
              url      = "%s"
            }

            model Author {
              id    Int    @id @default(autoincrement())
              name  String @unique
              books Book[]
            }

            model Book {
              id       Int    @id @default(autoincrement())
              title    String
              author   Author @relation(fields: [authorId], references: [id])
              authorId Int
            }
            """;

    /**
     * With {@code -Dfacet.screenshots=FOLDER}, the Open dialog's offer and the confirmation (PostgreSQL) are saved there as
     * create-and-push-offer.png and create-and-push.png.
     */
    private static final String SCREENSHOTS = System.getProperty("facet.screenshots", "");

    private WindowFixture fixture;
    private ShellWindow window;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("facet-create");
        fixture = new WindowFixture(stage, null, false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        TestFiles.deleteTree(dir);
    }

    @Test
    void aMissingSqliteFileIsCreatedWithTheSchemasTables(FxRobot robot) throws Exception {
        Path schema = TestFiles.write(dir, "shop/schema.prisma", SCHEMA.formatted("sqlite", "file:./shop.db"));

        String statements = offerAndConfirm(robot, schema, null, "P1003: ", false);

        assertThat(statements).startsWith("CREATE TABLE \"Author\"").contains("CREATE TABLE \"Book\"");
        opened(List.of("Author", "Book"));
        assertThat(schema.resolveSibling("shop.db")).exists();
    }

    @Test
    void anEmptySqliteFileGetsThePush(FxRobot robot) throws Exception {
        Path schema = TestFiles.write(dir, "shop/schema.prisma", SCHEMA.formatted("sqlite", "file:./shop.db"));
        Files.createFile(schema.resolveSibling("shop.db"));

        offerAndConfirm(robot, schema, null, "The SQLite database \"shop.db\"", false);

        opened(List.of("Author", "Book"));
    }

    @Test
    void aMissingPostgresDatabaseIsCreatedOnTheServer(FxRobot robot) throws Exception {
        TestDatabase db = DBS.fresh(DbKind.POSTGRES);
        // A name the server does not have (the class drops it again at its end).
        TestDatabases.runAsAdmin(DbKind.POSTGRES, "DROP DATABASE \"" + db.name() + "\"");
        Path schema = TestFiles.write(dir, "shop/schema.prisma", SCHEMA.formatted("postgresql", db.url()));

        String statements = offerAndConfirm(robot, schema, null, "P1003: ", true);

        assertThat(statements).startsWith("CREATE DATABASE \"" + db.name() + "\";\n\nCREATE SCHEMA IF NOT EXISTS \"public\";\n\nCREATE TABLE \"public\".\"Author\"");
        opened(List.of("Author", "Book"));
    }

    /**
     * Opens the project as the command line does, waits for the Open dialog's offer, clicks it, checks and confirms
     * the statements.
     *
     * @return the statements the confirmation showed
     */
    private String offerAndConfirm(FxRobot robot, Path schema, String url, String errorStart, boolean screenshots) {
        Fx.run(() -> window.shell().open(new OpenRequest.Schema(schema, url)));
        Fx.waitUntil(() -> robot.lookup("#create-and-push").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#open-error").queryAs(Message.class).getDescription()).startsWith(errorStart);
        if (screenshots && !SCREENSHOTS.isEmpty()) snapshot(robot, "#create-and-push", Path.of(SCREENSHOTS).resolve("create-and-push-offer.png"));

        robot.clickOn("#create-and-push");
        Fx.waitUntil(() -> robot.lookup("#creation-statements").tryQuery().isPresent());
        String statements = robot.lookup("#creation-statements").queryAs(TextArea.class).getText();
        if (screenshots && !SCREENSHOTS.isEmpty()) snapshot(robot, "#creation-statements", Path.of(SCREENSHOTS).resolve("create-and-push.png"));
        // Enter on the default button: a click raced the dialog's placement and sometimes landed where it had been.
        Fx.waitUntil(() -> robot.lookup("#confirm-create").tryQuery().map(javafx.scene.Node::isFocused).orElse(false));
        robot.type(javafx.scene.input.KeyCode.ENTER);
        return statements;
    }

    private void opened(List<String> models) {
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null || e.countErrorProperty().get() != null));
        assertThat(Fx.call(() -> window.shell().models().stream().map(ModelEntry::name).toList())).containsExactlyElementsOf(models);
        assertThat(Fx.call(() -> window.shell().models().stream().map(e -> e.countProperty().get()).toList())).containsOnly(0L);
        // The Open dialog's failure led here: its banner must not outlive the open that fixed it.
        assertThat(Fx.call(() -> window.shell().notifications().items().stream().map(n -> n.title()).toList()))
                .noneMatch(t -> t.startsWith("Could not open"));
        assertThat(Fx.call(() -> window.shell().notifications().items().stream().map(Notification::title).toList()))
                .doesNotContain("Database and schema differ");
    }

    /** Saves the window that shows {@code node}. */
    private static void snapshot(FxRobot robot, String node, Path file) {
        Fx.saveScene(robot.lookup(node).query().getScene(), file);
    }
}
