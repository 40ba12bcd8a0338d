package dev.facet.ui.project;

import dev.facet.data.QueryEngine;
import dev.facet.data.SchemaCreation;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;

/**
 * Opens the database behind a schema. The UI never builds connections itself (it must not touch JDBC); the app
 * implements this over data-access's SQL connector, and tests over a SQLite file.
 */
@FunctionalInterface
public interface DatabaseConnector {
    /**
     * Connects; runs on a background thread.
     *
     * @param schema        a valid schema
     * @param baseDirectory the schema's folder: relative SQLite paths resolve against it, as in Prisma
     * @param url           the connection URL, unmasked
     * @param create        whether a missing SQLite file is created with the schema's tables (the demo's first start)
     * @return an engine over the database; the caller closes it
     * @throws OpenFailure with kind {@link OpenFailure.Kind#CONNECTION} and Prisma's code when it cannot connect
     */
    QueryEngine connect(Schema schema, Path baseDirectory, String url, boolean create) throws OpenFailure;

    /**
     * Whether the database is missing or has no table, and what {@code facet push} would create there; runs on a
     * background thread and changes nothing.
     *
     * @return the offer, or empty when there is nothing to offer (the default: a connector that cannot create)
     */
    default java.util.Optional<SchemaCreation.Offer> offerCreation(Schema schema, Path baseDirectory, String url) {
        return java.util.Optional.empty();
    }

    /**
     * Creates the database of an offer the user confirmed, and pushes the schema; runs on a background thread.
     *
     * @return what was created, in one line
     * @throws OpenFailure when it cannot be created
     */
    default String create(SchemaCreation.Offer offer) throws OpenFailure {
        throw new OpenFailure(OpenFailure.Kind.SETUP, null, "Facet cannot create this database", null);
    }

    /**
     * Writes the Prisma schema of the database at {@code url} as {@code facet pull} does (File › Open Database); runs
     * on a background thread.
     *
     * @return the schema's text
     * @throws OpenFailure of kind CONNECTION, with Prisma's code (P1001, P4001 for a database without tables, ...)
     */
    default String pull(String url) throws OpenFailure {
        throw new OpenFailure(OpenFailure.Kind.CONNECTION, null, "Facet cannot read this database's catalog", null);
    }
}
