package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A whole record as MongoDB's Extended JSON, as Compass shows a document: stored names ({@code _id}, {@code @map}),
 * ObjectIds as {@code {"$oid": ...}}, dates as {@code {"$date": ...}}, embedded documents nested; missing fields left
 * out. A sheet shows it read-only, with Copy.
 */
final class DocumentJson extends VBox {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    DocumentJson(String title, String json, Runnable close) {
        super(8);
        setId("document-json");
        getStyleClass().add("value-editor");
        Label head = new Label(title);
        head.getStyleClass().add(Styles.TITLE_4);
        TextArea area = new TextArea(json);
        area.setId("document-json-text");
        area.setEditable(false);
        area.setPrefRowCount(18);
        area.getStyleClass().add("monospace");
        VBox.setVgrow(area, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId("document-json-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(json);
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button done = new Button("Close");
        done.setCancelButton(true);
        done.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, copy, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(head, area, buttons);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) close.run();
        });
    }

    /** @return the record as Extended JSON text, indented */
    static String of(Schema schema, List<ScalarField> fields, JsonNode record) {
        return CellValues.pretty(document(schema, fields, record));
    }

    private static ObjectNode document(Schema schema, List<ScalarField> fields, JsonNode record) {
        ObjectNode out = JSON.objectNode();
        boolean absentKnown = record.has(AbsentFields.KEY);
        for (ScalarField f : fields) {
            if (f.ignored() || !record.has(f.name())) continue;
            if (absentKnown && record instanceof ObjectNode o && AbsentFields.isAbsent(o, f.name())) continue;
            out.set(f.databaseName(), value(schema, f, record.get(f.name())));
        }
        return out;
    }

    private static JsonNode value(Schema schema, ScalarField f, JsonNode v) {
        if (v == null || v.isNull()) return JSON.nullNode();
        if (v.isArray()) {
            ArrayNode out = JSON.arrayNode();
            v.forEach(item -> out.add(one(schema, f, item)));
            return out;
        }
        return one(schema, f, v);
    }

    private static JsonNode one(Schema schema, ScalarField f, JsonNode v) {
        if (v.isNull()) return v;
        if (f.kind() == FieldKind.COMPOSITE) {
            CompositeType type = schema.compositeType(f.typeName());
            return type == null ? v : document(schema, type.fields(), v);
        }
        if (f.nativeType() != null && "ObjectId".equals(f.nativeType().name())) return JSON.objectNode().put("$oid", v.asText());
        if (f.scalarType() == ScalarType.DATE_TIME) return JSON.objectNode().put("$date", v.asText());
        if (f.scalarType() == ScalarType.BIG_INT) return JSON.objectNode().put("$numberLong", v.asText());
        return v;
    }
}
