package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The grid as a new user met it (issue 15): each test drives the real control through what went wrong then.
 */
class GridFirstUseTest extends GridWindowTest {
    final GridFixture.RecordingNavigator navigator = new GridFixture.RecordingNavigator();

    GridFirstUseTest() { super("grid-first-use", 250); }

    void show(String model) {
        show(new ModelGridViewModel(db.project, db.model(model), executor, navigator, GridLayout.Store.inMemory()), 1280, 720, FIRST_GRID_SECONDS);
    }

    void shortcut(FxRobot robot, KeyCode key) { robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL); }

    List<String> contextMenuItems() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .flatMap(w -> ((ContextMenu) w).getItems().stream()).map(MenuItem::getText).toList());
    }

    void closeMenus() {
        fx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w instanceof ContextMenu).forEach(Window::hide));
    }

    /** The text a combo box shows in its button, after a pulse has laid it out. */
    static String shown(ComboBox<?> box) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> ((javafx.scene.control.ListCell<?>) ((javafx.scene.control.skin.ComboBoxListViewSkin<?>) box.getSkin())
                .getDisplayNode()).getText());
    }

    // 1: the operator box and the condition stay one.
    @Test
    void theFilterRunsTheOperatorItsBoxShows(FxRobot robot) throws Exception {
        show("Product");
        robot.clickOn("#filter-toggle");
        robot.clickOn(".add-condition");
        FilterCondition condition = onFx(() -> (FilterCondition) vm().filter().children().getFirst());
        ComboBox<GridColumn> field = robot.lookup(".filter-field").query();
        ComboBox<FilterOperator> op = robot.lookup(".filter-operator").query();
        assertThat(shown(op)).isEqualTo("=");
        fx(() -> field.getSelectionModel().select(vm().column("name")));
        assertThat(shown(op)).as("what the box shows").isEqualTo(onFx(() -> condition.operatorProperty().get().label()));
        robot.clickOn(".filter-value").write("eapo").push(KeyCode.ENTER);
        settle();
        assertThat(vm().filterTextProperty().get()).isEqualTo(onFx(() -> "name " + op.getValue().label() + " \"eapo\""));
        fx(() -> op.getSelectionModel().select(FilterOperator.CONTAINS));
        assertThat(onFx(() -> condition.operatorProperty().get())).isEqualTo(FilterOperator.CONTAINS);
        robot.clickOn("#filter-apply");
        settle();
        assertThat((long) vm().totalCountProperty().get()).isEqualTo(((Number) db.query("SELECT COUNT(*) FROM \"Product\" WHERE name LIKE '%eapo%'")).longValue());
        assertThat(vm().totalCountProperty().get()).isGreaterThan(0);
    }

    // 2: the context menu opens with its items, from the mouse and from the keyboard.
    @Test
    void theContextMenuOpensFromTheMouseTheMenuKeyAndShiftF10(FxRobot robot) {
        show("Customer");
        robot.rightClickOn(cell(robot, "Ada Lovelace"));
        waitUntil(() -> !contextMenuItems().isEmpty());
        assertThat(contextMenuItems()).contains("Edit", "Copy", "Duplicate record");
        closeMenus();

        selectCell(0, "birthday");
        robot.push(KeyCode.SHIFT, KeyCode.F10);
        waitUntil(() -> !contextMenuItems().isEmpty());
        assertThat(contextMenuItems()).contains("Set to NULL", "Copy");
        closeMenus();

        selectCell(0, "orders");
        robot.push(KeyCode.CONTEXT_MENU);
        waitUntil(() -> !contextMenuItems().isEmpty());
        assertThat(contextMenuItems()).contains("Open Order in a new tab");
        closeMenus();
    }

    // 3: after the delete sheet closes, the focus is back in the grid and Ctrl+S saves.
    @Test
    void ctrlSSavesRightAfterMarkingForDeletion(FxRobot robot) throws Exception {
        show("Customer");
        // Customers after the first 40 have no orders: nothing restricts their delete.
        selectCell(45, "name");
        robot.push(KeyCode.DELETE);
        waitUntil(() -> vm().deletePreviewProperty().get() != null);
        robot.clickOn("#confirm-delete");
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        assertThat(onFx(() -> stage.getScene().getFocusOwner() == view.table())).as("the focus is back in the table").isTrue();
        shortcut(robot, KeyCode.S);
        settle();
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT COUNT(*) FROM \"Customer\"")).isEqualTo(249);
    }

    // 7: a double click on the link text opens the picker and does not follow.
    @Test
    void aDoubleClickOnLinkTextOpensThePickerAndASingleClickFollows(FxRobot robot) {
        show("Order");
        robot.doubleClickOn(cell(robot, "Grace Lovelace").lookup(".text"));
        waitUntil(() -> robot.lookup("#relation-picker").tryQuery().isPresent());
        assertThat(navigator.opened).isEmpty();
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#relation-picker").tryQuery().isEmpty());

        robot.clickOn(cell(robot, "Grace Lovelace").lookup(".text"));
        waitUntil(() -> !navigator.opened.isEmpty());
        assertThat(navigator.opened.getFirst().model().name()).isEqualTo("Customer");
        assertThat(robot.lookup("#relation-picker").tryQuery()).isEmpty();
    }

    // 8: what is over is not shown any more.
    @Test
    void cancellingTheDeletePreviewClearsItsStatusAndTakingTheirsClearsTheConflictMessage(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.DELETE);
        waitUntil(() -> vm().deletePreviewProperty().get() != null);
        assertThat(onFx(() -> executor.lastTaskProperty().get())).startsWith("Previewing the delete of 1 Customer");
        robot.clickOn("#cancel-delete");
        assertThat(onFx(() -> executor.lastTaskProperty().get())).doesNotContain("Previewing");

        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.ENTER).eraseText(20).write("Mine").push(KeyCode.ENTER);
        db.sql("UPDATE \"Customer\" SET name = 'Theirs' WHERE id = 1");
        robot.clickOn("#save");
        settle();
        waitUntil(() -> !vm().conflicts().isEmpty());
        assertThat(message()).contains("changed by someone else");
        robot.clickOn(".take-theirs");
        assertThat(robot.lookup("#conflicts").query().isVisible()).isFalse();
        assertThat(message()).as("the conflict message goes with the conflict").isNull();
    }

    // 10: a new record stays in view, selected, after it is saved.
    @Test
    void aSavedNewRecordStaysInViewAndSelected(FxRobot robot) {
        show("Customer");
        robot.clickOn("#add");
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.write("new@example.com").push(KeyCode.TAB);
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.write("Newcomer").push(KeyCode.ENTER);
        robot.clickOn("#save");
        settle();
        waitUntil(() -> robot.lookup(".grid-cell").match(LabeledMatchers.hasText("Newcomer")).tryQuery().isPresent());
        assertThat(onFx(() -> view.table().selectedRows().stream().map(r -> r.record().path("name").asText()).toList()))
                .containsExactly("Newcomer");
        assertThat(cell(robot, "Newcomer").isVisible()).isTrue();
    }

    // 12: the words.
    @Test
    void theWordsAreRight(FxRobot robot) throws Exception {
        show("Customer");
        List<String> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx(() -> executor.lastTaskProperty().addListener((o, was, is) -> tasks.add(is)));
        db.sql("DELETE FROM \"Order\" WHERE customerId = 3");
        robot.clickOn(cell(robot, "Alan Lovelace")).push(KeyCode.DELETE);
        waitUntil(() -> vm().deletePreviewProperty().get() != null);
        assertThat(robot.lookup(".delete-effects .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .contains("• delete 1 Address (cascade through customer)");
        robot.clickOn("#confirm-delete");
        robot.clickOn("#save");
        settle();
        assertThat(tasks).contains("Saving 1 change to Customer").doesNotContain("Saving 1 changes to Customer");

        // One new record is "the new record", not "new record 2" after an earlier one was removed.
        robot.clickOn("#add");
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.push(KeyCode.ESCAPE);
        fx(() -> vm().revertRow(vm().rows().getFirst()));
        robot.clickOn("#add");
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.write("ada.lovelace1@example.com").push(KeyCode.TAB);
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.write("Twin").push(KeyCode.ENTER);
        robot.clickOn("#save");
        settle();
        assertThat(message()).contains("new record 1").doesNotContain("new record 2");
    }
}
