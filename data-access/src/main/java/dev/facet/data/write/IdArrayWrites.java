package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryError;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nested writes on MongoDB's many-to-many relations, where each side keeps the other side's ids in an array of its own
 * ({@code tagIds} on Post, {@code postIds} on Tag): {@code connect} adds the ids on both sides, {@code disconnect}
 * removes them on both sides, {@code set} disconnects every current record then connects the given ones, as Prisma
 * does (prisma-engines {@code write.rs}, {@code $addToSet} / {@code $pull}). Each step is one update per side,
 * whatever the number of records.
 */
final class IdArrayWrites {
    /** Creates a related record from nested {@code create} data and returns its key. */
    interface Creator {
        Map<String, Object> create(Model child, JsonNode data, String path);
    }

    private final Schema schema;
    private final ReadArguments reads;

    IdArrayWrites(Schema schema, ReadArguments reads) {
        this.schema = schema;
        this.reads = reads;
    }

    /** @return whether {@code rf} is a relation of id arrays (MongoDB many-to-many) */
    boolean isIdArray(Model model, RelationField rf) {
        Relation r = schema.relationOf(model.name(), rf.name());
        return r != null && r.kind() == RelationKind.EMBEDDED_MANY_TO_MANY;
    }

    private record Sides(Model parent, ScalarField parentArray, ScalarField parentId, Model child, ScalarField childArray, ScalarField childId) {}

    private Sides sides(Model model, RelationField rf) {
        Model child = schema.model(rf.relatedModel());
        RelationField back = null;
        for (RelationField f : child.relationFields()) {
            if (f.relationName().equals(rf.relationName()) && !(child == model && f.name().equals(rf.name()))) back = f;
        }
        if (back == null || rf.fields().isEmpty() || back.fields().isEmpty()) {
            throw new IllegalStateException("the id-array relation " + rf.relationName() + " needs an array on both sides");
        }
        return new Sides(model, (ScalarField) model.field(rf.fields().getFirst()), (ScalarField) model.field(back.references().getFirst()),
                child, (ScalarField) child.field(back.fields().getFirst()), (ScalarField) child.field(rf.references().getFirst()));
    }

    void apply(Session s, Model model, Map<String, Object> parent, RelationField rf, JsonNode op, String path, boolean creating, Creator creator) {
        Sides sd = sides(model, rf);
        Object parentId = parent.get(sd.parentId().name());
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            if (creating && !Set.of("create", "connect", "connectOrCreate").contains(e.getKey())) {
                throw QueryError.validation(p, "Unknown argument `" + e.getKey() + "`. Available options are marked with ?.");
            }
            switch (e.getKey()) {
                case "create" -> {
                    List<Object> ids = new ArrayList<>();
                    for (JsonNode item : items(e.getValue())) ids.add(creator.create(sd.child(), item, p).get(sd.childId().name()));
                    connect(s, sd, parentId, ids);
                }
                case "connect" -> connect(s, sd, parentId, find(s, sd, items(e.getValue()), p, true));
                case "connectOrCreate" -> {
                    List<Object> ids = new ArrayList<>();
                    for (JsonNode item : items(e.getValue())) {
                        List<Object> found = find(s, sd, List.of(item.path("where")), p + ".where", false);
                        ids.add(found.isEmpty() ? creator.create(sd.child(), item.path("create"), p + ".create").get(sd.childId().name()) : found.getFirst());
                    }
                    connect(s, sd, parentId, ids);
                }
                case "disconnect" -> disconnect(s, sd, parentId, find(s, sd, items(e.getValue()), p, false));
                case "set" -> {
                    disconnect(s, sd, parentId, current(s, sd, parentId));
                    connect(s, sd, parentId, find(s, sd, items(e.getValue()), p, true));
                }
                default -> throw QueryError.validation(p, "`" + e.getKey() + "` on the many-to-many relation " + rf.name()
                        + " is not available in Facet yet on MongoDB (create, connect, connectOrCreate, disconnect and set are).");
            }
        }
    }

    private static List<JsonNode> items(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    /** The ids of the related records the where-unique inputs name; all of them must exist when {@code required}. */
    private List<Object> find(Session s, Sides sd, List<JsonNode> wheres, String path, boolean required) {
        if (wheres.isEmpty()) return List.of();
        List<Filter> any = new ArrayList<>();
        for (JsonNode w : wheres) any.add(reads.whereUnique(sd.child(), w, path));
        List<Object> ids = ids(s, sd.child(), sd.childId(), any.size() == 1 ? any.getFirst() : new Filter.Or(any));
        long expected = wheres.stream().map(Object::toString).distinct().count();
        if (required && ids.size() < expected) {
            throw QueryError.notFound("Expected " + expected + " records to be connected, found only " + ids.size() + ".");
        }
        return ids;
    }

    private static List<Object> ids(Session s, Model model, ScalarField id, Filter where) {
        ReadQuery q = new ReadQuery(model, where, List.of(), null, null, null, List.of(), new Selection(List.of(new Selection.Scalar(id))));
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> r : s.read(q)) out.add(r.get(id.name()));
        return out;
    }

    /** The ids in the parent's own array. */
    private static List<Object> current(Session s, Sides sd, Object parentId) {
        ReadQuery q = new ReadQuery(sd.parent(), eq(sd.parentId(), parentId), List.of(), null, null, 1L, List.of(),
                new Selection(List.of(new Selection.Scalar(sd.parentArray()))));
        List<Map<String, Object>> rows = s.read(q);
        if (rows.isEmpty() || rows.getFirst().get(sd.parentArray().name()) == null) return new ArrayList<>();
        return new ArrayList<>((List<?>) rows.getFirst().get(sd.parentArray().name()));
    }

    private void connect(Session s, Sides sd, Object parentId, List<Object> childIds) {
        if (childIds.isEmpty()) return;
        Set<Object> mine = new LinkedHashSet<>(current(s, sd, parentId));
        List<Object> added = childIds.stream().filter(id -> !mine.contains(id)).distinct().toList();
        if (!added.isEmpty()) s.update(sd.parent(), eq(sd.parentId(), parentId), Map.of(sd.parentArray(), new Session.FieldUpdate.Push(new ArrayList<>(added))));
        // A document without the array at all gets it (a missing field matches no other condition on MongoDB).
        Filter lacking = Filter.and(List.of(new Filter.In(sd.childId(), childIds, false), new Filter.Or(List.of(
                new Filter.Not(new Filter.ListCondition(sd.childArray(), Filter.ListOp.HAS, parentId)), new Filter.IsSet(sd.childArray(), false)))));
        s.update(sd.child(), lacking, Map.of(sd.childArray(), new Session.FieldUpdate.Push(List.of(parentId))));
    }

    private void disconnect(Session s, Sides sd, Object parentId, List<Object> childIds) {
        if (childIds.isEmpty()) return;
        s.update(sd.parent(), eq(sd.parentId(), parentId), Map.of(sd.parentArray(), new Session.FieldUpdate.Pull(new ArrayList<>(childIds))));
        s.update(sd.child(), new Filter.In(sd.childId(), childIds, false), Map.of(sd.childArray(), new Session.FieldUpdate.Pull(List.of(parentId))));
    }

    private static Filter eq(ScalarField f, Object v) { return new Filter.Compare(f, Filter.CompareOp.EQUALS, v, false); }
}
