package dev.facet.data.testdb;

import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import java.nio.file.Path;

/**
 * One database made for a test: empty when handed out, dropped after the test class.
 *
 * @param kind          which database
 * @param name          the database name (the file name for SQLite)
 * @param url           its Prisma-style URL, password included
 * @param baseDirectory the folder a schema for it would live in (relative SQLite paths resolve against it)
 * @param owner         the extension that made it and closes what is opened from it
 */
public record TestDatabase(DbKind kind, String name, String url, Path baseDirectory, TestDatabases owner) {
    /** @return the parsed URL */
    public DatabaseUrl parsedUrl() { return DatabaseUrl.parse(url, baseDirectory); }

    /** @return an open pool on this database, closed by the extension after the test class */
    public SqlDatabase open() { return owner.track(SqlDatabase.open(kind.provider(), parsedUrl(), true)); }

    @Override
    public String toString() { return kind + ":" + name; }
}
