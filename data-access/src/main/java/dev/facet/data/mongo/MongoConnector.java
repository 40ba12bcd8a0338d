package dev.facet.data.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import dev.facet.data.connector.Connector;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dev.facet.data.connector.ConnectorCapability.*;

/**
 * The connector for MongoDB: Prisma Client's reads and writes over one {@link MongoConnection}. Reads cost a bounded
 * number of commands (see {@link MongoReader}); writes go through the neutral write engine on {@link MongoSession}'s
 * primitives.
 */
public final class MongoConnector implements Connector {
    private final MongoConnection connection;
    private final MongoReader reader;
    private final MongoAggregates aggregates;
    private final Set<ConnectorCapability> capabilities;
    private volatile boolean allowNonAtomic;

    /**
     * @param schema     the schema (provider {@code mongodb})
     * @param connection the client; closing the connector closes it
     */
    public MongoConnector(Schema schema, MongoConnection connection) {
        this.connection = connection;
        this.reader = new MongoReader(schema, connection.database());
        this.aggregates = new MongoAggregates(reader);
        this.capabilities = connection.supportsTransactions()
                ? ConnectorCapability.setOf(INSENSITIVE_FILTERS, SCALAR_LISTS, COMPOSITE_TYPES, ABSENT_FIELDS, TRANSACTIONS)
                : ConnectorCapability.setOf(INSENSITIVE_FILTERS, SCALAR_LISTS, COMPOSITE_TYPES, ABSENT_FIELDS);
    }

    @Override
    public List<Map<String, Object>> read(ReadQuery query) { return reader.read(query); }

    @Override
    public long count(Model model, Filter where) { return reader.count(model, where); }

    @Override
    public List<Map<String, Object>> aggregate(Aggregation aggregation) { return aggregates.aggregate(aggregation); }

    /**
     * Whether writes that change several documents may run on a server without transactions (a standalone server),
     * one command after another (Facet checks what it can before writing, but a failure halfway leaves the earlier
     * changes). Off by default: such writes then fail with Prisma's P2031.
     */
    @Override
    public void allowNonAtomicWrites(boolean allow) { this.allowNonAtomic = allow; }

    @Override
    public <T> T transaction(Function<Session, T> work) {
        if (!connection.supportsTransactions()) {
            AtomicityGuard guard = allowNonAtomic ? null : AtomicityGuard.standalone();
            try {
                return work.apply(new MongoSession(this, reader, guard));
            } catch (RuntimeException | Error e) {
                if (guard != null) guard.undoAfterFailure(e);
                throw e;
            }
        }
        try (ClientSession session = connection.client().startSession()) {
            session.startTransaction();
            T result;
            try {
                result = Docs.within(session, () -> work.apply(new MongoSession(this, reader, null)));
            } catch (RuntimeException | Error e) {
                try {
                    session.abortTransaction();
                } catch (RuntimeException abort) {
                    e.addSuppressed(abort);
                }
                throw e;
            }
            try {
                session.commitTransaction();
            } catch (MongoException e) {
                throw MongoErrors.other(e);
            }
            return result;
        }
    }

    /**
     * Insensitive filters, scalar lists, composite types and absent fields; no RETURNING (Prisma has no
     * createManyAndReturn there), no native upsert, no foreign keys (referential actions are emulated); transactions
     * on a replica set or sharded cluster only.
     */
    @Override
    public Set<ConnectorCapability> capabilities() { return capabilities; }

    @Override
    public int concurrentReads() { return 8; }

    @Override
    public void close() { connection.close(); }
}
