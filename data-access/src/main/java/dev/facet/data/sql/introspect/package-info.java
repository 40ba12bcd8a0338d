/**
 * {@code facet pull}: reads a SQL database's catalog (one {@link dev.facet.data.sql.introspect.CatalogReader} per
 * database) into a neutral {@link dev.facet.data.sql.introspect.DatabaseCatalog}, and writes from it the Prisma schema
 * {@code prisma db pull} writes ({@link dev.facet.data.sql.introspect.SchemaWriter}).
 */
package dev.facet.data.sql.introspect;
