package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.model.Model;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The grid on screen, headless, with the real executor (database work on background threads): every
 * flow through its controls and keys.
 */
class ModelGridViewTest extends GridWindowTest {
    final TestShell shell = new TestShell();
    Scene scene;

    ModelGridViewTest() { super("grid-view", 250); }

    /** A tiny window shell: grids in place with a back/forward history, as the real shell does. */
    final class TestShell implements Navigator {
        final Deque<ModelGridView> backStack = new ArrayDeque<>();
        final Deque<ModelGridView> forwardStack = new ArrayDeque<>();
        ModelGridView current;
        int newTabs;

        ModelGridView open(Model model, String where) {
            var vm = new ModelGridViewModel(db.project, model, executor, this, GridLayout.Store.inMemory());
            vm.setInitialWhere(where);
            return new ModelGridView(vm);
        }

        void show(ModelGridView view) {
            current = view;
            ModelGridViewTest.this.view = view;
            if (scene == null) {
                scene = new Scene(view, 1280, 720);
                stage.setScene(scene);
                stage.show();
            } else {
                scene.setRoot(view);
            }
        }

        @Override
        public void openModel(Model model, String whereJson, boolean newTab) {
            if (newTab) {
                newTabs++;
                return;
            }
            backStack.push(current);
            forwardStack.clear();
            show(open(model, whereJson));
        }

        @Override
        public void back() {
            if (backStack.isEmpty()) return;
            forwardStack.push(current);
            show(backStack.pop());
        }

        @Override
        public void forward() {
            if (forwardStack.isEmpty()) return;
            backStack.push(current);
            show(forwardStack.pop());
        }
    }

    void show(String model) {
        fx(() -> shell.show(shell.open(db.model(model), null)));
        settle();
    }

    String range(FxRobot robot) { return robot.lookup("#range").queryAs(Label.class).getText(); }

    /** The text of the cell showing {@code text}: relation cells follow a click on their text. */
    Node linkText(FxRobot robot, String text) { return cell(robot, text).lookup(".text"); }

    void clickHeader(FxRobot robot, String column, KeyCode... modifiers) {
        TableColumn<GridRow, GridRow> tc = shell.current.table().tableColumn(column);
        if (modifiers.length > 0) robot.press(modifiers);
        robot.clickOn(tc.getGraphic());
        if (modifiers.length > 0) robot.release(modifiers);
        settle();
    }

    // ---------------------------------------------------------------- browsing

    @Test
    void aNewGridComesInPartsAndThenFillsItsArea(FxRobot robot) {
        ModelGridView view = onFx(() -> shell.open(db.model("Customer"), null));
        // The toolbar's pulse comes first; the footer and then the table join in the next ones, and the rows fill it in parts.
        assertThat(onFx(() -> {
            shell.show(view);
            return view.table().getParent() == null && view.lookup(".grid-footer") == null;
        })).isTrue();
        settle();
        onFx(() -> {
            GridTable table = view.table();
            Node footer = view.lookup(".grid-footer");
            assertThat(table.getBoundsInParent().getMaxY()).as("the table reaches the footer")
                    .isCloseTo(footer.getBoundsInParent().getMinY(), Offset.offset(1.0));
            VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
            assertThat(flow.getLastVisibleCell().getIndex()).as("a screenful of rows").isGreaterThan(15);
            return null;
        });
    }

    @Test
    void pagesAndScrolls(FxRobot robot) {
        show("Customer");
        assertThat(range(robot)).isEqualTo("1–100 of 250");
        robot.clickOn("#next-page");
        settle();
        assertThat(range(robot)).isEqualTo("101–200 of 250");
        assertThat(robot.lookup("#page-field").queryAs(TextField.class).getText()).isEqualTo("2");
        fx(() -> robot.lookup("#page-size").queryAs(ChoiceBox.class).getSelectionModel().select(Integer.valueOf(50)));
        settle();
        assertThat(range(robot)).isEqualTo("1–50 of 250");

        robot.clickOn("#scroll-mode");
        settle();
        assertThat(onFx(() -> vm().rows().size())).isEqualTo(250);
        fx(() -> shell.current.table().scrollTo(230));
        waitUntil(() -> vm().rows().get(235).isLoaded());
        assertThat(range(robot)).matches("2\\d\\d–2\\d\\d of 250");
        assertThat(onFx(() -> vm().rows().get(100).isLoaded())).as("the middle was never in view").isFalse();
    }

