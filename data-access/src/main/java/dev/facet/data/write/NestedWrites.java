package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.write.RecordKeys.findFields;
import static dev.facet.data.write.RecordKeys.keyFilter;
import static dev.facet.data.write.WriteInput.join;

/**
 * The nested writes under one relation field of a record: checks which operations the relation offers there and hands
 * each to its class ({@link NestedCreate}, {@link NestedConnect}, ...), as prisma-engines' {@code write/nested} does.
 * Two sides: the relation the record holds itself (its foreign key, written with the record) and the relation the
 * related records hold (or a join table, written after the record).
 */
final class NestedWrites {
    private static final Set<String> TO_ONE_OPS = Set.of("create", "connect", "connectOrCreate", "disconnect", "update", "upsert", "delete");
    private static final Set<String> TO_MANY_OPS = Set.of("create", "createMany", "connect", "connectOrCreate", "disconnect", "set", "update",
            "updateMany", "upsert", "delete", "deleteMany");

    private final WriteContext ctx;
    final RelationRows rows;
    final NestedCreate create;
    final NestedCreateMany createMany;
    final NestedConnect connect;
    final NestedConnectOrCreate connectOrCreate;
    final NestedDisconnect disconnect;
    final NestedSet set;
    final NestedUpdate update;
    final NestedUpdateMany updateMany;
    final NestedUpsert upsert;
    final NestedDelete delete;
    final NestedDeleteMany deleteMany;

    NestedWrites(WriteContext ctx) {
        this.ctx = ctx;
        this.rows = new RelationRows(ctx);
        this.create = new NestedCreate(ctx);
        this.createMany = new NestedCreateMany(ctx);
        this.connect = new NestedConnect(ctx);
        this.connectOrCreate = new NestedConnectOrCreate(ctx);
        this.disconnect = new NestedDisconnect(ctx);
        this.set = new NestedSet(ctx);
        this.update = new NestedUpdate(ctx);
        this.updateMany = new NestedUpdateMany(ctx);
        this.upsert = new NestedUpsert(ctx);
        this.delete = new NestedDelete(ctx);
        this.deleteMany = new NestedDeleteMany(ctx);
    }

    /**
     * The operations Prisma's nested-write input type offers under {@code rf}: on a record being created only create,
     * createMany (to-many, not many-to-many), connect and connectOrCreate; a required to-one takes no disconnect or
     * delete.
     */
    static Set<String> operations(RelationField rf, RelationLink link, boolean creating) {
        Set<String> allowed = new HashSet<>(rf.isList() ? TO_MANY_OPS : TO_ONE_OPS);
        if (creating) allowed.retainAll(Set.of("create", "createMany", "connect", "connectOrCreate"));
        if (!rf.isList() && rf.isRequired()) allowed.removeAll(Set.of("disconnect", "delete"));
        if (link.manyToMany() || !rf.isList()) allowed.remove("createMany");
        return allowed;
    }

    // ---------------------------------------------------------------- the relation the record holds

    /** A to-one relation whose foreign key is on the record being created: returns the key values to store. */
    Map<ScalarField, Object> inlineForCreate(Session s, Model model, RelationField rf, JsonNode op, String path) {
        RelationLink link = RelationLink.of(ctx.schema, model, rf);
        ctx.errors.checkOps(op, operations(rf, link, true), path, rf);
        Map<String, Object> target = null;
        if (op.has("create")) target = create.inlined(s, link, rf, op.get("create"), join(path, "create"));
        if (op.has("connectOrCreate")) target = connectOrCreate.target(s, link, op.get("connectOrCreate"), join(path, "connectOrCreate"));
        if (op.has("connect")) target = connect.target(s, model, link, op.get("connect"), join(path, "connect"), true);
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        if (target == null) return values;
        rows.releaseOneToOne(s, model, link, target, null);
        for (int i = 0; i < link.parentKeys().size(); i++) values.put(link.parentKeys().get(i), target.get(link.childKeys().get(i).name()));
        return values;
    }

    /** A to-one relation inlined on the record being updated: returns the foreign key changes. */
    Map<ScalarField, Session.FieldUpdate> inlineForUpdate(Session s, Model model, Map<String, Object> key, RelationField rf, JsonNode op,
                                                          String path) {
        RelationLink link = RelationLink.of(ctx.schema, model, rf);
        ctx.errors.checkOps(op, operations(rf, link, false), path, rf);
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        Map<String, Object> current = findFields(s, model, keyFilter(model, key), link.parentKeys());
        Filter currentTarget = RelationRows.currentInlineTarget(link, current);
        InlinedWrite w = new InlinedWrite(s, model, key, rf, link, currentTarget, changes);
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            // The record the foreign key is to point at, if the operation moves it.
            Map<String, Object> target = switch (e.getKey()) {
                case "create" -> create.inlined(s, link, rf, e.getValue(), p);
                case "connect" -> connect.target(s, model, link, e.getValue(), p, false);
                case "connectOrCreate" -> connectOrCreate.target(s, link, e.getValue(), p);
                case "disconnect" -> {
                    disconnect.inlined(w, e.getValue(), p);
                    yield null;
                }
                case "delete" -> {
                    delete.inlined(w, e.getValue(), p);
                    yield null;
                }
                case "update" -> {
                    update.inlined(w, e.getValue(), p);
                    yield null;
                }
                case "upsert" -> upsert.inlined(w, e.getValue(), p);
                default -> throw new IllegalStateException(e.getKey());
            };
            if (target != null) {
                rows.releaseOneToOne(s, model, link, target, key);
                for (int i = 0; i < link.parentKeys().size(); i++) {
                    changes.put(link.parentKeys().get(i), new Session.FieldUpdate.Set(target.get(link.childKeys().get(i).name())));
                }
            }
        }
        return changes;
    }

    // ---------------------------------------------------------------- the relation the related records hold

    /**
     * Nested writes through a relation whose foreign key is on the related records (to-many, or the
     * back side of a one-to-one), or through an implicit many-to-many join table.
     *
     * @param parent   the parent record's referenced values (at least its key and the fields relations reference)
     * @param creating whether the parent is being created (it has no related records yet)
     */
    void nested(Session s, Model model, Map<String, Object> parent, RelationField rf, JsonNode op, String path, boolean creating,
                CreateOrder.Pending deferred) {
        RelationLink link = RelationLink.of(ctx.schema, model, rf);
        ctx.errors.checkOps(op, operations(rf, link, creating), path, rf);
        RelationField back = ctx.backFieldOf(rf);
        Filter connected = rows.connectedTo(link, parent);
        Map<ScalarField, Object> preset = link.manyToMany() ? Map.of() : RelationRows.presetFor(link, parent);
        RelatedWrite w = new RelatedWrite(s, model, rf, link, back, parent, connected, preset, creating, deferred);
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "create" -> create.related(w, v, p);
                case "createMany" -> createMany.related(w, v, p);
                case "connect" -> connect.related(w, v, p);
                case "connectOrCreate" -> connectOrCreate.related(w, v, p);
                case "disconnect" -> disconnect.related(w, v, p);
                case "set" -> set.related(w, v, p);
                case "update" -> update.related(w, v, p);
                case "updateMany" -> updateMany.related(w, v, p);
                case "upsert" -> upsert.related(w, v, p);
                case "delete" -> delete.related(w, v, p);
                case "deleteMany" -> deleteMany.related(w, v, p);
                default -> throw new IllegalStateException(e.getKey());
            }
        }
    }
}
