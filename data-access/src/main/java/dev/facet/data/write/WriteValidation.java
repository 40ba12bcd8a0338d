package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.args.PrismaWords;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.write.WriteInput.items;
import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/**
 * Prisma parses a whole write against its input types before it runs any statement: a refused value anywhere in the
 * tree (a nested record naming the relation back to its parent, an unknown field three levels down, the create of a
 * connectOrCreate that finds its record, the data of a nested update) is a validation error, and nothing is written,
 * not even a sequence value drawn. Facet writes a request's records one after the other, so it walks the whole tree
 * here first, with the same checks and texts the writers use, in the parser's order: per record the missing arguments
 * first, then the given ones in the order of the data, depth first.
 */
final class WriteValidation {
    private final WriteContext ctx;

    WriteValidation(WriteContext ctx) { this.ctx = ctx; }

    /**
     * One record of create data.
     *
     * @param back the relation field pointing back at the parent of a nested create (not in its input types), or null
     */
    void create(Model model, RelationField back, JsonNode data, String path) {
        requireObject(data, path);
        ctx.shapes.checkCreate(model, back, List.of(data), List.of(path));
        requiredScalars(model, back, data, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = ctx.errors.field(model, e.getKey(), p);
            if (isBack(back, f)) throw ctx.errors.unknownIn(model, back, p, e.getKey());
            switch (f) {
                case ScalarField sf -> ctx.scalars.scalarValue(sf, e.getValue(), p);
                case RelationField rf -> relation(model, rf, e.getValue(), p, true);
            }
        }
    }

