package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.write.WriteInput.join;

/**
 * The errors of writes, in Prisma's words: unknown arguments and operations, records a nested write needs and does not
 * find, relations that are not connected. The validation of input shapes themselves is {@link InputShapes}'.
 */
final class WriteErrors {
    private final WriteContext ctx;

    WriteErrors(WriteContext ctx) { this.ctx = ctx; }

    /**
     * The error of an update whose record does not exist. Prisma runs the nested writes that depend on the record
     * before it notices, so the first of them that needs the record reports it in its own words (many-to-many
     * connects, creates and disconnects, one-to-many connects and creates, a to-one update or create); the others
     * (set, deleteMany, updateMany on one-to-many) leave it to the generic text. It does so only with foreign keys
     * on a database that returns updated rows (PostgreSQL, SQLite): otherwise it reads the record first. Disconnecting
     * a required relation is refused (P2014) before anything is read.
     */
    QueryError missingForUpdate(Model model, JsonNode data) {
        boolean readsFirst = ctx.actions.emulated() || !ctx.capabilities.contains(ConnectorCapability.RETURNING);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.isObject() ? data.fields() : java.util.Collections.emptyIterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(model.field(e.getKey()) instanceof RelationField rf) || !e.getValue().isObject()) continue;
            RelationLink link = RelationLink.of(ctx.schema, model, rf);
            String on = " on " + ctx.kindWords(link) + " relation '" + ctx.relationName(link) + "'.";
            String me = "No '" + model.name() + "' record";
            for (Iterator<String> ops = e.getValue().fieldNames(); ops.hasNext(); ) {
                String op = ops.next();
                String text = null;
                if (link.manyToMany()) {
                    text = switch (op) {
                        case "set" -> me + " (needed to disconnect existing child records) was found for a nested set" + on;
                        case "connect", "create", "connectOrCreate" -> me + " was found for a connect" + on;
                        case "disconnect" -> me + " was found for a disconnect" + on;
                        case "update" -> "No '" + link.child().name() + "' record was found for a nested update" + on;
                        default -> null;
                    };
                    if (op.equals("delete") && !readsFirst) return notConnected(model, link);
                } else if (link.parentHoldsKey()) {
                    if (op.equals("update")) text = "No '" + link.child().name() + "' record was found for a nested update" + on;
                } else if (rf.isList()) {
                    text = switch (op) {
                        case "connect" -> me + " (needed to inline the relation on '" + link.child().name() + "' record(s)) was found for a nested connect" + on;
                        case "create" -> me + " (needed to inline the relation on '" + model.name() + "' record(s)) was found for a nested create" + on;
                        default -> null;
                    };
                } else if (op.equals("create")) {
                    text = me + " (needed to create inlined relation for '" + link.child().name() + "' record(s)) was found for a nested create" + on;
                } else if (op.equals("delete")) {
                    text = "No '" + link.child().name() + "' record was found for a nested delete" + on;
                } else if (op.equals("disconnect") && ctx.backFieldOf(rf) != null && ctx.backFieldOf(rf).isRequired()) {
                    return ctx.actions.violation(ctx.relation(link));
                }
                if (text != null && !readsFirst) return QueryError.notFound(text);
            }
        }
        return QueryError.notFound("No record was found for an update.");
    }

    /** P2025: the related record a nested {@code operation} (update, delete, connect) needs is not there. */
    QueryError nestedNotFound(RelationLink link, String operation) {
        return QueryError.notFound("No '" + link.child().name() + "' record was found for a nested " + operation + " on " + ctx.kindWords(link)
                + " relation '" + ctx.relationName(link) + "'.");
    }

    /**
     * P2025: the record a nested connect names is not there, while the record holding the key is written.
     *
     * @param needed Prisma's words for why the record was needed, up to the name of the model written; null when Prisma gives none
     */
    QueryError connectNotFound(Model model, RelationLink link, String needed) {
        String why = needed == null ? "" : " (" + needed + model.name() + "' record(s))";
        return QueryError.notFound("No '" + link.child().name() + "' record" + why + " was found for a nested connect on " + ctx.kindWords(link)
                + " relation '" + ctx.relationName(link) + "'.");
    }

    /** P2017: a record to delete through a relation is not connected to the parent. */
    QueryError notConnected(Model model, RelationLink link) {
        return new QueryError("P2017", "The records for relation `" + ctx.relationName(link) + "` between the `" + model.name()
                + "` and `" + link.child().name() + "` models are not connected.");
    }

    /** A connect that found fewer of the records it names than it names (P2025 or P2018 by the relation's kind). */
    QueryError tooFewToConnect(RelationLink link, int expected, int found) {
        if (link.manyToMany()) {
            return QueryError.notFound("Expected " + expected + " records to be connected, found only " + found + ".");
        }
        if (!link.field().isList()) return nestedNotFound(link, "connect");
        return new QueryError("P2018", "The required connected records were not found. Expected " + expected
                + " records to be connected after connect operation on " + ctx.kindWords(link) + " relation '" + ctx.relationName(link) + "', found "
                + found + ".");
    }

    void checkOps(JsonNode op, Set<String> allowed, String path, RelationField rf) {
        // An empty nested write is valid input that does nothing, as in Prisma (its fields are all optional).
        for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw unknownOp(join(path, k), k, allowed);
        }
    }

    /** The field {@code name} of a write's data; an unknown argument when the client cannot write it. */
    Field field(Model model, String name, String path) {
        Field f = model.field(name);
        if (f == null || f.ignored() || f instanceof ScalarField sf && sf.kind() == FieldKind.UNSUPPORTED) {
            throw InputShapes.unknownArgument(path, name, ctx.shapes.options(model, null, true));
        }
        return f;
    }

    /** A field the data type of a nested create lacks (the relation to the parent, or its foreign key). */
    QueryError unknownIn(Model model, RelationField back, String path, String name) {
        return InputShapes.unknownArgument(path, name, ctx.shapes.options(model, back, true));
    }

    /** The scalar arguments of a createMany (with foreign keys) or an updateMany (without) data type. */
    List<String> scalarOptions(Model model, Set<ScalarField> excluded, boolean foreignKeys) {
        List<String> names = ctx.shapes.options(model, null, !foreignKeys);
        return names.stream().filter(n -> model.field(n) instanceof ScalarField f && !excluded.contains(f)).toList();
    }

    /** An operation a relation's nested-write type does not offer here, with Prisma's order of the operations. */
    private static QueryError unknownOp(String path, String name, Set<String> allowed) {
        return InputShapes.unknownArgument(path, name, CreateOrder.NESTED_OPS.stream().filter(allowed::contains).toList());
    }
}
