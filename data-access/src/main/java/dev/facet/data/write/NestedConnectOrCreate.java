package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.findFields;
import static dev.facet.data.write.RecordKeys.readFields;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code connectOrCreate}: connects the record its where-unique finds, or creates it (prisma-engines' {@code connect_or_create_nested}). */
final class NestedConnectOrCreate {
    private final WriteContext ctx;

    NestedConnectOrCreate(WriteContext ctx) { this.ctx = ctx; }

    /** The record a to-one relation of the record being written is to point at, found or created. */
    Map<String, Object> target(Session s, RelationLink link, JsonNode op, String path) {
        requireObject(op, path);
        Map<String, Object> found = findFields(s, link.child(), ctx.reads.whereUnique(link.child(), op.get("where"), join(path, "where")), link.childKeys());
        if (found != null) return found;
        Map<String, Object> created = ctx.records.createRecord(s, link.child(), requireObject(op.get("create"), join(path, "create")), join(path, "create"),
                Map.of(), ctx.backFieldOf(link.field()));
        return readFields(s, link.child(), created, link.childKeys());
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        Model child = w.child();
        RelationLink link = w.link();
        for (JsonNode item : w.field().isList() ? items(v) : List.of(v)) {
            requireObject(item, p);
            Filter where = ctx.reads.whereUnique(child, item.get("where"), join(p, "where"));
            // Not locked, as Prisma reads it: two concurrent creates then end in P2002 (not in a deadlock, on MySQL).
            if (!ReferentialActions.keys(s, child, where).isEmpty()) {
                ctx.nested.connect.connect(s, w.model(), link, w.parent(), w.connected(), List.of(item.get("where")), p, w.creating());
            } else {
                // Unlike a nested create, Prisma creates here without releasing the record connected before.
                Map<String, Object> created = ctx.records.createRecord(s, child, requireObject(item.get("create"), join(p, "create")), join(p, "create"),
                        w.preset(), w.back());
                if (link.manyToMany()) ctx.nested.rows.linkPairs(s, link, w.parent(), List.of(created));
            }
        }
    }
}
