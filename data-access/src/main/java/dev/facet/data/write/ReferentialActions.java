package dev.facet.data.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.RelationLink;
import dev.facet.data.query.Selection;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
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
    private final Set<ConnectorCapability> capabilities;

    /**
     * @param schema       the schema whose relations and actions apply
     * @param capabilities what the database can do (foreign keys, and whether they carry out SetDefault)
     */
    public ReferentialActions(Schema schema, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.capabilities = capabilities;
    }

    /** @return whether Facet (rather than the database) must carry out referential actions */
    public boolean emulated() {
        boolean foreignKeys = capabilities.contains(ConnectorCapability.FOREIGN_KEYS);
        return schema.datasource().map(d -> d.relationMode() == RelationMode.PRISMA || !foreignKeys).orElse(true);
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

    /**
     * The order in which Prisma's graph runs the emulations of the relations referencing a model, so that the first
     * violation reported is Prisma's: it builds them by referencing model (in schema order), and, as each one leads to
     * the delete or update that is the result, its compiler runs them last first. A top-level {@code delete} returns
     * the record it read before, not the delete, so there they run in the order they were built.
     */
    private List<Relation> inPrismasOrder(List<Relation> relations, boolean builtOrder) {
        List<String> models = schema.models().stream().map(Model::name).toList();
        List<Relation> out = new ArrayList<>(relations);
        out.sort(java.util.Comparator.comparingInt(r -> models.indexOf(r.referencingModel())));
        return builtOrder ? out : out.reversed();
    }

    /** The many-to-many relations {@code model} takes part in (through a join table or key lists on both sides). */
    List<Relation> manyToMany(Model model) {
        List<Relation> out = new ArrayList<>();
        for (Relation r : schema.relations()) {
            if ((r.kind() == RelationKind.IMPLICIT_MANY_TO_MANY || r.kind() == RelationKind.EMBEDDED_MANY_TO_MANY)
                    && (r.referencingModel().equals(model.name()) || r.referencedModel().equals(model.name()))) out.add(r);
        }
        return out;
    }

    private RelationLink linkOf(Model model, String field) {
        return RelationLink.of(schema, model, (RelationField) model.field(field));
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
        return delete(session, model, where, false);
    }

    /** A top-level {@code delete} of one record: as {@link #delete}, with the relations checked in Prisma's order for it. */
    public long deleteRecord(Session session, Model model, Filter where) {
        return delete(session, model, where, true);
    }

    private long delete(Session session, Model model, Filter where, boolean record) {
        if (!emulated() || referencing(model).isEmpty() && manyToMany(model).isEmpty()) return session.delete(model, where);
        // Pinned by key (see pin), in slices that stay well within what one statement may bind, and locked: the rows
        // whose related rows change first are the rows deleted, even when a concurrent writer changes them meanwhile.
        List<Map<String, Object>> keys = session.lockKeys(model, where, null);
        int slice = Math.max(1, PINNED_KEYS / keyFields(model).size());
        long deleted = 0;
        for (int from = 0; from < keys.size(); from += slice) {
            Filter rows = byKeys(model, keys.subList(from, Math.min(keys.size(), from + slice)));
            beforeDelete(session, model, rows, new ArrayList<>(), 0, record);
            deleted += session.delete(model, rows);
        }
        return deleted;
    }

    /** The most key values bound in one statement when rows are addressed by key. */
    private static final int PINNED_KEYS = 10_000;

    /**
     * The rows a filter matches now, held still while emulated actions change related rows: a filter
     * that looks at related rows could stop matching once the actions have changed them (a user with
     * posts no longer has any once its posts are deleted), so such a filter becomes the keys of the
     * rows it matches. A filter on the rows' own columns is kept as it is, which keeps the number of
     * statements independent of the number of rows.
     */
    public Filter pin(Session session, Model model, Filter where) {
        if (!emulated() || !Filter.readsRelations(where)) return where;
        List<Map<String, Object>> keys = keys(session, model, where);
        return keys.isEmpty() ? Filter.NONE : byKeys(model, keys);
    }

    /**
     * Carries out what deleting the rows of {@code model} matching {@code where} does to related rows,
     * before those rows are deleted. Without emulation, only implicit join rows are the database's job.
     */
    public void beforeDelete(Session session, Model model, Filter where) {
        if (!emulated()) return;
        beforeDelete(session, model, where, new ArrayList<>(), 0, false);
    }

    private void beforeDelete(Session session, Model model, Filter where, List<String> path, int depth, boolean record) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("referential actions nest too deep");
        for (Relation r : inPrismasOrder(referencing(model), record)) {
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
                        beforeDelete(session, child, children, next, depth + 1, false);
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
        for (Relation r : manyToMany(model)) {
            // Both sides are the model's own in a self-relation: each field's connections go.
            if (r.referencingModel().equals(model.name())) session.disconnectAll(linkOf(model, r.referencingField()), where);
            if (r.referencedModel().equals(model.name())) session.disconnectAll(linkOf(model, r.referencedField()), where);
        }
    }

    private void cascadeByKeys(Session session, Model model, Filter rows, int depth) {
        List<Map<String, Object>> keys = keys(session, model, rows);
        if (keys.isEmpty()) return;
        Filter byKeys = byKeys(model, keys);
        beforeDelete(session, model, byKeys, List.of(), depth + 1, false);
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
        for (Relation r : inPrismasOrder(referencing(model), false)) {
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
     * anything, as the database (foreign keys) or the emulation would do it: per relation, the rows
     * deleted (recursively), set to null or to their default, and the rows that would block the delete
     * (with the error code the delete would fail with); and per model, the totals of distinct rows.
     * Ids are listed up to {@value #PREVIEW_IDS} per effect ({@code more} counts the rest). Like the
     * emulation, it addresses rows by filters, so its statements do not grow with the number of rows.
     */
    public DeleteImpact preview(Session session, Model model, Filter where) {
        Walk walk = new Walk(session);
        long n = session.count(model, where);
        walk.mark(walk.deleted, model, where);
        List<DeleteImpact.Effect> effects = n == 0 ? List.of() : walk.effects(model, where, List.of(), 0);
        return new DeleteImpact(model.name(), n, effects, walk.blockers, walk.totals());
    }

    private static final int PREVIEW_IDS = 100;
    private static final int PREVIEW_DEPTH = 200;

    /** The action the delete would actually take: foreign keys without SetDefault (MySQL's) treat it as NoAction. */
    private ReferentialAction onDeleteTaken(Relation r) {
        boolean noSetDefault = !emulated() && !capabilities.contains(ConnectorCapability.FOREIGN_KEY_SET_DEFAULT);
        return noSetDefault && r.onDelete() == ReferentialAction.SET_DEFAULT ? ReferentialAction.NO_ACTION : r.onDelete();
    }

    /** One preview: the effects found so far, as filters per model, and what blocks the delete. */
    private final class Walk {
        final Session session;
        final Map<String, List<Filter>> deleted = new LinkedHashMap<>();
        final Map<String, List<Filter>> setNull = new LinkedHashMap<>();
        final Map<String, List<Filter>> setDefault = new LinkedHashMap<>();
        /** Keys already reached on cyclic paths (self-relations, cycles), so a cycle in the data ends. */
        final Map<String, Set<Map<String, Object>>> seen = new HashMap<>();
        final List<DeleteImpact.Blocker> blockers = new ArrayList<>();

        Walk(Session session) { this.session = session; }

        void mark(Map<String, List<Filter>> kind, Model model, Filter rows) {
            kind.computeIfAbsent(model.name(), k -> new ArrayList<>()).add(rows);
        }

        List<DeleteImpact.Effect> effects(Model model, Filter rows, List<String> path, int depth) {
            List<DeleteImpact.Effect> out = new ArrayList<>();
            if (depth > PREVIEW_DEPTH) return out;
            List<String> longer = new ArrayList<>(path);
            longer.add(model.name());
            for (Relation r : referencing(model)) {
                Model child = schema.model(r.referencingModel());
                Filter children = childrenOf(r, rows);
                long n = session.count(child, children);
                if (n == 0) continue;
                ReferentialAction action = onDeleteTaken(r);
                Ids ids = ids(child, children, n);
                List<DeleteImpact.Effect> next = switch (action) {
                    case CASCADE -> {
                        Filter further = children;
                        if (longer.contains(child.name())) {
                            // A model met again on its own path: go on by keys, so the filter does not nest forever.
                            further = unseen(child, children);
                            if (further == Filter.NONE) yield null;
                        }
                        mark(deleted, child, further);
                        yield effects(child, further, longer, depth + 1);
                    }
                    case SET_NULL -> {
                        mark(setNull, child, children);
                        if (r.fields().stream().anyMatch(f -> ((ScalarField) child.field(f)).isRequired())) {
                            block(r, child, children, n, emulated() ? "P2014" : "P2011");
                        }
                        yield keyChanged(child, children, r.fields(), true, depth + 1);
                    }
                    case SET_DEFAULT -> {
                        mark(setDefault, child, children);
                        yield keyChanged(child, children, r.fields(), false, depth + 1);
                    }
                    case RESTRICT, NO_ACTION -> {
                        block(r, child, children, n, emulated() ? "P2014" : "P2003");
                        yield null;
                    }
                };
                out.add(effect(r, child, onDelete(action), n, ids, next));
            }
            for (Relation r : manyToMany(model)) {
                if (r.joinTable() == null) {
                    // Id arrays on both sides (MongoDB): the records whose arrays lose the deleted ids, and those ids.
                    if (r.referencingModel().equals(model.name())) unlinkFromArrays(out, r, model, r.referencingField(), r.referencedModel(), r.referencedField(), rows);
                    if (r.referencedModel().equals(model.name())) unlinkFromArrays(out, r, model, r.referencedField(), r.referencingModel(), r.referencingField(), rows);
                    continue;
                }
                long linked = 0;
                if (r.referencingModel().equals(model.name())) linked += linkedCount(r, r.referencedModel(), r.referencedField(), rows);
                if (r.referencedModel().equals(model.name())) linked += linkedCount(r, r.referencingModel(), r.referencingField(), rows);
                if (linked == 0) continue;
                // Where the connections live: the join table, or (key lists) the other side's model.
                String where = r.joinTable() != null ? r.joinTable().tableName()
                        : r.referencingModel().equals(model.name()) ? r.referencedModel() : r.referencingModel();
                out.add(new DeleteImpact.Effect(r.name(), where, null, DeleteImpact.Action.UNLINK, linked, List.of(), 0, null));
            }
            return out;
        }

        /** A referenced key set to null or to its default: the relations referencing it take their onUpdate action. */
        private List<DeleteImpact.Effect> keyChanged(Model model, Filter rows, List<String> fields, boolean toNull, int depth) {
            List<DeleteImpact.Effect> out = new ArrayList<>();
            if (depth > PREVIEW_DEPTH) return out;
            for (Relation r : referencing(model)) {
                if (r.references().stream().noneMatch(fields::contains)) continue;
                Model child = schema.model(r.referencingModel());
                Filter children = childrenOf(r, rows);
                long n = session.count(child, children);
                if (n == 0) continue;
                ReferentialAction action = r.onUpdate();
                Ids ids = ids(child, children, n);
                DeleteImpact.Action shown;
                List<DeleteImpact.Effect> next;
                switch (action) {
                    case CASCADE, SET_NULL, SET_DEFAULT -> {
                        boolean nulls = action == ReferentialAction.SET_NULL || action == ReferentialAction.CASCADE && toNull;
                        if (nulls) {
                            shown = DeleteImpact.Action.SET_NULL;
                            mark(setNull, child, children);
                        } else {
                            shown = action == ReferentialAction.CASCADE ? DeleteImpact.Action.UPDATE : DeleteImpact.Action.SET_DEFAULT;
                            if (action == ReferentialAction.SET_DEFAULT) mark(setDefault, child, children);
                        }
                        next = keyChanged(child, children, r.fields(), nulls, depth + 1);
                    }
                    default -> {
                        shown = DeleteImpact.Action.RESTRICT;
                        next = null;
                        block(r, child, children, n, emulated() ? "P2014" : "P2003");
                    }
                }
                out.add(effect(r, child, shown, n, ids, next));
            }
            return out;
        }

        private void unlinkFromArrays(List<DeleteImpact.Effect> out, Relation r, Model model, String ownField, String otherModel, String otherField,
                                      Filter rows) {
            if (ownField == null || otherField == null) return;
            Model other = schema.model(otherModel);
            RelationField back = (RelationField) other.field(otherField);
            Filter holders = new Filter.ToMany(back, Filter.Quantifier.SOME, rows);
            long n = session.count(other, holders);
            if (n == 0) return;
            Ids holding = ids(other, holders, n);
            Filter pulled = Filter.and(List.of(rows, new Filter.ToMany((RelationField) model.field(ownField), Filter.Quantifier.SOME, Filter.ALL)));
            Ids removed = ids(model, pulled, session.count(model, pulled));
            String array = back.fields().isEmpty() ? null : back.fields().getFirst();
            out.add(new DeleteImpact.Effect(r.name(), other.name(), array, DeleteImpact.Action.UNLINK, n, holding.keys(), holding.more(), null,
                    removed.keys(), removed.more()));
        }

        private long linkedCount(Relation r, String otherModel, String otherField, Filter rows) {
            if (otherField == null) return 0;
            Model other = schema.model(otherModel);
            return session.count(other, new Filter.ToMany((RelationField) other.field(otherField), Filter.Quantifier.SOME, rows));
        }

        private Filter unseen(Model model, Filter rows) {
            Set<Map<String, Object>> known = seen.computeIfAbsent(model.name(), k -> new HashSet<>());
            List<Map<String, Object>> fresh = new ArrayList<>();
            for (Map<String, Object> k : keys(session, model, rows)) if (known.add(k)) fresh.add(k);
            return fresh.isEmpty() ? Filter.NONE : byKeys(model, fresh);
        }

        private static DeleteImpact.Action onDelete(ReferentialAction action) {
            return switch (action) {
                case CASCADE -> DeleteImpact.Action.DELETE;
                case SET_NULL -> DeleteImpact.Action.SET_NULL;
                case SET_DEFAULT -> DeleteImpact.Action.SET_DEFAULT;
                case RESTRICT, NO_ACTION -> DeleteImpact.Action.RESTRICT;
            };
        }

        private DeleteImpact.Effect effect(Relation r, Model child, DeleteImpact.Action action, long n, Ids ids, List<DeleteImpact.Effect> next) {
            return new DeleteImpact.Effect(r.name(), child.name(), r.referencingField(), action, n, ids.keys(), ids.more(), next);
        }

        private void block(Relation r, Model child, Filter children, long n, String code) {
            Ids ids = ids(child, children, n);
            blockers.add(new DeleteImpact.Blocker(r.name(), child.name(), n, ids.keys(), ids.more(), code, violation(r).getMessage()));
        }

        /** The keys of the first {@value #PREVIEW_IDS} rows, and how many more there are. */
        private record Ids(List<Map<String, Object>> keys, long more) {}

        private Ids ids(Model model, Filter where, long n) {
            List<Selection.Item> items = keyFields(model).stream().map(f -> (Selection.Item) new Selection.Scalar(f)).toList();
            List<Map<String, Object>> keys = session.read(new ReadQuery(model, where, List.of(), null, null, (long) PREVIEW_IDS, List.of(),
                    new Selection(items)));
            return new Ids(keys, Math.max(0, n - keys.size()));
        }

        /** Distinct rows per model: deleted, and set to null or to their default without being deleted. */
        Map<String, DeleteImpact.Total> totals() {
            Map<String, DeleteImpact.Total> out = new LinkedHashMap<>();
            Set<String> models = new java.util.LinkedHashSet<>(deleted.keySet());
            models.addAll(setNull.keySet());
            models.addAll(setDefault.keySet());
            for (String name : models) {
                Model m = schema.model(name);
                Filter gone = deleted.containsKey(name) ? any(deleted.get(name)) : Filter.NONE;
                Long d = deleted.containsKey(name) ? session.count(m, gone) : null;
                Long n = setNull.containsKey(name) ? session.count(m, Filter.and(List.of(any(setNull.get(name)), new Filter.Not(gone)))) : null;
                Long sd = setDefault.containsKey(name)
                        ? session.count(m, Filter.and(List.of(any(setDefault.get(name)), new Filter.Not(gone)))) : null;
                out.put(name, new DeleteImpact.Total(d, n, sd));
            }
            return out;
        }

        private Filter any(List<Filter> filters) { return filters.size() == 1 ? filters.getFirst() : new Filter.Or(filters); }
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
