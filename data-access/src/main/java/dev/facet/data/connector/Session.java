package dev.facet.data.connector;

import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
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

    /** Reads records a chunk at a time (see {@link Connector#readEach}); by default in one chunk. */
    default void readEach(ReadQuery query, java.util.function.Consumer<List<Map<String, Object>>> chunks) { chunks.accept(read(query)); }

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

    /**
     * Reads the keys of the records a filter matches and locks those records until the transaction ends, as
     * {@code SELECT ... FOR UPDATE} does: a write that checks a condition and then changes the records by key cannot
     * lose a concurrent change made in between. A record a concurrent transaction is changing is waited for and
     * checked again once that transaction ends. Without row locks (SQLite, whose write transactions hold the whole
     * database) this is a plain read.
     *
     * @param limit at most this many records, in the database's order, or null for all
     * @return the key values of each record, by field name
     */
    List<Map<String, Object>> lockKeys(Model model, Filter where, Long limit);

    /** Deletes every record a filter matches; returns how many. */
    long delete(Model model, Filter where);

    /**
     * Inserts a record, or updates the one that has its values for {@code conflict} (a unique constraint), in one
     * statement, as the database's own upsert does. Called only where the connector declares
     * {@link ConnectorCapability#NATIVE_UPSERT}.
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

    /**
     * Connects a record to records of a many-to-many relation ({@link RelationLink#manyToMany()}): rows of the join
     * table in a SQL database, the ids added to the lists on both sides in a document database. Records already
     * connected stay connected once.
     *
     * @param link     the relation, seen from the record's side
     * @param parentId the id of the {@code link.parent()} record
     * @param childIds the ids of the {@code link.child()} records to connect it to
     */
    void connect(RelationLink link, Object parentId, List<Object> childIds);

    /**
     * Disconnects a record from records of a many-to-many relation (the records themselves stay).
     *
     * @param childIds the ids of the {@code link.child()} records to disconnect it from
     * @return the number of connections removed
     */
    long disconnect(RelationLink link, Object parentId, List<Object> childIds);

    /**
     * Disconnects every {@code link.parent()} record that {@code parents} selects from all the records it is
     * connected to over a many-to-many relation, in one statement whatever their number: what deleting those
     * records leaves behind on the other side is removed (join rows, or their ids in the other side's lists).
     *
     * @return the number of connections removed
     */
    long disconnectAll(RelationLink link, Filter parents);

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

        /** A change inside a composite field (MongoDB's embedded documents): see {@link CompositeChange}. */
        record Composite(CompositeChange change) implements FieldUpdate {}

        /** The arithmetic operators. */
        enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE }
    }

    /**
     * Prisma's composite update operations other than {@code set}, {@code unset} and {@code push} (which are
     * {@link FieldUpdate.Set}, {@link FieldUpdate.Unset} and {@link FieldUpdate.Push} with composite values). The
     * changes inside are keyed by fields of the composite type and nest to any depth.
     */
    sealed interface CompositeChange {
        /** {@code update}: the single composite's own fields change in place. */
        record Update(Map<ScalarField, FieldUpdate> changes) implements CompositeChange {}

        /** {@code upsert}: {@code set} (a composite value) when the composite is null or missing, else {@code changes}. */
        record Upsert(Object set, Map<ScalarField, FieldUpdate> changes) implements CompositeChange {}

        /** {@code updateMany} on a composite list: the elements matching {@code where} (on the type's fields) change. */
        record UpdateMany(Filter where, Map<ScalarField, FieldUpdate> changes) implements CompositeChange {}

        /** {@code deleteMany} on a composite list: the elements matching {@code where} are removed. */
        record DeleteMany(Filter where) implements CompositeChange {}
    }
}
