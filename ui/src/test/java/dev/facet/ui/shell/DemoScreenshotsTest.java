package dev.facet.ui.shell;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.StandardProjectOpener;
import dev.facet.ui.settings.ThemeChoice;
import dev.facet.ui.settings.UserSettings;
import dev.facet.ui.task.FxTaskExecutor;
import dev.facet.ui.testing.DemoFixture;
import dev.facet.ui.testing.Fx;
import dev.facet.ui.testing.RecordingDialogs;
import dev.facet.ui.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Writes PNGs of the full demo in the light and the dark theme, for docs/screenshots. Runs only when asked:
 * {@code -Dfacet.screenshots=/path/to/folder}.
 */
@ExtendWith(ApplicationExtension.class)
class DemoScreenshotsTest {
    private static final String FOLDER = System.getProperty("facet.screenshots", "");

    private Path dir;
    private FxTaskExecutor executor;
    private ShellWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        if (FOLDER.isEmpty()) return;
        dir = Files.createTempDirectory("facet-screenshots");
        DemoFixture demo = new DemoFixture(dir);
        executor = new FxTaskExecutor();
        StandardProjectOpener full = new StandardProjectOpener(demo.loader(), demo.workspace(), DemoSeeder.standard());
        window = ShellWindow.show(stage, new ShellWindow.Config(executor, demo.loader(), full, UserSettings.inMemory(),
                ShellViewModel.SchemaWatchStarter.none(), ModelTabContents.factory(), new SimpleBooleanProperty(false)),
                new OpenRequest.Demo(), new RecordingDialogs(true));
    }

    @AfterEach
    void tearDown() throws TimeoutException {
        if (FOLDER.isEmpty()) return;
        Fx.run(() -> window.shell().close());
        executor.close();
        FxToolkit.cleanupStages();
        TestFiles.deleteTree(dir);
    }

    @Test
    void lightAndDark(FxRobot robot) throws Exception {
        assumeThat(FOLDER).as("-Dfacet.screenshots").isNotEmpty();
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null
                && window.shell().models().stream().allMatch(e -> e.countProperty().get() != null));
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.shell().openModel("Customer");
            window.shell().openModel("Order");
            window.shell().openModel(window.shell().projectProperty().get().schema().model("Order"), "{\"customerId\":42}", true);
            window.shell().openModel("Product");
            window.shell().notifications().info("Schema reloaded", "Added model Coupon; Order: added giftWrap.");
        });
        Path out = Path.of(FOLDER);
        Files.createDirectories(out);
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            Fx.run(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            String suffix = size[0] == 1280 ? "" : "-" + size[0] + "x" + size[1];
            snapshot(out.resolve("demo-light" + suffix + ".png"));
            Fx.run(() -> window.theme().choiceProperty().set(ThemeChoice.DARK));
            snapshot(out.resolve("demo-dark" + suffix + ".png"));
            Fx.run(() -> window.theme().choiceProperty().set(ThemeChoice.LIGHT));
        }
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.P).release(javafx.scene.input.KeyCode.P,
                javafx.scene.input.KeyCode.CONTROL);
        robot.write("or");
        Fx.waitUntil(() -> robot.lookup("#quick-switcher-list").tryQuery().isPresent());
        snapshot(out.resolve("demo-switcher.png"));
    }

    /** The record panel beside the Customer grid, its orders and the first order's lines expanded. */
    @Test
    void recordPanel(FxRobot robot) throws Exception {
        assumeThat(FOLDER).as("-Dfacet.screenshots").isNotEmpty();
        Fx.waitUntil(() -> window.shell().projectProperty().get() != null);
        Fx.run(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            window.shell().openModel("Customer");
        });
        Fx.waitUntil(() -> stage.getScene().getRoot().lookupAll(".grid-cell").size() > 20);
        dev.facet.ui.grid.ModelGridView grid = Fx.call(() -> (dev.facet.ui.grid.ModelGridView) stage.getScene().getRoot().lookupAll(".model-grid")
                .iterator().next());
        Fx.run(() -> grid.viewModel().recordPanelShownProperty().set(true));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<Object> table = (javafx.scene.control.TableView<Object>) stage.getScene().lookup("#grid-table");
        Fx.run(() -> {
            var column = table.getVisibleLeafColumn(2);
            table.getSelectionModel().clearAndSelect(2, column);
            table.getFocusModel().focus(2, column);
            table.requestFocus();
        });
        Fx.waitUntil(() -> stage.getScene().lookup("#record-relations") != null);
        @SuppressWarnings("unchecked")
        javafx.scene.control.TreeView<Object> tree = (javafx.scene.control.TreeView<Object>) stage.getScene().lookup("#record-relations");
        Fx.waitUntil(() -> !tree.getRoot().getChildren().isEmpty());
        var orders = Fx.call(() -> tree.getRoot().getChildren().stream().filter(i -> i.getValue().toString().endsWith("orders")).findFirst().orElseThrow());
        Fx.run(() -> orders.setExpanded(true));
        Fx.waitUntil(() -> !orders.getChildren().isEmpty());
        var first = Fx.call(() -> orders.getChildren().getFirst());
        Fx.run(() -> first.setExpanded(true));
        Fx.waitUntil(() -> first.getChildren().size() > 2);
        Fx.run(() -> tree.getSelectionModel().select(first));
        Path out = Path.of(FOLDER);
        Files.createDirectories(out);
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            Fx.run(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            snapshot(out.resolve("record-panel" + (size[0] == 1280 ? "" : "-" + size[0] + "x" + size[1]) + ".png"));
        }
        // The choice is remembered in the user's preferences: the next window must not find it on.
        Fx.run(() -> grid.viewModel().recordPanelShownProperty().set(false));
    }

    /** After the grid in view is built and its rows shown, and the tab headers laid out (they came in garbled before). */
    private void snapshot(Path file) {
        Fx.waitUntil(() -> stage.getScene().lookup("#grid-table") != null && stage.getScene().getRoot().lookupAll(".grid-cell").size() > 20
                && stage.getScene().getRoot().lookupAll(".tab-header-area .tab").stream().allMatch(t -> t.getLayoutBounds().getWidth() > 0));
        for (int i = 0; i < 3; i++) org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Fx.run(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", file.toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
