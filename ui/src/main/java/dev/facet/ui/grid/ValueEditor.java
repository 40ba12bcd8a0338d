package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The larger editor for one value: long text, Json (checked as it is typed, and formatted), Bytes (as
 * hex or base64, loaded from or saved to a file) and lists (a JSON array). Ctrl+Enter applies, Esc closes.
 */
final class ValueEditor extends VBox {
    private final ModelGridViewModel vm;
    private final GridRow row;
    private final GridColumn column;
    private final Runnable close;
    private final TextArea area = new TextArea();
    private final Label status = new Label();
    private CellValues.BytesFormat bytesFormat = CellValues.BytesFormat.HEX;

    ValueEditor(ModelGridViewModel vm, GridRow row, GridColumn column, Runnable close) {
        super(8);
        this.vm = vm;
        this.row = row;
        this.column = column;
        this.close = close;
        setId("value-editor");
        getStyleClass().add("value-editor");
        ScalarType type = column.scalarType();
        HBox head = EditorSheets.head(column.name(), column.typeLabel() + (row.isDraft() ? " · new record" : " · " + row));
        getChildren().add(head);

        area.setId("value-area");
        area.setPrefRowCount(14);
        area.setPrefColumnCount(60);
        area.setWrapText(type == ScalarType.STRING || type == ScalarType.BYTES);
        if (type != ScalarType.STRING) area.getStyleClass().add("monospace");
        JsonNode current = vm.editValue(row, column);
        area.setText(CellValues.editText(column, current, vm.zoneProperty().get()));
        VBox.setVgrow(area, Priority.ALWAYS);

        HBox tools = new HBox(6);
        tools.setAlignment(Pos.CENTER_LEFT);
        if (type == ScalarType.BYTES) bytesTools(tools, current);
        if (type == ScalarType.JSON || column.isList()) {
            Button format = new Button("Format", new FontIcon(Feather.ALIGN_LEFT));
            format.setOnAction(e -> {
                try {
                    area.setText(CellValues.pretty(JsonCodec.parse(area.getText())));
                } catch (IllegalArgumentException ex) {
                    check();
                }
            });
            tools.getChildren().add(format);
            area.textProperty().addListener(o -> check());
        }
        if (!tools.getChildren().isEmpty()) getChildren().add(tools);
        getChildren().add(area);
        status.setId("value-status");
        status.setWrapText(true);
        getChildren().add(status);

        Button nullButton = new Button("Set NULL", new FontIcon(Feather.SLASH));
        nullButton.setId("value-null");
        nullButton.setVisible(column.nullable());
        nullButton.setManaged(column.nullable());
        nullButton.setOnAction(e -> finish(vm.setNull(row, column)));
        Button cancel = new Button("Cancel");
        cancel.setId("value-cancel");
        cancel.setOnAction(e -> close.run());
        Button apply = new Button("Apply", new FontIcon(Feather.CHECK));
        apply.setId("value-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setOnAction(e -> apply());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label hint = new Label("Ctrl+Enter applies");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox buttons = new HBox(8, nullButton, hint, spacer, cancel, apply);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(buttons);
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                apply();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            }
        });
        setPrefSize(680, 420);
        focusedProperty().addListener((o, was, is) -> {
            if (is) area.requestFocus();
        });
        check();
    }

    private void bytesTools(HBox tools, JsonNode current) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton hex = new ToggleButton("Hex");
        ToggleButton base64 = new ToggleButton("Base64");
        hex.getStyleClass().add(Styles.LEFT_PILL);
        base64.getStyleClass().add(Styles.RIGHT_PILL);
        hex.setToggleGroup(group);
        base64.setToggleGroup(group);
        hex.setSelected(true);
        group.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) {
                was.setSelected(true);
                return;
            }
            CellValues.BytesFormat next = is == hex ? CellValues.BytesFormat.HEX : CellValues.BytesFormat.BASE64;
            try {
                byte[] bytes = CellValues.parseBytes(area.getText(), bytesFormat);
                area.setText(CellValues.bytesText(Base64.getEncoder().encodeToString(bytes), next));
            } catch (CellValues.Refused r) {
                status.setText(r.getMessage());
            }
            bytesFormat = next;
        });
        Button load = new Button("Load from file…", new FontIcon(Feather.UPLOAD));
        load.setOnAction(e -> {
            File f = new FileChooser().showOpenDialog(getScene().getWindow());
            if (f == null) return;
            try {
                byte[] bytes = Files.readAllBytes(f.toPath());
                area.setText(CellValues.bytesText(Base64.getEncoder().encodeToString(bytes), bytesFormat));
                status.setText(f.getName() + ": " + CellValues.size(bytes.length));
            } catch (IOException ex) {
                status.setText("Could not read " + f + ": " + ex.getMessage());
            }
        });
        Button save = new Button("Save to file…", new FontIcon(Feather.DOWNLOAD));
        save.setDisable(current.isNull());
        save.setOnAction(e -> {
            File f = new FileChooser().showSaveDialog(getScene().getWindow());
            if (f == null) return;
            try {
                Files.write(f.toPath(), CellValues.parseBytes(area.getText(), bytesFormat));
                status.setText("Saved to " + f);
            } catch (IOException | CellValues.Refused ex) {
                status.setText("Could not save: " + ex.getMessage());
            }
        });
        tools.getChildren().addAll(hex, base64, load, save);
    }

    /** Says whether what is typed is valid, as it is typed (Json and lists). */
    private void check() {
        if (column.scalarType() != ScalarType.JSON && !column.isList()) return;
        try {
            CellValues.parse(column, area.getText(), vm.zoneProperty().get());
            status.setText(column.isList() ? "Valid list" : "Valid JSON");
            status.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            status.pseudoClassStateChanged(Styles.STATE_SUCCESS, true);
        } catch (CellValues.Refused r) {
            status.setText(r.getMessage());
            status.pseudoClassStateChanged(Styles.STATE_SUCCESS, false);
            status.pseudoClassStateChanged(Styles.STATE_DANGER, true);
        }
    }

    private void apply() {
        if (column.scalarType() == ScalarType.BYTES) {
            try {
                byte[] bytes = CellValues.parseBytes(area.getText(), bytesFormat);
                finish(vm.setValue(row, column, JsonNodeFactory.instance.textNode(Base64.getEncoder().encodeToString(bytes))));
            } catch (CellValues.Refused r) {
                finish(new EditResult(false, r.getMessage()));
            }
            return;
        }
        finish(vm.edit(row, column, area.getText()));
    }

    private void finish(EditResult r) {
        if (r.ok()) {
            close.run();
            return;
        }
        status.setText(r.reason());
        status.pseudoClassStateChanged(Styles.STATE_SUCCESS, false);
        status.pseudoClassStateChanged(Styles.STATE_DANGER, true);
    }
}
