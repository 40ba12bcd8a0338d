package dev.facet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.ui.console.ConsoleViewModel;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.WindowFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Prisma Client console (issue 16) driven through its controls: opened with its shortcut, a call typed with
 * completion, an error shown under the editor, a read shown as a grid, a write confirmed and found in the database, the
 * history remembered for the project. With {@code -Dfacet.screenshots=FOLDER} it also writes console.png (1280×800)
 * and console-1024x700.png.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleFlowTest {
    private WindowFixture fixture;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        fixture = new WindowFixture(stage, new OpenRequest.Demo(), false);
        window = fixture.window;
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        fixture.close();
    }

    private ConsoleViewModel console() {
        return Fx.call(() -> ((ConsoleContent) window.shell().selectedTabProperty().get().content()).viewModel());
    }

    private String editorText(FxRobot robot) { return Fx.call(() -> robot.lookup("#console-editor").queryAs(TextArea.class).getText()); }

    @SuppressWarnings("unchecked")
    private ListView<Object> completionList(FxRobot robot) {
        return (ListView<Object>) robot.lookup("#console-completion").tryQuery().orElse(null);
    }

    private boolean completionShows(FxRobot robot) {
        return Fx.call(() -> {
            ListView<Object> list = completionList(robot);
            return list != null && list.getScene() != null && list.getScene().getWindow().isShowing() && !list.getItems().isEmpty();
        });
    }

    private void runWithShortcut(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
    }

    private void replaceText(FxRobot robot, String text) {
        robot.clickOn("#console-editor");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.DELETE);
        robot.write(text);
    }

    @Test
    void completeRunSeeTheErrorReadTheGridConfirmAWrite(FxRobot robot) throws Exception {
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null);
        Fx.run(() -> window.shell().openModel("Customer"));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P).release(KeyCode.P, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(() -> robot.lookup("#console-editor").tryQuery().isPresent());
        assertThat(Fx.call(() -> window.shell().selectedTabProperty().get().titleProperty().get())).isEqualTo("Prisma Client");

        // prisma. offers the models; typing narrows them; Enter inserts the one chosen.
        robot.clickOn("#console-editor");
        robot.write("prisma.");
        Fx.waitUntil(() -> completionShows(robot));
        robot.write("cus");
        Fx.waitUntil(() -> completionShows(robot) && completionList(robot).getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        Fx.waitUntil(() -> editorText(robot).equals("prisma.customer"));
        robot.write(".findM");
        Fx.waitUntil(() -> completionShows(robot) && completionList(robot).getItems().size() == 1);
        robot.type(KeyCode.TAB);
        Fx.waitUntil(() -> editorText(robot).equals("prisma.customer.findMany"));
        robot.write("({ where: { emial: 'x' } })");

        // A misspelt field: Prisma's validation error with its path, under the editor.
        runWithShortcut(robot);
        Fx.waitUntil(() -> robot.lookup("#console-error").queryAs(Label.class).isVisible());
        String error = Fx.call(() -> robot.lookup("#console-error").queryAs(Label.class).getText());
        assertThat(error).startsWith("P2009: ").contains("where.emial");

        // A read: its records in the grid, with the count, the time and the statements.
        replaceText(robot, "prisma.customer.findMany({ where: { email: { contains: '@' } }, include: { orders: true }, take: 5 })");
        runWithShortcut(robot);
        Fx.waitUntil(() -> console().resultProperty().get() != null);
        TableView<?> grid = robot.lookup("#console-grid").queryAs(TableView.class);
        Fx.waitUntil(() -> grid.getItems().size() == 5);
        assertThat(Fx.call(() -> robot.lookup("#console-error").queryAs(Label.class).isVisible())).isFalse();
        assertThat(Fx.call(() -> grid.getColumns().stream().map(c -> c.getText()).toList())).contains("id", "email", "orders");
        assertThat(Fx.call(() -> robot.lookup("#console-status").queryAs(Label.class).getText())).matches("5 records · \\d+ ms · 2 statements");
        // Every value of a short column is drawn whole: "CUSTOMER" is not cut to "CUSTO…".
        Fx.waitUntil(() -> cells(grid, "role").stream().anyMatch(c -> "CUSTOMER".equals(c.getText())));
        assertThat(Fx.call(() -> cells(grid, "role").stream().map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList()))
                .isNotEmpty().allMatch(t -> !t.contains("…") && !t.contains("..."));
        screenshots();

        // A write: asked first, then run; the database has it.
        replaceText(robot, "prisma.customer.update({ where: { id: 1 }, data: { name: 'Renamed in the console' } })");
        runWithShortcut(robot);
        Fx.waitUntil(() -> console().resultProperty().get() != null && "update".equals(console().resultProperty().get().call().action()));
        assertThat(fixture.dialogs.asked).anyMatch(q -> q.startsWith("Run update on Customer?"));
        JsonNode customer = Fx.call(() -> window.shell().projectProperty().get()).engine()
                .execute("Customer", "findUnique", JsonCodec.parse("{\"where\": {\"id\": 1}}"));
        assertThat(customer.get("name").asText()).isEqualTo("Renamed in the console");

        // Up recalls the calls run before; they are remembered for the project.
        robot.clickOn("#console-editor");
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.type(KeyCode.UP);
        Fx.waitUntil(() -> editorText(robot).startsWith("prisma.customer.update"));
        robot.type(KeyCode.UP);
        Fx.waitUntil(() -> editorText(robot).startsWith("prisma.customer.findMany({ where: { email"));
        String key = Fx.call(() -> window.shell().projectProperty().get().schemaPath().toAbsolutePath().normalize().toString());
        assertThat(UserSettings.load(fixture.settingsFile).consoleHistory(key)).hasSize(3).last().asString().startsWith("prisma.customer.update");
    }

    /** @return the drawn cells of the column that show a value */
    private static List<javafx.scene.control.TableCell<?, ?>> cells(TableView<?> grid, String column) {
        List<javafx.scene.control.TableCell<?, ?>> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : grid.lookupAll(".table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                    && c.getText() != null && !c.getText().isEmpty() && c.lookup(".text") instanceof javafx.scene.text.Text) out.add(c);
        }
        return out;
    }

    /** console.png and console-1024x700.png when -Dfacet.screenshots names a folder. */
    private void screenshots() throws IOException {
        String folder = System.getProperty("facet.screenshots", "");
        if (folder.isEmpty()) return;
        Path out = Path.of(folder);
        Files.createDirectories(out);
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            Fx.run(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (int i = 0; i < 3; i++) org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            Path file = out.resolve("console" + (size[0] == 1280 ? "" : "-" + size[0] + "x" + size[1]) + ".png");
            Fx.run(() -> {
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }
}
