package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.error.QueryError;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Selection;
import dev.facet.data.value.Generated;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prisma Client's writes on the primitive operations of a {@link Session}: create, update, upsert
 * and delete with nested writes on every kind of relation (create, createMany, connect,
 * connectOrCreate, disconnect, set, update, updateMany, upsert, delete, deleteMany), client-side
 * defaults, {@code @updatedAt}, and emulated referential actions. The caller runs each request in one
 * transaction, so a failure half-way leaves nothing behind.
 */
public final class WriteEngine {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> TO_ONE_OPS = Set.of("create", "connect", "connectOrCreate", "disconnect", "update", "upsert", "delete");
    private static final Set<String> TO_MANY_OPS = Set.of("create", "createMany", "connect", "connectOrCreate", "disconnect", "set", "update",
            "updateMany", "upsert", "delete", "deleteMany");

    private final Schema schema;
    private final ReadArguments reads;
    private final ReferentialActions actions;
    private final CompositeInputs composites;
    private final Set<ConnectorCapability> capabilities;
    private final InputShapes shapes;
    private final CreateChecks createChecks;
    /** Which waiting nested create of the current top-level create Prisma runs early (see {@link CreateOrder.Plan}). */
    private final ThreadLocal<CreateOrder.Plan> createPlan = ThreadLocal.withInitial(() -> CreateOrder.Plan.NONE);

    /**
     * @param schema       the schema
     * @param reads        the parser of filters and where-unique inputs
     * @param actions      the referential actions
     * @param capabilities what the database can do (native upsert, RETURNING)
     */
    public WriteEngine(Schema schema, ReadArguments reads, ReferentialActions actions, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.reads = reads;
        this.actions = actions;
        this.capabilities = capabilities;
        this.shapes = new InputShapes(schema);
        this.composites = new CompositeInputs(schema, reads, this::scalarChange);
        this.createChecks = new CreateChecks(schema, reads);
    }

    // ---------------------------------------------------------------- top level

    /** {@code create}: returns the created record's key values. */
    public Map<String, Object> create(Session s, Model model, JsonNode data, String path) {
        checkCreateOps(model, requireObject(data, path), path);
        createPlan.set(CreateOrder.Plan.of(schema, model, data));
        try {
            return createRecord(s, model, data, path, Map.of(), null);
        } finally {
            createPlan.remove();
        }
    }

