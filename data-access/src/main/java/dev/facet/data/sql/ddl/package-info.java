/**
 * {@code facet push}: creates a Prisma schema's tables, keys, indexes, foreign keys and enums in an empty database
 * with the DDL Prisma's schema engine would produce ({@link dev.facet.data.sql.ddl.SchemaPusher}).
 */
package dev.facet.data.sql.ddl;
