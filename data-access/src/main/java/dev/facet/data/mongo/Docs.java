package dev.facet.data.mongo;

import com.mongodb.client.ClientSession;
import com.mongodb.client.DistinctIterable;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import java.util.List;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * One collection's commands, sent inside the transaction of the calling thread when there is one (a replica set),
 * so that the readers and the write primitives need not pass a session around.
 */
final class Docs {
    private static final ThreadLocal<ClientSession> CURRENT = new ThreadLocal<>();

    private final MongoCollection<Document> collection;

    Docs(MongoCollection<Document> collection) { this.collection = collection; }

    /** Runs {@code work} with {@code session} as the calling thread's transaction. */
    static <T> T within(ClientSession session, java.util.function.Supplier<T> work) {
        ClientSession before = CURRENT.get();
        CURRENT.set(session);
        try {
            return work.get();
        } finally {
            if (before == null) CURRENT.remove();
            else CURRENT.set(before);
        }
    }

    FindIterable<Document> find(Document query) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.find(query) : collection.find(s, query);
    }

    com.mongodb.client.AggregateIterable<Document> aggregate(List<Document> pipeline) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.aggregate(pipeline) : collection.aggregate(s, pipeline);
    }

    DistinctIterable<BsonValue> distinct(String field, Document query) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.distinct(field, query, BsonValue.class) : collection.distinct(s, field, query, BsonValue.class);
    }

    long count(Document query) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.countDocuments(query) : collection.countDocuments(s, query);
    }

    void insertOne(Document d) {
        ClientSession s = CURRENT.get();
        if (s == null) collection.insertOne(d);
        else collection.insertOne(s, d);
    }

    void insertMany(List<Document> docs) {
        ClientSession s = CURRENT.get();
        if (s == null) collection.insertMany(docs);
        else collection.insertMany(s, docs);
    }

    UpdateResult updateMany(Document query, Document update) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.updateMany(query, update) : collection.updateMany(s, query, update);
    }

    UpdateResult updateMany(Document query, Document update, List<Document> arrayFilters) {
        if (arrayFilters.isEmpty()) return updateMany(query, update);
        com.mongodb.client.model.UpdateOptions options = new com.mongodb.client.model.UpdateOptions().arrayFilters(arrayFilters);
        ClientSession s = CURRENT.get();
        return s == null ? collection.updateMany(query, update, options) : collection.updateMany(s, query, update, options);
    }

    void replaceOne(Document query, Document replacement) {
        ClientSession s = CURRENT.get();
        if (s == null) collection.replaceOne(query, replacement);
        else collection.replaceOne(s, query, replacement);
    }

    void bulkWrite(List<WriteModel<Document>> writes) {
        ClientSession s = CURRENT.get();
        if (s == null) collection.bulkWrite(writes);
        else collection.bulkWrite(s, writes);
    }

    DeleteResult deleteMany(Document query) {
        ClientSession s = CURRENT.get();
        return s == null ? collection.deleteMany(query) : collection.deleteMany(s, query);
    }
}
