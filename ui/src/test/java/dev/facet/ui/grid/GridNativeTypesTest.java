package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static dev.facet.ui.grid.GridOnDatabasesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import dev.facet.ui.project.Project;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Native types on screen (issue 15, 13): a Decimal keeps its stored scale, headers name the native type; scalar lists edited item by item. */
class GridNativeTypesTest extends GridWindowTest {
    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = "postgresql://localhost/x"
            }

            model Item {
              id    Int     @id
              name  String  @db.VarChar(40)
              price Decimal @db.Decimal(10, 2)
              note  String?
            }
            """;

    Project project;

    @Override
    void closeData() {
        if (project != null) project.close();
    }

    @Test
    void aDecimalShowsItsScaleAndHeadersTheNativeType(FxRobot robot) {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA)).schema().orElseThrow();
        SqlDatabase database = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(schema, database);
        QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), null, null));
        engine.execute("Item", "create", JsonCodec.parse("{\"data\": {\"id\": 1, \"name\": \"Oak table\", \"price\": \"1234.50\"}}"));
        project = new Project(Path.of("schema.prisma"), schema, engine, "postgresql");

        view = WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            ModelGridView v = new ModelGridView(new ModelGridViewModel(project, schema.model("Item"), executor, null, GridLayout.Store.inMemory()));
            stage.setScene(new Scene(v, 1024, 600));
            stage.show();
            return v;
        });
        waitUntil(() -> view.isBuilt() && !view.viewModel().loadingProperty().get());

        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("1234.50")).tryQuery()).as("the stored scale").isPresent();
        assertThat(onFx(() -> robot.lookup(".column-type").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("Int · id", "VarChar(40)", "Decimal(10,2)", "String?");
    }

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

    /** The list editor ({@link ListEditor}) on PostgreSQL's scalar lists. */
    @Test
    void editsAStringListItemByItemAndSavesIt(FxRobot robot) {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", GridFixture.schema("postgresql"))).schema().orElseThrow();
        SqlDatabase database = DBS.fresh(DbKind.POSTGRES).open();
        SchemaPusher.push(schema, database);
        project = new Project(Path.of("schema.prisma"), schema, new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), null, null)),
                "postgresql");
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
