package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.ui.grid.RecordPanelViewModel.TreeNode;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The record panel (issue 16): the selected record as a form whose edits are the grid's pending changes, and its
 * relations as a tree loaded a level at a time through include. Each test drives the real controls.
 */
class RecordPanelTest extends GridWindowTest {
    final GridFixture.RecordingNavigator navigator = new GridFixture.RecordingNavigator();
    final GridLayout.Store store = GridLayout.Store.inMemory();

    RecordPanelTest() { super("record-panel", 60); }

    RecordPanelViewModel panel() { return vm().recordPanel(); }

    void show(String model) {
        show(new ModelGridViewModel(db.project, db.model(model), executor, navigator, store), 1280, 800, FIRST_GRID_SECONDS);
    }

    String title() { return onFx(() -> panel().titleProperty().get()); }

    TreeView<TreeNode> tree() { return onFx(() -> view.recordPanelNode().tree()); }

    List<String> labels(TreeItem<TreeNode> parent) {
        return onFx(() -> parent.getChildren().stream().map(i -> i.getValue().labelProperty().get()).toList());
    }

    /** Selects a tree item by its label under {@code parent}, from the keyboard's point of view, and expands it with Right. */
    TreeItem<TreeNode> expand(FxRobot robot, TreeItem<TreeNode> parent, String label) {
        TreeItem<TreeNode> item = onFx(() -> parent.getChildren().stream().filter(i -> i.getValue().labelProperty().get().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError(label + " not in " + labels(parent))));
        fx(() -> {
            tree().getSelectionModel().select(item);
            tree().requestFocus();
        });
        robot.push(KeyCode.RIGHT);
        waitUntil(() -> !item.getChildren().isEmpty() && !item.getValue().loadingProperty().get());
        return item;
    }

    long count(String sql) throws Exception { return ((Number) db.query(sql)).longValue(); }

