package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a person arranged a model's grid, remembered between sessions: column order, hidden columns,
 * widths, page size and paging mode.
 *
 * @param order    column names in the order shown (columns missing here follow in schema order)
 * @param hidden   names of hidden columns
 * @param widths   column widths by name
 * @param pageSize rows per page (50, 100 or 500)
 * @param scroll   whether the grid scrolls through the whole result instead of showing pages
 */
public record GridLayout(List<String> order, Set<String> hidden, Map<String, Double> widths, int pageSize, boolean scroll) {
    /** The page sizes offered. */
    public static final List<Integer> PAGE_SIZES = List.of(50, 100, 500);

    public GridLayout {
        order = List.copyOf(order);
        hidden = Set.copyOf(hidden);
        widths = Map.copyOf(widths);
        if (!PAGE_SIZES.contains(pageSize)) pageSize = 100;
    }

    /** @return the layout of a grid nobody arranged: schema order, everything shown, 100 rows a page */
    public static GridLayout initial() { return new GridLayout(List.of(), Set.of(), Map.of(), 100, false); }

    GridLayout withOrder(List<String> o) { return new GridLayout(o, hidden, widths, pageSize, scroll); }

    GridLayout withHidden(String name, boolean hide) {
        Set<String> h = new LinkedHashSet<>(hidden);
        if (hide) h.add(name);
        else h.remove(name);
        return new GridLayout(order, h, widths, pageSize, scroll);
    }

    GridLayout withWidth(String name, double width) {
        Map<String, Double> w = new LinkedHashMap<>(widths);
        w.put(name, width);
        return new GridLayout(order, hidden, w, pageSize, scroll);
    }

    GridLayout withPaging(int size, boolean scrolling) { return new GridLayout(order, hidden, widths, size, scrolling); }

    /** @return the layout as JSON text, for a preferences store */
    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        order.forEach(o.putArray("order")::add);
        hidden.forEach(o.putArray("hidden")::add);
        ObjectNode w = o.putObject("widths");
        widths.forEach(w::put);
        o.put("pageSize", pageSize);
        o.put("scroll", scroll);
        return JsonCodec.write(o);
    }

    /** @return the layout read from {@link #toJson()} text, or the initial layout when it cannot be read */
    public static GridLayout fromJson(String text) {
        if (text == null || text.isBlank()) return initial();
        try {
            JsonNode o = JsonCodec.parse(text);
            List<String> order = new ArrayList<>();
            o.path("order").forEach(n -> order.add(n.asText()));
            Set<String> hidden = new LinkedHashSet<>();
            o.path("hidden").forEach(n -> hidden.add(n.asText()));
            Map<String, Double> widths = new LinkedHashMap<>();
            o.path("widths").properties().forEach(e -> widths.put(e.getKey(), e.getValue().asDouble()));
            return new GridLayout(order, hidden, widths, o.path("pageSize").asInt(100), o.path("scroll").asBoolean(false));
        } catch (IllegalArgumentException e) {
            return initial();
        }
    }

    /** Where grid layouts are remembered. */
    public interface Store {
        /** @return the remembered layout of a model, or the initial one */
        GridLayout load(String modelKey);

        /** Remembers a model's layout. */
        void save(String modelKey, GridLayout layout);

        /** @return a remembered choice of every grid (whether the record panel is shown), or {@code otherwise} */
        boolean flag(String name, boolean otherwise);

        /** Remembers a choice of every grid. */
        void setFlag(String name, boolean value);

        /** A store that forgets (for tests). */
        static Store inMemory() {
            Map<String, GridLayout> map = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Boolean> flags = new java.util.concurrent.ConcurrentHashMap<>();
            return new Store() {
                @Override public GridLayout load(String key) { return map.getOrDefault(key, initial()); }

                @Override public void save(String key, GridLayout layout) { map.put(key, layout); }

                @Override public boolean flag(String name, boolean otherwise) { return flags.getOrDefault(name, otherwise); }

                @Override public void setFlag(String name, boolean value) { flags.put(name, value); }
            };
        }

        /** Remembers layouts in the user's Java preferences, one key per model. */
        static Store preferences() {
            java.util.prefs.Preferences node = java.util.prefs.Preferences.userRoot().node("dev/facet/ui/grid");
            return new Store() {
                @Override public GridLayout load(String key) { return fromJson(node.get(prefKey(key), null)); }

                @Override public void save(String key, GridLayout layout) { node.put(prefKey(key), layout.toJson()); }

                // Flags live beside the layouts; a layout key always holds a '/' (project/model), a flag never does.
                @Override public boolean flag(String name, boolean otherwise) { return node.getBoolean(name, otherwise); }

                @Override public void setFlag(String name, boolean value) { node.putBoolean(name, value); }
            };
        }

        /** Preference keys are limited to 80 characters: long keys are shortened with a hash. */
        private static String prefKey(String key) {
            return key.length() <= 80 ? key : key.substring(0, 60) + "#" + Integer.toHexString(key.hashCode());
        }
    }
}
