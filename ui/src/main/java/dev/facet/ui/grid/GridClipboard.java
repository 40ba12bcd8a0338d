package dev.facet.ui.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.TablePosition;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** What the grid puts on the system clipboard: selected cells as text (as shown, pending values included), or rows. */
final class GridClipboard {
    private GridClipboard() {}

    /** Copies the selected cells as tab-separated text, one line per row; NULL is empty. */
    static void copyCells(GridTable table, ModelGridViewModel vm) {
        Map<Integer, Map<Integer, String>> cells = new TreeMap<>();
        for (TablePosition<GridRow, ?> p : table.getSelectionModel().getSelectedCells()) {
            GridColumn c = (GridColumn) p.getTableColumn().getUserData();
            GridRow row = table.getItems().get(p.getRow());
            var content = vm.cell(row, c);
            String text = content.has(CellFlag.NULL) ? "" : c.editable() ? vm.editText(row, c) : content.text();
            cells.computeIfAbsent(p.getRow(), k -> new TreeMap<>()).put(table.getVisibleLeafIndex(p.getTableColumn()), text);
        }
        List<String> lines = new ArrayList<>();
        cells.values().forEach(r -> lines.add(String.join("\t", r.values())));
        put(String.join("\n", lines));
    }

    /** Puts text on the clipboard. */
    static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
