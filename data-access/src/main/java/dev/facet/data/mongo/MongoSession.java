package dev.facet.data.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.FieldKind;
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
 * bulkWrite), whatever the number of documents it touches. Without a transaction, an {@link AtomicityGuard} refuses
 * a write that would change a second document.
 */
final class MongoSession implements Session {
    private final MongoConnector connector;
    private final MongoReader reader;
    private final BsonValues values;
    private final AtomicityGuard guard;

    /**
     * @param guard what may be written without a transaction (a standalone server), or null inside a transaction or
     *              when non-atomic writes are allowed
     */
    MongoSession(MongoConnector connector, MongoReader reader, AtomicityGuard guard) {
        this.connector = connector;
        this.reader = reader;
        this.values = reader.values();
        this.guard = guard != null ? guard : AtomicityGuard.NONE;
    }

    @Override public List<Map<String, Object>> read(ReadQuery query) { return connector.read(query); }

    @Override public long count(Model model, Filter where) { return connector.count(model, where); }

    @Override public List<Map<String, Object>> aggregate(Aggregation aggregation) { return connector.aggregate(aggregation); }

    @Override
    public Map<String, Object> insert(Model model, Map<ScalarField, Object> row) {
        Document d = document(model, row);
        Docs docs = reader.collection(model);
        guard.before("create a " + model.name(), 1, () -> docs.deleteMany(new Document("_id", d.get("_id"))));
        try {
            docs.insertOne(d);
        } catch (MongoWriteException e) {
            guard.refusedSingle();
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
        if (skipDuplicates) {
            // Prisma's createMany on MongoDB has no skipDuplicates.
            throw QueryError.validation("skipDuplicates", "Unknown argument `skipDuplicates`. Available options are marked with ?.");
        }
        if (rows.isEmpty()) return 0;
        List<Document> docs = new ArrayList<>();
        for (Map<ScalarField, Object> r : rows) docs.add(document(model, r));
        Docs collection = reader.collection(model);
        guard.before("create " + docs.size() + " " + model.name() + " documents", docs.size(),
                () -> collection.deleteMany(new Document("_id", new Document("$in", docs.stream().map(x -> x.get("_id")).toList()))));
        try {
            collection.insertMany(docs);
        } catch (MongoBulkWriteException e) {
            throw MongoErrors.translate(e);
        }
        return docs.size();
    }

    @Override
    public long update(Model model, Filter where, Map<ScalarField, FieldUpdate> changes) {
        Document query = reader.filters().compile(where, model);
        Docs docs = reader.collection(model);
        if (changes.isEmpty()) return docs.count(query);
        if (!guard.before("update " + model.name(), docs, query)) return 0;
        boolean divides = changes.values().stream().anyMatch(u -> u instanceof FieldUpdate.Arithmetic a && a.op() == FieldUpdate.Op.DIVIDE);
        try {
            if (divides) return updateDividing(model, query, changes);
            return sendUpdates(model, query, changes);
        } catch (MongoWriteException e) {
            throw MongoErrors.translate(e);
        } catch (MongoBulkWriteException e) {
            throw MongoErrors.translate(e);
        }
    }

    private Document updateDocument(Map<ScalarField, FieldUpdate> changes, Model model) {
        List<UpdateCommands.Command> commands = new UpdateCommands(values, reader.filters(), model).build(changes);
        return commands.isEmpty() ? new Document() : commands.getFirst().update();
    }

    /**
     * Sends the update commands of {@code changes}: one {@code updateMany} in the usual case; when a composite upsert
     * needs several, the matching documents' ids are read first so that every command reaches the same documents.
     */
    private long sendUpdates(Model model, Document query, Map<ScalarField, FieldUpdate> changes) {
        Docs docs = reader.collection(model);
        List<UpdateCommands.Command> commands = new UpdateCommands(values, reader.filters(), model).build(changes);
        if (commands.size() == 1 && commands.getFirst().condition().isEmpty()) {
            UpdateCommands.Command c = commands.getFirst();
            return docs.updateMany(query, c.update(), c.arrayFilters()).getMatchedCount();
        }
        List<Object> ids = new ArrayList<>();
        for (Document d : docs.find(query).projection(new Document("_id", 1))) ids.add(d.get("_id"));
        if (ids.isEmpty()) return 0;
        Document byId = new Document("_id", new Document("$in", ids));
        for (UpdateCommands.Command c : commands) {
            Document q = c.condition().isEmpty() ? byId : new Document("$and", List.of(byId, c.condition()));
            docs.updateMany(q, c.update(), c.arrayFilters());
        }
        return ids.size();
    }

    /**
     * MongoDB's update operators cannot divide: the matching documents are read and each gets its new value, in one
     * bulkWrite.
     */
    private long updateDividing(Model model, Document query, Map<ScalarField, FieldUpdate> changes) {
        Docs docs = reader.collection(model);
        Document projection = new Document("_id", 1);
        for (ScalarField f : changes.keySet()) projection.append(f.databaseName(), 1);
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<ScalarField, FieldUpdate> rest = new LinkedHashMap<>(changes);
        rest.entrySet().removeIf(e -> e.getValue() instanceof FieldUpdate.Arithmetic a && a.op() == FieldUpdate.Op.DIVIDE);
        long matched = 0;
        for (Document d : docs.find(query).projection(projection)) {
            matched++;
            Document set = new Document();
            for (var e : changes.entrySet()) {
                if (!(e.getValue() instanceof FieldUpdate.Arithmetic a) || a.op() != FieldUpdate.Op.DIVIDE) continue;
                Object current = d.get(e.getKey().databaseName());
                if (current == null) continue;
                set.put(e.getKey().databaseName(), divide(current, values.toBson(e.getKey(), a.operand())));
            }
            Document u = rest.isEmpty() ? new Document() : updateDocument(rest, model);
            if (!set.isEmpty()) {
                if (u.containsKey("$set")) ((Document) u.get("$set")).putAll(set);
                else u.put("$set", set);
            }
            if (!u.isEmpty()) writes.add(new UpdateOneModel<>(new Document("_id", d.get("_id")), u));
        }
        if (!writes.isEmpty()) docs.bulkWrite(writes);
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
        // The ids of deleted documents in the other side's id arrays went before, through disconnectAll
        // (ReferentialActions), going beyond Prisma, which leaves them dangling (prisma/prisma#10498).
        Document query = reader.filters().compile(where, model);
        Docs docs = reader.collection(model);
        if (!guard.before("delete " + model.name(), docs, query)) return 0;
        return docs.deleteMany(query).getDeletedCount();
    }

    /** MongoDB has no row locks: inside a transaction a concurrent change to the same documents fails it instead. */
    @Override
    public List<Map<String, Object>> lockKeys(Model model, Filter where, Long limit) {
        List<ScalarField> key = model.primaryKey() != null
                ? model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList()
                : model.uniqueIndexes().getFirst().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        List<Selection.Item> items = key.stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
        return read(new ReadQuery(model, where, List.of(), null, null, limit, List.of(), new Selection(items)));
    }

    /**
     * Adds the children's ids to the parent's array and the parent's id to each child's array ({@code $addToSet}, as
     * Prisma does): one update per side, sent only to the documents that lack an id.
     */
    @Override
    public void connect(RelationLink link, Object parentId, List<Object> childIds) {
        if (childIds.isEmpty()) return;
        requireKeyLists(link);
        List<Object> ids = childIds.stream().distinct().toList();
        Object parentBson = values.toBson(link.parentKeys().getFirst(), parentId);
        @SuppressWarnings("unchecked")
        List<Object> childBson = (List<Object>) values.toBson(link.parentKeyList(), ids);
        Docs parents = reader.collection(link.parent());
        String mine = link.parentKeyList().databaseName();
        Document parent = new Document(link.parentKeys().getFirst().databaseName(), parentBson)
                .append(mine, new Document("$not", new Document("$all", childBson)));
        if (guard.before("connect a " + link.parent().name(), parents, parent)) {
            parents.updateMany(parent, new Document("$addToSet", new Document(mine, new Document("$each", childBson))));
        }
        if (link.childKeyList() == null) return;
        String theirs = link.childKeyList().databaseName();
        Document children = new Document(link.childKeys().getFirst().databaseName(), new Document("$in", childBson))
                .append(theirs, new Document("$ne", values.toBson(link.childKeyList(), parentId)));
        Docs others = reader.collection(link.child());
        if (guard.before("connect " + link.child().name() + " documents", others, children)) {
            others.updateMany(children, new Document("$addToSet", new Document(theirs, values.toBson(link.childKeyList(), parentId))));
        }
    }

    /** Removes the ids from both sides' arrays ({@code $pull}), one update per side. */
    @Override
    public long disconnect(RelationLink link, Object parentId, List<Object> childIds) {
        if (childIds.isEmpty()) return 0;
        requireKeyLists(link);
        Object parentBson = values.toBson(link.parentKeys().getFirst(), parentId);
        Object childBson = values.toBson(link.parentKeyList(), childIds.stream().distinct().toList());
        Docs parents = reader.collection(link.parent());
        String mine = link.parentKeyList().databaseName();
        Document parent = new Document(link.parentKeys().getFirst().databaseName(), parentBson)
                .append(mine, new Document("$in", childBson));
        long removed = 0;
        if (guard.before("disconnect a " + link.parent().name(), parents, parent)) {
            removed = parents.updateMany(parent, new Document("$pull", new Document(mine, new Document("$in", childBson)))).getModifiedCount();
        }
        if (link.childKeyList() == null) return removed;
        String theirs = link.childKeyList().databaseName();
        Object parentInList = values.toBson(link.childKeyList(), parentId);
        Document children = new Document(link.childKeys().getFirst().databaseName(), new Document("$in", childBson)).append(theirs, parentInList);
        Docs others = reader.collection(link.child());
        if (guard.before("disconnect " + link.child().name() + " documents", others, children)) {
            long n = others.updateMany(children, new Document("$pull", new Document(theirs, parentInList))).getModifiedCount();
            removed = n;
        }
        return removed;
    }

    /**
     * Removes the ids of the parents {@code parents} selects from the other side's arrays, one update whatever their
     * number. The parents' own arrays are left: the one caller (a delete) removes the parents next.
     */
    @Override
    public long disconnectAll(RelationLink link, Filter parents) {
        requireKeyLists(link);
        if (link.childKeyList() == null) return 0;
        ScalarField parentId = link.parentKeys().getFirst();
        List<Object> ids = new ArrayList<>();
        for (Document d : reader.collection(link.parent()).find(reader.filters().compile(parents, link.parent()))
                .projection(new Document(parentId.databaseName(), 1))) {
            ids.add(d.get(parentId.databaseName()));
        }
        if (ids.isEmpty()) return 0;
        String theirs = link.childKeyList().databaseName();
        Document holders = new Document(theirs, new Document("$in", ids));
        Docs others = reader.collection(link.child());
        if (!guard.before("remove the ids of deleted " + link.parent().name() + " documents from " + link.child().name() + "."
                + link.childKeyList().name(), others, holders)) return 0;
        return others.updateMany(holders, new Document("$pull", new Document(theirs, new Document("$in", ids)))).getModifiedCount();
    }

    private static void requireKeyLists(RelationLink link) {
        if (!link.viaKeyLists()) throw new IllegalStateException("MongoDB has no join tables: many-to-many relations are id arrays");
    }
}
