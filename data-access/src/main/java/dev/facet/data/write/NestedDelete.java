package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.keyFilter;
import static dev.facet.data.write.WriteInput.items;

/** A nested {@code delete}: deletes connected records, with their referential actions (prisma-engines' {@code delete_nested}). */
final class NestedDelete {
    private final WriteContext ctx;

    NestedDelete(WriteContext ctx) { this.ctx = ctx; }

    /** Deletes the record the foreign key of the record being updated points at, after clearing that key. */
    void inlined(InlinedWrite w, JsonNode v, String p) {
        if (v.isBoolean() && !v.asBoolean()) return;
        Session s = w.session();
        RelationLink link = w.link();
        Map<ScalarField, Session.FieldUpdate> changes = w.changes();
        Filter target2 = w.currentTarget() == null ? Filter.NONE : w.currentTarget();
        if (v.isObject()) target2 = Filter.and(List.of(target2, ctx.reads.where(link.child(), v, p)));
        List<Map<String, Object>> victims = s.lockKeys(link.child(), target2, null);
        if (victims.isEmpty()) throw ctx.errors.nestedNotFound(link, "delete");
        for (ScalarField f : link.parentKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        // The foreign key is cleared first so that the delete's own referential actions do not see this record.
        s.update(w.model(), keyFilter(w.model(), w.key()), new LinkedHashMap<>(changes));
        ctx.actions.delete(s, link.child(), ReferentialActions.byKeys(link.child(), victims));
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        Model child = w.child();
        List<Filter> targets = new ArrayList<>();
        if (w.field().isList()) {
            for (JsonNode item : items(v)) targets.add(ctx.reads.whereUnique(child, item, p));
        } else {
            if (v.isBoolean() && !v.asBoolean()) return;
            targets.add(v.isObject() ? ctx.reads.where(child, v, p) : Filter.ALL);
        }
        for (Filter t : targets) {
            Filter target = Filter.and(List.of(w.connected(), t));
            List<Map<String, Object>> victims = s.lockKeys(child, target, null);
            if (victims.isEmpty()) {
                if (w.field().isList()) throw ctx.errors.notConnected(w.model(), w.link());
                throw ctx.errors.nestedNotFound(w.link(), "delete");
            }
            ctx.actions.delete(s, child, ReferentialActions.byKeys(child, victims));
        }
    }
}
