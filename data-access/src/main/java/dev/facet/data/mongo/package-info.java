/**
 * The MongoDB connector: Prisma Client's semantics on MongoDB through the synchronous Java driver. The only package
 * (with its sub-packages) that touches {@code com.mongodb} and {@code org.bson}.
 */
package dev.facet.data.mongo;
