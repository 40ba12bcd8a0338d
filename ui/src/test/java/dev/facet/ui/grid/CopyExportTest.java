package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.ui.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * Copy and export (issue 16): rows selected with the mouse and the keyboard are copied as JSON and as text, and the
 * filtered, sorted view of a 100,000-row table is exported in pages to a file, checked line by line; an export can be
 * cancelled.
 */
@ExtendWith(ApplicationExtension.class)
class CopyExportTest {
    static final int CUSTOMERS = 100_000;
    /** Counting, sorting and exporting 100,000 rows on a machine other builds keep busy. */
    static final int LONG = 120;
    GridFixture db;
    FxTaskExecutor executor;
    ModelGridView view;
    Stage stage;
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.US);
        this.stage = stage;
        GridFx.lightTheme();
        dir = Files.createTempDirectory("copy-export");
        db = new GridFixture(dir, CUSTOMERS);
        executor = new FxTaskExecutor();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        db.close();
    }

    ModelGridViewModel vm() { return view.viewModel(); }

    void show(String model) {
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            view = new ModelGridView(new ModelGridViewModel(db.project, db.model(model), executor, new GridFixture.RecordingNavigator(),
                    GridLayout.Store.inMemory()));
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        });
        settle();
    }

    void settle() { waitUntil(LONG, () -> vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get() && view.isBuilt()); }

    Node cell(FxRobot robot, String text) { return robot.lookup(".grid-cell").match(LabeledMatchers.hasText(text)).query(); }

    String clipboard() { return onFx(() -> Clipboard.getSystemClipboard().getString()); }

    @Test
    void rowsSelectedWithClickShiftAndCtrlCopyAsJsonAndCtrlACopiesEveryCell(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "ada.lovelace1@example.com"));
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, "alan.lovelace3@example.com")).release(KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "barbara.lovelace5@example.com")).release(KeyCode.CONTROL);
        assertThat(onFx(() -> view.table().selectedRows().stream().map(r -> r.key().label()).toList())).containsExactly("1", "2", "3", "5");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(LONG, () -> clipboard() != null && clipboard().startsWith("["));
        JsonNode copied = JsonCodec.parse(clipboard());
        assertThat(copied.size()).isEqualTo(4);
        List<Integer> ids = new ArrayList<>();
        copied.forEach(r -> ids.add(r.get("id").asInt()));
        assertThat(ids).containsExactly(1, 2, 3, 5);
        JsonNode third = copied.get(2);
        // As facet query writes records: every scalar field, BigInt and DateTime exact, relations left out.
        assertThat(third.get("points").asText()).isEqualTo("9007199254740993");
        assertThat(third.get("createdAt").asText()).isEqualTo("2025-01-04T09:03:00.000Z");
        assertThat(third.has("orders")).isFalse();
        assertThat(third.get("name").asText()).isEqualTo("Alan Lovelace");

        // The view as the Prisma Client call that reads it, from the context menu.
        robot.rightClickOn(cell(robot, "Ada Lovelace"));
        robot.clickOn("Copy view as Prisma Client");
        waitUntil(LONG, () -> clipboard() != null && clipboard().startsWith("prisma."));
        assertThat(clipboard()).startsWith("prisma.customer.findMany({\n  orderBy: [ {\n    id: \"asc\"\n  } ],\n  take: 100,\n  include: {")
                .contains("_count: {").endsWith("})");

        // Ctrl+A selects every cell of the page; Ctrl+C copies them as tab-separated lines.
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        waitUntil(LONG, () -> clipboard() != null && !clipboard().startsWith("["));
        String[] lines = clipboard().split("\n");
        assertThat(lines).hasSize(onFx(() -> vm().rows().size()));
        assertThat(lines[0]).startsWith("1\tada.lovelace1@example.com\tAda Lovelace\t");
    }

    @Test
    void theFilteredSortedViewExportsEveryPageToCsvAndJsonLinesAndCanBeCancelled(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn("#search").write("Hopper").push(KeyCode.ENTER);
        waitUntil(LONG, () -> "Hopper".equals(vm().quickSearchProperty().get()) && vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get());
        fx(() -> vm().toggleSort("name", false));
        fx(() -> vm().toggleSort("name", false));
        settle();
        long expected = vm().totalCountProperty().get();
        assertThat(expected).isEqualTo(CUSTOMERS / 10);

        Path csv = dir.resolve("hoppers.csv");
        robot.clickOn("#export");
        TextField path = robot.lookup("#export-path").query();
        fx(() -> path.setText(csv.toString()));
        robot.clickOn("#export-start");
        waitUntil(LONG, () -> onFx(() -> vm().export().statusProperty().get()).startsWith("Exported"));
        assertThat(vm().export().statusProperty().get()).startsWith(String.format("Exported %,d rows to hoppers.csv in ", expected));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) expected + 1);
        assertThat(lines.getFirst()).isEqualTo("id,email,name,role,points,birthday,avatar,createdAt,updatedAt,referrerId");
        // Line by line, against the database in the grid's order: name descending, then id.
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.file);
             var rs = c.createStatement().executeQuery("SELECT id, email, name FROM \"Customer\" WHERE name LIKE '%Hopper%' ORDER BY name DESC, id")) {
            int i = 1;
            while (rs.next()) {
                assertThat(lines.get(i)).as("line %d", i + 1).startsWith(rs.getInt(1) + "," + rs.getString(2) + "," + rs.getString(3) + ",");
                i++;
            }
            assertThat(i).isEqualTo(expected + 1);
        }

        // JSON Lines: the format button renames the file.
        robot.clickOn("#export-jsonl");
        assertThat(path.getText()).isEqualTo(dir.resolve("hoppers.jsonl").toString());
        robot.clickOn("#export-start");
        waitUntil(LONG, () -> onFx(() -> vm().export().statusProperty().get()).contains("hoppers.jsonl"));
        List<String> json = Files.readAllLines(dir.resolve("hoppers.jsonl"));
        assertThat(json).hasSize((int) expected);
        assertThat(JsonCodec.parse(json.getFirst()).get("name").asText()).isEqualTo("Radia Hopper");

        // The whole table, cancelled as soon as it runs: the partial file goes.
        robot.clickOn("#export-close");
        robot.doubleClickOn("#search").eraseText(6).push(KeyCode.ENTER);
        waitUntil(LONG, () -> vm().quickSearchProperty().get().isEmpty() && vm().totalCountProperty().get() == CUSTOMERS);
        robot.clickOn("#export");
        TextField again = robot.lookup("#export-path").query();
        fx(() -> again.setText(dir.resolve("all.csv").toString()));
        robot.clickOn("#export-start");
        waitUntil(LONG, () -> onFx(() -> vm().export().runningProperty().get()));
        robot.clickOn("#export-cancel");
        waitUntil(LONG, () -> !onFx(() -> vm().export().runningProperty().get()));
        assertThat(vm().export().statusProperty().get()).isEqualTo("Export cancelled; nothing was kept");
        assertThat(dir.resolve("all.csv")).doesNotExist();
    }
}
