package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.grid.ModelGridViewModel.CellFlag;
import dev.facet.ui.grid.ModelGridViewModel.RowState;
import javafx.scene.Scene;
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
}
