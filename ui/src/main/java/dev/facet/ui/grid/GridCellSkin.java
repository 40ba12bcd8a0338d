package dev.facet.ui.grid;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.SkinBase;
import javafx.scene.text.Text;

/**
 * The grid cell's skin: one {@link Text}, cut with the cell's ellipsis when it does not fit, or the editor while the cell
 * is edited. JavaFX's {@code TableCellSkin} gives every cell a labelled skin (graphic and text placement, mnemonics,
 * wrapping, a clip and about twenty listeners) and its own mouse behaviour: about 230 more objects a cell, which a new
 * grid's first young collection copies while the window waits (ADR 0044). Selecting with the mouse is done once for the
 * whole table instead ({@link CellClicks}).
 *
 * <p>The {@code Text} is made at the cell's first layout with text to show. JavaFX's table rows make and style a cell
 * for every column, also those scrolled out of view, and lay out only those in view: a wide model's grid had about a
 * third of its cells off screen, each with a {@code Text} it never drew.
 */
final class GridCellSkin extends SkinBase<GridCell> implements InvalidationListener {
    /** What {@code TableColumnHeader} puts in a cell's properties while it measures the column's content. */
    private static final String MEASURING = "deferToParentPrefWidth";
    /** Measures text off screen: setting and resetting the shown node's text would mark it dirty for the renderer. */
    private static final Text MEASURE = new Text();
    private static javafx.scene.text.Font ellipsisFont;
    private static String ellipsis;
    private static double ellipsisWidth;

    /** The shown text; null until the cell is first laid out with text to show. */
    private Text text;
    /** The full text and width the shown text was cut for: layout runs often, the cut only when one of them changes. */
    private String cutFor;
    private double cutWidth = -1;

    GridCellSkin(GridCell cell) {
        super(cell);
        consumeMouseEvents(false);
        for (Observable o : followed(cell)) o.addListener(this);
        showGraphic(cell.getGraphic());
    }

    /** The shown text node, made (and styled at once, so that its first frame is drawn as the next ones) when needed. */
    private Text text() {
        if (text == null) {
            GridCell cell = getSkinnable();
            text = new Text();
            text.getStyleClass().add("text");
            text.setManaged(false);
            text.setFont(cell.getFont());
            text.setFill(cell.getTextFill());
            text.setUnderline(cell.isUnderline());
            getChildren().add(0, text);
            text.applyCss();
        }
        return text;
    }

    /** What the skin draws from the cell's properties. */
    private static Observable[] followed(GridCell cell) {
        return new Observable[] {cell.textProperty(), cell.graphicProperty(), cell.fontProperty(), cell.textFillProperty(),
                cell.underlineProperty(), cell.alignmentProperty()};
    }

    @Override
    public void invalidated(Observable o) {
        GridCell cell = getSkinnable();
        if (cell == null) return;
        if (o == cell.textFillProperty()) {
            if (text != null) text.setFill(cell.getTextFill());
        } else if (o == cell.underlineProperty()) {
            if (text != null) text.setUnderline(cell.isUnderline());
        } else {
            if (o == cell.fontProperty()) {
                if (text != null) text.setFont(cell.getFont());
                cutFor = null;
            } else if (o == cell.graphicProperty()) {
                showGraphic(cell.getGraphic());
            }
            cell.requestLayout();
        }
    }

    private void showGraphic(Node graphic) {
        getChildren().removeIf(child -> child != text);
        if (graphic != null) getChildren().add(graphic);
    }

