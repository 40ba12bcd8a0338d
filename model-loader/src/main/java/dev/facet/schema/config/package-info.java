/**
 * Connection URL resolution the way Prisma does it: {@code --url}, the datasource {@code url}
 * ({@code env("X")} read from the process environment and {@code .env} files), or Prisma 7's
 * {@code prisma.config.ts}. Pure Java: reads files, never connects to anything. Entry point:
 * {@link dev.facet.schema.config.ConnectionUrlResolver}; URLs are shown through
 * {@link dev.facet.schema.config.UrlRedactor}.
 */
package dev.facet.schema.config;
