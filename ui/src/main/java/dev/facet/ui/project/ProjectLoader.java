package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.SchemaSources;
import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.schema.config.UrlRedactor;
import dev.facet.schema.config.UrlResolution;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.UrlSetting;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a schema path (and maybe a URL) into an open {@link Project}: reads and validates the schema, finds the
 * URL as Prisma does, and connects through a {@link DatabaseConnector}. Every failure becomes an
 * {@link OpenFailure} with a message for the user. Runs on a background thread.
 */
public final class ProjectLoader {
    private final DatabaseConnector connector;
    private final ConnectionUrlResolver resolver;

    /**
     * @param connector opens databases
     * @param resolver  finds URLs in the schema, {@code .env} and {@code prisma.config.ts}
     */
    public ProjectLoader(DatabaseConnector connector, ConnectionUrlResolver resolver) {
        this.connector = connector;
        this.resolver = resolver;
    }

    /**
     * What a schema path holds, without connecting: for the Open dialog.
     *
     * @param schemaPath  the absolute schema file or folder
     * @param schema      the valid schema, if it is one
     * @param problem     why the path cannot be read, or null
     * @param diagnostics the schema's diagnostics rendered as Prisma prints them (plain), empty when there are none
     * @param errorCount  how many of them are errors
     * @param url         the URL found for it, or where Facet looked
     */
    public record Inspection(Path schemaPath, Optional<Schema> schema, String problem, String diagnostics, int errorCount,
                             UrlResolution url) {
        /** @return whether the schema can be opened (read, and without errors) */
        public boolean valid() { return problem == null && schema.isPresent(); }
    }

    /** Reads and validates a schema and finds its URL; never throws. */
    public Inspection inspect(Path schemaPath) {
        Path path = schemaPath.toAbsolutePath().normalize();
        LoadResult result;
        try {
            result = SchemaLoader.load(readNamedForDisplay(path));
        } catch (NoSuchFileException e) {
            return new Inspection(path, Optional.empty(), path + " does not exist", "", 0, resolver.resolve(null, path, null));
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Inspection(path, Optional.empty(), "Can't read " + path + ": " + why, "", 0, resolver.resolve(null, path, null));
        }
        String rendered = new DiagnosticRenderer(false).render(result.diagnostics());
        // With errors there is no model to read the datasource from; a prisma.config.ts may still give the URL.
        UrlSetting setting = result.schema().flatMap(Schema::datasource).map(Datasource::url).orElse(null);
        return new Inspection(path, result.schema(), null, rendered, result.errors().size(), resolver.resolve(null, path, setting));
    }

    /**
     * Opens a project.
     *
     * @param schemaPath  the schema file or folder
     * @param explicitUrl the URL to use, unmasked; null to find it
     * @param create      whether a missing SQLite database is created with the schema's tables
     * @return the open project
     * @throws OpenFailure when the schema cannot be read or is invalid, no URL is found, or connecting fails
     */
    public Project open(Path schemaPath, String explicitUrl, boolean create) throws OpenFailure {
        Inspection inspection = inspect(schemaPath);
        Path path = inspection.schemaPath();
        if (inspection.problem() != null) throw new OpenFailure(OpenFailure.Kind.UNREADABLE, null, inspection.problem(), null);
        if (inspection.schema().isEmpty()) {
            int n = inspection.errorCount();
            throw new OpenFailure(OpenFailure.Kind.INVALID_SCHEMA, null,
                    "The schema at " + path + " has " + n + (n == 1 ? " error" : " errors"), inspection.diagnostics());
        }
        String url = explicitUrl;
        if (url == null || url.isBlank()) {
            url = switch (inspection.url()) {
                case UrlResolution.Resolved r -> r.url();
                case UrlResolution.Failed f -> throw new OpenFailure(OpenFailure.Kind.NO_URL, null, f.message(), null);
            };
        }
        Schema schema = inspection.schema().get();
        QueryEngine engine;
        try {
            engine = connector.connect(schema, baseDirectory(path), url, create);
        } catch (OpenFailure f) {
            if (!"P1003".equals(f.code())) throw f;
            // A database that does not exist yet: offer to create it, in the same words.
            var offer = connector.offerCreation(schema, baseDirectory(path), url);
            throw offer.isEmpty() ? f : new OpenFailure(f.code(), f.getMessage(), offer.get());
        }
        DriftCheck.Checked checked = DriftCheck.run(connector, schema, engine, filesOrNull(path), baseDirectory(path), url);
        if (everyTableMissing(schema, checked.drift())) {
            var offer = connector.offerCreation(schema, baseDirectory(path), url);
            if (offer.isPresent()) {
                checked.engine().close();
                throw new OpenFailure(null, "The " + offer.get().target() + " has no tables yet.", offer.get());
            }
        }
        return new Project(path, checked.schema(), checked.engine(), UrlRedactor.redact(url), checked.drift());
    }

    /**
     * Creates the database of an offer the user confirmed and pushes the schema ({@code facet push}); the project is then
     * opened as any other. Runs on a background thread.
     *
     * @return what was created, in one line
     * @throws OpenFailure when it cannot be created
     */
    public String create(dev.facet.data.SchemaCreation.Offer offer) throws OpenFailure { return connector.create(offer); }

    /**
     * File › Open Database: writes the database's Prisma schema ({@code facet pull}) into a new folder, to be opened
     * with {@code url} like any schema and saved elsewhere by the user. Runs on a background thread.
     *
     * @param url    the database URL; a relative SQLite path resolves against the working directory
     * @param folder where the schema file goes (created if needed)
     * @return the schema file written
     * @throws OpenFailure when the database cannot be read, or the file not written
     */
    public Path pull(String url, Path folder) throws OpenFailure {
        String text = connector.pull(url);
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve("schema.prisma"), text);
        } catch (IOException e) {
            throw new OpenFailure(OpenFailure.Kind.UNREADABLE, null, "Could not write the pulled schema in " + folder + ": " + e.getMessage(), null);
        }
    }

    /** Whether no model has its table: the database is empty, or another one (then no offer is made). */
    private static boolean everyTableMissing(Schema schema, ProjectDrift drift) {
        if (drift.drift() == null) return false;
        long models = schema.models().stream().filter(m -> !m.view() && !m.ignored()).count();
        long missing = drift.drift().models().stream().filter(dev.facet.data.drift.SchemaDrift.ModelDrift::tableMissing).count();
        return models > 0 && missing >= models;
    }

    /** The schema's files as it was loaded from them, for {@link DriftCheck}; null if they cannot be read again. */
    private static List<SourceFile> filesOrNull(Path path) {
        try {
            return readNamedForDisplay(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return the folder relative SQLite paths resolve against: the schema file's folder, or the schema folder */
    public static Path baseDirectory(Path schemaPath) {
        Path parent = schemaPath.getParent();
        return Files.isDirectory(schemaPath) || parent == null ? schemaPath : parent;
    }

    /**
     * Names each file relative to the schema's folder, so diagnostics read {@code schema.prisma:12} as Prisma
     * prints them rather than a long absolute path.
     */
    private static List<SourceFile> readNamedForDisplay(Path path) throws IOException {
        Path base = baseDirectory(path);
        List<SourceFile> named = new ArrayList<>();
        for (SourceFile f : SchemaSources.read(path)) {
            Path p = Path.of(f.name());
            String name = p.startsWith(base) ? base.relativize(p).toString() : f.name();
            named.add(new SourceFile(name, f.text()));
        }
        return named;
    }
}
