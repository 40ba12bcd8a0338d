package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code createMany} (to-many, not many-to-many): inserts scalar rows pointing at the parent, in the array's order. */
final class NestedCreateMany {
    private final WriteContext ctx;

    NestedCreateMany(WriteContext ctx) { this.ctx = ctx; }

    void related(RelatedWrite w, JsonNode v, String p) {
        Model child = w.child();
        JsonNode cm = requireObject(v, p);
        List<Map<ScalarField, Object>> rows = new ArrayList<>();
        List<JsonNode> data = items(cm.get("data"));
        for (int i = 0; i < data.size(); i++) rows.add(ctx.scalars.scalarRow(child, data.get(i), join(join(p, "data"), Integer.toString(i)), w.preset()));
        w.session().insertMany(child, rows, cm.path("skipDuplicates").asBoolean(false));
    }
}
