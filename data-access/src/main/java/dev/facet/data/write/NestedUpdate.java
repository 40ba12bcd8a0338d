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
import static dev.facet.data.write.WriteInput.isField;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code update}: updates connected records, with their own nested writes (prisma-engines' {@code update_nested}). */
final class NestedUpdate {
    private final WriteContext ctx;

    NestedUpdate(WriteContext ctx) { this.ctx = ctx; }

    /** Updates the record the foreign key of the record being updated points at. */
    void inlined(InlinedWrite w, JsonNode value, String p) {
        Session s = w.session();
        RelationLink link = w.link();
        Filter currentTarget = w.currentTarget();
        JsonNode v = requireObject(value, p);
        JsonNode data = v.has("data") && (v.has("where") || v.size() == 1 && !isField(link.child(), "data")) ? v.get("data") : v;
        Filter where = currentTarget == null ? Filter.NONE : currentTarget;
        if (v.has("where") && v.has("data")) where = Filter.and(List.of(where, ctx.reads.where(link.child(), v.get("where"), join(p, "where"))));
        Map<String, Object> childKey = findOne(s, link.child(), where);
        if (childKey == null) throw ctx.errors.nestedNotFound(link, "update");
        // The related record changes; this record's foreign key is left to the relation's onUpdate action.
        ctx.records.updateRecord(s, link.child(), childKey, requireObject(data, join(p, "data")), join(p, "data"));
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        RelationField rf = w.field();
        Model child = w.child();
        Filter connected = w.connected();
        for (JsonNode item : rf.isList() ? items(v) : List.of(v)) {
            requireObject(item, p);
            Filter where = connected;
            JsonNode data = item;
            if (rf.isList()) {
                where = Filter.and(List.of(connected, ctx.reads.whereUnique(child, item.get("where"), join(p, "where"))));
                data = item.get("data");
            } else if (item.has("data") && (item.has("where") || child.field("data") == null)) {
                if (item.has("where")) where = Filter.and(List.of(connected, ctx.reads.where(child, item.get("where"), join(p, "where"))));
                data = item.get("data");
            }
            Map<String, Object> childKey = findOne(s, child, where);
            if (childKey == null) throw ctx.errors.nestedNotFound(w.link(), "update");
            ctx.records.updateRecord(s, child, childKey, requireObject(data, join(p, "data")), join(p, "data"));
        }
    }
}
