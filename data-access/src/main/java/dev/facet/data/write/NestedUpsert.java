package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.findOne;
import static dev.facet.data.write.RecordKeys.readFields;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code upsert}: updates the connected record, or creates one (prisma-engines' {@code upsert_nested}). */
final class NestedUpsert {
    private final WriteContext ctx;

    NestedUpsert(WriteContext ctx) { this.ctx = ctx; }

    /** On the record being updated: returns the created record the foreign key is to point at, or null after an update. */
    Map<String, Object> inlined(InlinedWrite w, JsonNode value, String p) {
        Session s = w.session();
        RelationLink link = w.link();
        Filter currentTarget = w.currentTarget();
        JsonNode v = requireObject(value, p);
        Filter where = currentTarget == null ? Filter.NONE : currentTarget;
        if (v.has("where")) where = Filter.and(List.of(where, ctx.reads.where(link.child(), v.get("where"), join(p, "where"))));
        Map<String, Object> childKey = findOne(s, link.child(), where);
        if (childKey != null) {
            ctx.records.updateRecord(s, link.child(), childKey, requireObject(v.get("update"), join(p, "update")), join(p, "update"));
            return null;
        }
        return readFields(s, link.child(), ctx.records.createRecord(s, link.child(), requireObject(v.get("create"), join(p, "create")),
                join(p, "create"), Map.of(), ctx.backFieldOf(w.field())), link.childKeys());
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        RelationField rf = w.field();
        RelationLink link = w.link();
        Model child = w.child();
        Filter connected = w.connected();
        for (JsonNode item : rf.isList() ? items(v) : List.of(v)) {
            requireObject(item, p);
            Filter where = connected;
            if (item.has("where")) {
                where = Filter.and(List.of(connected, rf.isList() ? ctx.reads.whereUnique(child, item.get("where"), join(p, "where"))
                        : ctx.reads.where(child, item.get("where"), join(p, "where"))));
            }
            Map<String, Object> childKey = findOne(s, child, where);
            if (childKey != null) {
                ctx.records.updateRecord(s, child, childKey, requireObject(item.get("update"), join(p, "update")), join(p, "update"));
            } else {
                if (!rf.isList() && !w.creating()) ctx.nested.rows.replaceToOne(s, link, connected);
                Map<String, Object> created = ctx.records.createRecord(s, child, requireObject(item.get("create"), join(p, "create")),
                        join(p, "create"), w.preset(), w.back());
                if (link.manyToMany()) ctx.nested.rows.linkPairs(s, link, w.parent(), List.of(created));
            }
        }
    }
}