    @Test
    void theShortcutShowsThePanelWhichFollowsTheSelectionWithoutReadingAndIsRemembered(FxRobot robot) {
        show("Customer");
        selectCell(0, "name");
        assertThat(robot.lookup("#record-panel").tryQuery()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitUntil(() -> !robot.lookup("#record-panel").queryAll().isEmpty());
        assertThat(title()).isEqualTo("Customer 1 · Ada Lovelace");
        assertThat(onFx(() -> ((TextField) robot.lookup("#edit-email").query()).getText())).isEqualTo("ada.lovelace1@example.com");
        // Every field with its type and its /// documentation.
        Node email = robot.lookup("#field-email").query();
        assertThat(robot.from(email).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList())
                .contains("email", "String", "Where order mails go; one customer per address");
        assertThat(robot.lookup("#field-avatar").tryQuery()).isPresent();
        assertThat(onFx(() -> robot.lookup("#edit-avatar").query() instanceof javafx.scene.control.TextArea)).as("Bytes get room").isTrue();
        // The first level of the relations comes from the row: the address, the counted orders and referrals.
        assertThat(labels(tree().getRoot())).contains("2 orders", "5 referrals");
        assertThat(labels(tree().getRoot()).getFirst()).startsWith("address: ");

        robot.push(KeyCode.DOWN).push(KeyCode.DOWN).push(KeyCode.DOWN);
        waitUntil(() -> title().startsWith("Customer 4 "));
        assertThat(onFx(() -> ((TextField) robot.lookup("#edit-email").query()).getText())).isEqualTo("edsger.lovelace4@example.com");
        assertThat(labels(tree().getRoot())).contains("2 orders");
        assertThat(panel().loads()).as("following the selection reads nothing").isZero();

        // Remembered: the next grid opens with the panel, until the button hides it.
        show("Order");
        assertThat(robot.lookup("#record-panel").tryQuery()).isPresent();
        robot.clickOn("#record-panel-toggle");
        waitUntil(() -> robot.lookup("#record-panel").tryQuery().isEmpty());
        assertThat(store.flag("recordPanel", true)).isFalse();
    }

    @Test
    void anEditInThePanelIsAPendingChangeOfTheGridAndSaves(FxRobot robot) throws Exception {
        show("Customer");
        selectCell(1, "name");
        fx(() -> vm().recordPanelShownProperty().set(true));
        waitUntil(() -> title().startsWith("Customer 2 "));
        robot.doubleClickOn("#edit-name").eraseText(20).write("Grace Brewster Hopper").push(KeyCode.ENTER);
        waitUntil(() -> vm().pendingCountProperty().get() == 1);
        GridRow row = onFx(() -> vm().rows().get(1));
        assertThat(onFx(() -> vm().cell(row, vm().column("name")).text())).isEqualTo("Grace Brewster Hopper");
        assertThat(onFx(() -> vm().cell(row, vm().column("name")).has(CellFlag.PENDING))).isTrue();
        // A value the type refuses says why beside the field, and changes nothing.
        robot.doubleClickOn("#edit-points").eraseText(10).write("12.5").push(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#field-points .danger").queryAllAs(Label.class).stream().filter(Node::isVisible).toList().isEmpty());
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> vm().pendingCountProperty().get() == 0 && !vm().savingProperty().get());
        assertThat(db.query("SELECT name FROM \"Customer\" WHERE id = 2")).isEqualTo("Grace Brewster Hopper");
    }

    @Test
    void relationsExpandTwoLevelsThroughIncludeAndEnterOpensARecord(FxRobot robot) throws Exception {
        show("Customer");
        selectCell(0, "name");
        fx(() -> vm().recordPanelShownProperty().set(true));
        waitUntil(() -> title().startsWith("Customer 1 "));
        TreeItem<TreeNode> root = tree().getRoot();
        // To-one: the related record's fields.
        String address = labels(root).stream().filter(l -> l.startsWith("address: ")).findFirst().orElseThrow();
        TreeItem<TreeNode> addressItem = expand(robot, root, address);
        assertThat(labels(addressItem)).contains("city: " + db.query("SELECT city FROM \"Address\" WHERE customerId = 1"), "customer: Ada Lovelace");
        // To-many: its records, each expandable in turn, down to the lines of an order.
        TreeItem<TreeNode> orders = expand(robot, root, "2 orders");
        assertThat(labels(orders)).containsExactly("ORD-00001", "ORD-00002");
        TreeItem<TreeNode> order = expand(robot, orders, "ORD-00001");
        assertThat(labels(order)).contains("number: ORD-00001", "customer: Ada Lovelace", "2 lines");
        TreeItem<TreeNode> lines = expand(robot, order, "2 lines");
        assertThat(labels(lines)).hasSize(2);
        TreeItem<TreeNode> line = expand(robot, lines, labels(lines).getFirst());
        assertThat(labels(line)).contains("quantity: 1", "order: ORD-00001");
        assertThat(panel().loads()).isEqualTo(3);

        // Enter opens the record the item names, in the grid's tab.
        fx(() -> {
            tree().getSelectionModel().select(order);
            tree().requestFocus();
        });
        robot.push(KeyCode.ENTER);
        waitUntil(() -> !navigator.opened.isEmpty());
        assertThat(navigator.last().model().name()).isEqualTo("Order");
        assertThat(navigator.last().where()).isEqualTo("{\"id\":1}");
        assertThat(navigator.last().newTab()).isFalse();
    }

    /** Shows the panel on the first customer, Customer 1. */
    TreeItem<TreeNode> panelOnCustomer1() {
        show("Customer");
        selectCell(0, "name");
        fx(() -> vm().recordPanelShownProperty().set(true));
        waitUntil(() -> title().startsWith("Customer 1 "));
        return tree().getRoot();
    }

    void selectInTree(TreeItem<TreeNode> item) {
        fx(() -> {
            tree().getSelectionModel().select(item);
            tree().requestFocus();
        });
    }

    String selectedLabel() { return onFx(() -> tree().getSelectionModel().getSelectedItem().getValue().labelProperty().get()); }

    boolean disabled(FxRobot robot, String id) { return onFx(() -> robot.lookup(id).query().isDisabled()); }

    /** Shows the grid the last open asked for, as the window would in a tab, and lets the panel's request act on it. */
    void showOpened() {
        GridFixture.RecordingNavigator.Opened last = navigator.last();
        var then = navigator.then;
        org.testfx.util.WaitForAsyncUtils.waitForAsyncFx(60_000, () -> {
            ModelGridViewModel g = new ModelGridViewModel(db.project, last.model(), executor, navigator, store);
            g.setInitialWhere(last.where());
            view = new ModelGridView(g);
            stage.setScene(new Scene(view, 1280, 800));
            then.accept(g);
        });
        waitUntil(60, () -> vm().totalCountProperty().get() >= 0 && !vm().loadingProperty().get() && view.isBuilt());
    }

    @Test
    void theTreeFiltersAToManyUnlinksARecordLinksOneWithThePickerAndSaves(FxRobot robot) throws Exception {
        TreeItem<TreeNode> root = panelOnCustomer1();
        TreeItem<TreeNode> referrals = expand(robot, root, "5 referrals");
        assertThat(labels(referrals)).containsExactly("Grace Lovelace", "Alan Lovelace", "Edsger Lovelace", "Barbara Lovelace", "Donald Lovelace");
        // The filter field belongs to the selected to-many relation.
        robot.clickOn("#relation-filter").write("Alan").push(KeyCode.ENTER);
        waitUntil(() -> labels(referrals).equals(List.of("Alan Lovelace")));
        // Arrows move through the tree; Unlink is a pending change of the grid.
        fx(() -> tree().requestFocus());
        robot.push(KeyCode.DOWN);
        waitUntil(() -> selectedLabel().equals("Alan Lovelace"));
        robot.clickOn("#tree-unlink");
        waitUntil(() -> vm().pendingCountProperty().get() == 1);
        assertThat(labels(referrals)).containsExactly("Alan Lovelace \u2014 unlinked on Save");

        // An order cannot be unlinked: Order.customer is required.
        TreeItem<TreeNode> orders = expand(robot, root, "2 orders");
        selectInTree(orders.getChildren().getFirst());
        waitUntil(() -> disabled(robot, "#tree-unlink"));
        assertThat(panel().whyNotUnlinkable(orders.getChildren().getFirst().getValue())).startsWith("Order.customer is required");

        // Ctrl+L on the relation opens the relation picker; the pick joins the pending unlink.
        selectInTree(referrals);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        waitUntil(() -> view.lookup("#relation-picker") != null);
        robot.write("Ken Hopper");
        waitUntil(() -> onFx(() -> {
            var t = (javafx.scene.control.TableView<?>) view.lookup("#picker-table");
            return t != null && t.getItems().size() == 1;
        }));
        robot.push(KeyCode.DOWN).push(KeyCode.SPACE).push(KeyCode.ENTER);
        waitUntil(() -> view.lookup("#relation-picker") == null);
        waitUntil(() -> vm().pendingCountProperty().get() == 2);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> vm().pendingCountProperty().get() == 0 && !vm().savingProperty().get());
        assertThat(db.query("SELECT referrerId FROM \"Customer\" WHERE id = 3")).isNull();
        assertThat(db.query("SELECT referrerId FROM \"Customer\" WHERE id = 20")).isEqualTo(1);
    }

