package dev.facet.data.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;

/**
 * The delete preview's result ({@link ReferentialActions#preview}): what deleting the records of {@code model} that a
 * filter matches would do, as a tree of effects per relation, the rows that would block it, and the totals per
 * model. The UI reads it as it is; {@link #toJson} renders it as {@code facet query}'s {@code previewDelete} answer.
 *
 * @param model     the model whose records would be deleted
 * @param count     how many records the filter matches
 * @param effects   the effects on related records, per relation, each with the effects it has in turn
 * @param blockedBy what would make the delete fail, in the order found
 * @param totals    per model, the distinct records deleted, set to null or to their default
 */
public record DeleteImpact(String model, long count, List<Effect> effects, List<Blocker> blockedBy, Map<String, Total> totals) {
    public DeleteImpact {
        effects = List.copyOf(effects);
        blockedBy = List.copyOf(blockedBy);
        totals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(totals));
    }

    /** @return whether the delete would fail */
    public boolean blocked() { return !blockedBy.isEmpty(); }

    /** What happens to related records. */
    public enum Action {
        /** Deleted (cascade). */
        DELETE("delete"),
        /** Their foreign key set to null. */
        SET_NULL("setNull"),
        /** Their foreign key set to its default. */
        SET_DEFAULT("setDefault"),
        /** Their foreign key follows the changed key (onUpdate cascade). */
        UPDATE("update"),
        /** They prevent the delete (Restrict, NoAction); listed again in {@link #blockedBy}. */
        RESTRICT("restrict"),
        /** Their many-to-many connections to the deleted records go (the records stay). */
        UNLINK("unlink");

        private final String id;

        Action(String id) { this.id = id; }

        /** @return the name in {@code previewDelete}'s JSON */
        public String id() { return id; }
    }

    /**
     * The effect of the delete over one relation.
     *
     * @param relation the relation's name
     * @param model    the model of the records affected (for {@link Action#UNLINK}: where the connections live, the
     *                 join table or the other model)
     * @param field    the relation field holding the key on {@code model}, or null (always null for UNLINK)
     * @param action   what happens to them
     * @param count    how many records (connections, for UNLINK)
     * @param ids      the keys of the first of them (field name to value), empty for UNLINK
     * @param more     how many more there are than {@code ids} lists
     * @param effects  the effects this one has in turn, or null where none are looked for (restrictions, unlinks, a
     *                 cycle already walked)
     * @param removed  for an UNLINK over id arrays (MongoDB): the keys of the deleted records whose ids are pulled from
     *                 the arrays of the records {@code ids} lists (then {@code field} is the array field and
     *                 {@code ids} the records holding it); empty otherwise
     * @param removedMore how many more deleted records than {@code removed} lists are pulled from those arrays
     */
    public record Effect(String relation, String model, String field, Action action, long count, List<Map<String, Object>> ids, long more,
                         List<Effect> effects, List<Map<String, Object>> removed, long removedMore) {
        public Effect {
            ids = List.copyOf(ids);
            effects = effects == null ? null : List.copyOf(effects);
            removed = List.copyOf(removed);
        }

        /** An effect that pulls no ids from arrays. */
        public Effect(String relation, String model, String field, Action action, long count, List<Map<String, Object>> ids, long more,
                      List<Effect> effects) {
            this(relation, model, field, action, count, ids, more, effects, List.of(), 0);
        }
    }

    /**
     * Records that make the delete fail.
     *
     * @param relation the relation's name
     * @param model    the model of the records that still refer to the deleted ones
     * @param count    how many
     * @param ids      the keys of the first of them
     * @param more     how many more there are than {@code ids} lists
     * @param code     the error the delete would fail with (P2014 emulated, P2003 or P2011 by the database)
     * @param message  its message
     */
    public record Blocker(String relation, String model, long count, List<Map<String, Object>> ids, long more, String code, String message) {
        public Blocker {
            ids = List.copyOf(ids);
        }
    }

    /**
     * Distinct records of one model the delete would touch; null where it touches none that way.
     *
     * @param delete     records deleted
     * @param setNull    records set to null and not deleted
     * @param setDefault records set to their default and not deleted
     */
    public record Total(Long delete, Long setNull, Long setDefault) {}

    // ---------------------------------------------------------------- JSON

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** @return the preview as {@code previewDelete} answers it (ids in Prisma's JSON encoding) */
    public ObjectNode toJson(Schema schema) {
        ObjectNode out = JSON.objectNode();
        out.put("model", model);
        out.put("count", count);
        out.set("effects", effectsJson(schema, model, effects));
        ArrayNode blocked = out.putArray("blockedBy");
        for (Blocker b : blockedBy) {
            ObjectNode o = blocked.addObject();
            o.put("relation", b.relation());
            o.put("model", b.model());
            o.put("count", b.count());
            ids(o, schema.model(b.model()), b.ids(), b.more());
            o.put("code", b.code());
            o.put("message", b.message());
        }
        out.put("blocked", blocked());
        ObjectNode t = out.putObject("totals");
        for (var e : totals.entrySet()) {
            ObjectNode o = t.putObject(e.getKey());
            if (e.getValue().delete() != null) o.put("delete", e.getValue().delete());
            if (e.getValue().setNull() != null) o.put("setNull", e.getValue().setNull());
            if (e.getValue().setDefault() != null) o.put("setDefault", e.getValue().setDefault());
        }
        return out;
    }

    private static ArrayNode effectsJson(Schema schema, String deletedModel, List<Effect> effects) {
        ArrayNode out = JSON.arrayNode();
        for (Effect e : effects) {
            ObjectNode o = out.addObject();
            o.put("relation", e.relation());
            o.put("model", e.model());
            if (e.action() == Action.UNLINK) {
                if (e.field() != null) o.put("field", e.field());
                o.put("action", e.action().id());
                o.put("count", e.count());
                if (e.field() != null) {
                    // Id arrays: the records that hold the array, and the deleted ids pulled from it.
                    ids(o, schema.model(e.model()), e.ids(), e.more());
                    ObjectNode removed = JSON.objectNode();
                    ids(removed, schema.model(deletedModel), e.removed(), e.removedMore());
                    o.set("removes", removed.get("ids"));
                    if (removed.has("more")) o.set("removesMore", removed.get("more"));
                }
                continue;
            }
            o.put("field", e.field());
            o.put("action", e.action().id());
            o.put("count", e.count());
            ids(o, schema.model(e.model()), e.ids(), e.more());
            if (e.effects() != null) o.set("effects", effectsJson(schema, e.model(), e.effects()));
        }
        return out;
    }

    private static void ids(ObjectNode into, Model model, List<Map<String, Object>> keys, long more) {
        ArrayNode out = into.putArray("ids");
        for (Map<String, Object> k : keys) {
            if (k.size() == 1) {
                var e = k.entrySet().iterator().next();
                out.add(Values.toJson((ScalarField) model.field(e.getKey()), e.getValue()));
            } else {
                ObjectNode o = out.addObject();
                for (var e : k.entrySet()) o.set(e.getKey(), Values.toJson((ScalarField) model.field(e.getKey()), e.getValue()));
            }
        }
        if (more > 0) into.put("more", more);
    }
}
