package dev.facet.data.sql.ddl;

import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.DdlDialect.DdlStatement;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code facet push}: creates a schema's tables in a database that does not have them yet, as Prisma's schema
 * engine would ({@code prisma db push} on an empty database): the same table and column names, column types,
 * defaults, primary keys, unique constraints and indexes with Prisma's names, foreign keys with their referential
 * actions, implicit many-to-many tables and, on PostgreSQL, enum types and schemas.
 *
 * <p>It never alters or drops anything that exists: if any table (or enum type) it would create is already there, it
 * stops before creating anything and says which ({@link TablesAlreadyExistException}). On PostgreSQL and SQLite
 * everything runs in one transaction; MySQL cannot roll DDL back, so a failure there drops the tables the push
 * created.
 */
public final class SchemaPusher {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaPusher.class);

    private SchemaPusher() {}

    /**
     * Pushes a schema to an open database.
     *
     * @param schema   a valid schema whose provider matches the database
     * @param database where to create the tables (PostgreSQL: in the URL's {@code ?schema=} unless {@code @@schema}
     *                 says otherwise)
     * @return what was created
     * @throws TablesAlreadyExistException when a table it would create exists
     * @throws SchemaPushException         when the schema cannot be pushed or a statement fails
     */
    public static PushResult push(Schema schema, SqlDatabase database) {
        return push(schema, database.dataSource(), database.provider(), database.defaultSchema());
    }

    /**
     * Pushes a schema through a data source.
     *
     * @param schema        a valid schema
     * @param dataSource    connections to the database
     * @param provider      which database it is ({@code cockroachdb} for CockroachDB)
     * @param defaultSchema PostgreSQL schema for tables without {@code @@schema}; ignored by MySQL and SQLite
     * @return what was created
     * @throws TablesAlreadyExistException when a table it would create exists
     * @throws SchemaPushException         when the schema cannot be pushed or a statement fails
     */
    public static PushResult push(Schema schema, DataSource dataSource, Provider provider, String defaultSchema) {
        long start = System.nanoTime();
        DdlDialect dialect = dialectFor(schema, provider);
        DdlPlan plan = DdlPlanner.plan(schema, dialect, defaultSchema);
        List<DdlStatement> statements = dialect.render(plan);
        List<String> executed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            boolean transactional = dialect.transactionalDdl();
            boolean autoCommit = c.getAutoCommit();
            if (transactional) c.setAutoCommit(false);
            List<DdlPlan.Table> created = new ArrayList<>();
            try {
                List<String> existing = dialect.existing(c, plan);
                if (!existing.isEmpty()) throw new TablesAlreadyExistException(existing);
                List<DdlStatement> all = new ArrayList<>(dialect.missingSchemas(c, plan));
                all.addAll(statements);
                try (Statement s = c.createStatement()) {
                    for (DdlStatement st : all) {
                        run(s, st.sql());
                        executed.add(st.sql());
                        if (st.createsTable() != null) created.add(st.createsTable());
                    }
                }
                if (transactional) c.commit();
            } catch (SQLException | RuntimeException e) {
                undo(c, dialect, transactional, created);
                throw e instanceof SQLException sql ? new SchemaPushException("Could not push the schema: " + sql.getMessage(), sql)
                        : (RuntimeException) e;
            } finally {
                if (transactional) c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new SchemaPushException("Could not push the schema: " + e.getMessage(), e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        PushResult result = new PushResult(plan.tables().size(), plan.indexCount(), plan.foreignKeyCount(), plan.enums().size(),
                executed, elapsed);
        LOG.debug("{}", result.summary());
        return result;
    }

    /**
     * The DDL a push would run on an empty database, for reading and comparing, each statement ending in {@code ;}.
     * PostgreSQL scripts start with {@code CREATE SCHEMA IF NOT EXISTS} for every schema used.
     *
     * @param schema        a valid schema
     * @param provider      which database
     * @param defaultSchema PostgreSQL schema for tables without {@code @@schema}; ignored elsewhere
     * @return the statements in order
     */
    public static List<String> script(Schema schema, Provider provider, String defaultSchema) {
        DdlDialect dialect = dialectFor(schema, provider);
        DdlPlan plan = DdlPlanner.plan(schema, dialect, defaultSchema);
        List<String> out = new ArrayList<>();
        for (String s : dialect.createSchemas(plan)) out.add(s + ";");
        for (DdlStatement s : dialect.render(plan)) out.add(s.sql() + ";");
        return out;
    }

    private static DdlDialect dialectFor(Schema schema, Provider provider) {
        Provider declared = schema.provider().orElse(provider);
        boolean compatible = declared == provider
                || (declared == Provider.POSTGRESQL && provider == Provider.COCKROACHDB)
                || (declared == Provider.COCKROACHDB && provider == Provider.POSTGRESQL);
        if (!compatible) {
            throw new SchemaPushException("The schema's datasource provider is " + declared.id() + " but the database is "
                    + provider.id());
        }
        // The schema's provider decides the types: a cockroachdb schema gets CockroachDB's even over the PostgreSQL driver.
        return DdlDialect.of(declared);
    }

    private static void run(Statement s, String sql) {
        try {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SchemaPushException("Statement failed: " + firstLine(sql) + ": " + e.getMessage(), e);
        }
    }

    private static void undo(Connection c, DdlDialect dialect, boolean transactional, List<DdlPlan.Table> created) {
        try {
            if (transactional) c.rollback();
            else dialect.dropCreated(c, created);
        } catch (SQLException e) {
            LOG.warn("Could not undo a failed push: {}", e.getMessage());
        }
    }

    private static String firstLine(String sql) {
        int nl = sql.indexOf('\n');
        return nl < 0 ? sql : sql.substring(0, nl) + " ...";
    }
}
