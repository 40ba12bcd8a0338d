package dev.facet.ui.grid;

import static dev.facet.ui.grid.GridFx.fx;
import static dev.facet.ui.grid.GridFx.onFx;
import static dev.facet.ui.grid.GridFx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TablePosition;
import javafx.scene.shape.Rectangle;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The grid's cells have a skin of their own and are selected with the mouse by the table ({@link GridCellSkin},
 * {@link CellClicks}): what JavaFX's table cell did must still hold, driven through the mouse and keys.
 */
class GridCellMouseTest extends GridWindowTest {
    GridCellMouseTest() { super("cell-mouse", 40); }

    List<String> selected() {
        return onFx(() -> view.table().getSelectionModel().getSelectedCells().stream()
                .map(p -> p.getRow() + ":" + p.getTableColumn().getId()).sorted().toList());
    }

    @Test
    void aClickSelectsShiftClickSelectsTheRangeAndShiftDownGoesOnFromTheSameAnchor(FxRobot robot) {
        show("Customer", 800);
        robot.clickOn(cell(robot, "Ada Lovelace"));
        assertThat(selected()).containsExactly("0:name");
        robot.press(KeyCode.SHIFT).clickOn(cell(robot, "Alan Lovelace")).release(KeyCode.SHIFT);
        int alan = onFx(() -> view.table().getFocusModel().getFocusedCell().getRow());
        assertThat(selected()).hasSize(alan + 1).allMatch(p -> p.endsWith(":name"));
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        // The keyboard goes on from the anchor the click set: the range grows by one row, from the first cell.
        assertThat(selected()).hasSize(alan + 2).contains("0:name", (alan + 1) + ":name");
        assertThat(onFx(() -> view.table().getEditingCell())).isNull();
    }

