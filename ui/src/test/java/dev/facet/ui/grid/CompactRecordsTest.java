package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's compact records behave as the engine's records in every way the grid and Jackson use them. */
class CompactRecordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode page(String json) throws Exception { return JSON.readTree(json); }

    private static final String PAGE = """
        [{"id":1,"name":"Oak table","kind":"VIEW","note":null,"venue":{"id":7,"name":"Hall"},"tags":["a","b"]},
         {"id":2,"name":"Pine chair","kind":"VIEW","note":"long enough text to stay its own string, not shared","venue":{"id":8,"name":"Barn"},"tags":[]},
         {"other":true}]""";

    @Test
    void readsAsTheRecordsItWasMadeFrom() throws Exception {
        JsonNode original = page(PAGE);
        JsonNode compact = CompactRecords.of(original);
        assertThat(compact).isEqualTo(original);
        assertThat(original).isEqualTo(compact);
        assertThat(JSON.writeValueAsString(compact)).isEqualTo(JSON.writeValueAsString(original));
        assertThat(compact.get(0).hashCode()).isEqualTo(original.get(0).hashCode());
        ObjectNode first = (ObjectNode) compact.get(0);
        assertThat(first.get("name")).isEqualTo(TextNode.valueOf("Oak table"));
        assertThat(first.get("note").isNull()).isTrue();
        assertThat(first.get("missing")).isNull();
        assertThat(first.has("note")).isTrue();
        assertThat(first.path("venue").path("name").asText()).isEqualTo("Hall");
        assertThat(first.get("tags").size()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        first.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "name", "kind", "note", "venue", "tags");
        assertThat(first.deepCopy()).isEqualTo(original.get(0));
        assertThat(first.at("/venue/id").asInt()).isEqualTo(7);
    }

    @Test
    void sharesFieldNamesAndShortTextsBetweenRecords() throws Exception {
        JsonNode compact = CompactRecords.of(page(PAGE));
        String kind0 = compact.get(0).get("kind").textValue();
        String kind1 = compact.get(1).get("kind").textValue();
        assertThat(kind0).isSameAs(kind1);
        String name0 = compact.get(0).fieldNames().next();
        String name1 = compact.get(1).fieldNames().next();
        assertThat(name0).isSameAs(name1);
    }

    @Test
    void setsRemovesAndAddsFieldsAsAnObjectNodeDoes() throws Exception {
        JsonNode original = page(PAGE);
        ObjectNode plain = (ObjectNode) original.get(0).deepCopy();
        ObjectNode compact = (ObjectNode) CompactRecords.of(original).get(0);
        for (ObjectNode n : List.of(plain, compact)) {
            n.put("name", "Birch table");
            n.remove("kind");
            n.put("added", 3);
            n.retain("id", "name", "venue", "added", "note");
            n.remove(Set.of("note"));
        }
        assertThat(compact).isEqualTo(plain);
        assertThat(JSON.writeValueAsString(compact)).isEqualTo(JSON.writeValueAsString(plain));
        assertThat(compact.size()).isEqualTo(4);
    }

    @Test
    void writesThroughEntriesAndTheirIterator() throws Exception {
        ObjectNode compact = (ObjectNode) CompactRecords.of(page(PAGE)).get(0);
        for (Map.Entry<String, JsonNode> e : compact.properties()) {
            if (e.getKey().equals("name")) e.setValue(TextNode.valueOf("Renamed"));
        }
        assertThat(compact.get("name").asText()).isEqualTo("Renamed");
        compact.properties().removeIf(e -> e.getKey().equals("tags") || e.getKey().equals("id"));
        List<String> names = new ArrayList<>();
        compact.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("name", "kind", "note", "venue");
    }

    @Test
    void compactsEmbeddedDocumentsInsideLists() throws Exception {
        JsonNode original = page("""
            [{"id":"a","places":[{"city":"Delft","geo":{"lat":52.0}},{"city":"Leiden"}],"tags":["x","y"]},
             {"id":"b","places":[],"tags":["x"]}]""");
        JsonNode compact = CompactRecords.of(original);
        assertThat(compact).isEqualTo(original);
        assertThat(JSON.writeValueAsString(compact)).isEqualTo(JSON.writeValueAsString(original));
        assertThat(compact.get(0).get("tags").get(0)).isSameAs(compact.get(1).get("tags").get(0));
        ((ObjectNode) compact.get(0).get("places").get(0)).put("city", "Gouda");
        assertThat(compact.at("/0/places/0/city").asText()).isEqualTo("Gouda");
        assertThat(original.at("/0/places/0/city").asText()).isEqualTo("Delft");
    }

    @Test
    void leavesWhatIsNotAnArrayOfRecordsAsItIs() throws Exception {
        JsonNode notAPage = page("{\"id\":1}");
        assertThat(CompactRecords.of(notAPage)).isSameAs(notAPage);
        assertThat(CompactRecords.of(page("[]"))).isEqualTo(page("[]"));
        assertThat(CompactRecords.of(page("[{}, 3, \"x\"]"))).isEqualTo(page("[{}, 3, \"x\"]"));
    }
}
