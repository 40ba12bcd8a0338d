package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An open project: the schema file or folder, the loaded schema, and the engine that reads and
 * writes its database.
 *
 * @param schemaPath the schema file or folder
 * @param schema     the loaded schema
 * @param engine     the query engine on the project's database
 * @param displayUrl the connection URL with its password masked, for titles and messages
 * @param drift      how the database differs from the schema, as found when it opened
 * @param readOnly   whether nothing may be written through the window (a production database)
 */
public record Project(Path schemaPath, Schema schema, QueryEngine engine, String displayUrl, ProjectDrift drift, boolean readOnly)
        implements AutoCloseable {
    public Project {
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(engine, "engine");
        if (drift == null) drift = ProjectDrift.NONE;
    }

    /** A project whose database was not compared with its schema, open for writing. */
    public Project(Path schemaPath, Schema schema, QueryEngine engine, String displayUrl) {
        this(schemaPath, schema, engine, displayUrl, ProjectDrift.NONE, false);
    }

    /** A project open for writing, with the drift found when it opened. */
    public Project(Path schemaPath, Schema schema, QueryEngine engine, String displayUrl, ProjectDrift drift) {
        this(schemaPath, schema, engine, displayUrl, drift, false);
    }

    /** @return the same project (the same engine: closing either closes both) opened read-only or not */
    public Project withReadOnly(boolean on) {
        return on == readOnly ? this : new Project(schemaPath, schema, engine, displayUrl, drift, on);
    }

    /** @return the name shown in the window title: the schema file or folder name */
    public String displayName() {
        Path name = schemaPath.getFileName();
        return name == null ? schemaPath.toString() : name.toString();
    }

    @Override
    public void close() { engine.close(); }
}