    /**
     * Prisma validates a whole create before writing: a relation takes only create, createMany (to-many),
     * connect and connectOrCreate, also in the records it creates. Facet checks the same up front, so that a
     * refused operation is a validation error rather than whatever the first write runs into.
     */
    private void checkCreateOps(Model model, JsonNode data, String path) {
        if (!data.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(model.field(e.getKey()) instanceof RelationField rf) || !e.getValue().isObject()) continue;
            String p = join(path, e.getKey());
            boolean many = rf.isList() && !RelationLink.of(schema, model, rf).viaJoinTable();
            checkOps(e.getValue(), many ? Set.of("create", "createMany", "connect", "connectOrCreate") : Set.of("create", "connect", "connectOrCreate"),
                    p, rf);
            Model child = schema.model(rf.relatedModel());
            if (child == null) continue;
            JsonNode create = e.getValue().path("create");
            if (!create.isMissingNode()) checkCreateList(child, backFieldOf(rf), create, join(p, "create"));
            for (JsonNode c : create.isArray() ? create : List.of(create)) {
                createChecks.checkRecord(child, backFieldOf(rf), c, join(p, "create"));
                checkCreateOps(child, c, join(p, "create"));
            }
            createChecks.checkConnects(child, e.getValue(), p);
            JsonNode coc = e.getValue().path("connectOrCreate");
            for (JsonNode c : coc.isArray() ? coc : List.of(coc)) checkCreateOps(child, c.path("create"), join(p, "connectOrCreate.create"));
        }
    }

    /** {@code createMany}: scalar data only; returns how many were inserted. */
    public long createMany(Session s, Model model, JsonNode data, boolean skipDuplicates, String path) {
        List<Map<ScalarField, Object>> rows = new ArrayList<>();
        List<JsonNode> items = items(data);
        for (int i = 0; i < items.size(); i++) rows.add(scalarRow(model, items.get(i), path + "." + i, Map.of()));
        return s.insertMany(model, rows, skipDuplicates);
    }

    /** {@code createManyAndReturn}: inserts one by one and returns each record's key. */
    public List<Map<String, Object>> createManyAndReturn(Session s, Model model, JsonNode data, boolean skipDuplicates, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<JsonNode> items = items(data);
        for (int i = 0; i < items.size(); i++) {
            Map<ScalarField, Object> row = scalarRow(model, items.get(i), path + "." + i, Map.of());
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

    private Map<String, Object> readKeyAfterInsert(Session s, Model model, Map<ScalarField, Object> row) {
        List<Filter> parts = new ArrayList<>();
        for (var e : row.entrySet()) {
            if (e.getValue() == null) parts.add(new Filter.IsNull(e.getKey()));
            else if (!(e.getValue() instanceof List)) parts.add(new Filter.Compare(e.getKey(), Filter.CompareOp.EQUALS, e.getValue(), false));
        }
        List<Map<String, Object>> found = ReferentialActions.keys(s, model, Filter.and(parts));
        return found.getLast();
    }

    /** {@code update}: the record matching a where-unique; P2025 when there is none. Returns its key after the update. */
    public Map<String, Object> update(Session s, Model model, JsonNode where, JsonNode data, String path) {
        Filter filter = reads.whereUnique(model, where, join(path, "where"));
        checkUpdateData(model, data, join(path, "data"));
        Map<String, Object> key = findOne(s, model, filter);
        if (key == null) throw missingForUpdate(model, data);
        return updateRecord(s, model, key, requireObject(data, join(path, "data")), join(path, "data"));
    }

    /** {@code updateMany}: scalar changes to every record a filter matches; returns the count. */
    public long updateMany(Session s, Model model, JsonNode where, JsonNode data, Long limit, String path) {
        Filter filter = where == null || where.isNull() ? Filter.ALL : reads.where(model, where, join(path, "where"));
        if (limit != null) filter = ReferentialActions.byKeys(model, firstKeys(s, model, filter, limit));
        Map<ScalarField, Session.FieldUpdate> changes = scalarChanges(model, requireObject(data, join(path, "data")), join(path, "data"), true);
        touchUpdatedAt(model, changes);
        return s.update(model, keyUpdate(s, model, filter, changes), changes);
    }

    /** {@code updateManyAndReturn}: like updateMany, returning the keys of the updated records. */
    public List<Map<String, Object>> updateManyAndReturn(Session s, Model model, JsonNode where, JsonNode data, Long limit, String path) {
        Filter filter = where == null || where.isNull() ? Filter.ALL : reads.where(model, where, join(path, "where"));
        List<Map<String, Object>> keys = limit != null ? firstKeys(s, model, filter, limit) : s.lockKeys(model, filter, null);
        if (keys.isEmpty()) return List.of();
        Map<ScalarField, Session.FieldUpdate> changes = scalarChanges(model, requireObject(data, join(path, "data")), join(path, "data"), true);
        touchUpdatedAt(model, changes);
        Filter byKeys = ReferentialActions.byKeys(model, keys);
        keyUpdate(s, model, byKeys, changes);
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
        List<ScalarField> conflict = nestedRead || actions.emulated() || !capabilities.contains(ConnectorCapability.NATIVE_UPSERT) ? null : nativeUpsertOn(model, where, create, update);
        if (conflict != null) {
            Map<ScalarField, Object> values = scalarRow(model, create, join(path, "create"), Map.of());
            Map<ScalarField, Session.FieldUpdate> changes = scalarChanges(model, update, join(path, "update"), true);
            touchUpdatedAt(model, changes);
            return s.upsert(model, values, conflict, changes, filter);
        }
        checkUpdateData(model, update, join(path, "update"));
        Map<String, Object> key = findOne(s, model, filter);
        if (key != null) return updateRecord(s, model, key, requireObject(update, join(path, "update")), join(path, "update"));
        return createRecord(s, model, requireObject(create, join(path, "create")), join(path, "create"), Map.of(), null);
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
        actions.delete(s, model, keyFilter(model, key));
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

    // ---------------------------------------------------------------- create

    /**
     * Creates one record with its nested writes.
     *
     * @param preset     values fixed by the parent of a nested create (the foreign key pointing at it)
     * @param backField  the relation field pointing back at that parent, which the data may not mention
     */
    private Map<String, Object> createRecord(Session s, Model model, JsonNode data, String path, Map<ScalarField, Object> preset,
                                             RelationField backField) {
        shapes.checkCreate(model, backField, List.of(data), List.of(path));
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        List<Map.Entry<RelationField, JsonNode>> inline = new ArrayList<>();
        List<Map.Entry<RelationField, JsonNode>> later = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = field(model, e.getKey(), p);
            if (backField != null && f.name().equals(backField.name())) throw unknownIn(model, backField, p, e.getKey());
            switch (f) {
                case ScalarField sf -> {
                    if (preset.containsKey(sf)) throw unknownIn(model, backField, p, e.getKey());
                    values.put(sf, scalarValue(sf, e.getValue(), p));
                }
                case RelationField rf -> {
                    if (e.getValue().isNull()) throw QueryError.validation(p, "A value is required but not set");
                    if (RelationLink.of(schema, model, rf).parentHoldsKey()) inline.add(Map.entry(rf, e.getValue()));
                    else later.add(Map.entry(rf, e.getValue()));
                }
            }
        }
        values.putAll(preset);
        // Prisma runs the writes of the relations this record holds in the reverse of their order in the data.
        for (var op : inline.reversed()) values.putAll(inlineForCreate(s, model, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                join(path, op.getKey().name())));
        addDefaults(model, values);
        checkRequired(model, values, path, hasCheckedAndUncheckedInputs(model, backField));
        for (var op : later) checkToOneConnect(s, model, op.getKey(), op.getValue(), join(path, op.getKey().name()));
        Map<String, Object> row = s.insert(model, values);
        CreateOrder.Pending deferred = new CreateOrder.Pending(createPlan.get(), data);
        for (var op : later) {
            deferred.beforeWrite();
            nested(s, model, row, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())), join(path, op.getKey().name()), true,
                    deferred);
            deferred.afterWrite();
        }
        deferred.runAll();
        return keyOf(model, row);
    }

    /**
     * Prisma looks up the record a to-one relation of a new record connects to before creating it (so a missing one
     * creates nothing, not even a sequence value).
     */
    private void checkToOneConnect(Session s, Model model, RelationField rf, JsonNode op, String path) {
        if (rf.isList() || !op.isObject() || !op.has("connect")) return;
        RelationLink link = RelationLink.of(schema, model, rf);
        if (s.count(link.child(), reads.whereUnique(link.child(), op.get("connect"), join(path, "connect"))) > 0) return;
        throw QueryError.notFound("No '" + link.child().name() + "' record (needed to create or connect inlined relation for '" + model.name()
                + "' record(s)) was found for a nested connect on " + kindWords(link) + " relation '" + relationName(link) + "'.");
    }

    private Map<ScalarField, Object> scalarRow(Model model, JsonNode data, String path, Map<ScalarField, Object> preset) {
        requireObject(data, path);
        Map<ScalarField, Object> values = new LinkedHashMap<>(preset);
        QueryError unknown = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            if (!(model.field(e.getKey()) instanceof ScalarField sf) || sf.ignored() || sf.kind() == FieldKind.UNSUPPORTED) {
                if (unknown == null) unknown = InputShapes.unknownArgument(p, e.getKey(), scalarOptions(model, preset.keySet(), true));
                continue;
            }
            values.put(sf, scalarValue(sf, e.getValue(), p));
        }
        addDefaults(model, values);
        // Prisma reports a missing argument before an unknown one.
        checkRequired(model, values, path, false);
        if (unknown != null) throw unknown;
        return values;
    }

    private Object scalarValue(ScalarField f, JsonNode v, String path) {
        return scalarValue(f, v, path, TypeErrors.Place.CREATE);
    }

    private Object scalarValue(ScalarField f, JsonNode v, String path, TypeErrors.Place place) {
        if (f.isComposite()) return composites.value(f, v, path);
        if (f.scalarType() == ScalarType.JSON && !f.isList()) return jsonValue(f, v, path);
        if (v.isNull()) {
            if (f.isRequired()) throw QueryError.validation(path, "Argument `" + path.substring(path.lastIndexOf('.') + 1) + "` must not be null.");
            return null;
        }
        if (f.isList()) {
            JsonNode list = v.isObject() && v.has("set") ? v.get("set") : v;
            return Values.listFromJson(f, schema.enumType(f.typeName()), list, path);
        }
        return Values.fromJson(f, schema.enumType(f.typeName()), v, path, place);
    }

    /** A Json value to store: {@code null} and JsonNull are the JSON value null, DbNull (optional fields only) the database's NULL. */
    private Object jsonValue(ScalarField f, JsonNode v, String path) {
        Values.JsonNullKind kind = v.isNull() ? Values.JsonNullKind.JSON_NULL : Values.jsonNullKind(v);
        if (kind == null) return Values.fromJson(f, null, v, path);
        return switch (kind) {
            case JSON_NULL -> JSON.nullNode();
            case DB_NULL -> {
                if (f.isRequired()) throw QueryError.validation(path, "Invalid value for argument `" + f.name() + "`. Expected JsonNullValueInput.");
                yield null;
            }
            case ANY_NULL -> throw QueryError.validation(path, "Invalid value for argument `" + f.name() + "`. Expected "
                    + (f.isRequired() ? "JsonNullValueInput." : "NullableJsonNullValueInput."));
        };
    }

    private void addDefaults(Model model, Map<ScalarField, Object> values) {
        for (ScalarField f : model.scalarFields()) {
            // Prisma Client does not know ignored fields: it writes no default to them.
            if (values.containsKey(f) || f.ignored()) continue;
            if (f.updatedAt()) {
                values.put(f, Generated.now());
            } else if (f.defaultValue() instanceof dev.facet.schema.model.DefaultValue.Literal l && f.scalarType() == ScalarType.JSON && !f.isList()) {
                // Prisma writes a Json default itself: MySQL cannot hold one in the column.
                values.put(f, dev.facet.data.value.JsonCodec.parse(l.value().toString()));
            } else if (f.defaultValue() != null) {
                Object generated = Generated.valueFor(f.defaultValue());
                if (generated != null) values.put(f, generated);
            }
        }
    }

    /**
     * Whether Prisma offers a create of {@code model} two input types, one with relations and one with
     * their foreign keys: it does when the model holds a foreign key (other than the one to the parent
     * of a nested create). A missing required value then fails to match either type, which Prisma
     * reports as P2009 rather than P2012.
     */
    private boolean hasCheckedAndUncheckedInputs(Model model, RelationField backField) {
        for (RelationField rf : model.relationFields()) {
            if (rf != backField && RelationLink.of(schema, model, rf).parentHoldsKey()) return true;
        }
        return false;
    }

    private void checkRequired(Model model, Map<ScalarField, Object> values, String path, boolean union) {
        for (ScalarField f : model.scalarFields()) {
            if (values.containsKey(f) || !f.isRequired() || f.defaultValue() != null || f.ignored() || f.kind() == FieldKind.UNSUPPORTED) continue;
            RelationField owner = null;
            for (RelationField rf : model.relationFields()) if (rf.fields().contains(f.name())) owner = rf;
            String missing = owner != null ? owner.name() : f.name();
            if (union) throw InputShapes.missing(join(path, missing), missing);
            throw new QueryError("P2012", join(path, missing) + ": Argument `" + missing + "` is missing.");
        }
    }

    /** A to-one relation whose foreign key is on the record being created: returns the key values to store. */
    private Map<ScalarField, Object> inlineForCreate(Session s, Model model, RelationField rf, JsonNode op, String path) {
        checkOps(op, Set.of("create", "connect", "connectOrCreate"), path, rf);
        RelationLink link = RelationLink.of(schema, model, rf);
        Map<String, Object> target = null;
        if (op.has("create")) {
            target = createRecord(s, link.child(), requireObject(op.get("create"), join(path, "create")), join(path, "create"), Map.of(),
                    backFieldOf(rf));
            target = readFields(s, link.child(), target, link.childKeys());
        }
        if (op.has("connectOrCreate")) target = connectOrCreateTarget(s, link, op.get("connectOrCreate"), join(path, "connectOrCreate"));
        if (op.has("connect")) target = connectTarget(s, model, link, op.get("connect"), join(path, "connect"), true);
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        if (target == null) return values;
        releaseOneToOne(s, model, link, target, null);
        for (int i = 0; i < link.parentKeys().size(); i++) values.put(link.parentKeys().get(i), target.get(link.childKeys().get(i).name()));
        return values;
    }

    /** @param creating whether the record holding the key is being created (Prisma words a one-to-one connect then as its own) */
    private Map<String, Object> connectTarget(Session s, Model model, RelationLink link, JsonNode where, String path, boolean creating) {
        Map<String, Object> found = findFields(s, link.child(), reads.whereUnique(link.child(), where, path), link.childKeys());
        if (found == null) {
            // Prisma words a one-to-one connect by whether the record holding the key is new, and an update's without a reason.
            String needed = relation(link).kind() != RelationKind.ONE_TO_ONE ? " (needed to inline the relation on '" + model.name() + "' record(s))"
                    : creating ? " (needed to create or connect inlined relation for '" + model.name() + "' record(s))" : "";
            throw QueryError.notFound("No '" + link.child().name() + "' record" + needed + " was found for a nested connect on " + kindWords(link)
                    + " relation '" + relationName(link) + "'.");
        }
        return found;
    }

    private Map<String, Object> connectOrCreateTarget(Session s, RelationLink link, JsonNode op, String path) {
        requireObject(op, path);
        Map<String, Object> found = findFields(s, link.child(), reads.whereUnique(link.child(), op.get("where"), join(path, "where")), link.childKeys());
        if (found != null) return found;
        Map<String, Object> created = createRecord(s, link.child(), requireObject(op.get("create"), join(path, "create")), join(path, "create"),
                Map.of(), backFieldOf(link.field()));
        return readFields(s, link.child(), created, link.childKeys());
    }

    // ---------------------------------------------------------------- update

    private Map<String, Object> updateRecord(Session s, Model model, Map<String, Object> key, JsonNode data, String path) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        List<Map.Entry<RelationField, JsonNode>> inline = new ArrayList<>();
        List<Map.Entry<RelationField, JsonNode>> later = new ArrayList<>();
        shapes.checkUpdate(model, data, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = field(model, e.getKey(), p);
            switch (f) {
                case ScalarField sf -> changes.put(sf, scalarChange(sf, e.getValue(), p));
                case RelationField rf -> {
                    if (e.getValue().isNull()) throw QueryError.validation(p, "A value is required but not set");
                    if (RelationLink.of(schema, model, rf).parentHoldsKey()) inline.add(Map.entry(rf, e.getValue()));
                    else later.add(Map.entry(rf, e.getValue()));
                }
            }
        }
        Filter byKey = keyFilter(model, key);
        for (var op : inline.reversed()) {
            changes.putAll(inlineForUpdate(s, model, key, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                    join(path, op.getKey().name())));
        }
        if (!changes.isEmpty()) {
            touchUpdatedAt(model, changes);
            keyUpdate(s, model, byKey, changes);
            s.update(model, byKey, changes);
            key = newKeys(model, List.of(key), changes).getFirst();
        }
        if (!later.isEmpty()) {
            Map<String, Object> row = findFields(s, model, keyFilter(model, key), referencedFields(model));
            CreateOrder.Pending deferred = new CreateOrder.Pending(CreateOrder.Plan.NONE, data);
            for (var op : later) nested(s, model, row, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                    join(path, op.getKey().name()), false, deferred);
            deferred.runAll();
        }
        return key;
    }

    /** Prisma validates an update's data before it looks for the record: its shape and its scalar values. */
    private void checkUpdateData(Model model, JsonNode data, String path) {
        requireObject(data, path);
        shapes.checkUpdate(model, data, path);
        InputShapes.checkOperationValues(schema, model, data, path);
        data.fields().forEachRemaining(e -> {
            if (field(model, e.getKey(), join(path, e.getKey())) instanceof ScalarField sf) scalarChange(sf, e.getValue(), join(path, e.getKey()));
        });
        // Prisma refuses a disconnect that would leave a required key empty while it builds the query, before any lookup.
        data.fields().forEachRemaining(e -> {
            // (A required to-one takes no disconnect at all: that is a validation error, found later.)
            if (model.field(e.getKey()) instanceof RelationField rf && (rf.isList() || !rf.isRequired()) && e.getValue().isObject()
                    && e.getValue().has("disconnect")) {
                RelationLink link = RelationLink.of(schema, model, rf);
                if (!link.manyToMany() && !link.parentHoldsKey() && requiredBothWays(link)) throw actions.violation(relation(link));
            }
        });
    }

    /** Emulated onUpdate actions when a referenced key changes; returns the filter that selects the rows to update afterwards. */
    private Filter keyUpdate(Session s, Model model, Filter rows, Map<ScalarField, Session.FieldUpdate> changes) {
        return actions.beforeKeyUpdate(s, model, rows, changes);
    }

    private Map<ScalarField, Session.FieldUpdate> scalarChanges(Model model, JsonNode data, String path, boolean scalarsOnly) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = field(model, e.getKey(), p);
            if (!(f instanceof ScalarField sf)) throw InputShapes.unknownArgument(p, e.getKey(), scalarOptions(model, Set.of(), false));
            changes.put(sf, scalarChange(sf, e.getValue(), p));
        }
        return changes;
    }

    private Session.FieldUpdate scalarChange(ScalarField f, JsonNode v, String path) {
        if (f.isComposite()) return composites.change(f, v, path);
        // A Json field has no update operations: an object is the value to store.
        if (v.isObject() && !v.has("$type") && !(f.scalarType() == ScalarType.JSON && !f.isList())) {
            // Prisma's operations input takes exactly one; otherwise the object is read as a value of the field's type.
            if (v.size() != 1) throw QueryError.validation(path, TypeErrors.wrongKind(f, f.name(), v, TypeErrors.Place.CREATE));
            Map.Entry<String, JsonNode> op = v.fields().next();
            String p = join(path, op.getKey());
            return switch (op.getKey()) {
                case "set" -> new Session.FieldUpdate.Set(scalarValue(f, op.getValue(), p));
                case "increment", "decrement", "multiply", "divide" -> {
                    if (f.scalarType() == null || !f.scalarType().isNumeric() || f.isList()) {
                        throw QueryError.validation(p, "`" + op.getKey() + "` is only available on numeric fields");
                    }
                    if (op.getValue().isNull()) throw QueryError.validation(p, "Argument `" + op.getKey() + "` must not be null.");
                    Session.FieldUpdate.Op kind = switch (op.getKey()) {
                        case "increment" -> Session.FieldUpdate.Op.ADD;
                        case "decrement" -> Session.FieldUpdate.Op.SUBTRACT;
                        case "multiply" -> Session.FieldUpdate.Op.MULTIPLY;
                        default -> Session.FieldUpdate.Op.DIVIDE;
                    };
                    yield new Session.FieldUpdate.Arithmetic(kind, Values.fromJson(f, null, op.getValue(), p));
                }
                case "push" -> {
                    if (!f.isList()) throw QueryError.validation(p, "`push` is only available on list fields");
                    yield new Session.FieldUpdate.Push(Values.listFromJson(f, schema.enumType(f.typeName()), op.getValue(), p));
                }
                case "unset" -> {
                    // Prisma has `unset` on MongoDB only, for fields that may be absent (optional ones and lists).
                    if (!capabilities.contains(ConnectorCapability.ABSENT_FIELDS) || f.isRequired()) {
                        throw QueryError.validation(p, "unknown operation 'unset' (expected set, increment, decrement, multiply, divide or push)");
                    }
                    if (!op.getValue().isBoolean() || !op.getValue().asBoolean()) {
                        throw QueryError.validation(p, "Facet takes `unset: true` only (leave the field out to keep it), not " + op.getValue() + ".");
                    }
                    yield new Session.FieldUpdate.Unset();
                }
                default -> throw InputShapes.unknownArgument(p, op.getKey(), InputShapes.updateOperations(f));
            };
        }
        return new Session.FieldUpdate.Set(scalarValue(f, v, path, TypeErrors.Place.UPDATE));
    }

    private void touchUpdatedAt(Model model, Map<ScalarField, Session.FieldUpdate> changes) {
        if (changes.isEmpty()) return;
        for (ScalarField f : model.scalarFields()) {
            if (f.updatedAt() && !f.ignored() && !changes.containsKey(f)) changes.put(f, new Session.FieldUpdate.Set(Generated.now()));
        }
    }

    /** A to-one relation inlined on the record being updated: returns the foreign key changes. */
    private Map<ScalarField, Session.FieldUpdate> inlineForUpdate(Session s, Model model, Map<String, Object> key, RelationField rf, JsonNode op,
                                                                   String path) {
        Set<String> allowed = new HashSet<>(Set.of("create", "connect", "connectOrCreate", "update", "upsert"));
        if (!rf.isRequired()) allowed.addAll(Set.of("disconnect", "delete"));
        checkOps(op, allowed, path, rf);
        RelationLink link = RelationLink.of(schema, model, rf);
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        Map<String, Object> current = findFields(s, model, keyFilter(model, key), link.parentKeys());
        Filter currentTarget = currentInlineTarget(link, current);
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Map<String, Object> target = null;
            switch (e.getKey()) {
                case "create" -> target = readFields(s, link.child(), createRecord(s, link.child(), requireObject(e.getValue(), p), p, Map.of(),
                        backFieldOf(rf)), link.childKeys());
                case "connect" -> target = connectTarget(s, model, link, e.getValue(), p, false);
                case "connectOrCreate" -> target = connectOrCreateTarget(s, link, e.getValue(), p);
                case "disconnect" -> {
                    if (e.getValue().isBoolean() && !e.getValue().asBoolean()) continue;
                    // On SQL databases Prisma 7 checks the filter for validity only: the relation is disconnected whatever it says.
                    if (e.getValue().isObject()) reads.where(link.child(), e.getValue(), p);
                    for (ScalarField f : link.parentKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
                }
                case "delete" -> {
                    if (e.getValue().isBoolean() && !e.getValue().asBoolean()) continue;
                    Filter target2 = currentTarget == null ? Filter.NONE : currentTarget;
                    if (e.getValue().isObject()) target2 = Filter.and(List.of(target2, reads.where(link.child(), e.getValue(), p)));
                    List<Map<String, Object>> victims = s.lockKeys(link.child(), target2, null);
                    if (victims.isEmpty()) {
                        throw QueryError.notFound("No '" + link.child().name() + "' record was found for a nested delete on " + kindWords(link)
                                + " relation '" + relationName(link) + "'.");
                    }
                    for (ScalarField f : link.parentKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
                    // The foreign key is cleared first so that the delete's own referential actions do not see this record.
                    s.update(model, keyFilter(model, key), new LinkedHashMap<>(changes));
                    actions.delete(s, link.child(), ReferentialActions.byKeys(link.child(), victims));
                }
                case "update" -> {
                    JsonNode v = requireObject(e.getValue(), p);
                    JsonNode data = v.has("data") && (v.has("where") || v.size() == 1 && !isField(link.child(), "data")) ? v.get("data") : v;
                    Filter where = currentTarget == null ? Filter.NONE : currentTarget;
                    if (v.has("where") && v.has("data")) where = Filter.and(List.of(where, reads.where(link.child(), v.get("where"), join(p, "where"))));
                    Map<String, Object> childKey = findOne(s, link.child(), where);
                    if (childKey == null) {
                        throw QueryError.notFound("No '" + link.child().name() + "' record was found for a nested update on " + kindWords(link)
                                + " relation '" + relationName(link) + "'.");
                    }
                    // The related record changes; this record's foreign key is left to the relation's onUpdate action.
                    updateRecord(s, link.child(), childKey, requireObject(data, join(p, "data")), join(p, "data"));
                }
                case "upsert" -> {
                    JsonNode v = requireObject(e.getValue(), p);
                    Filter where = currentTarget == null ? Filter.NONE : currentTarget;
                    if (v.has("where")) where = Filter.and(List.of(where, reads.where(link.child(), v.get("where"), join(p, "where"))));
                    Map<String, Object> childKey = findOne(s, link.child(), where);
                    if (childKey != null) {
                        updateRecord(s, link.child(), childKey, requireObject(v.get("update"), join(p, "update")), join(p, "update"));
                    } else {
                        target = readFields(s, link.child(), createRecord(s, link.child(), requireObject(v.get("create"), join(p, "create")),
                                join(p, "create"), Map.of(), backFieldOf(rf)), link.childKeys());
                    }
                }
                default -> throw new IllegalStateException(e.getKey());
            }
            if (target != null) {
                releaseOneToOne(s, model, link, target, key);
                for (int i = 0; i < link.parentKeys().size(); i++) {
                    changes.put(link.parentKeys().get(i), new Session.FieldUpdate.Set(target.get(link.childKeys().get(i).name())));
                }
            }
        }
        return changes;
    }

    /**
     * One-to-one, foreign key on this side: the record now pointing at {@code target} (other than {@code self}) lets go
     * of it, as Prisma moves the relation over; P2014 when its foreign key is required.
     *
     * @param self the key of the record being written (null while creating it)
     */
    private void releaseOneToOne(Session s, Model model, RelationLink link, Map<String, Object> target, Map<String, Object> self) {
        if (target == null || relation(link).kind() != RelationKind.ONE_TO_ONE) return;
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = target.get(link.childKeys().get(i).name());
            if (v == null) return;
            parts.add(new Filter.Compare(link.parentKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        if (self != null) parts.add(new Filter.Not(keyFilter(model, self)));
        Filter holders = Filter.and(parts);
        if (s.count(model, holders) == 0) return;
        if (link.parentKeys().stream().anyMatch(ScalarField::isRequired)) throw actions.violation(relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.parentKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(model, holders, changes);
    }

    private static boolean isField(Model m, String name) { return m.field(name) != null; }

    /** The related record the parent's foreign key currently points at, or null when it points nowhere. */
    private static Filter currentInlineTarget(RelationLink link, Map<String, Object> parentValues) {
        if (parentValues == null) return null;
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = parentValues.get(link.parentKeys().get(i).name());
            if (v == null) return null;
            parts.add(new Filter.Compare(link.childKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        return Filter.and(parts);
    }

    // ---------------------------------------------------------------- nested writes on the other side

    /**
     * Nested writes through a relation whose foreign key is on the related records (to-many, or the
     * back side of a one-to-one), or through an implicit many-to-many join table.
     *
     * @param parent   the parent record's referenced values (at least its key and the fields relations reference)
     * @param creating whether the parent is being created (it has no related records yet)
     */
    private void nested(Session s, Model model, Map<String, Object> parent, RelationField rf, JsonNode op, String path, boolean creating,
                        CreateOrder.Pending deferred) {
        RelationLink link = RelationLink.of(schema, model, rf);
        Set<String> allowed = new HashSet<>(rf.isList() ? TO_MANY_OPS : TO_ONE_OPS);
        if (creating) allowed.retainAll(Set.of("create", "createMany", "connect", "connectOrCreate"));
        if (!rf.isList() && rf.isRequired()) allowed.removeAll(Set.of("disconnect", "delete"));
        if (link.manyToMany()) allowed.remove("createMany");
        checkOps(op, allowed, path, rf);
        Model child = link.child();
        RelationField back = backFieldOf(rf);
        Filter connected = connectedTo(link, parent);
        Map<ScalarField, Object> preset = link.manyToMany() ? Map.of() : presetFor(link, parent);
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "create" -> {
                    checkCreateList(child, back, v, p);
                    List<JsonNode> list = rf.isList() ? items(v) : List.of(v);
                    List<Runnable> now = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        String ip = rf.isList() && v.isArray() ? join(p, Integer.toString(i)) : p;
                        JsonNode data = requireObject(list.get(i), ip);
                        Runnable create = () -> {
                            if (!rf.isList() && !creating) replaceToOne(s, link, connected);
                            Map<String, Object> created = createRecord(s, child, data, ip, preset, back);
                            if (link.manyToMany()) linkPairs(s, link, parent, List.of(created));
                        };
                        if (CreateOrder.waitsForItsRelations(schema, child, back, data)) deferred.add(data, create);
                        else now.add(create);
                    }
                    deferred.listRead();
                    now.forEach(Runnable::run);
                }
                case "createMany" -> {
                    JsonNode cm = requireObject(v, p);
                    List<Map<ScalarField, Object>> rows = new ArrayList<>();
                    List<JsonNode> data = items(cm.get("data"));
                    for (int i = 0; i < data.size(); i++) rows.add(scalarRow(child, data.get(i), join(join(p, "data"), Integer.toString(i)), preset));
                    s.insertMany(child, rows, cm.path("skipDuplicates").asBoolean(false));
                }
                case "connect" -> connect(s, model, link, parent, connected, rf.isList() ? items(v) : List.of(v), p, creating);
                case "connectOrCreate" -> {
                    for (JsonNode item : rf.isList() ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        Filter where = reads.whereUnique(child, item.get("where"), join(p, "where"));
                        // Not locked, as Prisma reads it: two concurrent creates then end in P2002 (not in a deadlock, on MySQL).
                        if (!ReferentialActions.keys(s, child, where).isEmpty()) {
                            connect(s, model, link, parent, connected, List.of(item.get("where")), p, creating);
                        } else {
                            // Unlike a nested create, Prisma creates here without releasing the record connected before.
                            Map<String, Object> created = createRecord(s, child, requireObject(item.get("create"), join(p, "create")), join(p, "create"),
                                    preset, back);
                            if (link.manyToMany()) linkPairs(s, link, parent, List.of(created));
                        }
                    }
                }
                case "disconnect" -> {
                    // Disconnecting a required relation is refused before anything is looked up.
                    if (!link.manyToMany() && requiredBothWays(link)) throw actions.violation(relation(link));
                    if (!rf.isList()) {
                        if (v.isBoolean() && !v.asBoolean()) continue;
                        Filter target = v.isObject() ? Filter.and(List.of(connected, reads.where(child, v, p))) : connected;
                        disconnect(s, link, parent, target);
                    } else {
                        List<Filter> any = new ArrayList<>();
                        for (JsonNode item : items(v)) any.add(reads.whereUnique(child, item, p));
                        if (!any.isEmpty()) disconnect(s, link, parent, Filter.and(List.of(connected, new Filter.Or(any))));
                    }
                }
                case "set" -> {
                    disconnect(s, link, parent, connected);
                    List<JsonNode> targets = items(v);
                    if (!targets.isEmpty()) connect(s, model, link, parent, Filter.NONE, targets, p, true);
                }
                case "update" -> {
                    for (JsonNode item : rf.isList() ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        Filter where = connected;
                        JsonNode data = item;
                        if (rf.isList()) {
                            where = Filter.and(List.of(connected, reads.whereUnique(child, item.get("where"), join(p, "where"))));
                            data = item.get("data");
                        } else if (item.has("data") && (item.has("where") || child.field("data") == null)) {
                            if (item.has("where")) where = Filter.and(List.of(connected, reads.where(child, item.get("where"), join(p, "where"))));
                            data = item.get("data");
                        }
                        Map<String, Object> childKey = findOne(s, child, where);
                        if (childKey == null) {
                            throw QueryError.notFound("No '" + child.name() + "' record was found for a nested update on " + kindWords(link)
                                    + " relation '" + relationName(link) + "'.");
                        }
                        updateRecord(s, child, childKey, requireObject(data, join(p, "data")), join(p, "data"));
                    }
                }
                case "updateMany" -> {
                    for (JsonNode item : items(v)) {
                        requireObject(item, p);
                        Filter where = Filter.and(List.of(connected, item.has("where") ? reads.where(child, item.get("where"), join(p, "where")) : Filter.ALL));
                        Map<ScalarField, Session.FieldUpdate> changes = scalarChanges(child, requireObject(item.get("data"), join(p, "data")),
                                join(p, "data"), true);
                        touchUpdatedAt(child, changes);
                        s.update(child, keyUpdate(s, child, where, changes), changes);
                    }
                }
                case "upsert" -> {
                    for (JsonNode item : rf.isList() ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        Filter where = connected;
                        if (item.has("where")) {
                            where = Filter.and(List.of(connected, rf.isList() ? reads.whereUnique(child, item.get("where"), join(p, "where"))
                                    : reads.where(child, item.get("where"), join(p, "where"))));
                        }
                        Map<String, Object> childKey = findOne(s, child, where);
                        if (childKey != null) {
                            updateRecord(s, child, childKey, requireObject(item.get("update"), join(p, "update")), join(p, "update"));
                        } else {
                            if (!rf.isList() && !creating) replaceToOne(s, link, connected);
                            Map<String, Object> created = createRecord(s, child, requireObject(item.get("create"), join(p, "create")),
                                    join(p, "create"), preset, back);
                            if (link.manyToMany()) linkPairs(s, link, parent, List.of(created));
                        }
                    }
                }
                case "delete" -> {
                    List<Filter> targets = new ArrayList<>();
                    if (rf.isList()) {
                        for (JsonNode item : items(v)) targets.add(reads.whereUnique(child, item, p));
                    } else {
                        if (v.isBoolean() && !v.asBoolean()) continue;
                        targets.add(v.isObject() ? reads.where(child, v, p) : Filter.ALL);
                    }
                    for (Filter t : targets) {
                        Filter target = Filter.and(List.of(connected, t));
                        List<Map<String, Object>> victims = s.lockKeys(child, target, null);
                        if (victims.isEmpty()) {
                            if (rf.isList()) {
                                throw new QueryError("P2017", "The records for relation `" + relationName(link) + "` between the `" + model.name()
                                        + "` and `" + child.name() + "` models are not connected.");
                            }
                            throw QueryError.notFound("No '" + child.name() + "' record was found for a nested delete on " + kindWords(link)
                                    + " relation '" + relationName(link) + "'.");
                        }
                        actions.delete(s, child, ReferentialActions.byKeys(child, victims));
                    }
                }
                case "deleteMany" -> {
                    for (JsonNode item : items(v)) {
                        actions.delete(s, child, Filter.and(List.of(connected, reads.where(child, item, p))));
                    }
                }
                default -> throw new IllegalStateException(e.getKey());
            }
        }
    }

    /** Connecting a new record to a to-one back relation detaches the current one; P2014 when its key is required. */
    private void replaceToOne(Session s, RelationLink link, Filter connected) {
        if (link.manyToMany() || s.count(link.child(), connected) == 0) return;
        for (ScalarField f : link.childKeys()) if (f.isRequired()) throw actions.violation(relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.childKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(link.child(), connected, changes);
    }

    private void connect(Session s, Model model, RelationLink link, Map<String, Object> parent, Filter connected, List<JsonNode> wheres, String path,
                         boolean creating) {
        Model child = link.child();
        List<Filter> any = new ArrayList<>();
        for (int i = 0; i < wheres.size(); i++) any.add(reads.whereUnique(child, wheres.get(i), path));
        Filter targets = any.size() == 1 ? any.getFirst() : new Filter.Or(any);
        List<Map<String, Object>> found = ReferentialActions.keys(s, child, targets);
        int expected = (int) wheres.stream().map(Object::toString).distinct().count();
        if (found.size() < expected) {
            if (link.manyToMany()) {
                throw QueryError.notFound("Expected " + expected + " records to be connected, found only " + found.size() + ".");
            }
            if (!link.field().isList()) {
                throw QueryError.notFound("No '" + child.name() + "' record was found for a nested connect on " + kindWords(link) + " relation '"
                        + relationName(link) + "'.");
            }
            throw new QueryError("P2018", "The required connected records were not found. Expected " + expected
                    + " records to be connected after connect operation on " + kindWords(link) + " relation '" + relationName(link) + "', found "
                    + found.size() + ".");
        }
        if (link.manyToMany()) {
            linkPairs(s, link, parent, found);
            return;
        }
        if (!link.field().isList() && !creating) {
            // Re-connecting the record already connected is a no-op; another one is detached first.
            Filter others = Filter.and(List.of(connected, new Filter.Not(ReferentialActions.byKeys(child, found))));
            replaceToOne(s, link, others);
        }
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (var e : presetFor(link, parent).entrySet()) changes.put(e.getKey(), new Session.FieldUpdate.Set(e.getValue()));
        // Prisma updates the connected records as any update does (their @updatedAt becomes now); a disconnect does not.
        touchUpdatedAt(child, changes);
        s.update(child, ReferentialActions.byKeys(child, found), changes);
    }

    private void disconnect(Session s, RelationLink link, Map<String, Object> parent, Filter targets) {
        if (link.manyToMany()) {
            List<Map<String, Object>> found = ReferentialActions.keys(s, link.child(), targets);
            if (found.isEmpty()) return;
            List<Object> childIds = new ArrayList<>();
            ScalarField childId = link.childKeys().getFirst();
            for (Map<String, Object> f : found) childIds.add(f.get(childId.name()));
            s.disconnect(link, parent.get(link.parentKeys().getFirst().name()), childIds);
            return;
        }
        if (s.count(link.child(), targets) == 0) return;
        if (requiredBothWays(link)) throw actions.violation(relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.childKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(link.child(), targets, changes);
    }

    /** @return whether either side of the relation is required, so that it cannot be disconnected */
    private boolean requiredBothWays(RelationLink link) {
        return link.childKeys().stream().anyMatch(ScalarField::isRequired) || link.field().isRequired()
                || backFieldOf(link.field()) != null && backFieldOf(link.field()).isRequired();
    }

    private void linkPairs(Session s, RelationLink link, Map<String, Object> parent, List<Map<String, Object>> children) {
        if (children.isEmpty()) return;
        List<Object> childIds = new ArrayList<>();
        for (Map<String, Object> c : children) childIds.add(c.get(link.childKeys().getFirst().name()));
        s.connect(link, parent.get(link.parentKeys().getFirst().name()), childIds);
    }

    /** Related records connected to {@code parent}: by foreign key, or through the join table (via the back relation). */
    private Filter connectedTo(RelationLink link, Map<String, Object> parent) {
        if (link.manyToMany()) {
            RelationField back = backFieldOf(link.field());
            ScalarField parentId = link.parentKeys().getFirst();
            return new Filter.ToMany(back, Filter.Quantifier.SOME,
                    new Filter.Compare(parentId, Filter.CompareOp.EQUALS, parent.get(parentId.name()), false));
        }
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = parent.get(link.parentKeys().get(i).name());
            if (v == null) return Filter.NONE;
            parts.add(new Filter.Compare(link.childKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        return Filter.and(parts);
    }

    private static Map<ScalarField, Object> presetFor(RelationLink link, Map<String, Object> parent) {
        Map<ScalarField, Object> preset = new LinkedHashMap<>();
        for (int i = 0; i < link.parentKeys().size(); i++) preset.put(link.childKeys().get(i), parent.get(link.parentKeys().get(i).name()));
        return preset;
    }

    // ---------------------------------------------------------------- helpers

    private RelationField backFieldOf(RelationField rf) {
        for (Relation r : schema.relations()) {
            if (r.name().equals(rf.relationName())) {
                boolean isReferencing = rf.name().equals(r.referencingField()) && rf.relatedModel().equals(r.referencedModel());
                String backName = isReferencing ? r.referencedField() : r.referencingField();
                String backModel = rf.relatedModel();
                if (backName == null) return null;
                Field f = schema.model(backModel).field(backName);
                if (f instanceof RelationField back && back != rf) return back;
                // Self-relations: the other field of the pair.
                String other = rf.name().equals(r.referencingField()) ? r.referencedField() : r.referencingField();
                return other == null ? null : (RelationField) schema.model(backModel).field(other);
            }
        }
        return null;
    }

    private Relation relation(RelationLink link) {
        return schema.relationOf(link.parent().name(), link.field().name());
    }

    /**
     * The error of an update whose record does not exist. Prisma runs the nested writes that depend on the record
     * before it notices, so the first of them that needs the record reports it in its own words (many-to-many
     * connects, creates and disconnects, one-to-many connects and creates, a to-one update or create); the others
     * (set, deleteMany, updateMany on one-to-many) leave it to the generic text. It does so only with foreign keys
     * on a database that returns updated rows (PostgreSQL, SQLite): otherwise it reads the record first. Disconnecting
     * a required relation is refused (P2014) before anything is read.
     */
    private QueryError missingForUpdate(Model model, JsonNode data) {
        boolean readsFirst = actions.emulated() || !capabilities.contains(ConnectorCapability.RETURNING);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.isObject() ? data.fields() : java.util.Collections.emptyIterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(model.field(e.getKey()) instanceof RelationField rf) || !e.getValue().isObject()) continue;
            RelationLink link = RelationLink.of(schema, model, rf);
            String on = " on " + kindWords(link) + " relation '" + relationName(link) + "'.";
            String me = "No '" + model.name() + "' record";
            for (Iterator<String> ops = e.getValue().fieldNames(); ops.hasNext(); ) {
                String op = ops.next();
                String text = null;
                if (link.manyToMany()) {
                    text = switch (op) {
                        case "set" -> me + " (needed to disconnect existing child records) was found for a nested set" + on;
                        case "connect", "create", "connectOrCreate" -> me + " was found for a connect" + on;
                        case "disconnect" -> me + " was found for a disconnect" + on;
                        case "update" -> "No '" + link.child().name() + "' record was found for a nested update" + on;
                        default -> null;
                    };
                    if (op.equals("delete") && !readsFirst) {
                        return new QueryError("P2017", "The records for relation `" + relationName(link) + "` between the `" + model.name()
                                + "` and `" + link.child().name() + "` models are not connected.");
                    }
                } else if (link.parentHoldsKey()) {
                    if (op.equals("update")) text = "No '" + link.child().name() + "' record was found for a nested update" + on;
                } else if (rf.isList()) {
                    text = switch (op) {
                        case "connect" -> me + " (needed to inline the relation on '" + link.child().name() + "' record(s)) was found for a nested connect" + on;
                        case "create" -> me + " (needed to inline the relation on '" + model.name() + "' record(s)) was found for a nested create" + on;
                        default -> null;
                    };
                } else if (op.equals("create")) {
                    text = me + " (needed to create inlined relation for '" + link.child().name() + "' record(s)) was found for a nested create" + on;
                } else if (op.equals("delete")) {
                    text = "No '" + link.child().name() + "' record was found for a nested delete" + on;
                } else if (op.equals("disconnect") && backFieldOf(rf) != null && backFieldOf(rf).isRequired()) {
                    return actions.violation(relation(link));
                }
                if (text != null && !readsFirst) return QueryError.notFound(text);
            }
        }
        return QueryError.notFound("No record was found for an update.");
    }

    private String relationName(RelationLink link) { return relation(link).name(); }

    private String kindWords(RelationLink link) {
        Relation r = relation(link);
        return r.kind() == RelationKind.ONE_TO_ONE ? "one-to-one" : r.kind() == RelationKind.ONE_TO_MANY ? "one-to-many" : "many-to-many";
    }

    private void checkOps(JsonNode op, Set<String> allowed, String path, RelationField rf) {
        // An empty nested write is valid input that does nothing, as in Prisma (its fields are all optional).
        for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw unknownOp(join(path, k), k, allowed);
        }
    }

    private Field field(Model model, String name, String path) {
        Field f = model.field(name);
        if (f == null || f.ignored() || f instanceof ScalarField sf && sf.kind() == FieldKind.UNSUPPORTED) {
            throw InputShapes.unknownArgument(path, name, shapes.options(model, null, true));
        }
        return f;
    }

    /** A field the data type of a nested create lacks (the relation to the parent, or its foreign key). */
    private QueryError unknownIn(Model model, RelationField back, String path, String name) {
        return InputShapes.unknownArgument(path, name, shapes.options(model, back, true));
    }

    /** The scalar arguments of a createMany (with foreign keys) or an updateMany (without) data type. */
    private List<String> scalarOptions(Model model, Set<ScalarField> excluded, boolean foreignKeys) {
        List<String> names = shapes.options(model, null, !foreignKeys);
        return names.stream().filter(n -> model.field(n) instanceof ScalarField f && !excluded.contains(f)).toList();
    }

    /** An operation a relation's nested-write type does not offer here, with Prisma's order of the operations. */
    private static QueryError unknownOp(String path, String name, Set<String> allowed) {
        return InputShapes.unknownArgument(path, name, CreateOrder.NESTED_OPS.stream().filter(allowed::contains).toList());
    }

    /** A nested create list: every record fits the checked input type, or every record the unchecked one. */
    private void checkCreateList(Model child, RelationField back, JsonNode create, String path) {
        List<JsonNode> list = items(create);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) paths.add(create.isArray() ? join(path, Integer.toString(i)) : path);
        shapes.checkCreate(child, back, list, paths);
    }

    /**
     * The key of the record a write is about to change, locked until the transaction ends: the write then changes the
     * record only if it still matches (see {@link Session#lockKeys}), never one a concurrent writer changed meanwhile.
     */
    private Map<String, Object> findOne(Session s, Model model, Filter where) {
        List<Map<String, Object>> keys = s.lockKeys(model, where, null);
        return keys.isEmpty() ? null : keys.getFirst();
    }

    private List<Map<String, Object>> firstKeys(Session s, Model model, Filter where, long limit) {
        // Prisma limits updateMany/deleteMany without ordering: the rows come in the database's order.
        return s.lockKeys(model, where, limit);
    }

    private Map<String, Object> findFields(Session s, Model model, Filter where, List<ScalarField> fields) {
        java.util.LinkedHashSet<ScalarField> all = new java.util.LinkedHashSet<>(ReferentialActions.keyFields(model));
        all.addAll(fields);
        List<Selection.Item> items = all.stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
        List<Map<String, Object>> rows = s.read(new ReadQuery(model, where, List.of(), null, null, 1L, List.of(), new Selection(items)));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    private Map<String, Object> readFields(Session s, Model model, Map<String, Object> key, List<ScalarField> fields) {
        return findFields(s, model, keyFilter(model, key), fields);
    }

    /** The fields other records reference on {@code model} (its key and every field named in a relation's references). */
    private List<ScalarField> referencedFields(Model model) {
        java.util.LinkedHashSet<ScalarField> out = new java.util.LinkedHashSet<>(ReferentialActions.keyFields(model));
        for (RelationField rf : model.relationFields()) {
            RelationLink link = RelationLink.of(schema, model, rf);
            out.addAll(link.parentKeys());
        }
        return new ArrayList<>(out);
    }

    /** The key (primary key fields) of a stored row. */
    static Map<String, Object> keyOf(Model model, Map<String, Object> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (ScalarField f : ReferentialActions.keyFields(model)) key.put(f.name(), row.get(f.name()));
        return key;
    }

    /** A filter selecting exactly the record with this key. */
    public static Filter keyFilter(Model model, Map<String, Object> key) {
        List<Filter> parts = new ArrayList<>();
        for (ScalarField f : ReferentialActions.keyFields(model)) parts.add(new Filter.Compare(f, Filter.CompareOp.EQUALS, key.get(f.name()), false));
        return Filter.and(parts);
    }

    /** Keys after an update that may have set key fields. */
    private static List<Map<String, Object>> newKeys(Model model, List<Map<String, Object>> keys, Map<ScalarField, Session.FieldUpdate> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> k : keys) {
            Map<String, Object> n = new LinkedHashMap<>(k);
            for (var e : changes.entrySet()) {
                String name = e.getKey().name();
                if (!n.containsKey(name)) continue;
                if (e.getValue() instanceof Session.FieldUpdate.Set set) n.put(name, set.value());
                if (e.getValue() instanceof Session.FieldUpdate.Arithmetic a) n.put(name, arithmetic(n.get(name), a));
            }
            out.add(n);
        }
        return out;
    }

    /** The value a key has after an arithmetic update, computed as the database computes it (integers divide towards zero). */
    private static Object arithmetic(Object current, Session.FieldUpdate.Arithmetic a) {
        if (current == null) return null;
        java.math.BigDecimal x = new java.math.BigDecimal(current.toString());
        java.math.BigDecimal y = new java.math.BigDecimal(a.operand().toString());
        boolean integral = current instanceof Integer || current instanceof Long;
        java.math.BigDecimal r = switch (a.op()) {
            case ADD -> x.add(y);
            case SUBTRACT -> x.subtract(y);
            case MULTIPLY -> x.multiply(y);
            case DIVIDE -> integral ? x.divide(y, 0, java.math.RoundingMode.DOWN) : x.divide(y, java.math.MathContext.DECIMAL64);
        };
        return switch (current) {
            case Integer i -> r.intValue();
            case Long l -> r.longValue();
            case Double d -> r.doubleValue();
            default -> r;
        };
    }

    private static List<JsonNode> items(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null || v.isNull()) return out;
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    private static JsonNode requireObject(JsonNode v, String path) {
        if (v == null || v.isNull()) throw QueryError.validation(path, "A value is required but not set");
        if (!v.isObject()) throw QueryError.validation(path, "expected an object, but received " + v);
        return v;
    }

    private static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    /** @return an empty JSON object (for callers building arguments) */
    static JsonNode emptyObject() { return JSON.objectNode(); }
}
