package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.error.QueryError;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.write.RecordKeys.findOne;
import static dev.facet.data.write.RecordKeys.firstKeys;
import static dev.facet.data.write.RecordKeys.newKeys;
import static dev.facet.data.write.RecordKeys.readKeyAfterInsert;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/**
 * Prisma Client's writes on the primitive operations of a {@link Session}: create, update, upsert
 * and delete with nested writes on every kind of relation (create, createMany, connect,
 * connectOrCreate, disconnect, set, update, updateMany, upsert, delete, deleteMany), client-side
 * defaults, {@code @updatedAt}, and emulated referential actions. The caller runs each request in one
 * transaction, so a failure half-way leaves nothing behind.
 *
 * <p>This class is the entry of the top-level operations. A record with its nested writes is written by
 * {@link RecordWriter}; the nested writes under one relation field go through {@link NestedWrites} to one class per
 * operation ({@link NestedCreate}, {@link NestedConnect}, ...); scalar values and changes are {@link ScalarInputs}';
 * error texts are {@link WriteErrors}'. They share one {@link WriteContext}.
 */
public final class WriteEngine {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WriteContext ctx;
    private final Schema schema;
    private final ReadArguments reads;
    private final ReferentialActions actions;
    private final Set<ConnectorCapability> capabilities;

    /**
     * @param schema       the schema
     * @param reads        the parser of filters and where-unique inputs
     * @param actions      the referential actions
     * @param capabilities what the database can do (native upsert, RETURNING)
     */
    public WriteEngine(Schema schema, ReadArguments reads, ReferentialActions actions, Set<ConnectorCapability> capabilities) {
        this.ctx = new WriteContext(schema, reads, actions, capabilities);
        this.schema = schema;
        this.reads = reads;
        this.actions = actions;
        this.capabilities = capabilities;
    }

    // ---------------------------------------------------------------- top level

    /** {@code create}: returns the created record's key values. */
    public Map<String, Object> create(Session s, Model model, JsonNode data, String path) {
        ctx.validation.create(model, null, data, path);
        ctx.createPlan.set(CreateOrder.Plan.of(ctx.schema, model, data));
        try {
            return ctx.records.createRecord(s, model, data, path, Map.of(), null);
        } finally {
            ctx.createPlan.remove();
        }
    }

    /** {@code createMany}: scalar data only; returns how many were inserted. */
    public long createMany(Session s, Model model, JsonNode data, boolean skipDuplicates, String path) {
        List<Map<ScalarField, Object>> rows = new ArrayList<>();
        List<JsonNode> items = items(data);
        for (int i = 0; i < items.size(); i++) rows.add(ctx.scalars.scalarRow(model, items.get(i), path + "." + i, Map.of()));
        return s.insertMany(model, rows, skipDuplicates);
    }

    /** {@code createManyAndReturn}: inserts one by one and returns each record's key. */
    public List<Map<String, Object>> createManyAndReturn(Session s, Model model, JsonNode data, boolean skipDuplicates, String path) {
        // Every record is checked before the first is inserted (which would draw a sequence value).
        ctx.validation.createMany(model, data, path);
        List<Map<String, Object>> out = new ArrayList<>();
        List<JsonNode> items = items(data);
        for (int i = 0; i < items.size(); i++) {
            Map<ScalarField, Object> row = ctx.scalars.scalarRow(model, items.get(i), path + "." + i, Map.of());
            if (skipDuplicates) {
                long n = s.insertMany(model, List.of(row), true);
                if (n == 0) continue;
                out.add(readKeyAfterInsert(s, model, row));
            } else {
                out.add(s.insert(model, row));
            }
        }
        return out;
    }

    /** {@code update}: the record matching a where-unique; P2025 when there is none. Returns its key after the update. */
    public Map<String, Object> update(Session s, Model model, JsonNode where, JsonNode data, String path) {
        Filter filter = reads.whereUnique(model, where, join(path, "where"));
        ctx.validation.update(model, null, data, join(path, "data"));
        Map<String, Object> key = findOne(s, model, filter);
        if (key == null) throw ctx.errors.missingForUpdate(model, data);
        return ctx.records.updateRecord(s, model, key, requireObject(data, join(path, "data")), join(path, "data"));
    }

    /** {@code updateMany}: scalar changes to every record a filter matches; returns the count. */
    public long updateMany(Session s, Model model, JsonNode where, JsonNode data, Long limit, String path) {
        Filter filter = where == null || where.isNull() ? Filter.ALL : reads.where(model, where, join(path, "where"));
        if (limit != null) filter = ReferentialActions.byKeys(model, firstKeys(s, model, filter, limit));
        Map<ScalarField, Session.FieldUpdate> changes = ctx.scalars.scalarChanges(model, requireObject(data, join(path, "data")), join(path, "data"), true);
        ctx.scalars.touchUpdatedAt(model, changes);
        return s.update(model, ctx.records.keyUpdate(s, model, filter, changes), changes);
    }

    /** {@code updateManyAndReturn}: like updateMany, returning the keys of the updated records. */
    public List<Map<String, Object>> updateManyAndReturn(Session s, Model model, JsonNode where, JsonNode data, Long limit, String path) {
        Filter filter = where == null || where.isNull() ? Filter.ALL : reads.where(model, where, join(path, "where"));
        List<Map<String, Object>> keys = limit != null ? firstKeys(s, model, filter, limit) : s.lockKeys(model, filter, null);
        if (keys.isEmpty()) return List.of();
        Map<ScalarField, Session.FieldUpdate> changes = ctx.scalars.scalarChanges(model, requireObject(data, join(path, "data")), join(path, "data"), true);
        ctx.scalars.touchUpdatedAt(model, changes);
        Filter byKeys = ReferentialActions.byKeys(model, keys);
        ctx.records.keyUpdate(s, model, byKeys, changes);
        s.update(model, byKeys, changes);
        return newKeys(model, keys, changes);
    }

