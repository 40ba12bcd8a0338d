package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The requests Save sends in one transaction, built from a snapshot of the pending changes (so the
 * background thread never reads state the FX thread owns), and what became of them.
 *
 * <p>New records go first (so that changed foreign keys can point at them), deletions last (so that
 * records can be moved off a parent before it goes).
 */
final class SavePlan {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    enum Kind { CREATE, UPDATE, DELETE }

    /**
     * One request of the transaction.
     *
     * @param original for an update, the record as loaded; else null
     * @param values   for an update, the pending values; else null
     */
    record Step(QueryEngine.Request request, Kind kind, RowKey key, GridRow draft, ObjectNode original, Map<String, JsonNode> values) {
        /** @return what the step is about, for messages: {@code new record 1}, {@code Customer 5} */
        String label() { return kind == Kind.CREATE ? "new record " + draft.draftNumber() : request.model() + " " + key.label(); }

        /** @return the draft row or the record key the step is about */
        Object ref() { return kind == Kind.CREATE ? draft : key; }
    }

    /**
     * What Save did.
     *
     * @param failed      the step that failed, or null when everything was saved
     * @param error       its error
     * @param conflicts   records changed by someone else meanwhile (when an update matched nothing)
     * @param goneDeletes records to delete that someone else deleted already
     */
    record Outcome(Step failed, QueryError error, List<Conflict> conflicts, List<RowKey> goneDeletes) {
        static final Outcome SAVED = new Outcome(null, null, List.of(), List.of());

        boolean saved() { return failed == null; }
    }

    private final Model model;
    private final boolean absentFields;
    private final Schema schema;
    /** The keys of the records the last successful run created, in the order they were added. */
    private volatile List<RowKey> created = List.of();
    private final List<GridColumn> columns;
    private final List<ScalarField> keyFields;
    private final ObjectNode include;
    private final List<Step> steps = new ArrayList<>();

    /**
     * @param include the grid's relation includes, so that the other side of a conflict reads like a row
     */
    SavePlan(Model model, List<GridColumn> columns, ChangeSet changes, ObjectNode include) {
        this(null, model, columns, changes, include, false);
    }

    /**
     * @param absentFields whether a field may be missing from a record (MongoDB): a value loaded as null is then
     *                     guarded as "null or missing", since Prisma's {@code null} matches an explicit null only
     * @param schema       the schema, for the guards of embedded documents ({@link CompositeGuard}); null without them
     */
    SavePlan(Schema schema, Model model, List<GridColumn> columns, ChangeSet changes, ObjectNode include, boolean absentFields) {
        this.schema = schema;
        this.absentFields = absentFields;
        this.model = model;
        this.columns = columns;
        this.keyFields = RowKey.fields(model);
        this.include = include.deepCopy();
        for (GridRow d : changes.drafts()) {
            ObjectNode args = JSON.objectNode();
            ObjectNode data = args.putObject("data");
            d.draftValues().forEach(data::set);
            putLinks(data, changes.draftLinks(d).values(), true);
            args.set("select", keySelect());
            steps.add(new Step(request("create", args), Kind.CREATE, null, d, null, null));
        }
        for (ChangeSet.RowEdit e : changes.edits()) {
            steps.add(new Step(request("update", updateArgs(e)), Kind.UPDATE, e.key, null, e.original, Map.copyOf(e.values)));
        }
        for (RowKey k : changes.deletions().keySet()) {
            ObjectNode args = JSON.objectNode();
            args.set("where", k.whereUnique());
            args.set("select", keySelect());
            steps.add(new Step(request("delete", args), Kind.DELETE, k, null, null, null));
        }
    }

    private QueryEngine.Request request(String action, ObjectNode args) { return new QueryEngine.Request(model.name(), action, args); }

    /** @return the requests, in order */
    List<Step> steps() { return steps; }

    private ObjectNode keySelect() {
        ObjectNode select = JSON.objectNode();
        keyFields.forEach(f -> select.put(f.name(), true));
        return select;
    }

    private GridColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The update of one record: where = its key plus the loaded values of the fields it changes, so that
     * it matches nothing (P2025) when someone else changed them since. Some databases compare Json as
     * text, which would report false conflicts, so for Json the record's {@code @updatedAt} guards instead.
     */
    private ObjectNode updateArgs(ChangeSet.RowEdit e) {
        ObjectNode where = e.key.whereUnique();
        boolean jsonChanged = false;
        for (String field : e.values.keySet()) {
            GridColumn c = column(field);
            if (c.scalarType() == ScalarType.JSON) {
                jsonChanged = true;
                continue;
            }
            JsonNode original = e.original.get(field);
            if (original == null || original.isNull()) guardNull(where, field);
            else if (c.kind() == GridColumn.Kind.COMPOSITE) {
                JsonNode guard = CompositeGuard.of(schema, c.scalar(), original);
                if (guard != null) where.set(field, guard);
            }
            // An empty list reads back the same as a NULL one, and Prisma's isEmpty matches only a real empty list:
            // such a field is not guarded rather than guarded wrongly.
            else if (c.isList() && original.isEmpty()) continue;
            else if (c.isList()) where.putObject(field).set("equals", original);
            else where.set(field, original);
        }
        if (jsonChanged) {
            for (ScalarField f : model.scalarFields()) {
                JsonNode original = e.original.get(f.name());
                if (f.updatedAt() && original != null && !original.isNull() && !e.values.containsKey(f.name())) where.set(f.name(), original);
            }
        }
        for (LinkChange link : e.links.values()) {
            // A to-one link on this side moves the foreign key: it is guarded like a changed field.
            for (String fk : link.column().relation().fields()) {
                JsonNode original = e.original.get(fk);
                // An id array (MongoDB's many-to-many) gains and loses ids by connect and disconnect, which need no guard.
                if (original != null && original.isArray()) continue;
                if (original == null || original.isNull()) guardNull(where, fk);
                else where.set(fk, original);
            }
        }
        ObjectNode args = JSON.objectNode();
        args.set("where", where);
        ObjectNode data = args.putObject("data");
        e.values.forEach((f, v) -> data.set(f, DocumentFields.forUpdate(schema, column(f), e.original.get(f), v)));
        putLinks(data, e.links.values(), false);
        args.set("select", keySelect());
        return args;
    }

