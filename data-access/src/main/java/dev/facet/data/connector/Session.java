package dev.facet.data.connector;

import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/**
 * The primitive operations of one transaction. Prisma's write semantics (nested writes, connect and
 * disconnect, emulated referential actions) are built on these in a connector-neutral layer, so
 * every connector only has to provide them.
 */
public interface Session {
    /** Reads records (see {@link Connector#read}). */
    List<Map<String, Object>> read(ReadQuery query);

    /** Counts records. */
    long count(Model model, Filter where);

    /** Computes aggregates (see {@link Connector#aggregate}). */
    List<Map<String, Object>> aggregate(dev.facet.data.query.Aggregation aggregation);

    /**
     * Inserts one record.
     *
     * @param values the values to store, by field; fields left out take their database default
     * @return the stored record's scalar fields, including generated values
     */
    Map<String, Object> insert(Model model, Map<ScalarField, Object> values);

    /**
     * Inserts several records.
     *
     * @param skipDuplicates whether rows breaking a unique constraint are skipped instead of failing
     * @return the number of records inserted
     */
    long insertMany(Model model, List<Map<ScalarField, Object>> rows, boolean skipDuplicates);

    /**
     * Updates every record a filter matches.
     *
     * @param changes the new value or arithmetic change per field
     * @return the number of records matched
     */
    long update(Model model, Filter where, Map<ScalarField, FieldUpdate> changes);

    /** Deletes every record a filter matches; returns how many. */
    long delete(Model model, Filter where);

    /** @return whether {@link #upsert} is available (one INSERT ... ON CONFLICT DO UPDATE statement) */
    default boolean supportsNativeUpsert() { return false; }

    /**
     * Inserts a record, or updates the one that has its values for {@code conflict} (a unique constraint), in one
     * statement, as the database's own upsert does.
     *
     * @param values   the values of the record to insert
     * @param conflict the fields of the unique constraint that decides between insert and update
     * @param changes  the changes to the existing record
     * @param where    a condition on the existing record for the update
     * @return the key of the record inserted or updated
     */
    default Map<String, Object> upsert(Model model, Map<ScalarField, Object> values, List<ScalarField> conflict, Map<ScalarField, FieldUpdate> changes,
                                       Filter where) {
        throw new UnsupportedOperationException("no native upsert here");
    }

    /** Adds rows to an implicit many-to-many join table (already linked pairs are kept once). */
    void link(JoinTable table, List<Object> a, List<Object> b);

    /** Removes rows from a join table: pairs with {@code a} in {@code aValues} (all when null) and {@code b} in {@code bValues} (all when null). */
    long unlink(JoinTable table, List<Object> aValues, List<Object> bValues);

    /**
     * Removes the join rows of every record of {@code model} that {@code rows} selects, in one
     * statement whatever their number.
     *
     * @param column the join table column holding {@code model}'s id ({@code A} or {@code B})
     * @return the number of join rows removed
     */
    long unlinkWhere(JoinTable table, String column, Model model, Filter rows);

    /** A change to one field in an update. */
    sealed interface FieldUpdate {
        /** Sets the value (null allowed for optional fields). */
        record Set(Object value) implements FieldUpdate {}

        /** Arithmetic: increment, decrement, multiply, divide. */
        record Arithmetic(Op op, Object operand) implements FieldUpdate {}

        /** Appends values to a scalar list. */
        record Push(List<Object> values) implements FieldUpdate {}

        /** Removes the field from the document ({@code unset: true}, MongoDB only: a SQL column cannot be absent). */
        record Unset() implements FieldUpdate {}

        /** Removes every occurrence of the values from a scalar list (MongoDB's id arrays of many-to-many relations). */
        record Pull(List<Object> values) implements FieldUpdate {}

        /** The arithmetic operators. */
        enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE }
    }
}
