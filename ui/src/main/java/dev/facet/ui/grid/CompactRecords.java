package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The grid's records in the form it keeps them: each record an {@link ObjectNode} over a {@link Fields} map (one array
 * of values; the field names shared by every record of the same shape; text kept as a {@link String}, its
 * {@link TextNode} made when read) instead of Jackson's {@code LinkedHashMap} with an entry and a node per field.
 * <p>
 * Why: the rows the grid holds while scrolling are most of what a young collection copies, and G1's copy time goes
 * by the number of objects; a record of the benchmark's model (eight fields and a related record) is 35 objects as
 * read, 17 in this form (ADR 0042). The records are made over on the executor's thread, as they arrive.
 */
final class CompactRecords {
    private CompactRecords() {}

    /** Text this short is shared between the records of one page when it repeats (enum values, short names). */
    private static final int SHARED_TEXT = 24;

    /**
     * @param page an array of records as the engine returns them
     * @return the same records (in order) in the compact form; any other node as it is
     */
    static JsonNode of(JsonNode page) {
        if (!(page instanceof ArrayNode array)) return page;
        Compactor c = new Compactor();
        ArrayNode out = JsonNodeFactory.instance.arrayNode(array.size());
        for (JsonNode n : array) out.add(c.compact(n));
        return out;
    }

    /** One page's shapes and repeated texts. */
    private static final class Compactor {
        private final Map<Shape, String[]> shapes = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, JsonNode> textNodes = new HashMap<>();
        private String[] lastShape;

        JsonNode compact(JsonNode n) {
            if (n instanceof ArrayNode a) return compactArray(a);
            if (!(n instanceof ObjectNode o) || o.isEmpty()) return n;
            String[] keys = shapeOf(o);
            Object[] values = new Object[keys.length];
            int i = 0;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode v = e.getValue();
                values[i++] = v.isTextual() ? text(v.textValue()) : compact(v);
            }
            return new ObjectNode(JsonNodeFactory.instance, new Fields(keys, values));
        }

        /** Lists of embedded documents and scalar lists: their records compacted, short texts shared (a TextNode never changes). */
        private JsonNode compactArray(ArrayNode a) {
            if (a.isEmpty()) return a;
            ArrayNode out = JsonNodeFactory.instance.arrayNode(a.size());
            for (JsonNode item : a) out.add(item.isTextual() ? textNode(item) : compact(item));
            return out;
        }

        private JsonNode textNode(JsonNode t) {
            String s = t.textValue();
            if (s.length() > SHARED_TEXT) return t;
            JsonNode shared = textNodes.putIfAbsent(s, t);
            return shared != null ? shared : t;
        }

        private String[] shapeOf(ObjectNode o) {
            if (lastShape != null && sameKeys(lastShape, o)) return lastShape;
            String[] keys = new String[o.size()];
            int i = 0;
            for (Map.Entry<String, JsonNode> e : o.properties()) keys[i++] = e.getKey();
            lastShape = shapes.computeIfAbsent(new Shape(keys), s -> s.keys);
            return lastShape;
        }

        private static boolean sameKeys(String[] keys, ObjectNode o) {
            if (keys.length != o.size()) return false;
            int i = 0;
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                String k = e.getKey();
                if (k != keys[i] && !k.equals(keys[i])) return false;
                i++;
            }
            return true;
        }

        private String text(String s) {
            if (s.length() > SHARED_TEXT) return s;
            String shared = texts.putIfAbsent(s, s);
            return shared != null ? shared : s;
        }
    }

    /** Field names in order, as a key for sharing them. */
    private record Shape(String[] keys) {
        @Override public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(keys, s.keys); }
        @Override public int hashCode() { return Arrays.hashCode(keys); }
    }

    /**
     * A record's fields: names shared, values in one array ({@link String} for text, otherwise the node). Setting a
     * field it has writes in place; adding or removing one turns it into an ordinary {@link LinkedHashMap} first, so
     * every map operation {@link ObjectNode} uses keeps Jackson's meaning.
     */
    static final class Fields extends AbstractMap<String, JsonNode> {
        private final String[] keys;
        private final Object[] values;
        private LinkedHashMap<String, JsonNode> spilled;

        Fields(String[] keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < keys.length; i++) if (keys[i] == key) return i;
            for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return i;
            return -1;
        }

        private static JsonNode node(Object v) { return v instanceof String s ? TextNode.valueOf(s) : (JsonNode) v; }

        @Override public int size() { return spilled != null ? spilled.size() : keys.length; }

        @Override public boolean containsKey(Object key) { return spilled != null ? spilled.containsKey(key) : indexOf(key) >= 0; }

        @Override
        public JsonNode get(Object key) {
            if (spilled != null) return spilled.get(key);
            int i = indexOf(key);
            return i < 0 ? null : node(values[i]);
        }

        @Override
        public JsonNode put(String key, JsonNode value) {
            if (spilled == null) {
                int i = indexOf(key);
                if (i >= 0) {
                    JsonNode old = node(values[i]);
                    values[i] = value;
                    return old;
                }
                spill();
            }
            return spilled.put(key, value);
        }

        @Override
        public JsonNode remove(Object key) {
            if (spilled == null) {
                if (indexOf(key) < 0) return null;
                spill();
            }
            return spilled.remove(key);
        }

        @Override
        public void clear() {
            spill();
            spilled.clear();
        }

        private void spill() {
            if (spilled != null) return;
            spilled = LinkedHashMap.newLinkedHashMap(keys.length + 1);
            for (int i = 0; i < keys.length; i++) spilled.put(keys[i], node(values[i]));
        }

        @Override
        public Set<Map.Entry<String, JsonNode>> entrySet() {
            if (spilled != null) return spilled.entrySet();
            return new AbstractSet<>() {
                @Override public int size() { return Fields.this.size(); }

                @Override
                public Iterator<Map.Entry<String, JsonNode>> iterator() {
                    if (spilled != null) return spilled.entrySet().iterator();
                    return new Iterator<>() {
                        private int next;
                        private int last = -1;

                        /** After a removal the fields live in the spilled map: skip the names it no longer has. */
                        private void skipRemoved() {
                            while (spilled != null && next < keys.length && !spilled.containsKey(keys[next])) next++;
                        }

                        @Override
                        public boolean hasNext() {
                            skipRemoved();
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, JsonNode> next() {
                            if (!hasNext()) throw new NoSuchElementException();
                            int i = last = next++;
                            JsonNode value = spilled != null ? spilled.get(keys[i]) : node(values[i]);
                            return new AbstractMap.SimpleEntry<>(keys[i], value) {
                                @Override
                                public JsonNode setValue(JsonNode v) {
                                    super.setValue(v);
                                    return Fields.this.put(keys[i], v);
                                }
                            };
                        }

                        @Override
                        public void remove() {
                            if (last < 0) throw new IllegalStateException();
                            Fields.this.remove(keys[last]);
                            last = -1;
                        }
                    };
                }
            };
        }
    }
}
