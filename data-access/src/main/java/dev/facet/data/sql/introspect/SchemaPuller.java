package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code facet pull}: reads a database's catalog and writes the Prisma schema {@code prisma db pull} writes. */
public final class SchemaPuller {
    private SchemaPuller() {}

    /**
     * @return the database's catalog in the neutral model
     * @throws IntrospectionException when the catalog cannot be read
     */
    public static DatabaseCatalog catalog(SqlDatabase db) {
        try (Connection c = db.dataSource().getConnection()) {
            return CatalogReader.of(db).read(db, c);
        } catch (SQLException e) {
            throw new IntrospectionException("Could not read the database's catalog: " + e.getMessage(), e);
        }
    }

    /**
     * @return the formatted Prisma schema for the database
     * @throws IntrospectionException when the catalog cannot be read
     */
    public static String pull(SqlDatabase db) { return SchemaWriter.write(catalog(db)); }
}