    /** Guards a field loaded as null: null, or (where fields can be absent) null or missing. */
    private void guardNull(ObjectNode where, String field) {
        if (!absentFields) {
            where.putNull(field);
            return;
        }
        if (!where.has("AND")) where.putArray("AND");
        ObjectNode either = ((com.fasterxml.jackson.databind.node.ArrayNode) where.get("AND")).addObject();
        var or = either.putArray("OR");
        or.addObject().putNull(field);
        or.addObject().putObject(field).put("isSet", false);
    }

    /**
     * Adds the relation changes to a create's or update's data as nested connect and disconnect. Prisma takes a
     * record's foreign keys either as relations or as scalar fields, not both: when the data already names a foreign
     * key field, the links on this side go in as their foreign key values instead.
     */
    private void putLinks(ObjectNode data, Iterable<LinkChange> links, boolean creating) {
        boolean scalarKeys = false;
        for (var rf : model.relationFields()) for (String fk : rf.fields()) scalarKeys |= data.has(fk);
        for (LinkChange link : links) {
            if (scalarKeys && link instanceof LinkChange.ToOne one && link.column().relation().holdsForeignKey()) {
                one.foreignKeyValues().forEach(data::set);
            } else {
                data.set(link.column().name(), link.nestedWrite(creating));
            }
        }
    }

    /**
     * Runs the transaction; on the executor's thread. When an update or delete matched nothing, looks
     * for every record that changed meanwhile, not just the first, so that all conflicts show at once.
     *
     * @throws RuntimeException when the database cannot be reached (the caller keeps every change)
     */
    Outcome run(QueryEngine engine) {
        try {
            List<JsonNode> results = engine.executeInTransaction(steps.stream().map(Step::request).toList());
            List<RowKey> made = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).kind == Kind.CREATE && results.get(i) != null && results.get(i).isObject()) {
                    made.add(RowKey.of(model, results.get(i)));
                }
            }
            created = List.copyOf(made);
            return Outcome.SAVED;
        } catch (QueryEngine.BatchError e) {
            if (GridMessages.isConnectionProblem(e)) throw e;
            Step failed = steps.get(e.index());
            if (!"P2025".equals(e.error().code()) || failed.kind == Kind.CREATE) return new Outcome(failed, e.error(), List.of(), List.of());
            List<Conflict> conflicts = new ArrayList<>();
            List<RowKey> gone = new ArrayList<>();
            for (Step s : steps) {
                if (s.kind == Kind.UPDATE && find(engine, "findFirst", s.request.args().get("where")).isNull()) {
                    ObjectNode now = JSON.objectNode();
                    now.set("where", s.key.whereUnique());
                    if (!include.isEmpty()) now.set("include", include.deepCopy());
                    JsonNode theirs = engine.execute(model.name(), "findUnique", now);
                    conflicts.add(new Conflict(s.key, theirs.isNull() ? null : (ObjectNode) theirs, s.original, s.values));
                } else if (s.kind == Kind.DELETE && find(engine, "findUnique", s.key.whereUnique()).isNull()) {
                    gone.add(s.key);
                }
            }
            return new Outcome(failed, e.error(), conflicts, gone);
        }
    }

    /** @return the keys of the records the last successful run created */
    List<RowKey> created() { return created; }

    private JsonNode find(QueryEngine engine, String action, JsonNode where) {
        ObjectNode args = JSON.objectNode();
        args.set("where", where);
        args.set("select", keySelect());
        return engine.execute(model.name(), action, args);
    }

    /** @return why a step failed, for people */
    String explain(Step step, QueryError e) {
        return switch (e.code()) {
            case "P2002" -> "another " + model.name() + " already has this value in a unique field" + hint(step, c -> c.unique() || c.id());
            case "P2003" -> "a foreign key refers to a record that does not exist" + hint(step, GridColumn::foreignKey);
            case "P2011" -> "a required field is empty (NULL)";
            default -> e.getMessage();
        };
    }

    /** The fields the step wrote that could be the cause: {@code (email)}. */
    private String hint(Step step, java.util.function.Predicate<GridColumn> kind) {
        Set<String> touched = new TreeSet<>();
        step.request.args().path("data").fieldNames().forEachRemaining(touched::add);
        List<String> names = columns.stream().filter(kind).map(GridColumn::name).filter(touched::contains).toList();
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }
}
