/**
 * The schema formatter behind {@code facet format}: Prisma's {@code prisma format}, column-aligned,
 * comment-preserving, and completing relations the way Prisma does.
 *
 * <p>Entry point: {@link dev.facet.schema.format.SchemaFormatter}.
 */
package dev.facet.schema.format;
