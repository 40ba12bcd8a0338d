package dev.facet.app;

import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.PushResult;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.UrlSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet push --schema S [--url U]}: creates the schema's tables in a database that does not have them yet,
 * as {@code prisma db push} would on an empty database. Exit status 0 on success, 1 for schema errors, connection
 * problems or tables that already exist, 2 when the schema cannot be read.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Create the schema's tables in a database that does not have them yet.")
final class PushCommand implements Callable<Integer> {
    @Option(names = "--schema", required = true, paramLabel = "S", description = "A .prisma file or a folder of them.")
    Path schemaPath;

    @Option(names = "--url", paramLabel = "U", description = "The database URL; default: the datasource's url.")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult loaded;
        try {
            loaded = SchemaLoader.load(schemaPath);
        } catch (IOException e) {
            err.println("error: Could not read " + schemaPath + ": " + e.getMessage());
            return 2;
        }
        if (!loaded.diagnostics().isEmpty()) err.print(new DiagnosticRenderer(false).render(loaded.diagnostics()));
        if (loaded.hasErrors()) return 1;
        Schema schema = loaded.schema().orElseThrow();
        Datasource datasource = schema.datasource().orElse(null);
        if (datasource == null) {
            err.println("error: The schema has no datasource block: facet push needs its provider.");
            return 1;
        }
        String urlText;
        try {
            urlText = resolveUrl(url, datasource, System::getenv);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        Path schemaFolder = Files.isDirectory(schemaPath) ? schemaPath : schemaPath.toAbsolutePath().getParent();
        try (SqlDatabase db = SqlDatabase.open(datasource.provider(), DatabaseUrl.parse(urlText, schemaFolder), true)) {
            out.println("Datasource \"" + datasource.name() + "\": " + db.describe());
            PushResult result = SchemaPusher.push(schema, db);
            out.println(result.summary());
            return 0;
        } catch (DatabaseConnectionException e) {
            err.println("error: " + e.describe());
            return 1;
        } catch (SchemaPushException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * The URL to connect to: {@code --url}, else the datasource's {@code url} literal, else its {@code env("X")}.
     * Deliberately small and in one place, so a fuller resolver ({@code .env} files, {@code prisma.config.ts}) can
     * take its place.
     *
     * @throws IllegalArgumentException with a one-line message when there is no URL
     */
    static String resolveUrl(String option, Datasource datasource, UnaryOperator<String> environment) {
        if (option != null && !option.isBlank()) return option;
        UrlSetting setting = datasource.url();
        if (setting == null) {
            throw new IllegalArgumentException("No database URL: pass --url (Prisma 7 keeps the URL in prisma.config.ts, "
                    + "which Facet does not read).");
        }
        if (!setting.fromEnv()) return setting.literal();
        String value = environment.apply(setting.envVar());
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Environment variable not found: " + setting.envVar() + ". Set it or pass --url.");
        }
        return value;
    }
}
