package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The sheet that edits an embedded document or a list of them ({@link CompositeForm}); Apply makes it a pending change
 * of the record, saved with the others as Prisma's composite {@code set}. An optional document can be set to null or
 * unset (removed from the record). Ctrl+Enter applies, Esc closes.
 */
final class CompositeEditor extends VBox {
    private final ModelGridViewModel vm;
    private final GridRow row;
    private final GridColumn column;
    private final Runnable close;
    private final CompositeForm form;
    private final Label status = new Label();

    CompositeEditor(ModelGridViewModel vm, GridRow row, GridColumn column, Runnable close) {
        super(8);
        this.vm = vm;
        this.row = row;
        this.column = column;
        this.close = close;
        setId("composite-editor");
        getStyleClass().add("value-editor");
        HBox head = EditorSheets.head(column.name(), column.typeLabel() + " · embedded " + (column.isList() ? "documents" : "document")
                + (row.isDraft() ? " · new record" : " · " + row));
        JsonNode value = vm.editValue(row, column);
        form = new CompositeForm(vm.project().schema(), column.scalar(), value == null || value.isNull() || value.has("unset") ? null : value,
                vm.zoneProperty().get());
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(360);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        status.setId("composite-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_SMALL);
        Button apply = new Button("Apply");
        apply.setId("composite-apply");
        apply.getStyleClass().add(Styles.ACCENT);
        apply.setDefaultButton(false);
        apply.setOnAction(e -> apply());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> close.run());
        HBox buttons = new HBox(8);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        if (column.nullable()) {
            Button setNull = new Button("Set null");
            setNull.setId("composite-null");
            setNull.setOnAction(e -> finish(vm.setNull(row, column)));
            buttons.getChildren().add(setNull);
        }
        if (DocumentFields.canUnset(vm, column)) {
            Button unset = new Button("Unset");
            unset.setId("composite-unset");
            unset.setOnAction(e -> finish(DocumentFields.unset(vm, row, column)));
            buttons.getChildren().add(unset);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        buttons.getChildren().addAll(gap, cancel, apply);
        getChildren().addAll(head, scroll, status, buttons);
        EditorSheets.keys(this, this::apply, close);
    }

    /** @return the form (tests fill it in) */
    CompositeForm form() { return form; }

    void apply() {
        JsonNode v;
        try {
            v = form.fieldValue();
        } catch (CellValues.Refused r) {
            status.setText(r.getMessage());
            status.getStyleClass().add(Styles.DANGER);
            return;
        }
        finish(vm.setValue(row, column, v == null ? JsonNodeFactory.instance.nullNode() : v));
    }

    private void finish(EditResult r) {
        if (r.ok()) {
            close.run();
        } else {
            status.setText(r.reason());
            status.getStyleClass().add(Styles.DANGER);
        }
    }
}
