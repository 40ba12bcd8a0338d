/**
 * The failures data-access reports: {@link dev.facet.data.error.QueryError} (a request failed, with Prisma's code)
 * and {@link dev.facet.data.error.OpenError} (a database could not be opened). The bottom of data-access: every
 * other package may throw these, and this package depends on none of them.
 */
package dev.facet.data.error;
