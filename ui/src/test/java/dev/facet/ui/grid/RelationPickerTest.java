package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The relation picker on screen, headless, with the real executor: linking and unlinking to-one, one-to-many and
 * many-to-many relations from the keyboard, what Prisma would refuse, pending changes, and the save read back through
 * data-access.
 */
class RelationPickerTest extends GridWindowTest {
    RelationPickerTest() { super("relation-picker", 250); }

    void show(String model) { show(model, 760); }

    /** Puts the keyboard on a cell (a click on a relation's text would follow it). */
    void focus(int row, String column) {
        fx(() -> {
            GridTable table = view.table();
            table.scrollToColumn(table.tableColumn(column));
            table.getSelectionModel().clearAndSelect(row, table.tableColumn(column));
            table.getFocusModel().focus(row, table.tableColumn(column));
            table.requestFocus();
        });
    }

    /** Opens the picker of a cell with Enter and waits for its first records. */
    void openPicker(FxRobot robot, int row, String column) {
        focus(row, column);
        robot.push(KeyCode.ENTER);
        waitUntil(() -> view.lookup("#relation-picker") != null);
        waitPicker();
    }

    void waitPicker() {
        waitUntil(() -> pickerTable() != null && !pickerTable().getItems().isEmpty() || pickerMessage() != null);
    }

    @SuppressWarnings("unchecked")
    TableView<RelationPickerViewModel.Choice> pickerTable() {
        return (TableView<RelationPickerViewModel.Choice>) view.lookup("#picker-table");
    }

    String pickerMessage() {
        Label l = (Label) view.lookup("#picker-message");
        return l == null || !l.isVisible() ? null : l.getText();
    }

    /** Types into the picker's search and waits for the matches (every record shown has the text in a field). */
    void search(FxRobot robot, String text, String firstLabel) {
        robot.write(text);
        waitUntil(() -> !pickerTable().getItems().isEmpty() && pickerTable().getItems().getFirst().target().label().equals(firstLabel)
                && pickerTable().getItems().stream().allMatch(c -> c.cells().stream().anyMatch(v -> v.contains(text))));
    }

    /** Opens the picker of a to-one cell, searches, and links the first match with the keyboard. */
    void link(FxRobot robot, int row, String column, String text, String firstLabel) {
        openPicker(robot, row, column);
        search(robot, text, firstLabel);
        robot.push(KeyCode.DOWN).push(KeyCode.ENTER);
    }

    void waitClosed() { waitUntil(() -> view.lookup("#relation-picker") == null); }

    List<String> ticked() {
        return onFx(() -> {
            List<String> out = new ArrayList<>();
            for (var c : pickerTable().getItems()) if (c.checkedProperty().get()) out.add(c.target().label());
            return out;
        });
    }

    boolean pending(FxRobot robot, String text) {
        return cell(robot, text).getPseudoClassStates().stream().anyMatch(p -> p.toString().equals("pending"));
    }

    String saveText(FxRobot robot) { return robot.lookup("#save").queryAs(Button.class).getText(); }

    JsonNode read(String model, String args) { return db.engine.execute(model, "findUnique", JsonCodec.parse(args)); }

    void save(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        settle();
    }

    // ---------------------------------------------------------------- to-one