    @Test
    void sortsByClickingHeaders(FxRobot robot) {
        show("Customer");
        clickHeader(robot, "name");
        assertThat(onFx(() -> vm().sortOrder())).containsExactly(new ModelGridViewModel.SortKey("name", false));
        assertThat(robot.lookup(".grid-cell").nth(2).queryAs(javafx.scene.control.Labeled.class).getText()).isNotNull();
        waitUntil(() -> vm().rows().getFirst().record().get("name").asText().equals("Ada Dijkstra"));
        clickHeader(robot, "id", KeyCode.SHIFT);
        clickHeader(robot, "id", KeyCode.SHIFT);
        assertThat(onFx(() -> vm().sortOrder())).containsExactly(new ModelGridViewModel.SortKey("name", false),
                new ModelGridViewModel.SortKey("id", true));
        waitUntil(() -> vm().rows().getFirst().record().get("id").asInt() == 231);
        fx(() -> shell.current.table().scrollToColumn(shell.current.table().tableColumn("orders")));
        clickHeader(robot, "orders");
        waitUntil(() -> vm().sortOrder().size() == 1 && vm().rows().getFirst().record().path("_count").path("orders").asInt() == 0);
        clickHeader(robot, "orders");
        waitUntil(() -> vm().rows().getFirst().record().path("_count").path("orders").asInt() == 3);
        assertThat(onFx(() -> vm().sortOrder())).containsExactly(new ModelGridViewModel.SortKey("orders", true));
    }

    @Test
    void filtersAndSearches(FxRobot robot) {
        show("Customer");
        robot.clickOn("#search").write("Radia");
        waitUntil(() -> vm().totalCountProperty().get() == 25);
        assertThat(range(robot)).isEqualTo("1–25 of 25");
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> vm().totalCountProperty().get() == 250);

        robot.clickOn("#filter-toggle");
        robot.clickOn(".add-condition");
        FilterCondition condition = onFx(() -> (FilterCondition) vm().filter().children().getFirst());
        fx(() -> condition.columnProperty().set(vm().column("role")));
        fx(() -> condition.operatorProperty().set(FilterOperator.IN));
        robot.clickOn(".filter-value").write("STAFF, ADMIN").push(KeyCode.ENTER);
        settle();
        assertThat(vm().totalCountProperty().get()).isEqualTo(100);
        assertThat(robot.lookup("#filter-chip").tryQuery()).isPresent();

        fx(() -> condition.operatorProperty().set(FilterOperator.EQUALS));
        fx(() -> condition.columnProperty().set(vm().column("points")));
        robot.clickOn(".filter-value").eraseText(20).write("a lot").push(KeyCode.ENTER);
        waitUntil(() -> vm().filterErrorProperty().get() != null);
        assertThat(robot.lookup("#filter-error").queryAs(Label.class).getText()).isEqualTo("points: 'a lot' is not a whole number");
        assertThat(robot.lookup(".condition-error").queryAs(Label.class).isVisible()).isTrue();
        robot.clickOn("#filter-clear");
        settle();
        assertThat(vm().totalCountProperty().get()).isEqualTo(250);

