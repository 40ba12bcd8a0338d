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

import static dev.facet.data.write.WriteInput.items;

/** A nested {@code disconnect}: lets go of related records without deleting them (prisma-engines' {@code disconnect_nested}). */
final class NestedDisconnect {
    private final WriteContext ctx;

    NestedDisconnect(WriteContext ctx) { this.ctx = ctx; }

    /** Clears the foreign key of the record being updated. */
    void inlined(InlinedWrite w, JsonNode v, String p) {
        if (v.isBoolean() && !v.asBoolean()) return;
        // On SQL databases Prisma 7 checks the filter for validity only: the relation is disconnected whatever it says.
        if (v.isObject()) ctx.reads.where(w.child(), v, p);
        for (ScalarField f : w.link().parentKeys()) w.changes().put(f, new Session.FieldUpdate.Set(null));
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        RelationLink link = w.link();
        Model child = w.child();
        Filter connected = w.connected();
        // Disconnecting a required relation is refused before anything is looked up.
        if (!link.manyToMany() && ctx.nested.rows.requiredBothWays(link)) throw ctx.actions.violation(ctx.relation(link));
        if (!w.field().isList()) {
            if (v.isBoolean() && !v.asBoolean()) return;
            Filter target = v.isObject() ? Filter.and(List.of(connected, ctx.reads.where(child, v, p))) : connected;
            disconnect(w.session(), link, w.parent(), target);
        } else {
            List<Filter> any = new ArrayList<>();
            for (JsonNode item : items(v)) any.add(ctx.reads.whereUnique(child, item, p));
            if (!any.isEmpty()) disconnect(w.session(), link, w.parent(), Filter.and(List.of(connected, new Filter.Or(any))));
        }
    }

    /** Disconnects the related records {@code targets} selects from {@code parent} (also for set). */
    void disconnect(Session s, RelationLink link, Map<String, Object> parent, Filter targets) {
        if (link.manyToMany()) {
            List<Map<String, Object>> found = ReferentialActions.keys(s, link.child(), targets);
            if (found.isEmpty()) return;
            List<Object> childIds = new ArrayList<>();
            ScalarField childId = link.childKeys().getFirst();
            for (Map<String, Object> f : found) childIds.add(f.get(childId.name()));
            s.disconnect(link, parent.get(link.parentKeys().getFirst().name()), childIds);
            return;
        }
        if (s.count(link.child(), targets) == 0) return;
        if (ctx.nested.rows.requiredBothWays(link)) throw ctx.actions.violation(ctx.relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.childKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(link.child(), targets, changes);
    }
}
