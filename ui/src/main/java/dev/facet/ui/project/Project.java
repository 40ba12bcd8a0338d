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
 */
public record Project(Path schemaPath, Schema schema, QueryEngine engine, String displayUrl, ProjectDrift drift) implements AutoCloseable {
    public Project {
        Objects.requireNonNull(schemaPath, "schemaPath");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(engine, "engine");
        if (drift == null) drift = ProjectDrift.NONE;
    }

    /** A project whose database was not compared with its schema. */
    public Project(Path schemaPath, Schema schema, QueryEngine engine, String displayUrl) {
        this(schemaPath, schema, engine, displayUrl, ProjectDrift.NONE);
    }

    /** @return the name shown in the window title: the schema file or folder name */
    public String displayName() {
        Path name = schemaPath.getFileName();
        return name == null ? schemaPath.toString() : name.toString();
    }

    @Override
    public void close() { engine.close(); }
}
