package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.client.ClientCall;
import dev.facet.data.client.ClientCallParser;
import dev.facet.ui.grid.ModelGridViewModel.RowState;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Undo and redo of pending changes (issue 16), across five kinds of change, from the keyboard. */
class UndoTest extends GridWindowTest {
    UndoTest() { super("undo", 60); }

    void focus(int row, String column) {
        fx(() -> {
            GridTable table = view.table();
            table.scrollTo(Math.max(0, row - 2));
            table.scrollToColumn(table.tableColumn(column));
            table.getSelectionModel().clearAndSelect(row, table.tableColumn(column));
            table.getFocusModel().focus(row, table.tableColumn(column));
            table.requestFocus();
        });
    }

    int pending() { return onFx(() -> vm().pendingCountProperty().get()); }

    /** The text of a loaded record's cell, by customer id. */
    String cell(int id, String column) {
        return onFx(() -> {
            GridRow r = vm().rows().stream().filter(x -> !x.isDraft() && x.key() != null && x.key().label().equals(Integer.toString(id))).findFirst().orElseThrow();
            return vm().cell(r, vm().column(column)).text();
        });
    }

    RowState state(int id) {
        return onFx(() -> vm().rowState(vm().rows().stream().filter(x -> !x.isDraft() && x.key() != null && x.key().label().equals(Integer.toString(id)))
                .findFirst().orElseThrow()));
    }

    long drafts() { return onFx(() -> vm().rows().stream().filter(GridRow::isDraft).count()); }

    void undo(FxRobot robot) {
        fx(() -> view.table().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    }

    void redo(FxRobot robot) {
        fx(() -> view.table().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    @Test
    void ctrlZTakesBackACellANullALinkADeletionAndANewRecordAndCtrlShiftZRedoesThem(FxRobot robot) {
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            view = new ModelGridView(new ModelGridViewModel(db.project, db.model("Customer"), executor, new GridFixture.RecordingNavigator(),
                    GridLayout.Store.inMemory()));
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
        });
        // The first grid of a JVM loads its classes and styles: on a busy machine that takes more than the usual 10 s.
        waitUntil(60, () -> vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get() && view.isBuilt());

        // 1: a typed cell.
        focus(0, "name");
        robot.write("Zed").push(KeyCode.ENTER);
        waitUntil(() -> pending() == 1);
        // 2: NULL.
        focus(0, "birthday");
        robot.press(KeyCode.SHIFT, KeyCode.DELETE).release(KeyCode.DELETE, KeyCode.SHIFT);
        waitUntil(() -> pending() == 2);
        // 3: a link taken away in the picker (customer 2 was referred by customer 1).
        focus(1, "referrer");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> view.lookup("#picker-unlink") != null);
        robot.clickOn("#picker-unlink");
        waitUntil(() -> pending() == 3);
        // 4: a deletion mark, after the preview (customer 45 has no orders, whose relation restricts deletes).
        focus(44, "email");
        robot.push(KeyCode.DELETE);
        waitUntil(() -> view.lookup("#confirm-delete") != null);
        robot.clickOn("#confirm-delete");
        waitUntil(() -> pending() == 4);
        // 5: a new record.
        fx(() -> view.table().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitUntil(() -> pending() == 5);
        robot.push(KeyCode.ESCAPE);

        assertThat(cell(1, "name")).isEqualTo("Zed");
        copiedChangesAreTheCallsSaveWouldRun(robot);
        undo(robot);
        waitUntil(() -> pending() == 4 && drafts() == 0);
        undo(robot);
        waitUntil(() -> pending() == 3);
        assertThat(state(45)).isEqualTo(RowState.CLEAN);
        undo(robot);
        waitUntil(() -> pending() == 2);
        assertThat(cell(2, "referrer")).isEqualTo("Ada Lovelace");
        undo(robot);
        waitUntil(() -> pending() == 1);
        assertThat(cell(1, "birthday")).isNotEqualTo("NULL");
        undo(robot);
        waitUntil(() -> pending() == 0);
        assertThat(cell(1, "name")).isEqualTo("Ada Lovelace");
        assertThat(onFx(() -> vm().dirtyProperty().get())).isFalse();

        for (int i = 1; i <= 5; i++) {
            redo(robot);
            int n = i;
            waitUntil(() -> pending() == n);
        }
        assertThat(cell(1, "name")).isEqualTo("Zed");
        assertThat(onFx(() -> vm().cell(vm().rows().stream().filter(r -> !r.isDraft() && "1".equals(r.key().label())).findFirst().orElseThrow(),
                vm().column("birthday")).has(CellFlag.NULL))).isTrue();
        assertThat(cell(2, "referrer")).isEqualTo("NULL");
        assertThat(state(45)).isEqualTo(RowState.DELETED);
        assertThat(drafts()).isEqualTo(1);
    }

    /** Values the parser tags ({@code {"$type": "DateTime", "value": ...}}) as the plain JSON Save sends. */
    static JsonNode plain(JsonNode n) {
        if (n.isObject() && n.size() == 2 && n.has("$type") && n.has("value")) return n.get("value");
        if (n.isContainerNode()) {
            JsonNode copy = n.deepCopy();
            if (copy instanceof ObjectNode o) o.properties().forEach(e -> e.setValue(plain(e.getValue())));
            else for (int i = 0; i < copy.size(); i++) ((ArrayNode) copy).set(i, plain(copy.get(i)));
            return copy;
        }
        return n;
    }

    /** "Copy changes as Prisma Client" gives one call per request of Save, in its order, read back the same by the console's parser. */
    void copiedChangesAreTheCallsSaveWouldRun(FxRobot robot) {
        fx(() -> Clipboard.getSystemClipboard().clear());
        robot.rightClickOn(view.table().lookup(".table-row-cell"));
        robot.clickOn("Copy changes as Prisma Client");
        waitUntil(() -> onFx(() -> Clipboard.getSystemClipboard().getString()) != null);
        String[] lines = onFx(() -> Clipboard.getSystemClipboard().getString()).split("\n");
        List<SavePlan.Step> steps = onFx(() -> vm().plan().steps());
        assertThat(lines[0]).isEqualTo("await prisma.$transaction([");
        assertThat(lines[lines.length - 1]).isEqualTo("])");
        assertThat(lines).hasSize(steps.size() + 2);
        for (int i = 0; i < steps.size(); i++) {
            String line = lines[i + 1];
            assertThat(line).startsWith("  prisma.customer.").endsWith("),");
            ClientCall call = ClientCallParser.parse(line.strip().substring(0, line.strip().length() - 1), db.project.schema());
            ObjectNode expected = ((ObjectNode) steps.get(i).request().args()).deepCopy();
            expected.remove("select");
            assertThat(call.action()).isEqualTo(steps.get(i).request().action());
            assertThat(plain(call.args())).as(line).isEqualTo(expected);
        }
        String text = String.join("\n", lines);
        // The new record, the name, the NULL birthday (a Date where it has one), the link taken away, the deletion.
        assertThat(text).contains("prisma.customer.create(").contains("name: \"Zed\"").contains("birthday: null")
                .contains("referrer: { disconnect: true }").contains("prisma.customer.delete({ where: { id: 45 } })");
    }
}
