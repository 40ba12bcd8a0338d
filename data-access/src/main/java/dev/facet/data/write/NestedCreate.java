package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.readFields;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/** A nested {@code create}: creates related records under the parent (prisma-engines' {@code create_nested}). */
final class NestedCreate {
    private final WriteContext ctx;

    NestedCreate(WriteContext ctx) { this.ctx = ctx; }

    /** Creates the record a to-one relation of the record being written points at; returns its referenced values. */
    Map<String, Object> inlined(Session s, RelationLink link, RelationField rf, JsonNode data, String path) {
        return readFields(s, link.child(), ctx.records.createRecord(s, link.child(), requireObject(data, path), path, Map.of(),
                ctx.backFieldOf(rf)), link.childKeys());
    }

    /**
     * Creates records pointing at the parent (or linked to it through the join table). A to-one create replaces the
     * record connected before; creates that must first write a relation of their own wait (see {@link CreateOrder}).
     */
    void related(RelatedWrite w, JsonNode v, String p) {
        Session s = w.session();
        RelationField rf = w.field();
        RelationLink link = w.link();
        Model child = w.child();
        RelationField back = w.back();
        Filter connected = w.connected();
        Map<ScalarField, Object> preset = w.preset();
        boolean creating = w.creating();
        ctx.records.checkCreateList(child, back, v, p);
        List<JsonNode> list = rf.isList() ? items(v) : List.of(v);
        List<Runnable> now = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String ip = rf.isList() && v.isArray() ? join(p, Integer.toString(i)) : p;
            JsonNode data = requireObject(list.get(i), ip);
            Runnable create = () -> {
                if (!rf.isList() && !creating) ctx.nested.rows.replaceToOne(s, link, connected);
                Map<String, Object> created = ctx.records.createRecord(s, child, data, ip, preset, back);
                if (link.manyToMany()) ctx.nested.rows.linkPairs(s, link, w.parent(), List.of(created));
            };
            if (CreateOrder.waitsForItsRelations(ctx.schema, child, back, data)) w.deferred().add(data, create);
            else now.add(create);
        }
        w.deferred().listRead();
        now.forEach(Runnable::run);
    }
}
