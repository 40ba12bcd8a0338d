package dev.facet.data.mongo;

import dev.facet.data.connector.Session.CompositeChange;
import dev.facet.data.connector.Session.FieldUpdate;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The update commands for one update of the documents a query matches: MongoDB update operators on dotted paths, with
 * composite changes translated as Prisma means them. A composite {@code update} is the same operators under the
 * embedded document's path; {@code updateMany} on a list addresses the matching elements with an array filter
 * ({@code list.$[e0].field}), nested to any depth; {@code deleteMany} is a {@code $pull} with the element condition;
 * {@code upsert} needs to know whether the composite is there, so it becomes two more commands: the update for the
 * documents (or elements) where it is set and not null, then the {@code set} for those where it is null or missing,
 * both before the command with the other changes.
 * Only operators the in-process test server has are used ({@code $[]}, array filters, {@code $pull} with a condition).
 */
final class UpdateCommands {
    /**
     * One update command.
     *
     * @param condition    what the document must also match (for an upsert's two halves), empty for none
     * @param update       the update document ({@code $set}, {@code $inc}...)
     * @param arrayFilters the array filters of the {@code $[id]} paths in it
     */
    record Command(Document condition, Document update, List<Document> arrayFilters) {}

    private final BsonValues values;
    private final MongoFilters filters;
    private final Model model;
    private int identifiers;

    UpdateCommands(BsonValues values, MongoFilters filters, Model model) {
        this.values = values;
        this.filters = filters;
        this.model = model;
    }

    /** The commands, in the order to send them; none has an empty update. */
    List<Command> build(Map<ScalarField, FieldUpdate> changes) {
        List<Builder> out = new ArrayList<>();
        Builder main = new Builder(new Document(), new LinkedHashMap<>());
        add(main, "", changes, out);
        // The plain changes go last: the upserts' commands match array elements by the same filters, which a change
        // of a filtered field would make them miss.
        out.add(main);
        List<Command> commands = new ArrayList<>();
        for (Builder b : out) if (!b.update().isEmpty()) commands.add(new Command(b.condition, b.update(), new ArrayList<>(b.arrayFilters.values())));
        return commands;
    }

    private void add(Builder b, String prefix, Map<ScalarField, FieldUpdate> changes, List<Builder> out) {
        for (var e : changes.entrySet()) {
            ScalarField f = e.getKey();
            String n = prefix + f.databaseName();
            switch (e.getValue()) {
                case FieldUpdate.Set s -> b.op("$set").put(n, values.toBson(f, s.value()));
                case FieldUpdate.Arithmetic a -> {
                    Object operand = values.toBson(f, a.operand());
                    switch (a.op()) {
                        case ADD -> b.op("$inc").put(n, operand);
                        case SUBTRACT -> b.op("$inc").put(n, negate(operand));
                        case MULTIPLY -> b.op("$mul").put(n, operand);
                        // A top-level divide is applied per document by MongoSession; MongoDB has no operator for it.
                        case DIVIDE -> throw QueryError.validation(n, "Facet cannot divide a field inside a composite on MongoDB "
                                + "(MongoDB has no divide operator); use `set` with the new value.");
                    }
                }
                case FieldUpdate.Push p -> b.op("$push").put(n, new Document("$each", values.toBson(f, p.values())));
                case FieldUpdate.Unset x -> b.op("$unset").put(n, "");
                case FieldUpdate.Composite c -> composite(b, f, n, c.change(), out);
            }
        }
    }

