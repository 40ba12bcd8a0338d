package dev.facet.data.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The write primitives on MongoDB: every one is one command (insertOne, insertMany, updateMany, deleteMany, or one
 * bulkWrite), whatever the number of documents it touches.
 */
final class MongoSession implements Session {
    private final MongoConnector connector;
    private final MongoReader reader;
    private final BsonValues values;

    MongoSession(MongoConnector connector, MongoReader reader) {
        this.connector = connector;
        this.reader = reader;
        this.values = reader.values();
    }

    @Override public List<Map<String, Object>> read(ReadQuery query) { return connector.read(query); }

    @Override public long count(Model model, Filter where) { return connector.count(model, where); }

    @Override public List<Map<String, Object>> aggregate(Aggregation aggregation) { return connector.aggregate(aggregation); }

    @Override
    public Map<String, Object> insert(Model model, Map<ScalarField, Object> row) {
        Document d = document(model, row);
        try {
            reader.collection(model).insertOne(d);
        } catch (MongoWriteException e) {
            throw MongoErrors.translate(e);
        }
        return reader.row(model, d, new LinkedHashSet<>(storedFields(model)));
    }

    private static List<ScalarField> storedFields(Model model) {
        return model.scalarFields().stream().filter(f -> f.kind() != FieldKind.UNSUPPORTED).toList();
    }

    /** A new document: the given values, ObjectIds for {@code auto()}, literal defaults (MongoDB has no defaults of its own). */
    private Document document(Model model, Map<ScalarField, Object> row) {
        Document d = new Document();
        for (ScalarField f : model.scalarFields()) {
            if (row.containsKey(f)) {
                d.put(f.databaseName(), values.toBson(f, row.get(f)));
            } else if (f.defaultValue() instanceof DefaultValue.Auto) {
                d.put(f.databaseName(), new ObjectId());
            } else if (f.defaultValue() instanceof DefaultValue.Literal l) {
                d.put(f.databaseName(), values.toBson(f, Literals.value(f, l)));
            }
        }
        return d;
    }

    @Override
    public long insertMany(Model model, List<Map<ScalarField, Object>> rows, boolean skipDuplicates) {
        if (rows.isEmpty()) return 0;
        List<Document> docs = new ArrayList<>();
        for (Map<ScalarField, Object> r : rows) docs.add(document(model, r));
        try {
            reader.collection(model).insertMany(docs);
        } catch (MongoBulkWriteException e) {
            throw MongoErrors.translate(e);
        }
        return docs.size();
    }

    @Override
    public long update(Model model, Filter where, Map<ScalarField, FieldUpdate> changes) {
        Document query = reader.filters().compile(where, model);
        if (changes.isEmpty()) return reader.collection(model).countDocuments(query);
        boolean divides = changes.values().stream().anyMatch(u -> u instanceof FieldUpdate.Arithmetic a && a.op() == FieldUpdate.Op.DIVIDE);
        try {
            if (divides) return updateDividing(model, query, changes);
            return reader.collection(model).updateMany(query, updateDocument(changes)).getMatchedCount();
        } catch (MongoWriteException e) {
            throw MongoErrors.translate(e);
        } catch (MongoBulkWriteException e) {
            throw MongoErrors.translate(e);
        }
    }

    private Document updateDocument(Map<ScalarField, FieldUpdate> changes) {
        Document set = new Document();
        Document inc = new Document();
        Document mul = new Document();
        Document push = new Document();
        for (var e : changes.entrySet()) {
            ScalarField f = e.getKey();
            String n = f.databaseName();
            switch (e.getValue()) {
                case FieldUpdate.Set s -> set.put(n, values.toBson(f, s.value()));
                case FieldUpdate.Arithmetic a -> {
                    Object operand = values.toBson(f, a.operand());
                    switch (a.op()) {
                        case ADD -> inc.put(n, operand);
                        case SUBTRACT -> inc.put(n, negate(operand));
                        case MULTIPLY -> mul.put(n, operand);
                        case DIVIDE -> throw new IllegalStateException("divide is applied per document");
                    }
                }
                case FieldUpdate.Push p -> push.put(n, new Document("$each", values.toBson(f, p.values())));
            }
        }
        Document u = new Document();
        if (!set.isEmpty()) u.put("$set", set);
        if (!inc.isEmpty()) u.put("$inc", inc);
        if (!mul.isEmpty()) u.put("$mul", mul);
        if (!push.isEmpty()) u.put("$push", push);
        return u;
    }

    private static Object negate(Object v) {
        return switch (v) {
            case Integer i -> -i;
            case Long l -> -l;
            case Double d -> -d;
            default -> v;
        };
    }

    /**
     * MongoDB's update operators cannot divide: the matching documents are read and each gets its new value, in one
     * bulkWrite.
     */
    private long updateDividing(Model model, Document query, Map<ScalarField, FieldUpdate> changes) {
        Document projection = new Document("_id", 1);
        for (ScalarField f : changes.keySet()) projection.append(f.databaseName(), 1);
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<ScalarField, FieldUpdate> rest = new LinkedHashMap<>(changes);
        rest.entrySet().removeIf(e -> e.getValue() instanceof FieldUpdate.Arithmetic a && a.op() == FieldUpdate.Op.DIVIDE);
        long matched = 0;
        for (Document d : reader.collection(model).find(query).projection(projection)) {
            matched++;
            Document set = new Document();
            for (var e : changes.entrySet()) {
                if (!(e.getValue() instanceof FieldUpdate.Arithmetic a) || a.op() != FieldUpdate.Op.DIVIDE) continue;
                Object current = d.get(e.getKey().databaseName());
                if (current == null) continue;
                set.put(e.getKey().databaseName(), divide(current, values.toBson(e.getKey(), a.operand())));
            }
            Document u = rest.isEmpty() ? new Document() : updateDocument(rest);
            if (!set.isEmpty()) {
                if (u.containsKey("$set")) ((Document) u.get("$set")).putAll(set);
                else u.put("$set", set);
            }
            if (!u.isEmpty()) writes.add(new UpdateOneModel<>(new Document("_id", d.get("_id")), u));
        }
        if (!writes.isEmpty()) reader.collection(model).bulkWrite(writes);
        return matched;
    }

    private static Object divide(Object current, Object by) {
        if ((current instanceof Integer || current instanceof Long) && (by instanceof Integer || by instanceof Long)) {
            long q = ((Number) current).longValue() / ((Number) by).longValue();
            return current instanceof Integer ? (Object) (int) q : (Object) q;
        }
        return ((Number) current).doubleValue() / ((Number) by).doubleValue();
    }

    @Override
    public long delete(Model model, Filter where) {
        return reader.collection(model).deleteMany(reader.filters().compile(where, model)).getDeletedCount();
    }

    @Override
    public void link(JoinTable table, List<Object> a, List<Object> b) { throw noJoinTables(); }

    @Override
    public long unlink(JoinTable table, List<Object> aValues, List<Object> bValues) { throw noJoinTables(); }

    @Override
    public long unlinkWhere(JoinTable table, String column, Model model, Filter rows) { throw noJoinTables(); }

    private static IllegalStateException noJoinTables() {
        return new IllegalStateException("MongoDB has no join tables: many-to-many relations are id arrays");
    }
}