    @Override
    public void dispose() {
        GridCell cell = getSkinnable();
        if (cell == null) return;
        for (Observable o : followed(cell)) o.removeListener(this);
        super.dispose();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        GridCell cell = getSkinnable();
        Node graphic = cell.getGraphic();
        String full = cell.getText();
        boolean showText = full != null && !full.isEmpty();
        if (text != null) text.setVisible(showText);
        if (graphic != null && graphic.getParent() == cell) {
            // An editor fills the cell's width, at its own height, centred.
            double gh = Math.min(h, graphic.prefHeight(w));
            graphic.resizeRelocate(snapPositionX(x), snapPositionY(y + (h - gh) / 2), snapSizeX(w), snapSizeY(gh));
        }
        if (!showText) return;
        Text shown = text();
        if (!full.equals(cutFor) || w != cutWidth) {
            // The shown node measures the whole text itself: most values fit, and are laid out once.
            shown.setText(full);
            double whole = shown.getLayoutBounds().getWidth();
            if (w > 0 && whole > w) shown.setText(cut(full, whole, cell.getEllipsisString(), w));
            cutFor = full;
            cutWidth = w;
        }
        Pos pos = cell.getAlignment() == null ? Pos.CENTER_LEFT : cell.getAlignment();
        double tw = shown.getLayoutBounds().getWidth();
        double th = shown.getLayoutBounds().getHeight();
        double tx = pos.getHpos() == HPos.RIGHT ? x + w - tw : pos.getHpos() == HPos.CENTER ? x + (w - tw) / 2 : x;
        double ty = pos.getVpos() == VPos.TOP ? y : pos.getVpos() == VPos.BOTTOM ? y + h - th : y + (h - th) / 2;
        shown.relocate(snapPositionX(Math.max(x, tx)), snapPositionY(ty));
    }

    /** The longest start of {@code full} (as wide as {@code whole}) that fits {@code width} with {@code ellipsis} after it. */
    private String cut(String full, double whole, String ellipsis, double width) {
        MEASURE.setFont(getSkinnable().getFont());
        String more = ellipsis == null ? "" : ellipsis;
        // Text is about as wide as its share of characters: start there and step to the widest start that fits. Cut
        // cells are measured two or three times, and only when their text or width changes (every row while scrolling).
        int n = full.length();
        int guess = (int) Math.max(0, Math.min(n - 1, n * (width - ellipsisWidth(more)) / whole));
        int fits;
        if (startFits(full, guess, more, width)) {
            fits = guess;
            while (fits + 1 < n && startFits(full, fits + 1, more, width)) fits++;
        } else {
            fits = guess - 1;
            while (fits > 0 && !startFits(full, fits, more, width)) fits--;
        }
        if (fits > 0 && Character.isHighSurrogate(full.charAt(fits - 1))) fits--;
        return fits <= 0 ? more : full.substring(0, fits) + more;
    }

    /** The ellipsis's width in the measuring font, kept while the font and the ellipsis stay the same. */
    private static double ellipsisWidth(String more) {
        if (MEASURE.getFont() != ellipsisFont || !more.equals(ellipsis)) {
            ellipsisFont = MEASURE.getFont();
            ellipsis = more;
            ellipsisWidth = widthOf(more);
        }
        return ellipsisWidth;
    }

    private static boolean startFits(String full, int length, String more, double width) {
        return widthOf(full.substring(0, length) + more) <= width;
    }

    private static double widthOf(String s) {
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        GridCell cell = getSkinnable();
        if (cell.hasProperties() && cell.getProperties().containsKey(MEASURING)) {
            // Fitting the column to its content: what the whole value needs.
            Node graphic = cell.getGraphic();
            double content = graphic != null ? graphic.prefWidth(-1) : 0;
            String full = cell.getText();
            if (full != null && !full.isEmpty()) {
                MEASURE.setFont(cell.getFont());
                content = Math.max(content, widthOf(full));
            }
            return left + content + right;
        }
        var column = cell.getTableColumn();
        return column == null ? 0 : snapSizeX(column.getWidth());
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        Node graphic = getSkinnable().getGraphic();
        double content = text().getLayoutBounds().getHeight();
        if (graphic != null) content = Math.max(content, graphic.prefHeight(-1));
        return top + content + bottom;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + right;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return computePrefHeight(width, top, right, bottom, left);
    }
}
