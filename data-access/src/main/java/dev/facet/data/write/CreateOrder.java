package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which Prisma inserts the records of a nested write, so that autoincrement ids come out as Prisma's do.
 * Prisma's query graph runs the nested writes of a record in the order of its data, except the nested creates of
 * records that first need a record of their own relation created, connected or connected-or-created (the foreign key
 * they hold comes from it): those wait until the record's other nested writes are done, and then run last first. The
 * relations a record holds itself are written before it, also last first (see {@code WriteEngine.createRecord}).
 *
 * <p>One exception comes from how Prisma finishes its graph ({@code QueryGraph::finalize} in prisma-engines): when the
 * request has a {@code connectOrCreate} on a relation its record holds, re-linking that operation's return node moves
 * the graph's last edge, which is the edge to the first waiting record, into the slot of that {@code connectOrCreate}'s
 * edge. That record then runs at the point of the graph where the {@code connectOrCreate} was built (see {@link Plan}).
 */
final class CreateOrder {
    /** The nested write operations in the order Prisma's input types list them (for suggestions). */
    static final List<String> NESTED_OPS = List.of("create", "connectOrCreate", "upsert", "createMany", "set", "disconnect", "delete", "connect",
            "update", "updateMany", "deleteMany");

    private CreateOrder() {}

    /**
     * @param back the relation field pointing back at the parent of the nested create
     * @return whether the nested create of {@code data} waits until the other nested writes of its parent are done
     */
    static boolean waitsForItsRelations(Schema schema, Model model, RelationField back, JsonNode data) {
        return heldWrites(schema, model, back, data) > 0;
    }

    /** How many relations the record of {@code data} holds and writes (create, connect or connectOrCreate). */
    private static int heldWrites(Schema schema, Model model, RelationField back, JsonNode data) {
        int n = 0;
        for (RelationField rf : model.relationFields()) {
            if (rf == back || !data.has(rf.name()) || !RelationLink.of(schema, model, rf).parentHoldsKey()) continue;
            JsonNode op = data.get(rf.name());
            if (op.has("create") || op.has("connect") || op.has("connectOrCreate")) n++;
        }
        return n;
    }

    /**
     * Which waiting nested create of a create request Prisma runs early, and where. Computed by walking the data in
     * the order Prisma builds its graph: the first record to be swapped under the relation it holds (the first
     * "mark" whose record has a parent) is the one whose edge moves; the first {@code connectOrCreate} on a held
     * relation gives the slot. Among the nested writes of the record that holds the moved one, it runs before the
     * first nested write whose edges come after that slot (a create list's edges come after all its records), or
     * first among the waiting ones when the slot comes after all of them.
     *
     * @param moved the data of the nested create that runs early, or null for none
     * @param owner the data of the record whose nested create list holds it
     * @param slot  the index among {@code owner}'s nested writes (of relations it does not hold, in data order) before
     *              which it runs; their count for "first of the waiting ones"
     */
    record Plan(JsonNode moved, JsonNode owner, int slot) {
        static final Plan NONE = new Plan(null, null, 0);

        /** The plan of a top-level create of {@code data} on {@code model}. */
        static Plan of(Schema schema, Model model, JsonNode data) {
            Walk w = new Walk(schema);
            w.record(model, data, null, Kind.ROOT, null);
            if (w.firstMark == null || w.firstMark.kind != Kind.ITEM || w.slotTime < 0) return NONE;
            Mark m = w.firstMark;
            if (heldWrites(schema, m.model, m.back, m.data) != 1) return NONE;
            List<int[]> spans = w.spans.getOrDefault(m.owner, List.of());
            int slot = spans.size();
            for (int i = 0; i < spans.size(); i++) {
                int[] s = spans.get(i);
                if (w.slotTime < s[0] || (s[2] == 1 && w.slotTime <= s[1])) {
                    slot = i;
                    break;
                }
            }
            // The moved record cannot run before its own list has been read.
            return new Plan(m.data, m.owner, Math.max(slot, w.opIndexOf(m)));
        }
    }

    private enum Kind { ROOT, ITEM, OTHER }

