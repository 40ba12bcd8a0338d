/**
 * Prisma schema language: parsing (package {@code parser}, into the syntax tree of package {@code ast}),
 * validation and resolution into an immutable model (package {@code model}), diagnostics (package
 * {@code diagnostics}), formatting (package {@code format}) and connection URL resolution (package
 * {@code config}). Knows nothing of databases or user interfaces.
 */
package dev.facet.schema;
