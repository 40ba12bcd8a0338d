package dev.facet.data.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryError;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.data.value.Values;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Referential actions: emulated where the database has no foreign keys ({@code relationMode = "prisma"},
 * MongoDB), and previewed for the UI before a delete in every mode.
 *
 * <p>Emulation is set-based: rows are addressed by filters ("children whose parent matches F"), so
 * the number of statements grows with the depth of the relation graph, not with the number of rows.
 * Self-relations and cycles switch to materialized keys, one statement per level of actual data.
 */
public final class ReferentialActions {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 10_000;

    private final Schema schema;

    /** @param schema the schema whose relations and actions apply */
    public ReferentialActions(Schema schema) { this.schema = schema; }

    /** @return whether Facet (rather than the database) must carry out referential actions */
    public boolean emulated() {
        return schema.datasource().map(d -> d.relationMode() == RelationMode.PRISMA || !d.provider().isSql()).orElse(true);
    }

    /** The relations in which {@code model} is the referenced side, with a foreign key on the other side. */
    List<Relation> referencing(Model model) {
        List<Relation> out = new ArrayList<>();
        for (Relation r : schema.relations()) {
            if (r.kind() == RelationKind.IMPLICIT_MANY_TO_MANY || r.kind() == RelationKind.EMBEDDED_MANY_TO_MANY) continue;
            if (r.referencedModel().equals(model.name()) && r.referencingField() != null) out.add(r);
        }
        return out;
    }

    /** The implicit many-to-many relations {@code model} takes part in. */
    List<Relation> joinTables(Model model) {
        List<Relation> out = new ArrayList<>();
        for (Relation r : schema.relations()) {
            if (r.kind() == RelationKind.IMPLICIT_MANY_TO_MANY
                    && (r.referencingModel().equals(model.name()) || r.referencedModel().equals(model.name()))) out.add(r);
        }
        return out;
    }

    /** Children of {@code relation} whose parent matches {@code parents}. */
    Filter childrenOf(Relation relation, Filter parents) {
        Model child = schema.model(relation.referencingModel());
        return new Filter.ToOne((RelationField) child.field(relation.referencingField()), false, parents);
    }

    /**
     * Deletes the rows of {@code model} matching {@code where}, after carrying out what that does to
     * related rows where Facet emulates referential actions. The database does it otherwise.
     *
     * @return the number of rows deleted
     */
    public long delete(Session session, Model model, Filter where) {
        Filter rows = pin(session, model, where);
        if (rows == Filter.NONE) return 0;
        beforeDelete(session, model, rows);
        return session.delete(model, rows);
    }

    /**
     * The rows a filter matches now, held still while emulated actions change related rows: a filter
     * that looks at related rows could stop matching once the actions have changed them (a user with
     * posts no longer has any once its posts are deleted), so such a filter becomes the keys of the
     * rows it matches. A filter on the rows' own columns is kept as it is, which keeps the number of
     * statements independent of the number of rows.
     */
    public Filter pin(Session session, Model model, Filter where) {
        if (!emulated() || !readsRelations(where)) return where;
        List<Map<String, Object>> keys = keys(session, model, where);
        return keys.isEmpty() ? Filter.NONE : byKeys(model, keys);
    }

    private static boolean readsRelations(Filter f) {
        return switch (f) {
            case Filter.ToMany m -> true;
            case Filter.ToOne o -> true;
            case Filter.And a -> a.filters().stream().anyMatch(ReferentialActions::readsRelations);
            case Filter.Or o -> o.filters().stream().anyMatch(ReferentialActions::readsRelations);
            case Filter.Not n -> readsRelations(n.filter());
            default -> false;
        };
    }

    /**
     * Carries out what deleting the rows of {@code model} matching {@code where} does to related rows,
     * before those rows are deleted. Without emulation, only implicit join rows are the database's job.
     */
    public void beforeDelete(Session session, Model model, Filter where) {
        if (!emulated()) return;
        beforeDelete(session, model, where, new ArrayList<>(), 0);
    }

    private void beforeDelete(Session session, Model model, Filter where, List<String> path, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("referential actions nest too deep");
        for (Relation r : referencing(model)) {
            Model child = schema.model(r.referencingModel());
            Filter children = childrenOf(r, where);
            switch (r.onDelete()) {
                case CASCADE -> {
                    if (path.contains(child.name())) {
                        // A cycle: address the rows by key, level by level, so the filter does not grow forever.
                        cascadeByKeys(session, child, children, depth);
                    } else {
                        List<String> next = new ArrayList<>(path);
                        next.add(model.name());
                        beforeDelete(session, child, children, next, depth + 1);
                        session.delete(child, children);
                    }
                }
                case RESTRICT, NO_ACTION -> {
                    if (session.count(child, children) > 0) throw violation(r);
                }
                case SET_NULL -> setNull(session, r, child, children, depth);
                case SET_DEFAULT -> setDefault(session, r, child, children, depth);
            }
        }
        for (Relation r : joinTables(model)) {
            if (r.joinTable().modelA().equals(model.name())) session.unlinkWhere(r.joinTable(), JoinTable.COLUMN_A, model, where);
            if (r.joinTable().modelB().equals(model.name())) session.unlinkWhere(r.joinTable(), JoinTable.COLUMN_B, model, where);
        }
    }

