package dev.facet.data.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMapTest {
    @Test
    void behavesAsAnInsertionOrderedMap() {
        Map<String, Object> row = new RowMap(1);
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Map<String, Object> m : java.util.List.of(row, expected)) {
            m.put("id", 1);
            m.put("name", null);
            m.put("email", "a@x");
            m.put("id", 2);
            m.put(new String("posts"), java.util.List.of());
        }
        assertThat(row).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(row.keySet()).containsExactly("id", "name", "email", "posts");
        assertThat(row.get(new String("email"))).isEqualTo("a@x");
        assertThat(row.containsKey("name")).isTrue();
        assertThat(row.get("missing")).isNull();
        assertThat(row.getOrDefault("missing", 7)).isEqualTo(7);
        assertThat(row.getOrDefault("name", 7)).isNull();

        assertThat(row.remove("name")).isNull();
        assertThat(row.keySet()).containsExactly("id", "email", "posts");
        Iterator<Map.Entry<String, Object>> it = row.entrySet().iterator();
        it.next().setValue(3);
        it.next();
        it.remove();
        assertThat(row).containsExactly(Map.entry("id", 3), Map.entry("posts", java.util.List.of()));
        row.clear();
        assertThat(row).isEmpty();
    }
}