    private void composite(Builder b, ScalarField f, String n, CompositeChange change, List<Builder> out) {
        switch (change) {
            case CompositeChange.Update u -> add(b, n + ".", u.changes(), out);
            case CompositeChange.Upsert up -> {
                Builder update = b.copyConditions();
                condition(update, n, new Document("$ne", null));
                add(update, n + ".", up.changes(), out);
                out.add(update);
                Builder set = b.copyConditions();
                condition(set, n, new Document("$eq", null));
                set.op("$set").put(n, values.toBson(f, up.set()));
                out.add(set);
            }
            case CompositeChange.UpdateMany um -> {
                if (um.where().equals(Filter.NONE)) return;
                if (um.where().equals(Filter.ALL)) {
                    add(b, n + ".$[].", um.changes(), out);
                    return;
                }
                String id = "e" + identifiers++;
                b.arrayFilters.put(id, arrayFilter(id, um.where()));
                add(b, n + ".$[" + id + "].", um.changes(), out);
            }
            case CompositeChange.DeleteMany dm -> {
                if (dm.where().equals(Filter.ALL)) b.op("$set").put(n, List.of());
                else if (!dm.where().equals(Filter.NONE)) b.op("$pull").put(n, filters.at("").compile(dm.where(), model));
            }
        }
    }

    /** The array filter of identifier {@code id}: the element condition on {@code id.}-prefixed paths, a top-level AND merged. */
    private Document arrayFilter(String id, Filter where) {
        Document d = filters.at(id + ".").compile(where, model);
        if (d.size() == 1 && d.get("$and") instanceof List<?> parts) {
            Document merged = new Document();
            for (Object part : parts) {
                for (var e : ((Document) part).entrySet()) {
                    if (merged.containsKey(e.getKey())) return d;
                    merged.put(e.getKey(), e.getValue());
                }
            }
            return merged;
        }
        return d;
    }

    /**
     * Adds a condition on {@code path}: to the query for a path in the document itself, to the array filter of the
     * innermost element for a path under {@code $[id]}.
     */
    private static void condition(Builder b, String path, Document condition) {
        int open = path.lastIndexOf(".$[");
        if (open < 0) {
            b.condition.put(path, condition);
            return;
        }
        int close = path.indexOf(']', open);
        String id = path.substring(open + 3, close);
        if (id.isEmpty()) {
            throw QueryError.validation(path, "Facet cannot upsert a composite inside every element of a list (updateMany without `where`) "
                    + "on MongoDB; give the elements a `where`.");
        }
        Document filter = new Document(b.arrayFilters.get(id));
        filter.put(id + path.substring(close + 1), condition);
        b.arrayFilters.put(id, filter);
    }

    private static Object negate(Object v) {
        return switch (v) {
            case Integer i -> -i;
            case Long l -> -l;
            case Double d -> -d;
            default -> v;
        };
    }

    /** An update document being built, with the conditions and array filters it needs. */
    private static final class Builder {
        final Document condition;
        final Map<String, Document> arrayFilters;
        private final Map<String, Document> ops = new LinkedHashMap<>();

        Builder(Document condition, Map<String, Document> arrayFilters) {
            this.condition = condition;
            this.arrayFilters = arrayFilters;
        }

        Document op(String name) { return ops.computeIfAbsent(name, k -> new Document()); }

        Builder copyConditions() { return new Builder(new Document(condition), new LinkedHashMap<>(arrayFilters)); }

        /**
         * The update document. The paths an array filter looks at go last (and the operator holding them): the
         * in-process test server applies the paths one after the other and matches the array filters again for each,
         * so an element whose filtered field changed first would lose the rest of its changes; a real server matches
         * them once, where the order does not matter.
         */
        Document update() {
            java.util.Set<String> filtered = new java.util.HashSet<>();
            arrayFilters.forEach((id, filter) -> filter.keySet().forEach(k -> { if (k.startsWith(id + ".")) filtered.add(".$[" + id + "]" + k.substring(id.length())); }));
            java.util.function.Predicate<String> late = path -> filtered.stream().anyMatch(path::endsWith);
            Document u = new Document();
            List<String> lateOps = new ArrayList<>();
            ops.forEach((k, v) -> {
                if (v.isEmpty()) return;
                Document ordered = new Document();
                v.forEach((path, value) -> { if (!late.test(path)) ordered.put(path, value); });
                v.forEach((path, value) -> { if (late.test(path)) ordered.put(path, value); });
                if (ordered.keySet().stream().anyMatch(late)) lateOps.add(k);
                else u.put(k, ordered);
                ops.put(k, ordered);
            });
            for (String k : lateOps) u.put(k, ops.get(k));
            return u;
        }
    }
}
