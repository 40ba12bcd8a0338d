/**
 * Connections: Prisma-style database URLs ({@link dev.facet.data.sql.connect.DatabaseUrl}) and HikariCP pools over
 * the PostgreSQL, MySQL/MariaDB and SQLite JDBC drivers ({@link dev.facet.data.sql.connect.SqlDatabase}), with
 * failures reported as Prisma reports them (P1000, P1001, P1003, ...) and never showing a password.
 */
package dev.facet.data.sql.connect;
