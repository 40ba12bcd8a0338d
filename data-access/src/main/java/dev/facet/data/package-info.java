/**
 * Prisma Client semantics over a neutral query model, with SQL and MongoDB connectors.
 * Knows nothing of JavaFX.
 */
package dev.facet.data;