    /** {@code upsert}: updates the record matching {@code where}, or creates one. */
    public Map<String, Object> upsert(Session s, Model model, JsonNode where, JsonNode create, JsonNode update, String path) {
        return upsert(s, model, where, create, update, path, true);
    }

    /**
     * {@code upsert}, in one statement of the database's own upsert where Prisma uses one (see {@link #nativeUpsertOn}).
     *
     * @param nestedRead whether the result selects relations (Prisma then reads and writes separately)
     */
    public Map<String, Object> upsert(Session s, Model model, JsonNode where, JsonNode create, JsonNode update, String path, boolean nestedRead) {
        Filter filter = reads.whereUnique(model, where, join(path, "where"));
        ctx.validation.create(model, null, create, join(path, "create"));
        ctx.validation.update(model, null, update, join(path, "update"));
        List<ScalarField> conflict = nestedRead || actions.emulated() || !capabilities.contains(ConnectorCapability.NATIVE_UPSERT) ? null : nativeUpsertOn(model, where, create, update);
        if (conflict != null) {
            Map<ScalarField, Object> values = ctx.scalars.scalarRow(model, create, join(path, "create"), Map.of());
            Map<ScalarField, Session.FieldUpdate> changes = ctx.scalars.scalarChanges(model, update, join(path, "update"), true);
            ctx.scalars.touchUpdatedAt(model, changes);
            return s.upsert(model, values, conflict, changes, filter);
        }
        ctx.records.checkUpdateData(model, update, join(path, "update"));
        Map<String, Object> key = findOne(s, model, filter);
        if (key != null) return ctx.records.updateRecord(s, model, key, requireObject(update, join(path, "update")), join(path, "update"));
        return ctx.records.createRecord(s, model, requireObject(create, join(path, "create")), join(path, "create"), Map.of(), null);
    }

    /**
     * The unique constraint of a native upsert, or null when Prisma would not use one: {@code where} names exactly
     * one unique criterion, {@code create} gives it the same values, both sides write scalars only (no nested writes),
     * and {@code update} changes something.
     */
    private List<ScalarField> nativeUpsertOn(Model model, JsonNode where, JsonNode create, JsonNode update) {
        if (where == null || !where.isObject() || where.size() != 1 || create == null || !create.isObject() || update == null
                || !update.isObject() || update.isEmpty()) return null;
        for (JsonNode data : List.of(create, update)) {
            for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) if (model.field(it.next()) instanceof RelationField) return null;
        }
        String criterion = where.fieldNames().next();
        List<ScalarField> fields = uniqueFields(model, criterion);
        if (fields == null) return null;
        JsonNode given = where.get(criterion);
        for (ScalarField f : fields) {
            JsonNode inWhere = fields.size() == 1 ? given : given.get(f.name());
            JsonNode inCreate = create.get(f.name());
            if (inWhere == null || inCreate == null || inWhere.isNull() || inWhere.isObject() && fields.size() == 1) return null;
            Object a = Values.fromJson(f, schema.enumType(f.typeName()), inWhere, f.name());
            Object b = Values.fromJson(f, schema.enumType(f.typeName()), inCreate, f.name());
            if (!java.util.Objects.equals(Values.toJson(f, a), Values.toJson(f, b))) return null;
        }
        return fields;
    }

    /** The fields of the unique criterion {@code name} names (a unique field, the id, or a compound by its client name). */
    private static List<ScalarField> uniqueFields(Model model, String name) {
        if (model.primaryKey() != null && model.primaryKey().clientName().equals(name)) {
            return model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        }
        for (var u : model.uniqueIndexes()) {
            if (u.clientName().equals(name)) return u.fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        }
        return null;
    }

    /** {@code delete}: P2025 when no record matches. */
    public void delete(Session s, Model model, Map<String, Object> key) {
        actions.deleteRecord(s, model, RecordKeys.keyFilter(model, key));
    }

    /** Finds the key of the one record a where-unique selects, for delete; P2025 when there is none. */
    public Map<String, Object> findForDelete(Session s, Model model, JsonNode where, String path) {
        Map<String, Object> key = findOne(s, model, reads.whereUnique(model, where, join(path, "where")));
        if (key == null) throw QueryError.notFound("No record was found for a delete.");
        return key;
    }

    /** {@code deleteMany}: returns the count. */
    public long deleteMany(Session s, Model model, JsonNode where, Long limit, String path) {
        Filter filter = where == null || where.isNull() ? Filter.ALL : reads.where(model, where, join(path, "where"));
        if (limit != null) filter = ReferentialActions.byKeys(model, firstKeys(s, model, filter, limit));
        return actions.delete(s, model, filter);
    }

    /** A filter selecting exactly the record with this key. */
    public static Filter keyFilter(Model model, Map<String, Object> key) {
        return RecordKeys.keyFilter(model, key);
    }

    /** @return an empty JSON object (for callers building arguments) */
    static JsonNode emptyObject() { return JSON.objectNode(); }
}