    @Test
    void connectsAToOneFromTheKeyboard(FxRobot robot) {
        show("Order");
        openPicker(robot, 0, "customer");
        // The customer linked now comes first, ticked.
        assertThat(ticked()).containsExactly("Ada Lovelace");
        assertThat(onFx(() -> ((Label) view.lookup("#picker-rules")).getText())).startsWith("customer is required");

        search(robot, "Barbara Hopper", "Barbara Hopper");
        robot.push(KeyCode.DOWN).push(KeyCode.ENTER);
        waitClosed();

        assertThat(pending(robot, "Barbara Hopper")).isTrue();
        // The foreign key field shows where the link goes, pending too, and the change counts once.
        assertThat(pending(robot, "15")).isTrue();
        assertThat(saveText(robot)).isEqualTo("Save 1 change");

        save(robot);
        assertThat(vm().messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(read("Order", "{\"where\":{\"id\":1},\"select\":{\"customer\":{\"select\":{\"name\":true,\"id\":true}}}}")
                .get("customer").toString()).isEqualTo("{\"name\":\"Barbara Hopper\",\"id\":15}");
    }

    @Test
    void typingOnARelationCellSearchesForTheRecordToLink(FxRobot robot) {
        show("Order");
        focus(1, "customer");
        robot.write("Ken Hopper");
        waitUntil(() -> pickerTable() != null && !pickerTable().getItems().isEmpty()
                && pickerTable().getItems().getFirst().target().label().equals("Ken Hopper"));
        assertThat(onFx(() -> ((javafx.scene.control.TextField) view.lookup("#picker-search")).getText())).isEqualTo("Ken Hopper");
        robot.push(KeyCode.DOWN).push(KeyCode.ENTER);
        waitClosed();
        assertThat(onFx(() -> vm().cell(vm().rows().get(1), vm().column("customerId")).text())).isEqualTo("20");
    }

    @Test
    void aRequiredToOneCannotBeUnlinkedAndSaysWhy(FxRobot robot) {
        show("Order");
        openPicker(robot, 0, "customer");
        robot.clickOn("#picker-unlink");
        assertThat(pickerMessage()).isEqualTo("customer is required: an Order must have a Customer, so it can be changed but not unlinked.");
        assertThat(view.lookup("#relation-picker")).isNotNull();
        robot.push(KeyCode.ESCAPE);
        waitClosed();
        assertThat(vm().dirtyProperty().get()).isFalse();
    }

    @Test
    void disconnectsAnOptionalToOne(FxRobot robot) {
        show("Customer");
        // Customer 2 was referred by customer 1.
        openPicker(robot, 1, "referrer");
        assertThat(ticked()).containsExactly("Ada Lovelace");
        robot.clickOn("#picker-unlink");
        waitClosed();
        assertThat(onFx(() -> vm().cell(vm().rows().get(1), vm().column("referrer")).text())).isEqualTo("NULL");
        assertThat(onFx(() -> vm().cell(vm().rows().get(1), vm().column("referrer")).has(CellFlag.PENDING))).isTrue();
        save(robot);
        assertThat(read("Customer", "{\"where\":{\"id\":2},\"select\":{\"referrerId\":true}}").get("referrerId").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- to-many

    @Test
    void linksAndUnlinksOnAManyToMany(FxRobot robot) {
        show("Product");
        openPicker(robot, 0, "categories");
        assertThat(ticked()).containsExactly("Games");
        // Space unticks the linked one; the next one is ticked after moving down.
        robot.push(KeyCode.DOWN);
        fx(() -> pickerTable().getSelectionModel().select(0));
        robot.push(KeyCode.SPACE);
        fx(() -> pickerTable().getSelectionModel().select(1));
        robot.push(KeyCode.SPACE);
        assertThat(ticked()).containsExactly("Books");
        assertThat(robot.lookup("#picker-apply").queryAs(Button.class).getText()).isEqualTo("Apply 2 changes");
        robot.push(KeyCode.ENTER);
        waitClosed();

        assertThat(saveText(robot)).isEqualTo("Save 2 changes");
        assertThat(onFx(() -> vm().cell(vm().rows().getFirst(), vm().column("categories")).tooltip())).isEqualTo("+ Books\n− Games\nwas 1 category");
        save(robot);
        assertThat(read("Product", "{\"where\":{\"id\":1},\"select\":{\"categories\":{\"select\":{\"name\":true}}}}").get("categories").toString())
                .isEqualTo("[{\"name\":\"Books\"}]");
    }

    @Test
    void linksOnAOneToMany(FxRobot robot) {
        show("Customer");
        openPicker(robot, 0, "orders");
        assertThat(ticked()).containsExactly("ORD-00001", "ORD-00002");
        search(robot, "ORD-00005", "ORD-00005");
        robot.push(KeyCode.DOWN).push(KeyCode.SPACE).push(KeyCode.ENTER);
        waitClosed();
        assertThat(pending(robot, "3 orders")).isTrue();
        save(robot);
        assertThat(read("Order", "{\"where\":{\"id\":5},\"select\":{\"customerId\":true}}").get("customerId").asInt()).isEqualTo(1);
        assertThat(onFx(() -> vm().cell(vm().rows().getFirst(), vm().column("orders")).text())).isEqualTo("3 orders");
    }

    @Test
    void refusesToUnlinkARequiredChild(FxRobot robot) {
        show("Customer");
        openPicker(robot, 0, "orders");
        robot.push(KeyCode.DOWN).push(KeyCode.SPACE);
        assertThat(pickerMessage()).isEqualTo("ORD-00001: Linked Order records cannot be unlinked: Order.customerId is required, so they would be"
                + " left without a Customer (Prisma refuses with P2014). Link them to another Customer instead.");
        assertThat(ticked()).containsExactly("ORD-00001", "ORD-00002");
        robot.push(KeyCode.ENTER);
        waitClosed();
        assertThat(vm().dirtyProperty().get()).isFalse();
    }

    // ---------------------------------------------------------------- pending changes

    @Test
    void aLinkIsAPendingChangeThatCanBeRevertedAndDiscarded(FxRobot robot) throws Exception {
        show("Order");
        link(robot, 0, "customer", "Grace Hopper", "Grace Hopper");
        waitClosed();
        assertThat(onFx(() -> vm().rowState(vm().rows().getFirst()))).isEqualTo(ModelGridViewModel.RowState.CHANGED);
        assertThat(onFx(() -> vm().cell(vm().rows().getFirst(), vm().column("customer")).tooltip())).isEqualTo("Linked; was Ada Lovelace");

        fx(() -> vm().revertRow(vm().rows().getFirst()));
        assertThat(vm().dirtyProperty().get()).isFalse();
        assertThat(pending(robot, "Ada Lovelace")).isFalse();

        // Picked again, then discarded with everything else.
        link(robot, 0, "customer", "Grace Hopper", "Grace Hopper");
        waitClosed();
        assertThat(saveText(robot)).isEqualTo("Save 1 change");
        robot.clickOn("#discard").clickOn("#confirm-discard");
        assertThat(vm().dirtyProperty().get()).isFalse();
        assertThat(pending(robot, "Ada Lovelace")).isFalse();
        assertThat(db.query("SELECT customerId FROM \"Order\" WHERE id = 1")).isEqualTo(1);
    }

    @Test
    void aTypedForeignKeyReplacesAPickedLink(FxRobot robot) {
        show("Order");
        link(robot, 0, "customer", "Grace Hopper", "Grace Hopper");
        waitClosed();
        fx(() -> vm().edit(vm().rows().getFirst(), vm().column("customerId"), "3"));
        assertThat(vm().pendingLink(vm().rows().getFirst(), vm().column("customer"))).isNull();
        assertThat(saveText(robot)).isEqualTo("Save 1 change");
        save(robot);
        assertThat(read("Order", "{\"where\":{\"id\":1},\"select\":{\"customerId\":true}}").get("customerId").asInt()).isEqualTo(3);
    }

    @Test
    void aNewRecordIsLinkedBeforeItIsSaved(FxRobot robot) {
        show("Order");
        robot.clickOn("#add");
        waitUntil(() -> view.table().getEditingCell() != null);
        robot.write("ORD-NEW").push(KeyCode.ENTER);
        link(robot, 0, "customer", "Radia Turing", "Radia Turing");
        waitClosed();
        assertThat(onFx(() -> vm().cell(vm().rows().getFirst(), vm().column("customerId")).text())).isEqualTo("29");
        save(robot);
        assertThat(vm().messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.engine.execute("Order", "findFirst", JsonCodec.parse("{\"where\":{\"number\":\"ORD-NEW\"},\"select\":{\"customerId\":true}}"))
                .get("customerId").asInt()).isEqualTo(29);
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aFailedPickerQueryIsShownAndKeepsPendingEdits(FxRobot robot) {
        show("Order");
        fx(() -> vm().edit(vm().rows().get(1), vm().column("note"), "kept"));
        db.dataSource.down = true;
        openPicker(robot, 0, "customer");
        assertThat(pickerMessage()).startsWith("Could not load Customer records: ")
                .endsWith("The database cannot be reached; your pending changes are kept. Press Enter in the search to try again.");
        db.dataSource.down = false;
        robot.write("Ada");
        waitPicker();
        waitUntil(() -> pickerMessage() == null && !pickerTable().getItems().isEmpty());
        robot.push(KeyCode.ESCAPE);
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
    }

    @Test
    void theBackSideOfAOneToOneLinksWhereNothingIsOrphaned(FxRobot robot) throws Exception {
        show("Customer");
        // Customer 2 has no address: Address 1 moves over from customer 1, who simply has none any more.
        link(robot, 1, "address", "1 Canal Street", "Address 1");
        waitClosed();
        save(robot);
        assertThat(vm().messageProperty().get().text()).isEqualTo("Saved 1 change");
        assertThat(db.query("SELECT customerId FROM \"Address\" WHERE id = 1")).isEqualTo(2);
        // Customer 3 has an address: replacing it would leave that one without a customer.
        link(robot, 2, "address", "5 Canal Street", "Address 3");
        assertThat(pickerMessage()).startsWith("A linked Address cannot be unlinked or replaced: Address.customerId is required");
    }

    @Test
    void aSaveThatPrismaRefusesShowsItsErrorAndKeepsTheLink(FxRobot robot) throws Exception {
        show("Address");
        // Customer 3 has Address 2 already; linking Address 1 to it would leave Address 2 without a customer.
        link(robot, 0, "customer", "Alan Lovelace", "Alan Lovelace");
        waitClosed();
        save(robot);
        assertThat(vm().messageProperty().get().text()).isEqualTo("Nothing was saved: Address 1: The change you are trying to make would violate"
                + " the required relation 'AddressToCustomer' between the `Address` and `Customer` models. Your changes are kept.");
        assertThat(vm().pendingCountProperty().get()).isEqualTo(1);
        assertThat(db.query("SELECT customerId FROM \"Address\" WHERE id = 1")).isEqualTo(1);
    }
}
