package dev.facet.ui.project;

import java.nio.file.Path;
import java.util.Objects;

/** What to open: the bundled demo, or a schema with an optional explicit URL. */
public sealed interface OpenRequest {
    /** The demo shop, created and seeded in the user's data folder on first use. */
    record Demo() implements OpenRequest {}

    /**
     * A schema file or folder.
     *
     * @param schemaPath     the schema file, or the folder of a multi-file schema
     * @param url            an explicit connection URL, unmasked; null to find it as Prisma does
     * @param allowNonAtomic on a database without transactions (a standalone MongoDB server), write changes that touch
     *                       several records one after another instead of refusing them ({@code --allow-non-atomic})
     */
    record Schema(Path schemaPath, String url, boolean allowNonAtomic) implements OpenRequest {
        public Schema {
            Objects.requireNonNull(schemaPath, "schemaPath");
            if (url != null && url.isBlank()) url = null;
        }

        /** A schema opened with transactions required (the default). */
        public Schema(Path schemaPath, String url) { this(schemaPath, url, false); }

        @Override
        public String toString() {
            return "Schema[" + schemaPath + (url == null ? "" : ", url given") + (allowNonAtomic ? ", non-atomic writes allowed" : "") + "]";
        }
    }
}
