package dev.facet.ui.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.ui.project.OpenRequest;
import dev.facet.ui.project.Project;
import dev.facet.ui.testing.DemoFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoSeederTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static long count(Project p, String model) { return p.engine().execute(model, "count", null).asLong(); }

    private static JsonNode find(Project p, String model, String args) throws Exception {
        return p.engine().execute(model, "findMany", JSON.readTree(args));
    }

    @Test
    void theFullDemoHasThousandsOfRowsThatFollowTheSchemaAndTakesSeconds() throws Exception {
        DemoFixture fixture = new DemoFixture(dir);
        var opener = new dev.facet.ui.project.StandardProjectOpener(fixture.loader(), fixture.workspace(), DemoSeeder.standard());
        List<String> progress = new ArrayList<>();

        long start = System.nanoTime();
        try (Project p = opener.open(new OpenRequest.Demo(), progress::add)) {
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("creating and seeding the demo, in ms").isLessThan(15_000);
            assertThat(progress).startsWith("Creating the demo database", "Adding categories", "Adding 600 customers");
            assertThat(count(p, "Customer")).isEqualTo(600);
            assertThat(count(p, "Address")).isBetween(450L, 560L);
            assertThat(count(p, "Category")).isEqualTo(12);
            assertThat(count(p, "Product")).isEqualTo(240);
            assertThat(count(p, "Order")).isEqualTo(2400);
            assertThat(count(p, "OrderLine")).isGreaterThan(3000);
            assertThat(count(p, "Review")).isEqualTo(1500);

            JsonNode product = find(p, "Product", "{\"where\":{\"id\":1},\"include\":{\"categories\":true}}").get(0);
            assertThat(product.get("price").asText()).matches("\\d+\\.\\d\\d");
            assertThat(product.get("categories")).isNotEmpty();
            assertThat(count(p, "Customer")).isGreaterThan(0);
            JsonNode referred = find(p, "Customer", "{\"where\":{\"referrerId\":{\"not\":null}},\"take\":1,\"include\":{\"referrer\":true}}").get(0);
            assertThat(referred.get("referrer").get("id").asInt()).isLessThan(referred.get("id").asInt());
            JsonNode loyal = find(p, "Customer", "{\"orderBy\":{\"points\":\"desc\"},\"take\":1}").get(0);
            assertThat(Long.parseLong(loyal.get("points").asText())).isGreaterThan(Integer.MAX_VALUE);
            JsonNode withAttributes = find(p, "Product", "{\"where\":{\"attributes\":{\"not\":null}},\"take\":1}").get(0);
            assertThat(withAttributes.get("attributes").has("colour")).isTrue();
            JsonNode order = find(p, "Order", "{\"where\":{\"id\":1},\"include\":{\"lines\":true,\"customer\":true}}").get(0);
            assertThat(order.get("lines")).isNotEmpty();
            assertThat(order.get("number").asText()).startsWith("ORD-");
        }
    }

    @Test
    void theSameSeedGivesTheSameRows() throws Exception {
        String first = snapshot(dir.resolve("a"));
        String second = snapshot(dir.resolve("b"));
        assertThat(first).isEqualTo(second);
    }

    private String snapshot(Path root) throws Exception {
        DemoFixture fixture = new DemoFixture(root);
        try (Project p = fixture.opener().open(new OpenRequest.Demo(), m -> { })) {
            return find(p, "Customer", "{\"orderBy\":{\"id\":\"asc\"},\"include\":{\"address\":true,\"orders\":{\"include\":{\"lines\":true}}}}")
                    .toString() + find(p, "Review", "{\"orderBy\":{\"id\":\"asc\"}}");
        }
    }

    @Test
    void anInterruptedSeedIsRedoneAndAnOutdatedSchemaReplaced() throws Exception {
        DemoFixture fixture = new DemoFixture(dir);
        DemoWorkspace w = fixture.workspace();
        assertThat(w.prepare()).isTrue();
        fixture.opener().open(new OpenRequest.Demo(), m -> { }).close();
        assertThat(w.prepare()).as("seeded: kept").isFalse();

        java.nio.file.Files.delete(w.folder().resolve(".seeded"));
        assertThat(w.prepare()).as("no marker: made afresh").isTrue();
        fixture.opener().open(new OpenRequest.Demo(), m -> { }).close();

        fixture.editSchema(s -> s + "\n// edited\n");
        assertThat(w.prepare()).as("another schema: replaced, database made afresh").isTrue();
        assertThat(java.nio.file.Files.readString(w.schemaFile())).isEqualTo(DemoFixture.demoSchemaText());
    }
}
