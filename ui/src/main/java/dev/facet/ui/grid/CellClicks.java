package dev.facet.ui.grid;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import java.util.Map;

/**
 * Selects and edits cells with the mouse, once for the whole table: the grid's cells have no behaviour of their own
 * ({@link GridCellSkin}). It does what JavaFX's table cell behaviour does in cell selection: a press selects the cell
 * (Shift: the range from the anchor, Shortcut: adds or removes it), a press on a selected cell waits for the release (so
 * a drag can start from a selection), a click on a selected cell or a double click edits it. The anchor is kept where
 * the table's keyboard behaviour reads it, so Shift and the arrow keys go on from a click.
 */
final class CellClicks {
    /** The keys under which JavaFX's table behaviours keep the selection's anchor in the table's properties. */
    private static final String ANCHOR = "anchor";
    private static final String DEFAULT_ANCHOR = "isDefaultAnchor";

    private final TableView<GridRow> table;
    /** The cell pressed while selected: it is selected at the release, unless the mouse was dragged. */
    private GridCell late;

    private CellClicks(TableView<GridRow> table) { this.table = table; }

    /** Handles the mouse on the cells of {@code table}. */
    static void install(TableView<GridRow> table) {
        CellClicks clicks = new CellClicks(table);
        table.addEventHandler(MouseEvent.MOUSE_PRESSED, clicks::pressed);
        table.addEventHandler(MouseEvent.MOUSE_RELEASED, clicks::released);
        table.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> clicks.late = null);
    }

    private GridCell cellAt(MouseEvent e) {
        for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != table; n = n.getParent()) {
            if (n instanceof GridCell cell) return cell.getTableView() == table ? cell : null;
        }
        return null;
    }

    private void pressed(MouseEvent e) {
        late = null;
        GridCell cell = cellAt(e);
        if (cell == null) return;
        if (e.isSynthesized() || cell.isSelected()) late = cell;
        else select(cell, e);
    }

    private void released(MouseEvent e) {
        GridCell cell = late;
        late = null;
        if (cell == null || cell.getTableView() != table) return;
        Point2D p = cell.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (p != null && cell.contains(p)) select(cell, e);
    }

    private void select(GridCell cell, MouseEvent e) {
        int row = cell.getIndex();
        if (cell.isEmpty() || row < 0 || row >= table.getItems().size()) return;
        var sm = table.getSelectionModel();
        var fm = table.getFocusModel();
        if (sm == null || fm == null) return;
        TableColumn<GridRow, GridRow> column = cell.getTableColumn();
        boolean selected = cell.isSelected();
        Map<Object, Object> props = table.getProperties();
        if (e.isShiftDown()) {
            if (!hasOwnAnchor(props)) setAnchor(props, fm.getFocusedCell());
        } else {
            props.remove(ANCHOR);
            props.remove(DEFAULT_ANCHOR);
        }
        MouseButton button = e.getButton();
        if (button != MouseButton.PRIMARY && !(button == MouseButton.SECONDARY && !selected)) return;
        if (sm.getSelectionMode() == SelectionMode.MULTIPLE && e.isShortcutDown()) {
            if (selected) {
                sm.clearSelection(row, column);
                fm.focus(row, column);
            } else {
                sm.select(row, column);
            }
        } else if (sm.getSelectionMode() == SelectionMode.MULTIPLE && e.isShiftDown()) {
            TablePosition<?, ?> anchor = props.get(ANCHOR) instanceof TablePosition<?, ?> a ? a : fm.getFocusedCell();
            int at = table.getVisibleLeafIndex(column);
            TableColumn<GridRow, ?> left = anchor.getColumn() < at ? cast(anchor.getTableColumn()) : column;
            TableColumn<GridRow, ?> right = anchor.getColumn() >= at ? cast(anchor.getTableColumn()) : column;
            sm.clearSelection();
            // From the anchor's row to the clicked one, whichever way: the focus ends on the clicked row.
            sm.selectRange(anchor.getRow(), left, row, right);
        } else {
            boolean already = sm.isSelected(row, column);
            if (already && e.isShortcutDown()) {
                sm.clearSelection(row, column);
                fm.focus(row, column);
                already = false;
            } else {
                sm.clearAndSelect(row, column);
            }
            if (button != MouseButton.PRIMARY) return;
            int clicks = e.getClickCount();
            if (clicks == 1 && already || clicks == 2 && cell.isEditable()) table.edit(row, column);
            else if (clicks == 1) table.edit(-1, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<GridRow, ?> cast(TableColumn<?, ?> column) { return (TableColumn<GridRow, ?>) column; }

    /** As JavaFX's behaviours read it: asking forgets whether the anchor was a default one. */
    private static boolean hasOwnAnchor(Map<Object, Object> props) {
        Object isDefault = props.remove(DEFAULT_ANCHOR);
        return !Boolean.TRUE.equals(isDefault) && props.get(ANCHOR) != null;
    }

    private static void setAnchor(Map<Object, Object> props, TablePosition<?, ?> anchor) {
        if (anchor == null) {
            props.remove(ANCHOR);
            props.remove(DEFAULT_ANCHOR);
        } else {
            props.put(ANCHOR, anchor);
            props.put(DEFAULT_ANCHOR, false);
        }
    }
}
