package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** {@code facet pull}: reads a database's catalog and writes the Prisma schema {@code prisma db pull} writes. */
public final class SchemaPuller {
    private SchemaPuller() {}

    /** @return the database's catalog in the neutral model */
    public static DatabaseCatalog catalog(SqlDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return CatalogReader.of(db).read(db, c);
        }
    }

    /** @return the formatted Prisma schema for the database */
    public static String pull(SqlDatabase db) throws SQLException { return SchemaWriter.write(catalog(db)); }
}
