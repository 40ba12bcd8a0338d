package dev.facet.ui.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The demo's folder in the user's data folder: the bundled {@code schema.prisma}, its SQLite database
 * ({@code demo.db}, next to it as the schema's {@code file:./demo.db} says) and a marker written once the database
 * is fully seeded. A database without the marker (seeding was interrupted) or next to an outdated schema is
 * removed, so the next start makes it afresh.
 */
public final class DemoWorkspace {
    /** The schema's file name in the folder. */
    public static final String SCHEMA_FILE = "schema.prisma";
    /** The database file, as the bundled schema's URL names it. */
    public static final String DATABASE_FILE = "demo.db";
    private static final String SEEDED_MARKER = ".seeded";

    private final Path folder;
    private final String schemaText;

    /**
     * @param folder     where the demo lives ({@code ~/.local/share/facet/demo} on Linux)
     * @param schemaText the bundled schema
     */
    public DemoWorkspace(Path folder, String schemaText) {
        this.folder = folder;
        this.schemaText = schemaText;
    }

    /** @return the demo's folder */
    public Path folder() { return folder; }

    /** @return the schema file */
    public Path schemaFile() { return folder.resolve(SCHEMA_FILE); }

    /** @return the database file */
    public Path databaseFile() { return folder.resolve(DATABASE_FILE); }

    /**
     * Makes sure the folder holds the bundled schema, and removes a database that is half-seeded or belongs to
     * another version of the schema.
     *
     * @return whether the database must be created and seeded
     * @throws IOException when the folder cannot be written
     */
    public boolean prepare() throws IOException {
        Files.createDirectories(folder);
        Path schema = schemaFile();
        boolean current = Files.isRegularFile(schema) && Files.readString(schema, StandardCharsets.UTF_8).equals(schemaText);
        if (!current) {
            Files.writeString(schema, schemaText, StandardCharsets.UTF_8);
            discardDatabase();
        }
        if (!Files.exists(folder.resolve(SEEDED_MARKER))) discardDatabase();
        return !Files.exists(databaseFile());
    }

    /** Records that the database is complete. */
    public void markSeeded() throws IOException {
        Files.writeString(folder.resolve(SEEDED_MARKER), "seeded\n", StandardCharsets.UTF_8);
    }

    /** Removes the database (and SQLite's side files) and the marker. */
    public void discardDatabase() throws IOException {
        Files.deleteIfExists(folder.resolve(SEEDED_MARKER));
        for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) Files.deleteIfExists(folder.resolve(DATABASE_FILE + suffix));
    }
}
