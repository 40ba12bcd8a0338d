package dev.facet.ui.settings;

import java.util.Objects;

/**
 * A project opened before. It never holds a password: {@code url} is null when the URL came from the schema,
 * {@code .env} or {@code prisma.config.ts} (found again the same way), else the URL the user typed with its
 * password masked.
 *
 * @param schemaPath the absolute schema file or folder
 * @param url        the typed URL with {@code ****} for its password, or null
 * @param database   a short name for the database ({@code demo.db}, {@code shop on db.example.com}), or null
 */
public record RecentProject(String schemaPath, String url, String database) {
    public RecentProject {
        Objects.requireNonNull(schemaPath, "schemaPath");
    }
}
