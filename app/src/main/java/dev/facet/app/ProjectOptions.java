package dev.facet.app;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.schema.config.UrlResolution;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Schema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --schema S [--url U]}, shared by the commands that open a database: loads the schema
 * (printing its diagnostics) and finds the URL as Prisma does (see {@link ConnectionUrlResolver}).
 */
final class ProjectOptions {
    @Option(names = "--schema", required = true, paramLabel = "S", description = "A .prisma file or a folder of them.")
    Path schemaPath;

    @Option(names = "--url", paramLabel = "U",
            description = "The database URL; default: the datasource's url, from the environment, .env or prisma.config.ts.")
    String url;

    /** What was opened: the schema and its URL. */
    record Opened(Schema schema, Datasource datasource, String url, Path schemaFolder) {}

    /** A problem already reported to the user, with the exit status to return. */
    static final class Failure extends Exception {
        final int exitCode;

        Failure(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }
    }

    /**
     * Loads the schema and resolves the URL, printing diagnostics and problems to {@code err}.
     *
     * @throws Failure after printing, with 2 for an unreadable schema and 1 for anything else
     */
    Opened open(PrintWriter err) throws Failure {
        LoadResult loaded;
        try {
            loaded = SchemaLoader.load(schemaPath);
        } catch (IOException e) {
            err.println("error: Could not read " + schemaPath + ": " + e.getMessage());
            throw new Failure(2);
        }
        if (!loaded.diagnostics().isEmpty()) err.print(new DiagnosticRenderer(false).render(loaded.diagnostics()));
        if (loaded.hasErrors()) throw new Failure(1);
        Schema schema = loaded.schema().orElseThrow();
        Datasource datasource = schema.datasource().orElse(null);
        if (datasource == null) {
            err.println("error: The schema has no datasource block, so Facet does not know which database it describes.");
            throw new Failure(1);
        }
        UrlResolution resolution = ConnectionUrlResolver.forCurrentProcess().resolve(url, schemaPath, datasource.url());
        String resolved = switch (resolution) {
            case UrlResolution.Resolved r -> r.url();
            case UrlResolution.Failed f -> {
                err.println("error: " + f.message());
                throw new Failure(1);
            }
        };
        Path folder = Files.isDirectory(schemaPath) ? schemaPath : schemaPath.toAbsolutePath().getParent();
        return new Opened(schema, datasource, resolved, folder);
    }
}