    private record Mark(Kind kind, Model model, JsonNode data, RelationField back, JsonNode owner, int ownerOp) {}

    /** Prisma's graph building order, with a clock for the edges that matter here. */
    private static final class Walk {
        final Schema schema;
        int clock;
        Mark firstMark;
        int slotTime = -1;
        final Map<JsonNode, List<int[]>> spans = new IdentityHashMap<>();

        Walk(Schema schema) { this.schema = schema; }

        int opIndexOf(Mark m) { return m.ownerOp; }

        /** Walks one record's nested writes; {@code via} is how it hangs under its parent. */
        void record(Model model, JsonNode data, RelationField back, Kind kind, Mark via) {
            if (data == null || !data.isObject()) return;
            List<int[]> mine = new ArrayList<>();
            spans.put(data, mine);
            for (var it = data.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!(model.field(e.getKey()) instanceof RelationField rf) || rf == back || !e.getValue().isObject()) continue;
                RelationLink link = RelationLink.of(schema, model, rf);
                boolean holds = link.parentHoldsKey();
                int start = clock++;
                boolean creates = false;
                for (var ops = e.getValue().fields(); ops.hasNext(); ) {
                    var op = ops.next();
                    switch (op.getKey()) {
                        case "create" -> {
                            for (JsonNode item : items(op.getValue())) {
                                Kind k = holds ? Kind.OTHER : Kind.ITEM;
                                record(link.child(), item, null, k, new Mark(k, link.child(), item, null, data, mine.size()));
                            }
                            creates = !holds;
                            if (holds) mark(kind, model, data, back, via);
                        }
                        case "connect" -> { if (holds) mark(kind, model, data, back, via); }
                        case "connectOrCreate" -> {
                            for (JsonNode item : items(op.getValue())) {
                                if (holds) mark(kind, model, data, back, via);
                                record(link.child(), item.path("create"), null, Kind.OTHER, null);
                                if (holds && slotTime < 0) slotTime = clock++;
                            }
                        }
                        default -> { }
                    }
                }
                if (!holds) mine.add(new int[] {start, clock++, creates ? 1 : 0});
            }
        }

        /** The record of {@code data} is swapped under a relation it holds; only the first one that has a parent counts. */
        void mark(Kind kind, Model model, JsonNode data, RelationField back, Mark via) {
            if (firstMark != null || kind == Kind.ROOT) return;
            firstMark = via != null && kind == Kind.ITEM
                    ? new Mark(kind, model, data, back, via.owner(), via.ownerOp())
                    : new Mark(Kind.OTHER, model, data, back, null, 0);
        }

        private static List<JsonNode> items(JsonNode v) {
            List<JsonNode> out = new ArrayList<>();
            if (v.isArray()) v.forEach(out::add);
            else out.add(v);
            return out;
        }
    }

    /** The nested creates of one record that wait for its other nested writes, and the one a {@link Plan} moves. */
    static final class Pending {
        private final List<Runnable> waiting = new ArrayList<>();
        private final Plan plan;
        private final JsonNode owner;
        private Runnable moved;
        private int op;

        /** @param owner the data of the record whose nested writes these are */
        Pending(Plan plan, JsonNode owner) {
            this.plan = plan;
            this.owner = owner;
        }

        /** A nested create of {@code item} that waits. */
        void add(JsonNode item, Runnable create) {
            if (plan.moved() == item && plan.owner() == owner) moved = create;
            else waiting.add(create);
        }

        /** Before the record's next nested write (on a relation it does not hold). */
        void beforeWrite() {
            runMovedIfDue();
        }

        /** After a nested create list has been read, before its records that do not wait are created. */
        void listRead() {
            runMovedIfDue();
        }

        /** After a nested write. */
        void afterWrite() {
            op++;
        }

        /** Runs what waits: the moved record first, then the others last first. */
        void runAll() {
            if (moved != null) {
                Runnable r = moved;
                moved = null;
                r.run();
            }
            for (Runnable r : waiting.reversed()) r.run();
        }

        private void runMovedIfDue() {
            if (moved != null && op >= plan.slot()) {
                Runnable r = moved;
                moved = null;
                r.run();
            }
        }
    }
}
