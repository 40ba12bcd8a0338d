package dev.facet.data.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import dev.facet.data.connector.Connector;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The connector for MongoDB: Prisma Client's reads and writes over one {@link MongoConnection}. Reads cost a bounded
 * number of commands (see {@link MongoReader}); writes go through the neutral write engine on {@link MongoSession}'s
 * primitives.
 */
public final class MongoConnector implements Connector {
    private final MongoConnection connection;
    private final MongoReader reader;
    private final MongoAggregates aggregates;
    private volatile boolean allowNonAtomic;

    /**
     * @param schema     the schema (provider {@code mongodb})
     * @param connection the client; closing the connector closes it
     */
    public MongoConnector(Schema schema, MongoConnection connection) {
        this.connection = connection;
        this.reader = new MongoReader(schema, connection.database());
        this.aggregates = new MongoAggregates(reader);
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
    public void allowNonAtomicWrites(boolean allow) { this.allowNonAtomic = allow; }

    @Override
    public <T> T transaction(Function<Session, T> work) {
        if (!connection.supportsTransactions()) {
            return work.apply(new MongoSession(this, reader, allowNonAtomic ? null : AtomicityGuard.standalone()));
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

    @Override
    public boolean supportsInsensitiveFilters() { return true; }

    /** Prisma has no createManyAndReturn and updateManyAndReturn on MongoDB. */
    @Override
    public boolean supportsManyAndReturn() { return false; }

    @Override
    public int concurrentReads() { return 8; }

    @Override
    public void close() { connection.close(); }
}
