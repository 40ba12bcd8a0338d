/**
 * Prisma Client calls written as in code ({@code prisma.user.findMany({ where: { ... } })}), read into the requests
 * {@code facet query} and the window's console run: a tolerant tokenizer ({@link dev.facet.data.client.ClientTokens})
 * and a parser ({@link dev.facet.data.client.ClientCallParser}) with line:column errors. Knows nothing of JavaFX.
 */
package dev.facet.data.client;
