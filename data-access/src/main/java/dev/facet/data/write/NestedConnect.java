package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.findFields;
import static dev.facet.data.write.WriteInput.items;

/** A nested {@code connect}: points existing records at the parent, or the parent at one (prisma-engines' {@code connect_nested}). */
final class NestedConnect {
    private final WriteContext ctx;

    NestedConnect(WriteContext ctx) { this.ctx = ctx; }

    /**
     * The record a to-one relation of the record being written is to point at.
     *
     * @param creating whether the record holding the key is being created (Prisma words a one-to-one connect then as its own)
     */
    Map<String, Object> target(Session s, Model model, RelationLink link, JsonNode where, String path, boolean creating) {
        Map<String, Object> found = findFields(s, link.child(), ctx.reads.whereUnique(link.child(), where, path), link.childKeys());
        if (found == null) {
            // Prisma words a one-to-one connect by whether the record holding the key is new, and an update's without a reason.
            String needed = ctx.relation(link).kind() != RelationKind.ONE_TO_ONE ? "needed to inline the relation on '"
                    : creating ? "needed to create or connect inlined relation for '" : null;
            throw ctx.errors.connectNotFound(model, link, needed);
        }
        return found;
    }

    void related(RelatedWrite w, JsonNode v, String p) {
        connect(w.session(), w.model(), w.link(), w.parent(), w.connected(), w.field().isList() ? items(v) : List.of(v), p, w.creating());
    }

    /** Connects the records {@code wheres} name to {@code parent} (also for set and connectOrCreate). */
    void connect(Session s, Model model, RelationLink link, Map<String, Object> parent, Filter connected, List<JsonNode> wheres, String path,
                 boolean creating) {
        Model child = link.child();
        List<Filter> any = new ArrayList<>();
        for (int i = 0; i < wheres.size(); i++) any.add(ctx.reads.whereUnique(child, wheres.get(i), path));
        Filter targets = any.size() == 1 ? any.getFirst() : new Filter.Or(any);
        List<Map<String, Object>> found = ReferentialActions.keys(s, child, targets);
        int expected = (int) wheres.stream().map(Object::toString).distinct().count();
        if (found.size() < expected) throw ctx.errors.tooFewToConnect(link, expected, found.size());
        if (link.manyToMany()) {
            ctx.nested.rows.linkPairs(s, link, parent, found);
            return;
        }
        if (!link.field().isList() && !creating) {
            // Re-connecting the record already connected is a no-op; another one is detached first.
            Filter others = Filter.and(List.of(connected, new Filter.Not(ReferentialActions.byKeys(child, found))));
            ctx.nested.rows.replaceToOne(s, link, others);
        }
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (var e : RelationRows.presetFor(link, parent).entrySet()) changes.put(e.getKey(), new Session.FieldUpdate.Set(e.getValue()));
        // Prisma updates the connected records as any update does (their @updatedAt becomes now); a disconnect does not.
        ctx.scalars.touchUpdatedAt(child, changes);
        s.update(child, ReferentialActions.byKeys(child, found), changes);
    }
}
