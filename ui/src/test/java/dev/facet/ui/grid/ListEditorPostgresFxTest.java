package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static dev.facet.ui.grid.GridOnDatabasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.testdb.DbKind;
import dev.facet.ui.project.Project;
import dev.facet.ui.task.FxTaskExecutor;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The list editor ({@link ListEditor}) on PostgreSQL's scalar lists, driven through its real controls (issue 13). */
@ExtendWith(ApplicationExtension.class)
class ListEditorPostgresFxTest {
    Stage stage;
    FxTaskExecutor executor;
    Project project;
    ModelGridView view;

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.US);
        this.stage = stage;
        GridFx.lightTheme();
        executor = new FxTaskExecutor();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        if (project != null) project.close();
    }

    ModelGridViewModel vm() { return view.viewModel(); }

    void openCell(FxRobot robot, String column) {
        fx(() -> {
            GridTable t = view.table();
            TableColumn<GridRow, ?> tc = t.tableColumn(column);
            t.getSelectionModel().clearAndSelect(0, tc);
            t.getFocusModel().focus(0, tc);
            t.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isPresent());
    }

    String item(FxRobot robot, int i) { return robot.lookup("#list-item-" + i).queryAs(TextField.class).getText(); }

    @Test
    void editsAStringListItemByItemAndSavesIt(FxRobot robot) {
        project = GridOnDatabasesTest.project(DbKind.POSTGRES);
        run(project.engine(), "Tagged", "create", "{\"data\": {\"tags\": [\"red\", \"round\"], \"sizes\": [1, 2]}}");
        WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            view = new ModelGridView(new ModelGridViewModel(project, project.schema().model("Tagged"), executor, null, GridLayout.Store.inMemory()));
            stage.setScene(new Scene(view, 1100, 700));
            stage.show();
        });
        waitUntil(() -> view.isBuilt() && !vm().loadingProperty().get() && vm().totalCountProperty().get() >= 0);

        // An Int[] item is checked as an Int cell is.
        openCell(robot, "sizes");
        robot.clickOn("#list-item-1");
        fx(() -> robot.lookup("#list-item-1").queryAs(TextField.class).setText("2.5"));
        assertThat(robot.lookup("#list-status").queryLabeled().getText()).isEqualTo("item 2: '2.5' is not a whole number");
        robot.clickOn("#list-cancel");
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isEmpty());

        // [red, round] -> add square -> remove red -> move square up -> [square, round]
        openCell(robot, "tags");
        robot.clickOn("#list-add");
        robot.write("square");
        robot.clickOn("#list-remove-0");
        robot.clickOn("#list-up-1");
        assertThat(item(robot, 0)).isEqualTo("square");
        assertThat(item(robot, 1)).isEqualTo("round");
        robot.clickOn("#list-apply");
        waitUntil(() -> robot.lookup("#list-editor").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !vm().savingProperty().get() && vm().messageProperty().get() != null);
        assertThat(onFx(() -> vm().messageProperty().get().text())).isEqualTo("Saved 1 change");
        assertThat(run(project.engine(), "Tagged", "findFirst", "{\"select\": {\"tags\": true, \"sizes\": true}}").toString())
                .isEqualTo("{\"tags\":[\"square\",\"round\"],\"sizes\":[1,2]}");
    }
}
