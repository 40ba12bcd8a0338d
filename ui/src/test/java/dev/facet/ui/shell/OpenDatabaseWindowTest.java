package dev.facet.ui.shell;

import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabase;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.schema.config.UrlRedactor;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.TestFiles;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * File › Open Database (issue 17): a URL and no schema. Facet pulls the database's schema, opens the window on it, and
 * File › Save Schema As writes it where the user says and reopens the project from there.
 */
@ExtendWith(ApplicationExtension.class)
class OpenDatabaseWindowTest {
    @RegisterExtension static final TestDatabases DBS = new TestDatabases();

    private static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
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

    /** With {@code -Dfacet.screenshots=FOLDER}, the dialog and the window are saved there as open-database[-window].png. */
    private static final String SCREENSHOTS = System.getProperty("facet.screenshots", "");

    private WindowFixture fixture;
    private ShellWindow window;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("facet-open-database");
        try (QueryEngine engine = Engines.open(SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA)).schema().orElseThrow(),
                "file:" + dir.resolve("library.db"), dir, null, true)) {
            engine.execute("Book", "create", JsonCodec.parse("{\"data\": {\"title\": \"Emma\", \"author\": {\"create\": {\"name\": \"Austen\"}}}}"));
        }
        fixture = new WindowFixture(stage, null, false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
        TestFiles.deleteTree(dir);
    }

    @Test
    void aDatabaseOpensOnItsPulledSchemaWhichCanBeSaved(FxRobot robot) throws Exception {
        // The Open dialog shows first when nothing is open; Escape closes it.
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isPresent());
        robot.clickOn("#schema-path").type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isEmpty());

        robot.clickOn("File").clickOn("Open Database…");
        Fx.waitUntil(() -> robot.lookup("#database-url").tryQuery().isPresent());
        robot.clickOn("#database-url").write("file:" + dir.resolve("library.db"));
        if (!SCREENSHOTS.isEmpty()) snapshot(robot, "#database-url", Path.of(SCREENSHOTS).resolve("open-database.png"));
        robot.type(KeyCode.ENTER);

        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null || e.countErrorProperty().get() != null));
        assertThat(Fx.call(() -> window.shell().models().stream().map(ModelEntry::name).toList())).containsExactly("Author", "Book");
        assertThat(Fx.call(() -> window.shell().models().stream().map(e -> e.countProperty().get()).toList())).containsExactly(1L, 1L);
        Path pulled = Fx.call(() -> window.shell().projectProperty().get().schemaPath());
        assertThat(Files.readString(pulled)).contains("model Book {", "  Author   Author @relation(fields: [authorId], references: [id])");
        assertThat(robot.lookup("#open-database-dialog").tryQuery()).isEmpty();
        if (!SCREENSHOTS.isEmpty()) snapshot(robot, "#model-tabs", Path.of(SCREENSHOTS).resolve("open-database-window.png"));

        Path saved = dir.resolve("saved/schema.prisma");
        Files.createDirectories(saved.getParent());
        window.setSchemaFileChooser(current -> saved);
        robot.clickOn("File").clickOn("Save Schema As…");
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null && saved.equals(window.shell().projectProperty().get().schemaPath()));
        assertThat(Files.readString(saved)).isEqualTo(Files.readString(pulled));
        assertThat(Fx.call(() -> window.shell().models().stream().map(ModelEntry::name).toList())).containsExactly("Author", "Book");
    }

    @Test
    void anEmptyDatabaseSaysSoInTheDialog(FxRobot robot) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isPresent());
        robot.clickOn("#schema-path").type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isEmpty());

        robot.clickOn("File").clickOn("Open Database…");
        Fx.waitUntil(() -> robot.lookup("#database-url").tryQuery().isPresent());
        robot.clickOn("#database-url").write("file:" + empty).type(KeyCode.ENTER);

        Fx.waitUntil(() -> !Fx.call(() -> window.openDatabaseModel().errorProperty().get()).isEmpty());
        assertThat(Fx.call(() -> window.openDatabaseModel().errorProperty().get())).startsWith("P4001: The introspected database was empty: ");
        assertThat(Fx.call(() -> window.shell().projectProperty().get())).isNull();
        // The dialog grew with the error: Open and Cancel are still inside it.
        Fx.waitUntil(() -> Fx.call(() -> {
            javafx.scene.Node open = robot.lookup("#open-database-button").query();
            return open.localToScene(open.getBoundsInLocal()).getMaxY() <= open.getScene().getHeight();
        }));
    }

    /**
     * A password typed into the URL shows as {@code ****} once the field loses the focus, and the {@code ****} stands
     * for it when the database opens; a {@code ****} with no password behind it is refused with a word on what to do.
     */
    @Test
    void aTypedPasswordShowsAsStarsOnceTypedAndStillOpensTheDatabase(FxRobot robot) throws Exception {
        TestDatabase database = DBS.fresh(DbKind.POSTGRES);
        try (var db = database.open(); var c = db.dataSource().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE \"Shelf\" (id integer PRIMARY KEY)");
        }
        // The test server trusts its user, so any password opens it; a real server's own stays as it is.
        String withPassword = UrlRedactor.redact(database.url()).equals(database.url())
                ? database.url().replaceFirst("://([^@/]+)@", "://$1:s3cret-pw@") : database.url();
        String password = withPassword.substring(withPassword.indexOf(':', withPassword.indexOf("://") + 3) + 1, withPassword.indexOf('@'));
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isPresent());
        robot.clickOn("#schema-path").type(KeyCode.ESCAPE);
        Fx.waitUntil(() -> robot.lookup("#open-dialog").tryQuery().isEmpty());

        robot.clickOn("File").clickOn("Open Database…");
        Fx.waitUntil(() -> robot.lookup("#database-url").tryQuery().isPresent());
        javafx.scene.control.TextField field = robot.lookup("#database-url").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(field).write("postgresql://nobody:****@localhost:1/x").type(KeyCode.ENTER);
        Fx.waitUntil(() -> Fx.call(() -> window.openDatabaseModel().errorProperty().get()).startsWith("Type the password in place of ****"));

        Fx.run(field::clear);
        robot.clickOn(field).write(withPassword);
        assertThat(Fx.call(() -> field.getText())).contains(password);
        robot.type(KeyCode.TAB);
        Fx.waitUntil(() -> !field.isFocused());
        assertThat(Fx.call(() -> field.getText())).isEqualTo(UrlRedactor.redact(withPassword)).doesNotContain(password);

        robot.clickOn(field).type(KeyCode.END).type(KeyCode.ENTER);
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null);
        assertThat(Fx.call(() -> window.shell().models().stream().map(ModelEntry::name).toList())).containsExactly("Shelf");
    }

    /** Saves the window that shows {@code node}. */
    private static void snapshot(FxRobot robot, String node, Path file) {
        Fx.saveScene(robot.lookup(node).query().getScene(), file);
    }
}
