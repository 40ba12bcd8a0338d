package dev.facet.data;

import dev.facet.data.error.OpenError;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.ddl.DatabaseCreator;
import dev.facet.data.sql.ddl.SchemaPushException;
import dev.facet.schema.model.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * "Create it and push the schema": for a schema whose database does not exist yet (P1003), or exists without a single
 * table, what {@code facet push} would create there, to show the user before doing it. Only SQL databases are offered
 * this; a MongoDB database comes into being with its first collection.
 */
public final class SchemaCreation {
    private SchemaCreation() {}

    /**
     * What would be created; {@link #toString()} never shows the URL.
     */
    public static final class Offer {
        private final Schema schema;
        private final String url;
        private final Path schemaFolder;
        private final DatabaseCreator.Plan plan;

        private Offer(Schema schema, String url, Path schemaFolder, DatabaseCreator.Plan plan) {
            this.schema = schema;
            this.url = url;
            this.schemaFolder = schemaFolder;
            this.plan = plan;
        }

        /** @return the database, as Prisma describes it ({@code PostgreSQL database "shop", schema "public" at "host:5432"}) */
        public String target() { return plan.target(); }

        /** @return whether the database (or SQLite file) does not exist and would be created first */
        public boolean databaseMissing() { return plan.databaseMissing(); }

        /** @return every statement that would run, in order, each ending in {@code ;} */
        public List<String> statements() { return plan.statements(); }

        /** @return how many tables would be created (implicit many-to-many tables included) */
        public long tableCount() { return plan.statements().stream().filter(s -> s.startsWith("CREATE TABLE")).count(); }

        @Override
        public String toString() { return "Offer[" + target() + (databaseMissing() ? ", missing" : ", empty") + "]"; }
    }

    /**
     * Looks at the database, changing nothing.
     *
     * @param schema       a valid schema
     * @param url          the connection URL, unmasked
     * @param schemaFolder the folder relative SQLite paths resolve against
     * @return the offer when the database is missing or has no table; empty when it has tables, cannot be reached for
     *         another reason, or is not a SQL database
     */
    public static Optional<Offer> offer(Schema schema, String url, Path schemaFolder) {
        if (schema.provider().isEmpty()) return Optional.empty();
        try {
            // A MongoDB URL is not one the SQL connector parses: nothing is offered.
            return DatabaseCreator.plan(schema, DatabaseUrl.parse(url, schemaFolder)).map(p -> new Offer(schema, url, schemaFolder, p));
        } catch (DatabaseConnectionException e) {
            return Optional.empty();
        }
    }

    /**
     * Creates the database if it is missing, then pushes the schema.
     *
     * @return what was created, e.g. {@code Created 5 tables, 3 indexes, 2 foreign keys in 120 ms}
     * @throws OpenError of kind CONNECTION when the server cannot be reached, SETUP when creating fails
     */
    public static String create(Offer offer) {
        try {
            return DatabaseCreator.create(offer.schema, DatabaseUrl.parse(offer.url, offer.schemaFolder), offer.plan).summary();
        } catch (DatabaseConnectionException e) {
            throw new OpenError(OpenError.Kind.CONNECTION, e.prismaCode(), e.getMessage(), e);
        } catch (SchemaPushException e) {
            throw new OpenError(OpenError.Kind.SETUP, null, e.getMessage(), e);
        }
    }
}
