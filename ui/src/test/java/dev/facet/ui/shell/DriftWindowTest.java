package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.ui.grid.GridColumn;
import dev.facet.ui.grid.ModelGridViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * A project whose SQLite database is a migration behind its schema (issue 17, drift): the window says so when it
 * opens, marks the models in the sidebar, opens the model with a missing column (the column shown as unavailable, the
 * rest read and edited), and refuses the model whose table is missing with a message instead of an error.
 */
@ExtendWith(ApplicationExtension.class)
class DriftWindowTest {
    static final String DATABASE = """
            datasource db {
              provider = "sqlite"
              url      = "file:./drift.db"
            }

            model User {
              id    Int    @id @default(autoincrement())
              name  String
              email String @unique
            }
            """;

    static final String PROJECT = """
            datasource db {
              provider = "sqlite"
              url      = "file:./drift.db"
            }

            model User {
              id       Int     @id @default(autoincrement())
              name     String
              nickname String?
              email    String  @unique
            }

            model Tag {
              id   Int    @id
              name String
            }
            """;

    /** With {@code -Dfacet.screenshots=FOLDER}, the grid with its unavailable column is saved there as drift-grid.png. */
    private static final String SCREENSHOTS = System.getProperty("facet.screenshots", "");

    private WindowFixture fixture;
    private ShellWindow window;
    private Stage stage;

    /** Writes the project: the database made from the older schema, with two users, and the newer schema beside it. */
    static Path project(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("drifted"));
        Path schema = folder.resolve("schema.prisma");
        Files.writeString(schema, DATABASE);
        try (QueryEngine engine = Engines.open(SchemaLoader.load(schema).schema().orElseThrow(), "file:./drift.db", folder, null, true)) {
            engine.execute("User", "createMany", JsonCodec.parse("{\"data\": [{\"name\": \"Ada\", \"email\": \"ada@x\"}, {\"name\": \"Grace\", \"email\": \"grace@x\"}]}"));
        }
        Files.writeString(schema, PROJECT);
        return schema;
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path dir = Files.createTempDirectory("facet-drift");
        fixture = new WindowFixture(stage, new OpenRequest.Schema(project(dir), null), false);
        window = fixture.window;
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
    }

    private TabPane tabs(FxRobot robot) { return robot.lookup("#model-tabs").queryAs(TabPane.class); }

    private ModelGridViewModel grid() {
        return Fx.call(() -> ((ModelTabContents.GridContent) window.shell().selectedTabProperty().get().content()).viewModel());
    }

    private void opened() {
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null || e.countErrorProperty().get() != null));
    }

    @Test
    void theWindowSaysWhatDiffersAndMarksTheModels(FxRobot robot) {
        opened();
        Notification n = Fx.call(() -> window.shell().notifications().items().stream()
                .filter(i -> i.title().equals("Database and schema differ")).findFirst().orElseThrow());
        assertThat(n.message()).startsWith("The database differs from the schema: 2 differences in 2 models. Tag cannot be opened.");
        assertThat(n.details()).isEqualTo("""
                User
                • column "nickname" of field nickname is missing in the database

                Tag: cannot be opened, its table "Tag" is missing in the database
                • table "Tag" is missing in the database""");
        Fx.waitUntil(() -> robot.lookup("#model-User").tryQuery().isPresent());
        Node userMark = robot.lookup("#model-User").lookup(".drift-mark").query();
        Node tagMark = robot.lookup("#model-Tag").lookup(".drift-mark").query();
        assertThat(Fx.call(userMark::isVisible)).isTrue();
        assertThat(Fx.call(tagMark::isVisible)).isTrue();
        assertThat(Fx.call(() -> window.shell().models().stream().filter(e -> e.name().equals("User")).findFirst().orElseThrow().countProperty().get()))
                .isEqualTo(2L);
    }

    @Test
    void aModelWithAMissingColumnOpensAndItsOtherFieldsAreEditable(FxRobot robot) {
        opened();
        robot.clickOn("#model-User");
        Fx.waitUntil(() -> {
            Tab t = tabs(robot).getSelectionModel().getSelectedItem();
            return t != null && "User".equals(t.getText()) && robot.lookup("#grid-table").tryQuery().isPresent()
                    && grid().totalCountProperty().get() >= 0 && !grid().loadingProperty().get();
        });
        ModelGridViewModel vm = grid();
        assertThat(Fx.call(() -> vm.totalCountProperty().get())).isEqualTo(2);
        assertThat(Fx.call(() -> vm.column("nickname").kind())).isEqualTo(GridColumn.Kind.UNAVAILABLE);
        assertThat(Fx.call(() -> vm.messageProperty().get())).isNull();
        // The real cells: names drawn, the missing column says it is unavailable.
        Fx.waitUntil(() -> robot.lookup(".grid-cell").match(LabeledMatchers.hasText("Grace")).tryQuery().isPresent());
        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("unavailable")).queryAll()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Fx.call(() -> vm.whyReadOnly(vm.rows().getFirst(), vm.column("nickname")))).startsWith("Unavailable: the column \"nickname\"");
        if (!SCREENSHOTS.isEmpty()) screenshot(Path.of(SCREENSHOTS).resolve("drift-grid.png"));

        Fx.run(() -> vm.edit(vm.rows().getFirst(), vm.column("name"), "Ada L."));
        Fx.run(vm::save);
        Fx.waitUntil(() -> !vm.dirtyProperty().get() && !vm.savingProperty().get());
        assertThat(Fx.call(() -> vm.messageProperty().get().text())).isEqualTo("Saved 1 change");
    }

    private void screenshot(Path file) {
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        Fx.waitUntil(() -> stage.getWidth() == 1280);
        Fx.run(() -> {
            try {
                Files.createDirectories(file.getParent());
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void aModelWhoseTableIsMissingIsRefusedWithAMessage(FxRobot robot) {
        opened();
        robot.clickOn("#model-Tag");
        Fx.waitUntil(() -> window.shell().notifications().items().stream().anyMatch(i -> i.title().equals("Cannot open Tag")));
        assertThat(Fx.call(() -> tabs(robot).getTabs().stream().map(Tab::getText).toList())).doesNotContain("Tag");
        assertThat(Fx.call(() -> window.shell().notifications().items().stream().filter(i -> i.title().equals("Cannot open Tag")).findFirst()
                .orElseThrow().message())).isEqualTo("Tag cannot be opened: its table \"Tag\" is missing in the database.");
    }
}
