/**
 * Drift: where a database and the schema that describes it are not in step (a migration not applied yet, a
 * colleague's new column). {@link dev.facet.data.drift.SchemaDrift} is the neutral report, one entry per model; a
 * connector computes it from its catalog, and {@link dev.facet.data.drift.DriftTolerance} derives the schema the
 * window works with when columns are missing.
 */
package dev.facet.data.drift;
