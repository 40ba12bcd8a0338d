package dev.facet.data.write;

import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.keyFilter;

/** What the nested operations share about relations: which records are connected, and moving a to-one relation over. */
final class RelationRows {
    private final WriteContext ctx;

    RelationRows(WriteContext ctx) { this.ctx = ctx; }

    /** Related records connected to {@code parent}: by foreign key, or through the join table (via the back relation). */
    Filter connectedTo(RelationLink link, Map<String, Object> parent) {
        if (link.manyToMany()) {
            RelationField back = ctx.backFieldOf(link.field());
            ScalarField parentId = link.parentKeys().getFirst();
            return new Filter.ToMany(back, Filter.Quantifier.SOME,
                    new Filter.Compare(parentId, Filter.CompareOp.EQUALS, parent.get(parentId.name()), false));
        }
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = parent.get(link.parentKeys().get(i).name());
            if (v == null) return Filter.NONE;
            parts.add(new Filter.Compare(link.childKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        return Filter.and(parts);
    }

    /** The foreign key values a record created or connected under {@code parent} gets. */
    static Map<ScalarField, Object> presetFor(RelationLink link, Map<String, Object> parent) {
        Map<ScalarField, Object> preset = new LinkedHashMap<>();
        for (int i = 0; i < link.parentKeys().size(); i++) preset.put(link.childKeys().get(i), parent.get(link.parentKeys().get(i).name()));
        return preset;
    }

    /** The related record the parent's foreign key currently points at, or null when it points nowhere. */
    static Filter currentInlineTarget(RelationLink link, Map<String, Object> parentValues) {
        if (parentValues == null) return null;
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = parentValues.get(link.parentKeys().get(i).name());
            if (v == null) return null;
            parts.add(new Filter.Compare(link.childKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        return Filter.and(parts);
    }

    /** Connects many-to-many records through the join table. */
    void linkPairs(Session s, RelationLink link, Map<String, Object> parent, List<Map<String, Object>> children) {
        if (children.isEmpty()) return;
        List<Object> childIds = new ArrayList<>();
        for (Map<String, Object> c : children) childIds.add(c.get(link.childKeys().getFirst().name()));
        s.connect(link, parent.get(link.parentKeys().getFirst().name()), childIds);
    }

    /** Connecting a new record to a to-one back relation detaches the current one; P2014 when its key is required. */
    void replaceToOne(Session s, RelationLink link, Filter connected) {
        if (link.manyToMany() || s.count(link.child(), connected) == 0) return;
        for (ScalarField f : link.childKeys()) if (f.isRequired()) throw ctx.actions.violation(ctx.relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.childKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(link.child(), connected, changes);
    }

    /**
     * One-to-one, foreign key on this side: the record now pointing at {@code target} (other than {@code self}) lets go
     * of it, as Prisma moves the relation over; P2014 when its foreign key is required.
     *
     * @param self the key of the record being written (null while creating it)
     */
    void releaseOneToOne(Session s, Model model, RelationLink link, Map<String, Object> target, Map<String, Object> self) {
        if (target == null || ctx.relation(link).kind() != RelationKind.ONE_TO_ONE) return;
        List<Filter> parts = new ArrayList<>();
        for (int i = 0; i < link.parentKeys().size(); i++) {
            Object v = target.get(link.childKeys().get(i).name());
            if (v == null) return;
            parts.add(new Filter.Compare(link.parentKeys().get(i), Filter.CompareOp.EQUALS, v, false));
        }
        if (self != null) parts.add(new Filter.Not(keyFilter(model, self)));
        Filter holders = Filter.and(parts);
        if (s.count(model, holders) == 0) return;
        if (link.parentKeys().stream().anyMatch(ScalarField::isRequired)) throw ctx.actions.violation(ctx.relation(link));
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (ScalarField f : link.parentKeys()) changes.put(f, new Session.FieldUpdate.Set(null));
        s.update(model, holders, changes);
    }

    /** @return whether either side of the relation is required, so that it cannot be disconnected */
    boolean requiredBothWays(RelationLink link) {
        return link.childKeys().stream().anyMatch(ScalarField::isRequired) || link.field().isRequired()
                || ctx.backFieldOf(link.field()) != null && ctx.backFieldOf(link.field()).isRequired();
    }
}
