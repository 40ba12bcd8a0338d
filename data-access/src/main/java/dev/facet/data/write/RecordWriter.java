package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.RecordKeys.findFields;
import static dev.facet.data.write.RecordKeys.keyFilter;
import static dev.facet.data.write.RecordKeys.keyOf;
import static dev.facet.data.write.RecordKeys.newKeys;
import static dev.facet.data.write.RecordKeys.referencedFields;
import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/**
 * Creates or updates one record with its nested writes, in Prisma's order: the relations the record holds (its foreign
 * keys) first, last first, then the record itself, then the relations the related records hold, in the order of the
 * data (see {@link CreateOrder}). The nested writes themselves are {@link NestedWrites}', which come back here for the
 * records they create and update.
 */
final class RecordWriter {
    private final WriteContext ctx;

    RecordWriter(WriteContext ctx) { this.ctx = ctx; }

    // ---------------------------------------------------------------- create

    /**
     * Creates one record with its nested writes.
     *
     * @param preset     values fixed by the parent of a nested create (the foreign key pointing at it)
     * @param backField  the relation field pointing back at that parent, which the data may not mention
     */
    Map<String, Object> createRecord(Session s, Model model, JsonNode data, String path, Map<ScalarField, Object> preset,
                                     RelationField backField) {
        ctx.shapes.checkCreate(model, backField, List.of(data), List.of(path));
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        List<Map.Entry<RelationField, JsonNode>> inline = new ArrayList<>();
        List<Map.Entry<RelationField, JsonNode>> later = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = ctx.errors.field(model, e.getKey(), p);
            if (backField != null && f.name().equals(backField.name())) throw ctx.errors.unknownIn(model, backField, p, e.getKey());
            switch (f) {
                case ScalarField sf -> {
                    if (preset.containsKey(sf)) throw ctx.errors.unknownIn(model, backField, p, e.getKey());
                    values.put(sf, ctx.scalars.scalarValue(sf, e.getValue(), p));
                }
                case RelationField rf -> {
                    if (e.getValue().isNull()) throw InputShapes.mustNotBeNull(p, rf.name());
                    if (RelationLink.of(ctx.schema, model, rf).parentHoldsKey()) inline.add(Map.entry(rf, e.getValue()));
                    else later.add(Map.entry(rf, e.getValue()));
                }
            }
        }
        values.putAll(preset);
        // Prisma runs the writes of the relations this record holds in the reverse of their order in the data.
        for (var op : inline.reversed()) values.putAll(ctx.nested.inlineForCreate(s, model, op.getKey(),
                requireObject(op.getValue(), join(path, op.getKey().name())), join(path, op.getKey().name())));
        ctx.scalars.addDefaults(model, values);
        ctx.scalars.checkRequired(model, values, path, ctx.scalars.hasCheckedAndUncheckedInputs(model, backField));
        for (var op : later) checkToOneConnect(s, model, op.getKey(), op.getValue(), join(path, op.getKey().name()));
        Map<String, Object> row = s.insert(model, values);
        CreateOrder.Pending deferred = new CreateOrder.Pending(ctx.createPlan.get(), data);
        for (var op : later) {
            deferred.beforeWrite();
            ctx.nested.nested(s, model, row, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                    join(path, op.getKey().name()), true, deferred);
            deferred.afterWrite();
        }
        deferred.runAll();
        return keyOf(model, row);
    }

    /**
     * Prisma looks up the record a to-one relation of a new record connects to before creating it (so a missing one
     * creates nothing, not even a sequence value).
     */
    private void checkToOneConnect(Session s, Model model, RelationField rf, JsonNode op, String path) {
        if (rf.isList() || !op.isObject() || !op.has("connect")) return;
        RelationLink link = RelationLink.of(ctx.schema, model, rf);
        if (s.count(link.child(), ctx.reads.whereUnique(link.child(), op.get("connect"), join(path, "connect"))) > 0) return;
        throw ctx.errors.connectNotFound(model, link, "needed to create or connect inlined relation for '");
    }

    /** A nested create list: every record fits the checked input type, or every record the unchecked one. */
    void checkCreateList(Model child, RelationField back, JsonNode create, String path) {
        List<JsonNode> list = items(create);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) paths.add(create.isArray() ? join(path, Integer.toString(i)) : path);
        ctx.shapes.checkCreate(child, back, list, paths);
    }

    // ---------------------------------------------------------------- update

    /** Updates the record with {@code key} and runs its nested writes; returns its key after the update. */
    Map<String, Object> updateRecord(Session s, Model model, Map<String, Object> key, JsonNode data, String path) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        List<Map.Entry<RelationField, JsonNode>> inline = new ArrayList<>();
        List<Map.Entry<RelationField, JsonNode>> later = new ArrayList<>();
        ctx.shapes.checkUpdate(model, data, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = ctx.errors.field(model, e.getKey(), p);
            switch (f) {
                case ScalarField sf -> changes.put(sf, ctx.scalars.scalarChange(sf, e.getValue(), p));
                case RelationField rf -> {
                    if (e.getValue().isNull()) throw InputShapes.mustNotBeNull(p, rf.name());
                    if (RelationLink.of(ctx.schema, model, rf).parentHoldsKey()) inline.add(Map.entry(rf, e.getValue()));
                    else later.add(Map.entry(rf, e.getValue()));
                }
            }
        }
        Filter byKey = keyFilter(model, key);
        for (var op : inline.reversed()) {
            changes.putAll(ctx.nested.inlineForUpdate(s, model, key, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                    join(path, op.getKey().name())));
        }
        if (!changes.isEmpty()) {
            ctx.scalars.touchUpdatedAt(model, changes);
            keyUpdate(s, model, byKey, changes);
            s.update(model, byKey, changes);
            key = newKeys(model, List.of(key), changes).getFirst();
        }
        if (!later.isEmpty()) {
            Map<String, Object> row = findFields(s, model, keyFilter(model, key), referencedFields(ctx.schema, model));
            CreateOrder.Pending deferred = new CreateOrder.Pending(CreateOrder.Plan.NONE, data);
            for (var op : later) ctx.nested.nested(s, model, row, op.getKey(), requireObject(op.getValue(), join(path, op.getKey().name())),
                    join(path, op.getKey().name()), false, deferred);
            deferred.runAll();
        }
        return key;
    }

    /** Prisma validates an update's data before it looks for the record: its shape and its scalar values. */
    void checkUpdateData(Model model, JsonNode data, String path) {
        requireObject(data, path);
        ctx.shapes.checkUpdate(model, data, path);
        InputShapes.checkOperationValues(ctx.schema, model, data, path);
        data.fields().forEachRemaining(e -> {
            if (ctx.errors.field(model, e.getKey(), join(path, e.getKey())) instanceof ScalarField sf) {
                ctx.scalars.scalarChange(sf, e.getValue(), join(path, e.getKey()));
            }
        });
        // Prisma refuses a disconnect that would leave a required key empty while it builds the query, before any lookup.
        data.fields().forEachRemaining(e -> {
            // (A required to-one takes no disconnect at all: that is a validation error, found later.)
            if (model.field(e.getKey()) instanceof RelationField rf && (rf.isList() || !rf.isRequired()) && e.getValue().isObject()
                    && e.getValue().has("disconnect")) {
                RelationLink link = RelationLink.of(ctx.schema, model, rf);
                if (!link.manyToMany() && !link.parentHoldsKey() && ctx.nested.rows.requiredBothWays(link)) throw ctx.actions.violation(ctx.relation(link));
            }
        });
    }

    /** Emulated onUpdate actions when a referenced key changes; returns the filter that selects the rows to update afterwards. */
    Filter keyUpdate(Session s, Model model, Filter rows, Map<ScalarField, Session.FieldUpdate> changes) {
        return ctx.actions.beforeKeyUpdate(s, model, rows, changes);
    }
}
