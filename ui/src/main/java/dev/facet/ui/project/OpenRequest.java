package dev.facet.ui.project;

import java.nio.file.Path;
import java.util.Objects;

/** What to open: the bundled demo, or a schema with an optional explicit URL. */
public sealed interface OpenRequest {
    /** @return whether the project opens read-only whatever was remembered for it ({@code --read-only}) */
    boolean readOnly();

    /**
     * The demo shop, created and seeded in the user's data folder on first use.
     *
     * @param readOnly opened read-only ({@code facet --read-only})
     */
    record Demo(boolean readOnly) implements OpenRequest {
        public Demo() { this(false); }
    }

    /**
     * A schema file or folder.
     *
     * @param schemaPath     the schema file, or the folder of a multi-file schema
     * @param url            an explicit connection URL, unmasked; null to find it as Prisma does
     * @param readOnly       opened read-only whatever was remembered ({@code --read-only}); not remembered itself
     * @param allowNonAtomic on a database without transactions (a standalone MongoDB server), write changes that touch
     *                       several records one after another instead of refusing them ({@code --allow-non-atomic})
     */
    record Schema(Path schemaPath, String url, boolean readOnly, boolean allowNonAtomic) implements OpenRequest {
        public Schema {
            Objects.requireNonNull(schemaPath, "schemaPath");
            if (url != null && url.isBlank()) url = null;
        }

        /** A schema opened as remembered (read-only or not), with transactions required (the default). */
        public Schema(Path schemaPath, String url) { this(schemaPath, url, false, false); }

        @Override
        public String toString() {
            return "Schema[" + schemaPath + (url == null ? "" : ", url given") + (readOnly ? ", read-only" : "")
                    + (allowNonAtomic ? ", non-atomic writes allowed" : "") + "]";
        }
    }
}
