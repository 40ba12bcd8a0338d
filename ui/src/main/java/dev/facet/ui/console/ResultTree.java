package dev.facet.ui.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * A result as a tree of its JSON: a list's items and a record's fields are children, built when their parent is first
 * expanded, so a result of many records costs nothing until it is looked at.
 */
final class ResultTree extends TreeView<String> {
    ResultTree() {
        setId("console-tree");
        setShowRoot(true);
    }

    void show(JsonNode value) {
        if (value == null) {
            setRoot(null);
            return;
        }
        TreeItem<String> root = item("result", value);
        root.setExpanded(true);
        setRoot(root);
    }

    private static TreeItem<String> item(String key, JsonNode v) {
        String label = v.isContainerNode() ? key + ": " + (v.isArray() ? "[" + v.size() + "]" : "{" + v.size() + "}")
                : key + ": " + (v.isTextual() ? "\"" + v.asText() + "\"" : v.toString());
        return new TreeItem<>(label) {
            private boolean built;

            @Override public boolean isLeaf() { return !v.isContainerNode() || v.isEmpty(); }

            @Override
            public ObservableList<TreeItem<String>> getChildren() {
                if (!built) {
                    built = true;
                    ObservableList<TreeItem<String>> children = super.getChildren();
                    if (v.isArray()) {
                        for (int i = 0; i < v.size(); i++) children.add(item("[" + i + "]", v.get(i)));
                    } else if (v.isObject()) {
                        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                            Map.Entry<String, JsonNode> e = it.next();
                            children.add(item(e.getKey(), e.getValue()));
                        }
                    }
                }
                return super.getChildren();
            }
        };
    }
}
