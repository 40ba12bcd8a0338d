package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;

import dev.facet.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window a TestFX test of the grid starts from: the stage, the light theme, a real task executor, and (for tests
 * given a fixture name) a fresh {@link GridFixture} database; all closed after each test. It also shows a grid and
 * waits until it has settled, on the events that matter, never on time.
 *
 * <p>The setup is a {@code @BeforeEach} on the stage TestFX registered rather than a {@code @Start}: TestFX's
 * {@link ApplicationExtension} looks for {@code @Start} methods on the test class itself, not on its superclasses.
 */
@ExtendWith(ApplicationExtension.class)
abstract class GridWindowTest {
    /** The first grid of a JVM loads its classes and styles: on a busy machine that is more than {@code onFx}'s 10 s. */
    static final int FIRST_GRID_SECONDS = 60;

    private final String fixtureName;
    private final int fixtureRows;
    Stage stage;
    FxTaskExecutor executor;
    /** The fixture's database, or null for a test that brings its own project. */
    GridFixture db;
    /** The temporary folder of the fixture's database, or null. */
    Path dir;
    ModelGridView view;

    /** A window without a fixture: the test opens its own project. */
    GridWindowTest() { this(null, 0); }

    /** A window over a fresh {@link GridFixture} of {@code rows} customers, in a temporary folder named after the test. */
    GridWindowTest(String fixtureName, int rows) {
        this.fixtureName = fixtureName;
        this.fixtureRows = rows;
    }

    @BeforeEach
    final void openWindow() throws Exception {
        Locale.setDefault(Locale.US);
        stage = FxToolkit.registerPrimaryStage();
        fx(GridFx::lightTheme);
        if (fixtureName != null) {
            dir = Files.createTempDirectory(fixtureName);
            db = new GridFixture(dir, fixtureRows);
        }
        executor = new FxTaskExecutor();
    }

    /** Runs after the subclass's own {@code @AfterEach} methods: the executor first, then the data it worked on. */
    @AfterEach
    final void closeWindow() {
        executor.close();
        closeData();
    }

    /** Closes the data the test worked on; by default the fixture's database. */
    void closeData() {
        if (db != null) db.close();
    }

    ModelGridViewModel vm() { return view.viewModel(); }

    /** Shows a grid of the fixture's model, 1280 by {@code height}, and waits until it has settled. */
    void show(String model, int height) {
        show(new ModelGridViewModel(db.project, db.model(model), executor, new GridFixture.RecordingNavigator(), GridLayout.Store.inMemory()),
                1280, height, FIRST_GRID_SECONDS);
    }

    /** Shows the grid of {@code grid} in a scene of the given size and waits up to {@code seconds} until it has settled. */
    void show(ModelGridViewModel grid, int width, int height, int seconds) {
        WaitForAsyncUtils.waitForAsyncFx(FIRST_GRID_SECONDS * 1000L, () -> {
            view = new ModelGridView(grid);
            stage.setScene(new Scene(view, width, height));
            stage.show();
        });
        settle(seconds);
    }

    /** Waits until the grid has counted, loaded, saved and built its table. */
    void settle() { settle(10); }

    void settle(int seconds) {
        waitUntil(seconds, () -> vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get() && !vm().savingProperty().get()
                && view.isBuilt());
    }

    /** Selects a cell from the keyboard's point of view: scrolled to, selected, focused, the table owning the focus. */
    void selectCell(int row, String column) {
        fx(() -> {
            GridTable t = view.table();
            TableColumn<GridRow, ?> tc = t.tableColumn(column);
            t.scrollTo(row);
            t.getSelectionModel().clearAndSelect(row, tc);
            t.getFocusModel().focus(row, tc);
            t.requestFocus();
        });
    }

    /** @return the grid cell showing {@code text} */
    Node cell(FxRobot robot, String text) { return robot.lookup(".grid-cell").match(LabeledMatchers.hasText(text)).query(); }

    /** @return the grid's message, or null */
    String message() { return onFx(() -> vm().messageProperty().get() == null ? null : vm().messageProperty().get().text()); }
}
