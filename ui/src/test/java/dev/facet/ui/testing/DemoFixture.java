package dev.facet.ui.testing;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.demo.DemoWorkspace;
import dev.facet.ui.project.DatabaseConnector;
import dev.facet.ui.project.ProjectLoader;
import dev.facet.ui.project.DataAccessConnector;
import dev.facet.ui.project.StandardProjectOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real opening path (schema loader, URL resolver, SQL connector, push, seeder) over a demo folder in a
 * temporary directory, with the small seed so tests stay quick.
 */
public final class DemoFixture {
    /** The bundled demo schema, read from the repository (tests run in ui/). */
    public static final Path DEMO_SCHEMA = Path.of("..", "resources", "demo", "schema.prisma");

    /** Row counts of the small seed. */
    public static final Map<String, Long> SMALL_COUNTS = Map.of("Customer", 40L, "Category", 12L, "Product", 20L, "Order", 60L, "Review", 30L);

    private final Path folder;
    private final DemoWorkspace workspace;
    private final ProjectLoader loader;
    private final StandardProjectOpener opener;

    /** @param root a temporary folder; the demo goes in {@code root/demo} */
    public DemoFixture(Path root) { this(root, new DataAccessConnector()); }

    /** @param connector opens databases (tests substitute failing ones) */
    public DemoFixture(Path root, DatabaseConnector connector) {
        this.folder = root.resolve("demo");
        this.workspace = new DemoWorkspace(folder, demoSchemaText());
        // An empty environment and the temp folder as working directory: nothing from the machine leaks in.
        this.loader = new ProjectLoader(connector, new ConnectionUrlResolver(Map.of(), root));
        this.opener = new StandardProjectOpener(loader, workspace, new DemoSeeder(DemoSeeder.Size.SMALL, 7));
    }

    /** @return the bundled demo schema's text */
    public static String demoSchemaText() {
        try {
            return Files.readString(DEMO_SCHEMA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path folder() { return folder; }

    public DemoWorkspace workspace() { return workspace; }

    public ProjectLoader loader() { return loader; }

    public StandardProjectOpener opener() { return opener; }

    /** Rewrites the demo's schema file (a migration, an edit). */
    public void editSchema(java.util.function.UnaryOperator<String> edit) throws IOException {
        Path schema = workspace.schemaFile();
        Files.writeString(schema, edit.apply(Files.readString(schema, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