    @Test
    void theTreeOpensARecordSelectedCreatesALinkedOneAndDeletesOneAfterThePreview(FxRobot robot) throws Exception {
        TreeItem<TreeNode> root = panelOnCustomer1();
        // Open: the record's model, filtered to it, with its row selected.
        TreeItem<TreeNode> orders = expand(robot, root, "2 orders");
        selectInTree(orders.getChildren().get(1));
        robot.push(KeyCode.ENTER);
        waitUntil(() -> !navigator.opened.isEmpty());
        assertThat(navigator.last().where()).isEqualTo("{\"id\":2}");
        showOpened();
        waitUntil(() -> onFx(() -> view.table().getSelectionModel().getSelectedIndex()) == 0);
        assertThat(onFx(() -> vm().rows().getFirst().record().get("number").asText())).isEqualTo("ORD-00002");

        // New: a Customer in a new tab, its referrer already Customer 1; Save there creates it.
        root = panelOnCustomer1();
        TreeItem<TreeNode> referrals = onFx(() -> tree().getRoot().getChildren().stream()
                .filter(i -> i.getValue().labelProperty().get().equals("5 referrals")).findFirst().orElseThrow());
        selectInTree(referrals);
        robot.clickOn("#tree-create");
        waitUntil(() -> navigator.opened.size() == 2);
        assertThat(navigator.last().model().name()).isEqualTo("Customer");
        assertThat(navigator.last().newTab()).isTrue();
        showOpened();
        waitUntil(() -> vm().pendingCountProperty().get() >= 1);
        GridRow draft = onFx(() -> vm().rows().stream().filter(GridRow::isDraft).findFirst().orElseThrow());
        assertThat(onFx(() -> vm().cell(draft, vm().column("referrer")).text())).isEqualTo("Ada Lovelace");
        fx(() -> {
            vm().edit(draft, vm().column("email"), "new.referral@example.com");
            vm().edit(draft, vm().column("name"), "New Referral");
        });
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> vm().pendingCountProperty().get() == 0 && !vm().savingProperty().get());
        assertThat(db.query("SELECT referrerId FROM \"Customer\" WHERE email = 'new.referral@example.com'")).isEqualTo(1);

        // Delete: the Delete key asks for the preview in the order's grid; confirmed and saved, it is gone with its lines.
        root = panelOnCustomer1();
        orders = expand(robot, root, "2 orders");
        selectInTree(orders.getChildren().getFirst());
        robot.push(KeyCode.DELETE);
        waitUntil(() -> navigator.opened.size() == 3);
        showOpened();
        waitUntil(() -> view.lookup("#delete-confirmation") != null);
        robot.clickOn("#confirm-delete");
        waitUntil(() -> vm().pendingCountProperty().get() == 1);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> vm().pendingCountProperty().get() == 0 && !vm().savingProperty().get());
        assertThat(count("SELECT count(*) FROM \"Order\" WHERE id = 1")).isZero();
        assertThat(count("SELECT count(*) FROM \"OrderLine\" WHERE orderId = 1")).isZero();
    }
}
