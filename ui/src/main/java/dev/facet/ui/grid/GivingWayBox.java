package dev.facet.ui.grid;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * A row that, when narrower than its children's minimum widths, hides the parts named as least needed (its own
 * children or parts of them), one by one in that order, until the rest fits, and shows them again when room comes
 * back. An HBox alone lets its last children run past its right edge, where a footer's pager must stay whole.
 */
final class GivingWayBox extends HBox {
    private final List<Node> leastNeededFirst;

    GivingWayBox(double spacing, List<Node> leastNeededFirst, Node... children) {
        super(spacing, children);
        this.leastNeededFirst = List.copyOf(leastNeededFirst);
    }

    /** As narrow as the row is with every optional part hidden, so that its parent gives it no more than the room there is. */
    @Override
    protected double computeMinWidth(double height) {
        double min = super.computeMinWidth(height);
        for (Node optional : leastNeededFirst) {
            if (optional.isManaged()) min -= taken(optional);
        }
        return min;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double room = getWidth() - in.getLeft() - in.getRight();
        // What the row needs with every optional part shown; then give way until it fits.
        double needed = 0;
        int managed = 0;
        for (Node child : getChildren()) {
            if (!child.isManaged()) continue;
            needed += child.minWidth(-1);
            managed++;
        }
        needed += getSpacing() * Math.max(0, managed - 1);
        for (Node optional : leastNeededFirst) {
            if (!optional.isManaged()) needed += taken(optional);
        }
        for (Node optional : leastNeededFirst) {
            boolean show = needed <= room;
            if (!show) needed -= taken(optional);
            if (optional.isManaged() != show) {
                optional.setManaged(show);
                optional.setVisible(show);
            }
        }
        super.layoutChildren();
    }

    /** The width an optional part takes in its row, this one or a row inside it: its own and one gap. */
    private double taken(Node optional) {
        double gap = optional.getParent() instanceof HBox row ? row.getSpacing() : 0;
        return optional.minWidth(-1) + gap;
    }
}
