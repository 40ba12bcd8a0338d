package dev.facet.data.connector;

import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A database behind the neutral query model: a SQL database (one dialect per product) or MongoDB.
 * Records are ordered maps from field name to value (see {@code SqlReader} for the shape).
 */
public interface Connector extends AutoCloseable {
    /** Reads records with their selected relations and counts. */
    List<Map<String, Object>> read(ReadQuery query);

    /**
     * Reads records as {@link #read} does and hands them to {@code chunks} a few at a time, in order, so that a long
     * read is never held whole; each chunk is a new list, with its relations and counts. By default one chunk.
     */
    default void readEach(ReadQuery query, java.util.function.Consumer<List<Map<String, Object>>> chunks) { chunks.accept(read(query)); }

    /** Counts the records a filter matches. */
    long count(Model model, Filter where);

    /**
     * Computes aggregates; for a groupBy, one map per group holding the by-fields and the aggregates
     * (keyed {@code _count}, {@code _sum}, ... with inner maps by field name).
     */
    List<Map<String, Object>> aggregate(Aggregation aggregation);

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws
     * (the exception is rethrown). Connectors without transactions run it directly.
     */
    <T> T transaction(java.util.function.Function<Session, T> work);

    /**
     * @return what the database can do; the neutral layers decide from this, never from the schema's provider
     */
    Set<ConnectorCapability> capabilities();

    /** @return whether the database has {@code capability} */
    default boolean supports(ConnectorCapability capability) { return capabilities().contains(capability); }

    /**
     * @return how many reads may usefully run at the same time (the connection pool's size); callers that run
     *         independent reads side by side use no more threads than this
     */
    default int concurrentReads() { return 1; }

    /** @return how many connections to the database this connector holds open now, or -1 when it does not know */
    default int connectionsHeld() { return -1; }

    /**
     * Whether writes that change several records may run where the database has no transactions (a standalone
     * MongoDB server), one command after another: a failure halfway leaves the earlier changes. Off by default, such
     * writes then fail with Prisma's P2031. Connectors with transactions ignore it.
     */
    default void allowNonAtomicWrites(boolean allow) {}

    /**
     * Compares the schema with the database's catalog (the one {@code facet pull} reads).
     *
     * @return the differences, or empty where the connector cannot read a catalog (MongoDB has none to compare)
     * @throws dev.facet.data.error.QueryError when the catalog cannot be read
     */
    default java.util.Optional<dev.facet.data.drift.SchemaDrift> drift() { return java.util.Optional.empty(); }

    /**
     * Estimates the models' row counts from the database's bookkeeping, without counting (see {@link RowEstimate}).
     *
     * @return per model name; models the connector knows nothing about are left out (by default, all of them)
     * @throws dev.facet.data.error.QueryError when the catalog cannot be read
     */
    default Map<String, RowEstimate> estimateRows(List<Model> models) { return Map.of(); }

    /**
     * Writes records of {@code model} as the statements that insert them, in the database's own language: the
     * capability to copy rows as SQL INSERT. Asked of the connector, never decided by the schema's provider.
     *
     * @param fields the fields written, in order (scalar fields of {@code model})
     * @return the writer, or empty when the database has no such language (by default)
     */
    default java.util.Optional<InsertScript> insertScript(Model model, List<dev.facet.schema.model.ScalarField> fields) {
        return java.util.Optional.empty();
    }

    /** Releases the connection pool. */
    @Override
    void close();
}
