package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import dev.facet.schema.model.EnumValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sheet that edits a scalar or enum list ({@code String[]}, {@code Int[]}, {@code DateTime[]}...) item by item:
 * a text field per item, checked as typed with the single value checks of {@link CellValues} (with a date picker
 * beside it for DateTime items), or a dropdown of the enum's values for enum lists; Add, Remove and Move up/down. Apply sets the whole list as a pending change, as the JSON text editor does (still offered by
 * "Edit as JSON"). Ctrl+Enter applies, Esc closes.
 */
final class ListEditor extends VBox {
    private final ModelGridViewModel vm;
    private final GridRow row;
    private final GridColumn column;
    private final Runnable close;
    private final ZoneId zone;
    private final List<Item> items = new ArrayList<>();
    private final VBox rows = new VBox(4);
    private final Label status = new Label();

    /** @return whether a column is edited in this sheet: scalar and enum lists, not Json lists (JSON text is their form) */
    static boolean fits(GridColumn column) {
        return column.isList() && (column.kind() == GridColumn.Kind.ENUM
                || column.kind() != GridColumn.Kind.COMPOSITE && column.scalarType() != null && column.scalarType() != ScalarType.JSON);
    }

    /**
     * @param asJson opens the JSON text editor of the same cell instead
     */
    ListEditor(ModelGridViewModel vm, GridRow row, GridColumn column, Runnable close, Runnable asJson) {
        super(8);
        this.vm = vm;
        this.row = row;
        this.column = column;
        this.close = close;
        this.zone = vm.zoneProperty().get();
        setId("list-editor");
        getStyleClass().add("value-editor");
        HBox head = EditorSheets.head(column.name(), column.typeLabel() + (row.isDraft() ? " · new record" : " · " + row));
        JsonNode value = vm.editValue(row, column);
        if (value != null && value.isArray()) {
            for (JsonNode item : value) items.add(item(CellValues.editText(column, item, zone)));
        }
        rows.setId("list-items");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(300);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Button add = new Button("Add");
        add.setId("list-add");
        add.setOnAction(e -> {
            Item item = item(column.kind() == GridColumn.Kind.ENUM ? enumValues().getFirst() : "");
            items.add(item);
            redraw();
            item.input().requestFocus();
        });
        status.setId("list-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_SMALL);
        Button json = new Button("Edit as JSON");
        json.setId("list-as-json");
        json.setOnAction(e -> asJson.run());
        Button cancel = new Button("Cancel");
        cancel.setId("list-cancel");
        cancel.setOnAction(e -> close.run());
        Button apply = new Button("Apply");
        apply.setId("list-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> apply());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, add, json, gap, cancel, apply);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(head, scroll, status, buttons);
        redraw();
        EditorSheets.keys(this, this::apply, close);
    }

    /**
     * One item's input: its text (what {@link CellValues#parseItem} reads), the control that takes the focus and
     * carries the item's id, and what is shown in the row.
     */
    private record Item(StringProperty text, Control input, Node shown) {}

    private Item item(String text) {
        if (column.kind() == GridColumn.Kind.ENUM) {
            // An enum item is one of the enum's values: a dropdown, nothing to mistype.
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(enumValues());
            box.setValue(text);
            box.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(box, Priority.ALWAYS);
            StringProperty value = new SimpleStringProperty(text);
            box.valueProperty().addListener((o, a, b) -> value.set(b));
            value.addListener((o, a, b) -> check());
            return new Item(value, box, box);
        }
        TextField f = new TextField(text);
        HBox.setHgrow(f, Priority.ALWAYS);
        f.textProperty().addListener((o, a, b) -> check());
        if (column.scalarType() != ScalarType.DATE_TIME) return new Item(f.textProperty(), f, f);
        // A DateTime item keeps its text field (times, milliseconds) and gets a date picker that sets the date part.
        DatePicker picker = new DatePicker();
        picker.setEditable(false);
        picker.setPrefWidth(36);
        picker.setMaxWidth(36);
        picker.getStyleClass().add("list-date-picker");
        picker.setTooltip(new javafx.scene.control.Tooltip("Pick the date (the time of day is kept)"));
        picker.setOnShowing(e -> picker.setValue(dateOf(f.getText())));
        picker.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(dateOf(f.getText()))) f.setText(withDate(f.getText(), b));
        });
        HBox box = new HBox(4, f, picker);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(box, Priority.ALWAYS);
        return new Item(f.textProperty(), f, box);
    }

    private List<String> enumValues() {
        return column.enumType() == null ? List.of() : column.enumType().values().stream().map(EnumValue::name).toList();
    }

    /** @return the date of a DateTime item's text in the editor's zone, or null when the text is not a DateTime yet */
    private LocalDate dateOf(String text) {
        try {
            return Instant.parse(CellValues.parseItem(column, text, zone).asText()).atZone(zone).toLocalDate();
        } catch (CellValues.Refused | java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** @return the item's text with its date replaced: the time of day kept, midnight when there was none */
    private String withDate(String text, LocalDate date) {
        ZonedDateTime at;
        try {
            at = Instant.parse(CellValues.parseItem(column, text, zone).asText()).atZone(zone).with(date);
        } catch (CellValues.Refused | java.time.format.DateTimeParseException e) {
            at = date.atStartOfDay(zone);
        }
        return CellValues.editText(column, JsonNodeFactory.instance.textNode(at.toInstant().toString()), zone);
    }

    /** Rebuilds the rows after an item was added, removed or moved (ids follow the positions, from 0). */
    private void redraw() {
        List<HBox> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int at = i;
            Item item = items.get(i);
            item.input().setId("list-item-" + i);
            if (item.shown() != item.input()) ((HBox) item.shown()).getChildren().get(1).setId("list-date-" + i);
            Label n = new Label((i + 1) + ".");
            n.setMinWidth(28);
            n.getStyleClass().add(Styles.TEXT_MUTED);
            Button up = small("↑", "list-up-" + i, "Move up", () -> move(at, at - 1));
            up.setDisable(i == 0);
            Button down = small("↓", "list-down-" + i, "Move down", () -> move(at, at + 1));
            down.setDisable(i == items.size() - 1);
            Button remove = small("✕", "list-remove-" + i, "Remove", () -> {
                items.remove(at);
                redraw();
            });
            HBox line = new HBox(4, n, item.shown(), up, down, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            list.add(line);
        }
        if (list.isEmpty()) {
            Label empty = new Label("No items: Add makes one.");
            empty.getStyleClass().add(Styles.TEXT_MUTED);
            rows.getChildren().setAll(empty);
        } else {
            rows.getChildren().setAll(list);
        }
        check();
    }

    private static Button small(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        b.setTooltip(new javafx.scene.control.Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void move(int from, int to) {
        items.add(to, items.remove(from));
        redraw();
    }

    /** Checks every item as typed: the first refused one is named in the status line, each refused field is marked. */
    private String check() {
        String first = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            String why = refusal(item.text().get());
            item.input().pseudoClassStateChanged(Styles.STATE_DANGER, why != null);
            if (why != null && first == null) first = "item " + (i + 1) + ": " + why;
        }
        status.setText(first == null ? items.size() + (items.size() == 1 ? " item" : " items") : first);
        status.getStyleClass().remove(Styles.DANGER);
        if (first != null) status.getStyleClass().add(Styles.DANGER);
        return first;
    }

    private String refusal(String text) {
        if (text == null) return "choose a value";
        try {
            CellValues.parseItem(column, text, zone);
            return null;
        } catch (CellValues.Refused r) {
            return r.getMessage();
        }
    }

    void apply() {
        if (check() != null) return;
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Item item : items) list.add(CellValues.parseItem(column, item.text().get(), zone));
        EditResult r = vm.setValue(row, column, list);
        if (r.ok()) {
            close.run();
        } else {
            status.setText(r.reason());
            status.getStyleClass().add(Styles.DANGER);
        }
    }
}