        robot.clickOn(cell(robot, "Ada Lovelace"));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#search").queryAs(TextField.class).isFocused()).isTrue();
    }

    // ---------------------------------------------------------------- editing

    @Test
    void editsAndSavesWithTheKeyboard(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace"));
        robot.push(KeyCode.ENTER);
        robot.eraseText(20).write("Ada King").push(KeyCode.ENTER);
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        Node changed = cell(robot, "Ada King");
        assertThat(changed.getPseudoClassStates()).extracting(Object::toString).contains("pending");
        assertThat(robot.lookup("#save").queryAs(Button.class).getText()).isEqualTo("Save 1 change");

        // Typing on a cell starts editing it; Tab takes the value and moves to the next cell.
        robot.clickOn(cell(robot, "grace.lovelace2@example.com"));
        robot.write("grace@example.org").push(KeyCode.TAB);
        waitUntil(() -> shell.current.table().getEditingCell() != null);
        assertThat(onFx(() -> shell.current.table().getEditingCell().getTableColumn().getId())).isEqualTo("name");
        robot.push(KeyCode.ESCAPE);

        // A value that does not fit is refused at the cell, with the reason.
        robot.clickOn(cell(robot, "500"));
        robot.write("3.5").push(KeyCode.ENTER);
        assertThat(message()).isEqualTo("points: '3.5' is not a whole number");
        assertThat(robot.lookup(".cell-editor").query().getPseudoClassStates()).extracting(Object::toString).contains("danger");
        robot.push(KeyCode.ESCAPE);

        // Enums are chosen from a drop-down.
        robot.clickOn(cell(robot, "CUSTOMER")).push(KeyCode.ENTER);
        waitUntil(() -> robot.lookup(".combo-box.cell-editor").tryQuery().isPresent());
        robot.push(KeyCode.DOWN);
        waitUntil(() -> shell.current.table().getEditingCell() == null);
        assertThat(vm().pendingCountProperty().get()).isEqualTo(3);

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();
        assertThat(message()).isEqualTo("Saved 3 changes");
        assertThat(db.query("SELECT name || ' ' || email || ' ' || role FROM \"Customer\" WHERE id = 1"))
                .isEqualTo("Ada King ada.lovelace1@example.com STAFF");
        assertThat(db.query("SELECT email FROM \"Customer\" WHERE id = 2")).isEqualTo("grace@example.org");
    }

    @Test
    void discardsPendingChanges(FxRobot robot) {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.ENTER).eraseText(20).write("Temporary").push(KeyCode.ENTER);
        assertThat(vm().dirtyProperty().get()).isTrue();
        robot.clickOn("#discard");
        // Nothing brings discarded changes back: it asks first, and keeping them is the default.
        robot.clickOn("#cancel-discard");
        assertThat(vm().dirtyProperty().get()).isTrue();
        robot.clickOn("#discard");
        robot.clickOn("#confirm-discard");
        assertThat(vm().dirtyProperty().get()).isFalse();
        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("Ada Lovelace")).tryQuery()).isPresent();
        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("Temporary")).tryQuery()).isEmpty();
    }

    @Test
    void addsARecordWithDefaultsShown(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn("#add");
        waitUntil(() -> shell.current.table().getEditingCell() != null);
        assertThat(onFx(() -> shell.current.table().getEditingCell().getTableColumn().getId())).isEqualTo("email");
        assertThat(cell(robot, "auto").getPseudoClassStates()).extracting(Object::toString).contains("default");
        robot.write("new@example.com").push(KeyCode.TAB);
        waitUntil(() -> shell.current.table().getEditingCell() != null);
        robot.write("Newcomer").push(KeyCode.ENTER);
        robot.clickOn("#save");
        settle();
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(vm().totalCountProperty().get()).isEqualTo(251);
        assertThat(db.query("SELECT name || ' ' || role FROM \"Customer\" WHERE email = 'new@example.com'")).isEqualTo("Newcomer CUSTOMER");
    }

    @Test
    void duplicatesARecord(FxRobot robot) throws Exception {
        show("Product");
        robot.clickOn(cell(robot, "Teapot"));
        robot.clickOn("#duplicate");
        assertThat(onFx(() -> vm().rows().getFirst().isDraft())).isTrue();
        robot.clickOn("#save");
        settle();
        assertThat(db.query("SELECT COUNT(*) FROM \"Product\" WHERE name = 'Teapot'")).isEqualTo(2);
    }

    @Test
    void editsLongValuesInTheLargerEditor(FxRobot robot) {
        show("Product");
        robot.clickOn(cell(robot, "{\"colour\":\"red\",\"weight\":100}")).push(KeyCode.ENTER);
        assertThat(robot.lookup("#value-editor").tryQuery()).isPresent();
        TextArea area = robot.lookup("#value-area").queryAs(TextArea.class);
        fx(() -> area.setText("{\"colour\": "));
        assertThat(robot.lookup("#value-status").queryAs(Label.class).getText()).startsWith("invalid JSON");
        fx(() -> area.setText("{\"colour\": \"green\"}"));
        assertThat(robot.lookup("#value-status").queryAs(Label.class).getText()).isEqualTo("Valid JSON");
        robot.clickOn("#value-apply");
        assertThat(robot.lookup("#sheet").query().isVisible()).isFalse();
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        assertThat(robot.lookup(".grid-cell").match(LabeledMatchers.hasText("{\"colour\":\"green\"}")).tryQuery()).isPresent();
    }

    // ---------------------------------------------------------------- delete

    @Test
    void deletesAfterAConfirmationWithTheCascadePreview(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.DELETE);
        waitUntil(() -> vm().deletePreviewProperty().get() != null);
        assertThat(robot.lookup("#confirm-delete").queryAs(Button.class).isDisabled()).as("orders restrict the delete").isTrue();
        assertThat(robot.lookup(".delete-blocker").queryAs(Label.class).getText()).startsWith("2 Order records still refer to it");
        robot.clickOn("#cancel-delete");
        assertThat(robot.lookup("#sheet").query().isVisible()).isFalse();

        db.sql("DELETE FROM \"Order\" WHERE customerId = 3");
        robot.clickOn(cell(robot, "Alan Lovelace")).push(KeyCode.DELETE);
        waitUntil(() -> vm().deletePreviewProperty().get() != null);
        assertThat(robot.lookup("#delete-confirmation").queryAll()).hasSize(1);
        assertThat(robot.lookup(".delete-effects .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("• delete 1 Address (cascade through customer)", "• delete 1 Review (cascade through customer)");
        robot.clickOn("#confirm-delete");
        assertThat(cell(robot, "Alan Lovelace").getParent().getPseudoClassStates()).extracting(Object::toString).contains("row-deleted");
        robot.clickOn("#save");
        settle();
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(vm().totalCountProperty().get()).isEqualTo(249);
        assertThat(db.query("SELECT COUNT(*) FROM \"Address\" WHERE customerId = 3")).isEqualTo(0);
    }

    // ---------------------------------------------------------------- relations

    @Test
    void followsARelationAndGoesBack(FxRobot robot) {
        show("Order");
        ModelGridView orders = shell.current;
        robot.clickOn(linkText(robot, "Grace Lovelace"));
        // A click on a link follows it once it is clear no second click comes (a double click opens the picker).
        waitUntil(() -> vm().model().name().equals("Customer"));
        settle();
        assertThat(vm().totalCountProperty().get()).isEqualTo(1);
        assertThat(robot.lookup("#opened-filter .label").queryAs(Label.class).getText()).isEqualTo("Opened with: id = 2");
        fx(() -> shell.current.table().scrollToColumn(shell.current.table().tableColumn("orders")));
        robot.clickOn(linkText(robot, "3 orders"));
        waitUntil(() -> vm().model().name().equals("Order"));
        settle();
        assertThat(range(robot)).isEqualTo("1–3 of 3");
        robot.press(KeyCode.CONTROL).clickOn(linkText(robot, "Grace Lovelace")).release(KeyCode.CONTROL);
        assertThat(shell.newTabs).isEqualTo(1);

        robot.clickOn("#back");
        settle();
        assertThat(vm().model().name()).isEqualTo("Customer");
        robot.clickOn("#back");
        assertThat(shell.current).isSameAs(orders);
        robot.clickOn("#forward");
        assertThat(vm().model().name()).isEqualTo("Customer");
    }

    // ---------------------------------------------------------------- concurrency and failures

    @Test
    void aConcurrentChangeIsAConflictAndTheUserChooses(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.ENTER).eraseText(20).write("Mine").push(KeyCode.ENTER);
        db.sql("UPDATE \"Customer\" SET name = 'Theirs' WHERE id = 1");
        robot.clickOn("#save");
        settle();
        waitUntil(() -> !vm().conflicts().isEmpty());
        assertThat(robot.lookup("#conflicts .label").queryAs(Label.class).getText())
                .isEqualTo("Customer 1 changed since you loaded it (name: yours Mine, theirs Theirs)");
        assertThat(cell(robot, "Mine").getPseudoClassStates()).extracting(Object::toString).contains("conflict");
        robot.clickOn(".keep-mine");
        robot.clickOn("#save");
        settle();
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Mine");
    }

    @Test
    void aLostDatabaseKeepsEditsAndSavesOnceBack(FxRobot robot) throws Exception {
        show("Customer");
        robot.clickOn(cell(robot, "Ada Lovelace")).push(KeyCode.ENTER).eraseText(20).write("Kept").push(KeyCode.ENTER);
        db.dataSource.down = true;
        robot.clickOn("#reload");
        settle();
        assertThat(message()).contains("cannot be reached").endsWith("Your 1 change is kept; save again once it is back.");
        assertThat(robot.lookup("#retry").query().isVisible()).isTrue();
        robot.clickOn("#save");
        settle();
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        assertThat(cell(robot, "Kept").getPseudoClassStates()).extracting(Object::toString).contains("pending");

        db.dataSource.down = false;
        robot.clickOn("#retry");
        settle();
        assertThat(message()).isEqualTo("Connected to the database again");
        robot.clickOn("#save");
        settle();
        assertThat(message()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 1")).isEqualTo("Kept");
    }
}
