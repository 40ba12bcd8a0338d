package dev.facet.data.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import dev.facet.data.error.QueryError;
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

    /** How many documents a chunk of {@link #readEach} holds at most (as the SQL connector's). */
    private static final int CHUNK = 1000;

    @Override
    public void readEach(ReadQuery query, java.util.function.Consumer<List<Map<String, Object>>> chunks) { reader.readEach(query, CHUNK, chunks); }

    @Override
    public long count(Model model, Filter where) { return reader.count(model, where); }

    @Override
    public List<Map<String, Object>> aggregate(Aggregation aggregation) { return aggregates.aggregate(aggregation); }

    /**
     * Whether writes that change several documents may run on a server without transactions (a standalone server),
     * one command after another; when such a write fails halfway, the documents it changed are put back as they were
     * ({@link AtomicityGuard#journal()}). Off by default: such writes then fail with Prisma's P2031.
     */
    @Override
    public void allowNonAtomicWrites(boolean allow) { this.allowNonAtomic = allow; }

    @Override
    public <T> T transaction(Function<Session, T> work) {
        if (!connection.supportsTransactions()) {
            AtomicityGuard guard = allowNonAtomic ? AtomicityGuard.journal() : AtomicityGuard.standalone();
            try {
                return work.apply(new MongoSession(this, reader, guard));
            } catch (QueryError e) {
                String undone = guard.rollback();
                if (undone == null) throw e;
                QueryError told = new QueryError(e.code(), e.getMessage() + " (" + undone + ")");
                told.addSuppressed(e);
                throw told;
            } catch (RuntimeException | Error e) {
                String undone = guard.rollback();
                if (undone != null) e.addSuppressed(new IllegalStateException(undone));
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

    /**
     * Collections of at most this many documents are counted exactly where an estimate would do: a count there costs
     * next to nothing, where on a big collection it reads every document (as {@code count(*)} on a big SQL table).
     */
    static final long CHEAP_TO_COUNT = 20_000;

    /**
     * The server's own document count of each collection ({@code estimatedDocumentCount}: the {@code count} command
     * without a filter, answered from the collection's metadata instead of its documents), as Compass shows it.
     */
    @Override
    public Map<String, dev.facet.data.connector.RowEstimate> estimateRows(List<Model> models) {
        Map<String, dev.facet.data.connector.RowEstimate> out = new java.util.HashMap<>();
        try {
            for (Model m : models) {
                long n = connection.database().getCollection(m.databaseName()).estimatedDocumentCount();
                out.put(m.name(), new dev.facet.data.connector.RowEstimate(n, n <= CHEAP_TO_COUNT));
            }
        } catch (MongoException e) {
            throw MongoErrors.other(e);
        }
        return out;
    }

    @Override
    public int concurrentReads() { return 8; }

    @Override
    public void close() { connection.close(); }
}
