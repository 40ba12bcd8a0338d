package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An embedded document (a composite type's value) as a form: a typed field per composite field, checked as it is
 * typed ({@link CellValues#parse}), nested documents as nested forms to any depth, lists of documents as a small list
 * with add, remove, move up and down, the selected one edited in its own form below. {@link #value()} gives the
 * document back in Prisma's encoding, or refuses naming the field ({@code geo.lat: ...}).
 */
final class CompositeForm extends VBox {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** A part of the form that gives a value back. */
    private interface Part {
        /** @return the value, or null when the field is left out (an optional field left empty) */
        JsonNode value();
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();
    private final Schema schema;
    private final ZoneId zone;
    private final String path;

    /**
     * @param type  the composite type
     * @param value the document (an object), or null/missing for a new one
     * @param path  the field path shown in messages ({@code address}), ending without a dot
     */
    CompositeForm(Schema schema, CompositeType type, JsonNode value, ZoneId zone, String path) {
        super(6);
        this.schema = schema;
        this.zone = zone;
        this.path = path;
        getStyleClass().add("composite-form");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int r = 0;
        for (ScalarField f : type.fields()) {
            if (f.ignored()) continue;
            JsonNode v = value == null ? null : value.get(f.name());
            Label name = new Label(f.name());
            name.setId("composite-field-" + idOf(path + "." + f.name()));
            Label typeLabel = new Label(f.typeName() + f.arity().suffix());
            typeLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            VBox labels = new VBox(0, name, typeLabel);
            Node editor = editor(f, v, path + "." + f.name());
            GridPane.setHgrow(editor, Priority.ALWAYS);
            grid.addRow(r++, labels, editor);
        }
        getChildren().add(grid);
    }

    /**
     * The editor of one composite field of a record (the grid's column): a form for one document, or the list of
     * documents.
     */
    CompositeForm(Schema schema, ScalarField field, JsonNode value, ZoneId zone) {
        super(6);
        this.schema = schema;
        this.zone = zone;
        this.path = field.name();
        getStyleClass().add("composite-form");
        getChildren().add(editor(field, value, field.name()));
    }

    /** @return the value of the one field this form edits (see the field constructor); null when left out */
    JsonNode fieldValue() { return parts.values().iterator().next().value(); }

    /** @return the document, in Prisma's encoding; fields left empty and optional are null */
    ObjectNode value() {
        ObjectNode out = JSON.objectNode();
        parts.forEach((name, part) -> {
            JsonNode v = part.value();
            out.set(name, v == null ? JSON.nullNode() : v);
        });
        return out;
    }

    private Node editor(ScalarField f, JsonNode v, String fieldPath) {
        if (f.kind() == FieldKind.COMPOSITE) {
            CompositeType nested = schema.compositeType(f.typeName());
            Node node = f.isList() ? list(f, nested, v, fieldPath) : nested(f, nested, v, fieldPath);
            return node;
        }
        GridColumn column = new GridColumn(f, f.isEnum() ? GridColumn.Kind.ENUM : GridColumn.Kind.SCALAR, f.typeName() + f.arity().suffix(),
                false, false, false, f.isRequired(), f.isEnum() ? schema.enumType(f.typeName()) : null, null, null);
        TextField field = new TextField(v == null || v.isNull() ? "" : CellValues.editText(column, v, zone));
        field.setId("composite-input-" + idOf(fieldPath));
        field.setPromptText(f.isOptional() ? "null" : f.isList() ? "[]" : "required");
        Runnable check = () -> {
            String why = refusal(column, field.getText(), fieldPath);
            field.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), why != null);
            field.setTooltip(why == null ? null : new Tooltip(why));
        };
        field.textProperty().addListener(o -> check.run());
        parts.put(f.name(), () -> {
            String t = field.getText();
            if (t.isBlank() && f.isOptional()) return null;
            if (t.isBlank() && !f.isList() && f.scalarType() != dev.facet.schema.model.ScalarType.STRING) {
                throw new CellValues.Refused(fieldPath + " is required");
            }
            try {
                return CellValues.parse(column, t, zone);
            } catch (CellValues.Refused r) {
                throw new CellValues.Refused(fieldPath + ": " + r.getMessage());
            }
        });
        return field;
    }

    private static String refusal(GridColumn column, String text, String fieldPath) {
        if (text.isBlank()) return null;
        try {
            CellValues.parse(column, text, ZoneId.of("UTC"));
            return null;
        } catch (CellValues.Refused r) {
            return fieldPath + ": " + r.getMessage();
        }
    }

    /** A nested document; an optional one can be absent (a tick says whether it is there). */
    private Node nested(ScalarField f, CompositeType type, JsonNode v, String fieldPath) {
        boolean present = v != null && !v.isNull();
        VBox box = new VBox(4);
        box.getStyleClass().add("composite-nested");
        box.setPadding(new Insets(4, 0, 4, 8));
        CompositeForm[] form = {new CompositeForm(schema, type, present ? v : null, zone, fieldPath)};
        if (f.isOptional()) {
            CheckBox has = new CheckBox("set");
            has.setId("composite-present-" + idOf(fieldPath));
            has.setSelected(present);
            form[0].setVisible(present);
            form[0].managedProperty().bind(form[0].visibleProperty());
            form[0].visibleProperty().bind(has.selectedProperty());
            box.getChildren().add(has);
            parts.put(f.name(), () -> has.isSelected() ? form[0].value() : null);
        } else {
            parts.put(f.name(), form[0]::value);
        }
        box.getChildren().add(form[0]);
        return box;
    }

    /** A list of documents: their summaries, add / remove / up / down, and the selected one's form. */
    private Node list(ScalarField f, CompositeType type, JsonNode v, String fieldPath) {
        List<JsonNode> items = new ArrayList<>();
        if (v != null && v.isArray()) v.forEach(items::add);
        ListView<String> view = new ListView<>();
        view.setId("composite-list-" + idOf(fieldPath));
        view.setPrefHeight(110);
        VBox formHolder = new VBox();
        CompositeForm[] editing = {null};
        int[] editingIndex = {-1};
        Runnable commitEditing = () -> {
            if (editing[0] != null && editingIndex[0] >= 0 && editingIndex[0] < items.size()) {
                items.set(editingIndex[0], editing[0].value());
            }
        };
        Runnable forget = () -> {
            editing[0] = null;
            editingIndex[0] = -1;
        };
        Runnable refresh = () -> {
            int sel = view.getSelectionModel().getSelectedIndex();
            view.getItems().setAll(items.stream().map(i -> Composites.summary(i)).toList());
            if (sel >= 0 && sel < items.size()) view.getSelectionModel().select(sel);
        };
        view.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            try {
                commitEditing.run();
            } catch (CellValues.Refused r) {
                // The half-typed item keeps its old value; its form showed what was wrong.
            }
            int i = now.intValue();
            editingIndex[0] = i;
            editing[0] = i < 0 || i >= items.size() ? null : new CompositeForm(schema, type, items.get(i), zone, fieldPath + "[" + i + "]");
            formHolder.getChildren().setAll(editing[0] == null ? List.of() : List.of(editing[0]));
        });
        Button add = button("composite-add-" + idOf(fieldPath), Feather.PLUS, "Add a " + type.name(), () -> {
            commitEditing.run();
            items.add(JSON.objectNode());
            refresh.run();
            view.getSelectionModel().select(items.size() - 1);
        });
        Button remove = button("composite-remove-" + idOf(fieldPath), Feather.MINUS, "Remove the selected " + type.name(), () -> {
            int i = view.getSelectionModel().getSelectedIndex();
            if (i < 0) return;
            forget.run();
            items.remove(i);
            view.getSelectionModel().clearSelection();
            refresh.run();
        });
        Button up = button("composite-up-" + idOf(fieldPath), Feather.ARROW_UP, "Move up", () -> move(view, items, commitEditing, forget, refresh, -1));
        Button down = button("composite-down-" + idOf(fieldPath), Feather.ARROW_DOWN, "Move down", () -> move(view, items, commitEditing, forget, refresh, 1));
        HBox buttons = new HBox(4, add, remove, up, down);
        buttons.setAlignment(Pos.CENTER_LEFT);
        refresh.run();
        parts.put(f.name(), () -> {
            commitEditing.run();
            ArrayNode out = JSON.arrayNode();
            items.forEach(out::add);
            return out;
        });
        return new VBox(4, view, buttons, formHolder);
    }

    private static void move(ListView<String> view, List<JsonNode> items, Runnable commit, Runnable forget, Runnable refresh, int by) {
        int i = view.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= items.size()) return;
        commit.run();
        // The form shown belongs to the item as it was placed: it must not be written back over its new neighbour.
        forget.run();
        JsonNode item = items.remove(i);
        items.add(j, item);
        view.getSelectionModel().clearSelection();
        refresh.run();
        view.getSelectionModel().select(j);
    }

    /** A node id for a field path: {@code address.geo} becomes {@code address-geo}, {@code lines[1]} {@code lines-1}. */
    static String idOf(String fieldPath) { return fieldPath.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-$", ""); }

    private static Button button(String id, Feather icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SMALL);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
