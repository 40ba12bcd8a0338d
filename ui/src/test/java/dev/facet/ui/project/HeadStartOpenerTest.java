package dev.facet.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.ui.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first project opened while the window starts: taken by the window's first open of it, on real SQLite files. */
class HeadStartOpenerTest {
    @TempDir
    Path dir;

    private final List<OpenRequest> opened = new CopyOnWriteArrayList<>();

    /** Opens SQLite schemas for real, remembering each request and saying one progress message. */
    private ProjectOpener opener() {
        ProjectLoader loader = new ProjectLoader(new DataAccessConnector(), new ConnectionUrlResolver(Map.of(), dir));
        return (request, progress) -> {
            opened.add(request);
            progress.accept("Opening " + request);
            return loader.open(((OpenRequest.Schema) request).schemaPath(), null, true);
        };
    }

    private OpenRequest.Schema schema(String name) throws Exception {
        Path file = TestFiles.write(dir, name + "/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./" + name
                + ".db\"\n}\nmodel Item {\n  id Int @id\n}\n");
        return new OpenRequest.Schema(file, null);
    }

    @Test
    void theWindowsFirstOpenOfTheSameRequestTakesTheProjectOpenedAhead() throws Exception {
        OpenRequest.Schema shop = schema("shop");
        HeadStartOpener headStart = new HeadStartOpener(opener(), shop);
        List<String> progress = new CopyOnWriteArrayList<>();

        Project p = headStart.open(new OpenRequest.Schema(shop.schemaPath(), null), progress::add);
        try {
            assertThat(p.schemaPath()).isEqualTo(shop.schemaPath());
            assertThat(opened).containsExactly(shop);
            assertThat(progress).containsExactly("Opening " + shop);
        } finally {
            p.close();
        }
        // A second open of it (a reload) opens afresh.
        Project again = headStart.open(shop, m -> { });
        again.close();
        assertThat(opened).containsExactly(shop, shop);
    }

    @Test
    void anotherRequestFirstIsOpenedAsUsual() throws Exception {
        OpenRequest.Schema shop = schema("shop");
        OpenRequest.Schema blog = schema("blog");
        HeadStartOpener headStart = new HeadStartOpener(opener(), shop);

        Project b = headStart.open(blog, m -> { });
        b.close();

        assertThat(b.schemaPath()).isEqualTo(blog.schemaPath());
        assertThat(opened).contains(blog);
        // The project opened ahead is nobody's now (it is closed): an open of it opens afresh.
        Project s = headStart.open(shop, m -> { });
        s.close();
        assertThat(s.schemaPath()).isEqualTo(shop.schemaPath());
    }

    @Test
    void aFailureOfTheOpenAheadReachesTheWindowAsItsOwn() throws Exception {
        OpenRequest.Schema missing = new OpenRequest.Schema(dir.resolve("none/schema.prisma"), null);
        HeadStartOpener headStart = new HeadStartOpener(opener(), missing);

        assertThatThrownBy(() -> headStart.open(missing, m -> { })).isInstanceOf(OpenFailure.class);
    }
}
