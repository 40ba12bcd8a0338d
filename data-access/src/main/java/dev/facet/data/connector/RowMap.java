package dev.facet.data.connector;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A record as a connector reads it: field names (and relation names, {@code _count}, ...) to values, in the
 * order they were put, like a {@link java.util.LinkedHashMap}. A read can hold millions of such rows, each with a
 * handful of entries: two small arrays cost far less to fill and to read than a hash table per row. A key is
 * looked up by identity first, since readers put and get the schema's own name strings, then by equality.
 */
public final class RowMap extends AbstractMap<String, Object> {
    private String[] keys;
    private Object[] values;
    private int size;
    /** Fields the stored record lacks altogether (a MongoDB document without them), read as null; not entries of the map. */
    private String[] absent;

    /** @param capacity how many entries the row will probably hold (it grows past that when needed) */
    public RowMap(int capacity) {
        keys = new String[Math.max(1, capacity)];
        values = new Object[keys.length];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) if (keys[i] == key) return i;
        if (key != null) for (int i = 0; i < size; i++) if (key.equals(keys[i])) return i;
        return -1;
    }

    /** Notes that the stored record lacks {@code field} altogether (its value here is null, as Prisma reads it). */
    public void markAbsent(String field) {
        absent = absent == null ? new String[] {field} : Arrays.copyOf(absent, absent.length + 1);
        absent[absent.length - 1] = field;
    }

    /** @return the fields noted by {@link #markAbsent}, in the order noted */
    public java.util.List<String> absentFields() { return absent == null ? java.util.List.of() : java.util.List.of(absent); }

    @Override public int size() { return size; }

    @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public Object put(String key, Object value) {
        int i = indexOf(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    public Object remove(Object key) {
        int i = indexOf(key);
        if (i < 0) return null;
        Object old = values[i];
        removeAt(i);
        return old;
    }

    private void removeAt(int i) {
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return size; }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override public boolean hasNext() { return next < size; }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= size) throw new NoSuchElementException();
                        last = next++;
                        return new Slot(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) throw new IllegalStateException();
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }
        };
    }

    /** An entry that reads and writes the row's slot. */
    private final class Slot implements Entry<String, Object> {
        private final int index;

        Slot(int index) { this.index = index; }

        @Override public String getKey() { return keys[index]; }

        @Override public Object getValue() { return values[index]; }

        @Override
        public Object setValue(Object value) {
            Object old = values[index];
            values[index] = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry<?, ?> e && java.util.Objects.equals(getKey(), e.getKey()) && java.util.Objects.equals(getValue(), e.getValue());
        }

        @Override public int hashCode() { return java.util.Objects.hashCode(getKey()) ^ java.util.Objects.hashCode(getValue()); }

        @Override public String toString() { return getKey() + "=" + getValue(); }
    }
}