    /**
     * The data of an update (top-level or nested).
     *
     * @param back the relation field pointing back at the parent of a nested update, or null
     */
    void update(Model model, RelationField back, JsonNode data, String path) {
        ctx.records.checkUpdateData(model, data, path);
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = ctx.errors.field(model, e.getKey(), p);
            if (isBack(back, f)) throw ctx.errors.unknownIn(model, back, p, e.getKey());
            if (f instanceof RelationField rf) relation(model, rf, e.getValue(), p, false);
        }
    }

    /** The records of a createMany (scalars only), every one before the first is inserted. */
    void createMany(Model model, JsonNode data, String path) {
        List<JsonNode> list = items(data);
        for (int i = 0; i < list.size(); i++) ctx.scalars.scalarRow(model, list.get(i), path + "." + i, Map.of());
    }

    /** The nested writes under one relation field of a record being created or updated. */
    private void relation(Model model, RelationField rf, JsonNode op, String path, boolean creating) {
        if (op.isNull()) throw InputShapes.mustNotBeNull(path, rf.name());
        RelationLink link = RelationLink.of(ctx.schema, model, rf);
        if (!op.isObject()) throw PrismaWords.invalidValue(path, nestedInputTypes(rf, link, creating), op);
        ctx.errors.checkOps(op, NestedWrites.operations(rf, link, creating), path, rf);
        Model child = link.child();
        RelationField back = ctx.backFieldOf(rf);
        boolean many = rf.isList();
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "create" -> {
                    if (many) ctx.records.checkCreateList(child, back, v, p);
                    List<JsonNode> list = many ? items(v) : List.of(v);
                    for (int i = 0; i < list.size(); i++) create(child, back, list.get(i), many && v.isArray() ? join(p, Integer.toString(i)) : p);
                }
                case "createMany" -> {
                    JsonNode cm = requireObject(v, p);
                    Map<ScalarField, Object> preset = new LinkedHashMap<>();
                    for (ScalarField f : link.childKeys()) preset.put(f, null);
                    List<JsonNode> list = items(cm.get("data"));
                    for (int i = 0; i < list.size(); i++) ctx.scalars.scalarRow(child, list.get(i), join(join(p, "data"), Integer.toString(i)), preset);
                }
                case "connect", "set" -> {
                    if (many) uniques(child, v, p);
                    else ctx.reads.whereUnique(child, v, p);
                }
                case "disconnect", "delete" -> {
                    if (many) uniques(child, v, p);
                    else if (v.isObject()) ctx.reads.where(child, v, p);
                }
                case "deleteMany" -> {
                    for (JsonNode w : items(v)) ctx.reads.where(child, w, p);
                }
                case "connectOrCreate" -> {
                    for (JsonNode item : many ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        ctx.reads.whereUnique(child, item.get("where"), join(p, "where"));
                        create(child, back, item.get("create"), join(p, "create"));
                    }
                }
                case "update" -> {
                    for (JsonNode item : many ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        JsonNode data = item;
                        if (many) {
                            ctx.reads.whereUnique(child, item.get("where"), join(p, "where"));
                            data = item.get("data");
                        } else if (item.has("data") && (item.has("where") || child.field("data") == null)) {
                            if (item.has("where")) ctx.reads.where(child, item.get("where"), join(p, "where"));
                            data = item.get("data");
                        }
                        update(child, back, requireObject(data, join(p, "data")), join(p, "data"));
                    }
                }
                case "updateMany" -> {
                    for (JsonNode item : items(v)) {
                        requireObject(item, p);
                        if (item.has("where")) ctx.reads.where(child, item.get("where"), join(p, "where"));
                        ctx.scalars.scalarChanges(child, requireObject(item.get("data"), join(p, "data")), join(p, "data"), true);
                    }
                }
                case "upsert" -> {
                    for (JsonNode item : many ? items(v) : List.of(v)) {
                        requireObject(item, p);
                        if (item.has("where")) {
                            if (many) ctx.reads.whereUnique(child, item.get("where"), join(p, "where"));
                            else ctx.reads.where(child, item.get("where"), join(p, "where"));
                        }
                        create(child, back, item.get("create"), join(p, "create"));
                        update(child, back, requireObject(item.get("update"), join(p, "update")), join(p, "update"));
                    }
                }
                default -> throw new IllegalStateException(e.getKey());
            }
        }
    }

    /**
     * The where-unique inputs of a to-many connect, set, disconnect or delete, which take one or a list. Prisma tries
     * both; for one object without a unique criterion the list's error (of the wrong kind) is the one it reports.
     */
    private void uniques(Model child, JsonNode v, String path) {
        for (JsonNode w : items(v)) {
            try {
                ctx.reads.whereUnique(child, w, path);
            } catch (QueryError e) {
                if (v.isObject() && e.getMessage().contains("WhereUniqueInput needs at least one of")) {
                    throw PrismaWords.invalidValue(path, child.name() + "WhereUniqueInput[]", v);
                }
                throw e;
            }
        }
    }

    /**
     * The names of Prisma's nested-write input types for a relation field, as its error for a value of the wrong kind
     * lists them: the checked data type's, and the unchecked one's where that has the field too (not when the record
     * holds the relation's key).
     */
    private String nestedInputTypes(RelationField rf, RelationLink link, boolean creating) {
        RelationField back = ctx.backFieldOf(rf);
        String without = "Without" + (back == null ? "" : Character.toUpperCase(back.name().charAt(0)) + back.name().substring(1));
        String child = link.child().name();
        String many = rf.isList() ? "Many" : "One";
        if (link.parentHoldsKey()) {
            return creating ? child + "CreateNestedOne" + without + "Input"
                    : child + "UpdateOne" + (rf.isRequired() ? "Required" : "") + without + "NestedInput";
        }
        return creating ? child + "CreateNested" + many + without + "Input or " + child + "UncheckedCreateNested" + many + without + "Input"
                : child + "Update" + many + without + "NestedInput or " + child + "UncheckedUpdate" + many + without + "NestedInput";
    }

    /** The required scalars a record leaves out (the keys of its relations are the input types' check, see {@link InputShapes}). */
    private static void requiredScalars(Model model, RelationField back, JsonNode data, String path) {
        for (ScalarField f : model.scalarFields()) {
            if (data.has(f.name()) || !f.isRequired() || f.defaultValue() != null || f.updatedAt() || f.ignored()
                    || f.kind() == FieldKind.UNSUPPORTED || isRelationKey(model, f) || back != null && back.fields().contains(f.name())) continue;
            throw new QueryError("P2012", join(path, f.name()) + ": Argument `" + f.name() + "` is missing.");
        }
    }

    /** The relation back to the parent, or its foreign key: in neither of Prisma's nested input types. */
    private static boolean isBack(RelationField back, Field f) {
        return back != null && (f == back || f instanceof ScalarField && back.fields().contains(f.name()));
    }

    /** A key a relation of the model holds: it may come from the relation (or the parent) rather than the data. */
    private static boolean isRelationKey(Model model, ScalarField f) {
        for (Field rf : model.fields()) if (rf instanceof RelationField r && r.fields().contains(f.name())) return true;
        return false;
    }
}
