package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.RelationField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pending change to one relation of one record, made in the relation picker and kept until Save: the record a
 * to-one relation points at from now on (or none), or the records a to-many relation gains and loses. Save sends it
 * as Prisma's nested {@code connect} / {@code disconnect} in the record's create or update.
 */
public sealed interface LinkChange {

    /**
     * A record on the other side of a relation, as the picker read it.
     *
     * @param key    its key
     * @param record its fields (at least the key, the display field and what the relation references)
     * @param label  how it is named in cells and messages
     */
    record Target(RowKey key, ObjectNode record, String label) {}

    /** @return the relation column changed */
    GridColumn column();

    /** @return how many changes Save counts for it */
    int size();

    /**
     * @param creating whether the record is being created (it has nothing to disconnect yet)
     * @return the nested write for the record's {@code data}: {@code {"connect": {"id": 3}}}
     */
    JsonNode nestedWrite(boolean creating);

    /**
     * A to-one relation pointed at another record, or at none.
     *
     * @param target the record linked, or null to unlink
     * @param was    what the cell showed before (for tooltips)
     */
    record ToOne(GridColumn column, Target target, String was) implements LinkChange {
        @Override public int size() { return 1; }

        @Override
        public JsonNode nestedWrite(boolean creating) {
            ObjectNode op = JsonNodeFactory.instance.objectNode();
            if (target == null) op.put("disconnect", true);
            else op.set("connect", target.key().whereUnique());
            return op;
        }

        /**
         * The same link written as the foreign key's values, for a record whose data already names foreign key
         * fields: Prisma takes either relations or their scalar fields in one create or update, never both.
         *
         * @return the foreign key fields with their values; empty when this side does not hold the key
         */
        Map<String, JsonNode> foreignKeyValues() {
            RelationField rf = column.relation();
            Map<String, JsonNode> out = new LinkedHashMap<>();
            for (int i = 0; i < rf.fields().size(); i++) {
                JsonNode v = target == null ? null : target.record().get(rf.references().get(i));
                out.put(rf.fields().get(i), v == null ? JsonNodeFactory.instance.nullNode() : v);
            }
            return out;
        }
    }

    /**
     * Records linked to and unlinked from a to-many relation.
     *
     * @param added   records to link
     * @param removed records to unlink
     */
    record ToMany(GridColumn column, List<Target> added, List<Target> removed) implements LinkChange {
        public ToMany {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }

        @Override public int size() { return added.size() + removed.size(); }

        @Override
        public JsonNode nestedWrite(boolean creating) {
            ObjectNode op = JsonNodeFactory.instance.objectNode();
            if (!added.isEmpty()) keys(op.putArray("connect"), added);
            if (!removed.isEmpty() && !creating) keys(op.putArray("disconnect"), removed);
            return op;
        }

        private static void keys(ArrayNode into, List<Target> targets) {
            targets.forEach(t -> into.add(t.key().whereUnique()));
        }
    }
}
