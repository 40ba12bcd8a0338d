package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.query.Filter;
import java.util.List;

import static dev.facet.data.write.WriteInput.items;

/** A nested {@code set} (to-many): disconnects every related record, then connects the ones it names (prisma-engines' {@code set_nested}). */
final class NestedSet {
    private final WriteContext ctx;

    NestedSet(WriteContext ctx) { this.ctx = ctx; }

    void related(RelatedWrite w, JsonNode v, String p) {
        ctx.nested.disconnect.disconnect(w.session(), w.link(), w.parent(), w.connected());
        List<JsonNode> targets = items(v);
        if (!targets.isEmpty()) ctx.nested.connect.connect(w.session(), w.model(), w.link(), w.parent(), Filter.NONE, targets, p, true);
    }
}
