package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.query.Filter;
import java.util.List;

import static dev.facet.data.write.WriteInput.items;

/** A nested {@code deleteMany} (to-many): deletes the connected records each filter matches, with their referential actions. */
final class NestedDeleteMany {
    private final WriteContext ctx;

    NestedDeleteMany(WriteContext ctx) { this.ctx = ctx; }

    void related(RelatedWrite w, JsonNode v, String p) {
        for (JsonNode item : items(v)) {
            ctx.actions.delete(w.session(), w.child(), Filter.and(List.of(w.connected(), ctx.reads.where(w.child(), item, p))));
        }
    }
}
