package dev.facet.ui.grid;

import atlantafx.base.theme.Styles;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.ScalarType;
import dev.facet.ui.grid.ModelGridViewModel.EditResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One cell of the grid: draws what the view model says about it and edits it in place with an editor
 * for its type (a text field, a drop-down for enums and Booleans); long text, Json, Bytes and lists
 * open the larger value editor instead.
 */
final class GridCell extends TableCell<GridRow, GridRow> {
    /** How long a click on a link waits for a second click: the longest common double-click time (Windows: 500 ms). */
    static final Duration DOUBLE_CLICK_TIME = Duration.millis(500);
    private static final Map<CellFlag, PseudoClass> FLAGS = new EnumMap<>(CellFlag.class);
    /** Every flag, once: values() copies its array at each call, and render runs for every cell shown while scrolling. */
    private static final CellFlag[] ALL_FLAGS = CellFlag.values();
    private static final String NULL_CHOICE = "NULL";
    /** Text longer than this, or with line breaks, is edited in the larger editor. */
    private static final int LONG_TEXT = 120;

    static {
        for (CellFlag f : CellFlag.values()) FLAGS.put(f, PseudoClass.getPseudoClass(f.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }

    private final ModelGridViewModel vm;
    private final GridColumn column;
    private final GridTable host;
    private final RowWatch watch = new RowWatch(() -> {
        if (!isEditing()) render();
    });
    private Tooltip tip;
    /** What the tooltip says; the Tooltip itself is made on first hover (a relation column would make one per row). */
    private String tipText;
    private Tooltip refusal;
    /** A click on a link waiting to see whether it is the first of a double click. */
    private PauseTransition pendingFollow;

    GridCell(ModelGridViewModel vm, GridColumn column, GridTable host) {
        this.vm = vm;
        this.column = column;
        this.host = host;
        getStyleClass().add("grid-cell");
        addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showTip());
        if (column.isRelation()) {
            // A click on the text of a relation cell follows it, once the double-click time has passed without a second
            // click; Ctrl (Cmd) or the middle button opens a new tab at once. A double click anywhere in the cell, its
            // text included, opens the relation picker: following at the first click had left the second one on
            // another grid.
            setOnMouseClicked(e -> {
                boolean onText = e.getPickResult().getIntersectedNode() instanceof Text;
                boolean middle = e.getButton() == MouseButton.MIDDLE;
                boolean link = getPseudoClassStates().contains(FLAGS.get(CellFlag.LINK));
                GridRow row = getItem();
                if (row == null) return;
                if ((e.getButton() == MouseButton.PRIMARY && onText && link || middle) && e.getClickCount() == 1) {
                    if (e.isShortcutDown() || middle) {
                        vm.follow(row, column, true);
                    } else {
                        stopFollowing();
                        pendingFollow = new PauseTransition(DOUBLE_CLICK_TIME);
                        pendingFollow.setOnFinished(a -> {
                            pendingFollow = null;
                            if (getItem() == row) vm.follow(row, column, false);
                        });
                        pendingFollow.play();
                    }
                    e.consume();
                } else if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    stopFollowing();
                    host.openRelationPicker(row, column);
                    e.consume();
                }
            });
        }
    }

    private void stopFollowing() {
        if (pendingFollow != null) pendingFollow.stop();
        pendingFollow = null;
    }

    GridColumn column() { return column; }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() { return new GridCellSkin(this); }

    @Override
    protected void updateItem(GridRow row, boolean empty) {
        super.updateItem(row, empty);
        watch.watch(empty ? null : row);
        if (!isEditing()) render();
    }

    private void render() {
        GridRow row = getItem();
        if (isEmpty() || row == null) {
            setText(null);
            setGraphic(null);
            tipText = null;
            setTooltip(null);
            FLAGS.values().forEach(pc -> pseudoClassStateChanged(pc, false));
            return;
        }
        CellContent c = vm.cell(row, column);
        setText(c.text());
        setGraphic(null);
        for (CellFlag f : ALL_FLAGS) pseudoClassStateChanged(FLAGS.get(f), c.has(f));
        tipText = c.tooltip();
        if (tipText == null) setTooltip(null);
        else if (getTooltip() != null) tip.setText(tipText);
    }

    private void showTip() {
        if (tipText == null || getTooltip() != null) return;
        if (tip == null) {
            tip = new Tooltip();
            tip.setShowDelay(Duration.millis(400));
        }
        tip.setText(tipText);
        setTooltip(tip);
    }

    // ---------------------------------------------------------------- editing

    @Override
    public void startEdit() {
        GridRow row = getItem();
        if (row == null || isEmpty()) return;
        String why = vm.whyReadOnly(row, column);
        if (why != null) {
            host.notice(why);
            return;
        }
        String typed = host.takeTypedText();
        if (needsLargeEditor(row)) {
            host.openValueEditor(row, column);
            return;
        }
        super.startEdit();
        if (!isEditing()) return;
        Node editor = choiceEditor() ? comboEditor(row) : textEditor(row, typed);
        setText(null);
        setGraphic(editor);
    }

    private boolean choiceEditor() {
        return !column.isList() && (column.kind() == GridColumn.Kind.ENUM || column.scalarType() == ScalarType.BOOLEAN);
    }

