package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.ConnectionErrorCode;
import dev.facet.data.sql.connect.DatabaseConnectionException;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.introspect.SchemaPuller;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sets up the database a schema names when it is not there yet: a database that does not exist (P1003) is created on
 * its server (through a connection to the server's default database, as Prisma's schema engine does), a SQLite file is
 * created, and then the schema is pushed ({@link SchemaPusher}); a database that exists but has no table gets the push
 * only. A database with tables is never touched.
 */
public final class DatabaseCreator {
    private DatabaseCreator() {}

    /**
     * What setting up would do, for the user to confirm.
     *
     * @param provider       the schema's provider
     * @param target         the database, as Prisma describes it ({@code PostgreSQL database "shop", schema "public" at
     *                       "localhost:5432"})
     * @param databaseMissing whether the database (or SQLite file) does not exist and is created first
     * @param statements     every statement that would run, in order, each ending in {@code ;} ({@code CREATE DATABASE}
     *                       first when the database is created)
     */
    public record Plan(Provider provider, String target, boolean databaseMissing, List<String> statements) {
        public Plan { statements = List.copyOf(statements); }
    }

    /**
     * Looks at the database without changing it.
     *
     * @param schema a valid schema of a SQL provider
     * @param url    the parsed URL
     * @return the plan, or empty when the database has tables (or cannot be reached for another reason than its absence)
     */
    public static Optional<Plan> plan(Schema schema, DatabaseUrl url) {
        Provider provider = schema.provider().orElseThrow();
        boolean missing;
        String target;
        try (SqlDatabase db = SqlDatabase.open(provider, url, false)) {
            target = db.describe();
            if (!SchemaPuller.catalog(db).tables().isEmpty()) return Optional.empty();
            missing = false;
        } catch (DatabaseConnectionException e) {
            if (e.code() != ConnectionErrorCode.DATABASE_DOES_NOT_EXIST) return Optional.empty();
            missing = true;
            target = SqlDatabase.describe(provider, url);
        }
        List<String> statements = new ArrayList<>();
        String create = createDatabase(url);
        if (missing && create != null) statements.add(create + ";");
        statements.addAll(SchemaPusher.script(schema, provider, SqlDatabase.defaultSchema(url)));
        return Optional.of(new Plan(provider, target, missing, statements));
    }

    /**
     * Creates the database when it is missing, then pushes the schema.
     *
     * @param schema the schema the plan was made for
     * @param url    the parsed URL
     * @param plan   what the user confirmed
     * @return what the push created
     * @throws DatabaseConnectionException when the server cannot be reached
     * @throws SchemaPushException         when the database cannot be created or the push fails (tables that appeared
     *                                     meanwhile: {@link TablesAlreadyExistException})
     */
    public static PushResult create(Schema schema, DatabaseUrl url, Plan plan) {
        Provider provider = schema.provider().orElseThrow();
        String create = createDatabase(url);
        if (plan.databaseMissing() && create != null) {
            // PostgreSQL's default database; MySQL needs none.
            DatabaseUrl server = url.withDatabase(url.scheme() == DatabaseUrl.Scheme.POSTGRESQL ? "postgres" : null);
            try (SqlDatabase admin = SqlDatabase.open(provider, server, false);
                 Connection c = admin.dataSource().getConnection();
                 Statement s = c.createStatement()) {
                s.execute(create);
            } catch (SQLException e) {
                throw new SchemaPushException("Could not create the database: " + e.getMessage(), e);
            }
        }
        try (SqlDatabase db = SqlDatabase.open(provider, url, true)) {
            return SchemaPusher.push(schema, db);
        }
    }

    /** @return Prisma's {@code CREATE DATABASE} for the URL's database, or null for SQLite (the file is the database) */
    static String createDatabase(DatabaseUrl url) {
        return switch (url.scheme()) {
            case POSTGRESQL -> "CREATE DATABASE \"" + url.database().replace("\"", "\"\"") + "\"";
            case MYSQL -> "CREATE DATABASE `" + url.database().replace("`", "``") + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
            case SQLITE -> null;
        };
    }
}
