package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code updateMany} (to-many): scalar changes to the connected records a filter matches. */
final class NestedUpdateMany {
    private final WriteContext ctx;

    NestedUpdateMany(WriteContext ctx) { this.ctx = ctx; }

    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        Model child = w.child();
        for (JsonNode item : items(v)) {
            requireObject(item, p);
            Filter where = Filter.and(List.of(w.connected(), item.has("where") ? ctx.reads.where(child, item.get("where"), join(p, "where")) : Filter.ALL));
            Map<ScalarField, Session.FieldUpdate> changes = ctx.scalars.scalarChanges(child, requireObject(item.get("data"), join(p, "data")),
                    join(p, "data"), true);
            ctx.scalars.touchUpdatedAt(child, changes);
            s.update(child, ctx.records.keyUpdate(s, child, where, changes), changes);
        }
    }
}