    @Test
    void shortcutClickAddsACellAndTakesASelectedOneAway(FxRobot robot) {
        show("Customer", 800);
        robot.clickOn(cell(robot, "Ada Lovelace"));
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "Grace Lovelace")).release(KeyCode.CONTROL);
        assertThat(selected()).hasSize(2);
        robot.press(KeyCode.CONTROL).clickOn(cell(robot, "Ada Lovelace")).release(KeyCode.CONTROL);
        assertThat(selected()).hasSize(1).allMatch(p -> p.endsWith(":name") && !p.startsWith("0:"));
    }

    @Test
    void aClickOnTheSelectedCellEditsItAndARightClickSelectsTheCellUnderIt(FxRobot robot) {
        show("Customer", 800);
        robot.clickOn(cell(robot, "Ada Lovelace"));
        assertThat(onFx(() -> view.table().getEditingCell())).isNull();
        // A second, separate click (not a double click: the gesture is told apart by time) edits the selected cell.
        robot.sleep((long) GridCell.DOUBLE_CLICK_TIME.toMillis() + 100);
        robot.clickOn(cell(robot, "Ada Lovelace"));
        waitUntil(() -> view.table().getEditingCell() != null);
        TablePosition<GridRow, ?> editing = onFx(() -> view.table().getEditingCell());
        assertThat(editing.getRow()).isZero();
        assertThat(robot.lookup(".cell-editor").queryAs(TextField.class).getText()).isEqualTo("Ada Lovelace");
        GridFx.snapshot(stage.getScene(), "grid-cell-editor");
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> view.table().getEditingCell() == null);

        robot.rightClickOn(cell(robot, "Grace Lovelace"));
        robot.push(KeyCode.ESCAPE);
        assertThat(selected()).hasSize(1).allMatch(p -> p.endsWith(":name") && !p.startsWith("0:"));
    }

    @Test
    void textThatDoesNotFitIsCutWithAnEllipsisAndShownWholeOnceTheColumnIsWideEnough(FxRobot robot) {
        show("Customer", 800);
        String email = onFx(() -> vm().cell(view.table().getItems().getFirst(), (GridColumn) view.table().tableColumn("email").getUserData()).text());
        fx(() -> view.table().tableColumn("email").setPrefWidth(90));
        waitUntil(() -> shown(email).endsWith("..."));
        String cut = shown(email);
        assertThat(email).startsWith(cut.substring(0, cut.length() - 3));
        assertThat(cut.length()).isLessThan(email.length());
        // The widest start that fits: one character more would not.
        double[] room = onFx(() -> view.table().lookupAll(".grid-cell").stream()
                .filter(n -> n instanceof GridCell c && email.equals(c.getText())).map(n -> (GridCell) n)
                .map(c -> new double[] {c.getWidth() - c.snappedLeftInset() - c.snappedRightInset(),
                        width(c, cut), width(c, email.substring(0, cut.length() - 2) + "...")})
                .findFirst().orElseThrow());
        assertThat(room[1]).isLessThanOrEqualTo(room[0]);
        assertThat(room[2]).isGreaterThan(room[0]);

        fx(() -> view.table().tableColumn("email").setPrefWidth(400));
        waitUntil(() -> shown(email).equals(email));
    }

    @Test
    void aDoubleClickOnAColumnsDividerFitsTheColumnToItsWidestValue(FxRobot robot) {
        show("Customer", 800);
        var email = view.table().tableColumn("email");
        fx(() -> email.setPrefWidth(90));
        waitUntil(() -> email.getWidth() == 90);
        double widest = onFx(() -> {
            GridCell any = (GridCell) view.table().lookupAll(".grid-cell").stream().filter(n -> n instanceof GridCell c && c.getTableColumn() == email).findFirst().orElseThrow();
            return view.table().getItems().stream()
                    .mapToDouble(r -> width(any, vm().cell(r, (GridColumn) email.getUserData()).text())).max().orElseThrow();
        });
        // The header's divider on the column's right: a rectangle the header keeps with the column in its properties.
        Node divider = robot.lookup(n -> n instanceof Rectangle && n.isVisible() && n.hasProperties() && n.getProperties().containsValue(email)).query();
        robot.doubleClickOn(divider);
        // Every value whole: the column is as wide as the widest one and the cell's padding.
        waitUntil(() -> email.getWidth() >= widest + 16);
        waitUntil(() -> shown(onFx(() -> vm().cell(view.table().getItems().getFirst(), (GridColumn) email.getUserData()).text())).endsWith(".com"));
    }

    @Test
    void aColumnScrolledIntoViewDrawsItsTextAsTheColumnsInViewDo(FxRobot robot) {
        show("Customer", 800);
        var table = view.table();
        var last = onFx(() -> table.getVisibleLeafColumns().getLast());
        // The grid is wider than the window: the last column's cells are made and styled, but not laid out or drawn.
        assertThat(onFx(() -> cellsOf(last).isEmpty())).as("the last column starts out of view").isTrue();
        String value = onFx(() -> vm().cell(table.getItems().getFirst(), (GridColumn) last.getUserData()).text());
        assertThat(value).isNotEmpty();

        fx(() -> table.scrollToColumn(last));
        waitUntil(() -> cellsOf(last).stream().anyMatch(c -> c.getIndex() == 0 && c.lookup(".text") instanceof Text t
                && value.startsWith(t.getText().replace("...", ""))));
        // Its text is styled from its first frame: placed in the row as the other columns' are.
        double[] y = onFx(() -> {
            GridCell scrolled = cellsOf(last).stream().filter(c -> c.getIndex() == 0).findFirst().orElseThrow();
            GridCell other = table.lookupAll(".grid-cell").stream().filter(n -> n instanceof GridCell c && c.getIndex() == 0
                    && c.getParent() != null && c.getTableColumn() != last && c.lookup(".text") instanceof Text t
                    && t.isVisible()).map(n -> (GridCell) n).findFirst().orElseThrow();
            return new double[] {scrolled.lookup(".text").getLayoutY(), other.lookup(".text").getLayoutY()};
        });
        assertThat(y[0]).isEqualTo(y[1]);
    }

    private List<GridCell> cellsOf(javafx.scene.control.TableColumn<GridRow, ?> column) {
        return view.table().lookupAll(".grid-cell").stream()
                .filter(n -> n instanceof GridCell c && c.getTableColumn() == column && c.getParent() != null)
                .map(n -> (GridCell) n).toList();
    }

    private static double width(GridCell cell, String s) {
        Text t = new Text(s);
        t.setFont(cell.getFont());
        return t.getLayoutBounds().getWidth();
    }

    /** The text drawn by the cell whose value is {@code full}. */
    String shown(String full) {
        return onFx(() -> view.table().lookupAll(".grid-cell").stream()
                .filter(n -> n instanceof GridCell c && full.equals(c.getText()))
                .map(n -> ((Text) n.lookup(".text")).getText()).findFirst().orElse(""));
    }
}