    private void cascadeByKeys(Session session, Model model, Filter rows, int depth) {
        List<Map<String, Object>> keys = keys(session, model, rows);
        if (keys.isEmpty()) return;
        Filter byKeys = byKeys(model, keys);
        beforeDelete(session, model, byKeys, List.of(), depth + 1);
        session.delete(model, byKeys);
    }

    /** SetNull: the foreign key becomes null, which is itself a change of key when other relations reference it. */
    private void setNull(Session session, Relation r, Model child, Filter children, int depth) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (String f : r.fields()) {
            ScalarField sf = (ScalarField) child.field(f);
            if (sf.isRequired()) throw violation(r);
            changes.put(sf, new Session.FieldUpdate.Set(null));
        }
        onKeyChange(session, child, children, changes, depth + 1);
        session.update(child, children, changes);
    }

    private void setDefault(Session session, Relation r, Model child, Filter children, int depth) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (String f : r.fields()) {
            ScalarField sf = (ScalarField) child.field(f);
            Object value = sf.defaultValue() instanceof dev.facet.schema.model.DefaultValue.Literal l ? literal(sf, l.value()) : null;
            changes.put(sf, new Session.FieldUpdate.Set(value));
        }
        onKeyChange(session, child, children, changes, depth + 1);
        session.update(child, children, changes);
    }

    private Object literal(ScalarField f, Object value) {
        com.fasterxml.jackson.databind.JsonNode node = switch (value) {
            case String s when f.scalarType() != null && f.scalarType().isNumeric() -> dev.facet.data.value.JsonCodec.parse(s);
            case String s -> JSON.textNode(s);
            case Boolean b -> JSON.booleanNode(b);
            case dev.facet.schema.model.DefaultValue.EnumValueRef e -> JSON.textNode(e.name());
            default -> JSON.textNode(value.toString());
        };
        return Values.fromJson(f, schema.enumType(f.typeName()), node, f.name());
    }

    /**
     * Carries out what changing the referenced key of rows does to their children, before the rows
     * change: {@code onUpdate} Cascade moves them along (the same change applied to their foreign key,
     * so an increment stays an increment), SetNull clears them, Restrict and NoAction refuse. Each of
     * these changes a key in turn, which goes on down the relations that reference it.
     *
     * @param rows    the rows about to change
     * @param changes the changes about to be made to them, by field
     * @return the filter that selects the same rows once the children have changed (see {@link #pin})
     */
    public Filter beforeKeyUpdate(Session session, Model model, Filter rows, Map<ScalarField, Session.FieldUpdate> changes) {
        if (!emulated()) return rows;
        boolean referenced = referencing(model).stream()
                .anyMatch(r -> r.references().stream().anyMatch(n -> changes.keySet().stream().anyMatch(f -> f.name().equals(n))));
        if (!referenced) return rows;
        Filter pinned = pin(session, model, rows);
        onKeyChange(session, model, pinned, changes, 0);
        return pinned;
    }

    private void onKeyChange(Session session, Model model, Filter rows, Map<ScalarField, Session.FieldUpdate> changes, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("referential actions nest too deep");
        for (Relation r : referencing(model)) {
            boolean touched = r.references().stream().anyMatch(n -> changes.keySet().stream().anyMatch(f -> f.name().equals(n)));
            if (!touched) continue;
            Model child = schema.model(r.referencingModel());
            Filter children = childrenOf(r, rows);
            switch (r.onUpdate()) {
                case CASCADE -> {
                    Map<ScalarField, Session.FieldUpdate> follow = new LinkedHashMap<>();
                    for (int i = 0; i < r.fields().size(); i++) {
                        String ref = r.references().get(i);
                        for (var e : changes.entrySet()) {
                            if (e.getKey().name().equals(ref)) follow.put((ScalarField) child.field(r.fields().get(i)), e.getValue());
                        }
                    }
                    onKeyChange(session, child, children, follow, depth + 1);
                    session.update(child, children, follow);
                }
                case RESTRICT, NO_ACTION -> {
                    if (session.count(child, children) > 0) throw violation(r);
                }
                case SET_NULL -> setNull(session, r, child, children, depth);
                case SET_DEFAULT -> setDefault(session, r, child, children, depth);
            }
        }
    }

    /** P2014, naming the relation with the referencing model first, as Prisma does. */
    QueryError violation(Relation r) {
        return new QueryError("P2014", "The change you are trying to make would violate the required relation '" + r.name() + "' between the `"
                + r.referencingModel() + "` and `" + r.referencedModel() + "` models.");
    }

    // ---------------------------------------------------------------- preview

    /**
     * What deleting the rows of {@code model} matching {@code where} would do, without changing
     * anything: per relation, the rows deleted (recursively), set to null or to their default, and the
     * rows that would block the delete, with counts and ids.
     */
    public ObjectNode preview(Session session, Model model, Filter where) {
        ObjectNode out = JSON.objectNode();
        out.put("model", model.name());
        out.put("count", session.count(model, where));
        List<ObjectNode> blockers = new ArrayList<>();
        out.set("effects", effects(session, model, where, new HashSet<>(), blockers, 0));
        ArrayNode blocked = out.putArray("blockedBy");
        blockers.forEach(blocked::add);
        out.put("blocked", !blockers.isEmpty());
        return out;
    }

    private ArrayNode effects(Session session, Model model, Filter where, Set<String> visiting, List<ObjectNode> blockers, int depth) {
        ArrayNode effects = JSON.arrayNode();
        if (depth > 50) return effects;
        for (Relation r : referencing(model)) {
            Model child = schema.model(r.referencingModel());
            Filter children = childrenOf(r, where);
            long n = session.count(child, children);
            if (n == 0) continue;
            ObjectNode e = effects.addObject();
            e.put("relation", r.name());
            e.put("model", child.name());
            e.put("field", r.referencingField());
            e.put("count", n);
            switch (r.onDelete()) {
                case CASCADE -> {
                    e.put("action", "delete");
                    e.set("ids", ids(session, child, children));
                    String key = child.name() + "<-" + r.name();
                    if (visiting.add(key)) {
                        e.set("effects", effects(session, child, byKeys(child, keys(session, child, children)), visiting, blockers, depth + 1));
                        visiting.remove(key);
                    }
                }
                case SET_NULL -> {
                    e.put("action", "setNull");
                    e.set("ids", ids(session, child, children));
                    if (r.fields().stream().anyMatch(f -> ((ScalarField) child.field(f)).isRequired())) blockers.add(blocker(session, r, child, children, n));
                }
                case SET_DEFAULT -> {
                    e.put("action", "setDefault");
                    e.set("ids", ids(session, child, children));
                }
                case RESTRICT, NO_ACTION -> {
                    e.put("action", "restrict");
                    e.set("ids", ids(session, child, children));
                    blockers.add(blocker(session, r, child, children, n));
                }
            }
        }
        for (Relation r : joinTables(model)) {
            ObjectNode e = JSON.objectNode();
            e.put("relation", r.name());
            e.put("model", r.joinTable().tableName());
            e.put("action", "unlink");
            List<Map<String, Object>> keys = keys(session, model, where);
            if (keys.isEmpty()) continue;
            e.put("count", -1);
            effects.add(e);
        }
        return effects;
    }

    private ObjectNode blocker(Session session, Relation r, Model child, Filter children, long n) {
        ObjectNode b = JSON.objectNode();
        b.put("relation", r.name());
        b.put("model", child.name());
        b.put("count", n);
        b.set("ids", ids(session, child, children));
        b.put("message", violation(r).getMessage());
        return b;
    }

    private ArrayNode ids(Session session, Model model, Filter where) {
        ArrayNode out = JSON.arrayNode();
        for (Map<String, Object> k : keys(session, model, where)) {
            if (k.size() == 1) {
                var e = k.entrySet().iterator().next();
                out.add(Values.toJson((ScalarField) model.field(e.getKey()), e.getValue()));
            } else {
                ObjectNode o = out.addObject();
                for (var e : k.entrySet()) o.set(e.getKey(), Values.toJson((ScalarField) model.field(e.getKey()), e.getValue()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- keys

    static List<ScalarField> keyFields(Model model) {
        if (model.primaryKey() != null) return model.primaryKey().fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        for (var u : model.uniqueIndexes()) return u.fieldNames().stream().map(n -> (ScalarField) model.field(n)).toList();
        throw new QueryError("P2009", "The model " + model.name() + " has no unique criterion.");
    }

    static List<Map<String, Object>> keys(Session session, Model model, Filter where) {
        List<Selection.Item> items = keyFields(model).stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
        return session.read(new ReadQuery(model, where, List.of(), null, null, null, List.of(), new Selection(items)));
    }

    static Filter byKeys(Model model, List<Map<String, Object>> keys) {
        List<ScalarField> fields = keyFields(model);
        if (keys.isEmpty()) return Filter.NONE;
        if (fields.size() == 1) {
            ScalarField f = fields.getFirst();
            return new Filter.In(f, keys.stream().map(k -> k.get(f.name())).toList(), false);
        }
        List<Filter> any = new ArrayList<>();
        for (Map<String, Object> k : keys) {
            any.add(Filter.and(fields.stream().map(f -> (Filter) new Filter.Compare(f, Filter.CompareOp.EQUALS, k.get(f.name()), false)).toList()));
        }
        return new Filter.Or(any);
    }

    /** @return the action Prisma applies for a referential action name, for callers that show it */
    static String describe(ReferentialAction a) { return a.id(); }
}
