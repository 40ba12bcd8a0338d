package dev.facet.data.sql.introspect;

import dev.facet.data.sql.connect.SqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads one kind of database's catalog into the neutral {@link DatabaseCatalog}. */
public interface CatalogReader {
    /**
     * @param db         the database (its provider says which catalog to read)
     * @param connection an open connection to it
     * @return its tables, indexes, foreign keys and enums
     */
    DatabaseCatalog read(SqlDatabase db, Connection connection) throws SQLException;

    /** @return the reader for the database's provider */
    static CatalogReader of(SqlDatabase db) {
        return switch (db.provider()) {
            case SQLITE -> new SqliteCatalogReader();
            case POSTGRESQL, COCKROACHDB -> new PostgresCatalogReader();
            case MYSQL -> new MysqlCatalogReader();
            default -> throw new IllegalArgumentException("facet pull does not read " + db.provider().id() + " databases");
        };
    }
}
