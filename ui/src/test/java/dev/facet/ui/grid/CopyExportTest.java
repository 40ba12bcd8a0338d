package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Copy and export (issue 16): rows selected with the mouse and the keyboard are copied as JSON and as text, and the
 * filtered, sorted view of a 100,000-row table is exported in pages to a file, checked line by line; an export can be
 * cancelled.
 */
class CopyExportTest extends GridWindowTest {
    static final int CUSTOMERS = 100_000;
    /** Counting, sorting and exporting 100,000 rows on a machine other builds keep busy. */
    static final int LONG = 120;

    CopyExportTest() { super("copy-export", CUSTOMERS); }

    void show(String model) {
        show(new ModelGridViewModel(db.project, db.model(model), executor, new GridFixture.RecordingNavigator(), GridLayout.Store.inMemory()),
                1280, 800, LONG);
    }

    @Override
    void settle() { settle(LONG); }

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
        progressScreenshot();
        robot.clickOn("#export-cancel");
        waitUntil(LONG, () -> !onFx(() -> vm().export().runningProperty().get()));
        assertThat(vm().export().statusProperty().get()).isEqualTo("Export cancelled; nothing was kept");
        assertThat(dir.resolve("all.csv")).doesNotExist();
    }

    /**
     * export-progress.png in the folder -Dfacet.screenshots names (README), taken once the bar moves; without the
     * property nothing waits, so the export is cancelled as soon as it runs.
     */
    void progressScreenshot() throws java.io.IOException {
        String folder = System.getProperty("facet.screenshots", "");
        if (folder.isEmpty()) return;
        waitUntil(LONG, () -> onFx(() -> vm().export().progressProperty().get()) > 0.05);
        Path shot = GridFx.snapshot(view.getScene(), "export-progress");
        Files.createDirectories(Path.of(folder));
        Files.copy(shot, Path.of(folder, "export-progress.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    JsonNode customers(int from, int to) {
        return db.engine.execute("Customer", "findMany", JsonCodec.parse("{\"where\":{\"id\":{\"gte\":" + from + ",\"lte\":" + to + "}},\"orderBy\":{\"id\":\"asc\"}}"));
    }

    /** The node {@code query} finds in a window that shows (menus that closed keep theirs without a scene). */
    static javafx.scene.Node showing(FxRobot robot, String query) {
        java.util.function.Predicate<javafx.scene.Node> shown = n -> n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing();
        waitUntil(LONG, () -> onFx(() -> robot.lookup(query).queryAll().stream().anyMatch(shown)));
        return onFx(() -> robot.lookup(query).queryAll().stream().filter(shown).findFirst().orElseThrow());
    }

    /** Opens the row's context menu, then "Copy rows as" and {@code format}; waits until the clipboard starts with {@code start}. */
    String copyRowsAs(FxRobot robot, String onCell, String format, String start) {
        fx(() -> Clipboard.getSystemClipboard().clear());
        robot.rightClickOn(cell(robot, onCell));
        robot.clickOn(showing(robot, "#copy-rows-as"));
        // Across first, then down: a diagonal path crosses the items below, which closes the submenu.
        robot.clickOn(showing(robot, format), org.testfx.robot.Motion.HORIZONTAL_FIRST);
        waitUntil(LONG, () -> clipboard() != null && clipboard().startsWith(start));
        return clipboard();
    }

    @Test
    void rowsCopyAsTsvCsvMarkdownAndSqlInsertsThatPutTheSameRecordsBackAndTheViewExportsAsMarkdownAndSql(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn("#search").write("Liskov").push(KeyCode.ENTER);
        waitUntil(LONG, () -> "Liskov".equals(vm().quickSearchProperty().get()) && vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get());
        settle();
        robot.clickOn(cell(robot, "ada.liskov41@example.com"));
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, "alan.liskov43@example.com")).release(KeyCode.SHIFT);
        String header = "id,email,name,role,points,birthday,avatar,createdAt,updatedAt,referrerId";

        String[] tsv = copyRowsAs(robot, "grace.liskov42@example.com", "TSV with field names", "id\t").split("\n");
        assertThat(tsv).hasSize(4);
        assertThat(tsv[0]).isEqualTo(header.replace(',', '\t'));
        assertThat(tsv[1]).startsWith("41\tada.liskov41@example.com\tAda Liskov\t");

        String[] csv = copyRowsAs(robot, "grace.liskov42@example.com", "CSV with field names", "id,").split("\r\n");
        assertThat(csv).hasSize(4);
        assertThat(csv[0]).isEqualTo(header);
        JsonNode records = customers(41, 43);
        // Every value as the JSON copy gives it: BigInt exact, dates in ISO, Bytes in base64, NULL empty.
        for (int i = 0; i < 3; i++) {
            JsonNode r = records.get(i);
            assertThat(csv[i + 1]).isEqualTo(String.join(",", java.util.Arrays.stream(header.split(","))
                    .map(f -> r.get(f).isNull() ? "" : r.get(f).asText()).toList()));
        }

        String[] md = copyRowsAs(robot, "grace.liskov42@example.com", "Markdown table", "| id |").split("\n");
        assertThat(md).hasSize(5);
        assertThat(md[0]).isEqualTo("| " + header.replace(",", " | ") + " |");
        assertThat(md[1]).isEqualTo("|" + " --- |".repeat(10));
        assertThat(md[2]).startsWith("| 41 | ada.liskov41@example.com | Ada Liskov | ");
        assertThat(md[4]).startsWith("| 43 | alan.liskov43@example.com | Alan Liskov | ");

        String[] sql = copyRowsAs(robot, "grace.liskov42@example.com", "SQL INSERT", "INSERT INTO").split("\n");
        assertThat(sql).hasSize(3);
        assertThat(sql[0]).startsWith("INSERT INTO \"Customer\" (\"id\", \"email\", \"name\", \"role\", \"points\", \"birthday\", \"avatar\", "
                + "\"createdAt\", \"updatedAt\", \"referrerId\") VALUES (41, 'ada.liskov41@example.com', 'Ada Liskov', ");
        // Run on the database after deleting the rows, they put back the same records, Bytes and BigInt included.
        String before = records.toString();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.file); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM \"Customer\" WHERE id BETWEEN 41 AND 43");
            for (String line : sql) st.executeUpdate(line);
        }
        assertThat(customers(41, 43).toString()).isEqualTo(before);

        // The whole filtered view, streamed to a SQL file and to a Markdown file.
        long expected = vm().totalCountProperty().get();
        Path file = dir.resolve("liskovs.sql");
        robot.clickOn("#export");
        TextField path = robot.lookup("#export-path").query();
        fx(() -> path.setText(file.toString()));
        robot.clickOn("#export-start");
        waitUntil(LONG, () -> onFx(() -> vm().export().statusProperty().get()).startsWith("Exported"));
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize((int) expected);
        assertThat(lines.getFirst()).isEqualTo(sql[0]);
        robot.clickOn("#export-md");
        assertThat(path.getText()).isEqualTo(dir.resolve("liskovs.md").toString());
        robot.clickOn("#export-start");
        waitUntil(LONG, () -> onFx(() -> vm().export().statusProperty().get()).contains("liskovs.md"));
        List<String> table = Files.readAllLines(dir.resolve("liskovs.md"));
        assertThat(table).hasSize((int) expected + 2);
        assertThat(table.get(2)).isEqualTo(md[2]);
    }
}
