package dev.facet.data.sql;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.schema.model.Schema;

/**
 * A {@link QueryEngine} over an open {@link SqlDatabase}, for callers outside the SQL connector (the UI, the CLI),
 * which must not handle JDBC types such as the pool's {@code DataSource} themselves.
 */
public final class SqlEngines {
    private SqlEngines() {}

    /**
     * @param schema   the schema requests are checked against; its provider must match the database
     * @param database the open database; closing the engine closes it
     * @return the engine
     */
    public static QueryEngine open(Schema schema, SqlDatabase database) {
        return new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), database, null));
    }
}
