package dev.facet.ui.grid;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first comes over their node. A Tooltip is a popup window with its own scene, and a
 * grid has dozens of them (buttons, column headers); made up front they cost every tab's first frame. The pointer's
 * first move over the node still shows the tooltip: the scene delivers that move after the MOUSE_ENTERED that made it.
 */
final class LazyTooltip {
    private LazyTooltip() {}

    /** Gives {@code control} a tooltip saying {@code text}, made on first hover. */
    static void install(Control control, String text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) control.setTooltip(new Tooltip(text));
            }
        });
    }

    /** Gives any node a tooltip saying {@code text}, made on first hover. */
    static void install(Node node, String text) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(node, new Tooltip(text));
            }
        });
    }
}