    private boolean needsLargeEditor(GridRow row) {
        if (column.isList() || column.kind() == GridColumn.Kind.COMPOSITE) return true;
        ScalarType t = column.scalarType();
        if (t == ScalarType.JSON || t == ScalarType.BYTES) return true;
        if (t != ScalarType.STRING) return false;
        String text = vm.editText(row, column);
        boolean longType = column.scalar().nativeType() != null && column.scalar().nativeType().name().toLowerCase(Locale.ROOT).contains("text");
        return text.length() > LONG_TEXT || text.indexOf('\n') >= 0 || longType && text.length() > 40;
    }

    private Node textEditor(GridRow row, String typed) {
        TextField field = new TextField(typed != null ? typed : vm.editText(row, column));
        field.getStyleClass().add("cell-editor");
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox box = new HBox(2, field);
        box.getStyleClass().add("cell-editor-box");
        if (column.scalarType() == ScalarType.DATE_TIME) {
            Label zone = new Label(CellValues.zoneLabel(vm.zoneProperty().get()));
            zone.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "zone-label");
            box.getChildren().add(zone);
        }
        if (column.scalarType() == ScalarType.STRING) {
            box.getChildren().add(smallButton(Feather.MAXIMIZE_2, "Edit in a larger editor", () -> {
                cancelEdit();
                host.openValueEditor(row, column);
            }));
        }
        if (column.nullable()) {
            box.getChildren().add(smallButton(Feather.SLASH, "Set to NULL", () -> {
                EditResult r = vm.setNull(row, column);
                if (r.ok()) commitEdit(row);
                else refuse(field, r.reason());
            }));
        }
        field.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ENTER -> {
                    commit(row, field);
                    e.consume();
                }
                case ESCAPE -> {
                    cancelEdit();
                    e.consume();
                }
                case TAB -> {
                    if (commit(row, field)) host.moveAfterEdit(this, e.isShiftDown());
                    e.consume();
                }
                case S -> {
                    // Ctrl+S saves: take what was typed first; the event goes on to the grid.
                    if (e.isShortcutDown()) commit(row, field);
                }
                default -> { }
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            // Clicking elsewhere keeps what was typed if it fits; otherwise the edit is dropped and the grid says why.
            if (!is && isEditing() && getGraphic() == box) {
                EditResult r = vm.edit(row, column, field.getText());
                if (r.ok()) commitEdit(row);
                else {
                    cancelEdit();
                    host.notice(column.name() + ": " + r.reason() + " (not taken)");
                }
            }
        });
        if (typed != null) {
            // The text field selects everything when it gets the focus; what was typed to start editing
            // must not be replaced by the next key, so the caret goes to the end first, once.
            javafx.event.EventHandler<KeyEvent> once = new javafx.event.EventHandler<>() {
                @Override public void handle(KeyEvent e) {
                    field.deselect();
                    field.end();
                    field.removeEventFilter(KeyEvent.KEY_TYPED, this);
                }
            };
            field.addEventFilter(KeyEvent.KEY_TYPED, once);
        }
        Platform.runLater(() -> {
            field.requestFocus();
            if (typed == null) field.selectAll();
        });
        return box;
    }

    private Button smallButton(Feather icon, String tooltip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "cell-editor-button");
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private boolean commit(GridRow row, TextField field) {
        EditResult r = vm.edit(row, column, field.getText());
        if (r.ok()) {
            commitEdit(row);
            return true;
        }
        refuse(field, r.reason());
        return false;
    }

    /** Shows why a value was refused, at the cell, and keeps the editor open. */
    private void refuse(Node editor, String reason) {
        editor.pseudoClassStateChanged(Styles.STATE_DANGER, true);
        if (refusal == null) refusal = new Tooltip();
        refusal.setText(reason);
        refusal.getStyleClass().add("refusal");
        var bounds = editor.localToScreen(editor.getBoundsInLocal());
        if (bounds != null && editor.getScene() != null && editor.getScene().getWindow() != null) {
            refusal.show(editor, bounds.getMinX(), bounds.getMaxY() + 2);
        }
        host.refused(column, reason);
    }

    String refusalText() { return refusal == null || !refusal.isShowing() ? null : refusal.getText(); }

    private Node comboEditor(GridRow row) {
        List<String> choices = new ArrayList<>();
        if (column.kind() == GridColumn.Kind.ENUM && column.enumType() != null) {
            column.enumType().values().stream().map(EnumValue::name).forEach(choices::add);
        } else {
            choices.addAll(List.of("true", "false"));
        }
        if (column.nullable()) choices.add(NULL_CHOICE);
        ComboBox<String> combo = new ComboBox<>();
        combo.getItems().setAll(choices);
        combo.getStyleClass().add("cell-editor");
        combo.setMaxWidth(Double.MAX_VALUE);
        var current = vm.editValue(row, column);
        combo.setValue(current.isNull() ? (column.nullable() ? NULL_CHOICE : null) : current.asText());
        combo.setOnAction(e -> {
            String v = combo.getValue();
            if (v == null || !isEditing()) return;
            EditResult r = NULL_CHOICE.equals(v) ? vm.setNull(row, column) : vm.edit(row, column, v);
            if (r.ok()) commitEdit(row);
            else refuse(combo, r.reason());
        });
        combo.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                host.moveAfterEdit(this, e.isShiftDown());
                e.consume();
            }
        });
        Platform.runLater(() -> {
            combo.requestFocus();
            if (combo.getScene() != null && combo.getScene().getWindow() != null && combo.getScene().getWindow().isShowing()) combo.show();
        });
        return combo;
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        hideRefusal();
        render();
    }

    @Override
    public void commitEdit(GridRow row) {
        hideRefusal();
        super.commitEdit(row);
        render();
    }

    private void hideRefusal() {
        if (refusal != null) refusal.hide();
    }
}
