package dev.facet.ui.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A result's records as a grid: one row per record, one column per key (the keys of every record, in the order met),
 * nested records and lists shown as a short summary (the tree shows them whole).
 */
final class ResultGrid extends TableView<JsonNode> {
    /** Columns come from this many records at most, so a huge result does not make the FX thread walk every record. */
    private static final int COLUMN_SAMPLE = 500;

    /** @param follow opens what a double-clicked cell points at (its record, or the records of its relation) */
    ResultGrid(java.util.function.BiConsumer<JsonNode, String> follow) {
        setId("console-grid");
        getSelectionModel().setCellSelectionEnabled(true);
        getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        setTooltip(new javafx.scene.control.Tooltip("Double-click a relation to open its records, any other cell to open the record"));
        setOnMouseClicked(e -> {
            var cell = getFocusModel().getFocusedCell();
            if (e.getClickCount() == 2 && cell != null && cell.getTableColumn() != null && cell.getRow() >= 0 && cell.getRow() < getItems().size()) {
                follow.accept(getItems().get(cell.getRow()), cell.getTableColumn().getText());
            }
        });
        setPlaceholder(new Label("Run a call (Ctrl+Enter) to see its records here."));
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    void show(List<JsonNode> records) {
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < Math.min(records.size(), COLUMN_SAMPLE); i++) records.get(i).fieldNames().forEachRemaining(keys::add);
        getColumns().clear();
        for (String key : keys) {
            TableColumn<JsonNode, String> c = new TableColumn<>(key);
            c.setCellValueFactory(row -> new ReadOnlyStringWrapper(cell(row.getValue().get(key))));
            c.setPrefWidth(width(key, records));
            getColumns().add(c);
        }
        getItems().setAll(records);
        if (records.isEmpty()) setPlaceholder(new Label("No records."));
    }

    /** Measures text as the cells draw it: a bold face of the theme's size is wider than what they use, so nothing is cut. */
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    {
        measure.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), javafx.scene.text.FontWeight.BOLD, 14));
    }

    /**
     * @return a column wide enough for its name and the values of the first records, within bounds; measured, not
     *         counted: capitals are wider than an average character ("CUSTOMER" was cut to "CUSTO…")
     */
    private double width(String key, List<JsonNode> records) {
        double widest = textWidth(key) + 16;
        for (int i = 0; i < Math.min(records.size(), 50); i++) widest = Math.max(widest, textWidth(cell(records.get(i).get(key))));
        return Math.max(60, Math.min(320, Math.ceil(widest) + 28));
    }

    private double textWidth(String text) {
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /** @return a value as one line: text as is, a list as its size, a nested record as its JSON cut short */
    static String cell(JsonNode v) {
        if (v == null) return "";
        if (v.isNull()) return "null";
        if (v.isValueNode()) return v.asText();
        if (v.isArray()) return "[" + v.size() + (v.size() == 1 ? " item]" : " items]");
        String json = v.toString();
        return json.length() > 120 ? json.substring(0, 119) + "…" : json;
    }
}
