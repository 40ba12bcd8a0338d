package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.args.PrismaWords;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Prisma's two input types for the data of a create or an update: the checked one sets relations through their
 * relation fields ({@code user: {connect: ...}}), the unchecked one through the foreign key scalars ({@code userId: 3}).
 * A record, or every record of a nested create list, must fit one of them; when none does, the error is the one Prisma
 * Client picks among the two types' first errors (an unknown argument before a missing one, else the checked type's),
 * worded as Prisma 7 words it.
 */
final class InputShapes {
    private final Schema schema;

    InputShapes(Schema schema) { this.schema = schema; }

    /**
     * Checks the records of a create (one, or a nested create list) against the checked and unchecked input types.
     *
     * @param back  the relation field pointing back at the parent of a nested create (in neither type), or null
     * @param paths the argument path of each record
     */
    void checkCreate(Model model, RelationField back, List<JsonNode> records, List<String> paths) {
        check(model, back, records, paths, true);
    }

    /** Checks the data of an update, which has no required arguments. */
    void checkUpdate(Model model, JsonNode data, String path) {
        check(model, null, List.of(data), List.of(path), false);
    }

    private void check(Model model, RelationField back, List<JsonNode> records, List<String> paths, boolean create) {
        List<QueryError> checked = new ArrayList<>();
        List<QueryError> unchecked = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (!records.get(i).isObject()) continue;
            checked.addAll(errors(model, back, records.get(i), paths.get(i), true, create));
            unchecked.addAll(errors(model, back, records.get(i), paths.get(i), false, create));
        }
        if (checked.isEmpty() || unchecked.isEmpty()) return;
        // Each type's parse stops at its first error; Prisma Client reports the one that got deeper (here the same depth),
        // then by kind (an unknown argument before a missing one), then the first type's, the checked one.
        QueryError c = checked.getFirst();
        QueryError u = unchecked.getFirst();
        throw isMissing(c) && !isMissing(u) ? u : c;
    }

    /** The errors of one record against one of the two types: its missing arguments first, then its unknown ones. */
    private List<QueryError> errors(Model model, RelationField back, JsonNode data, String path, boolean checkedType, boolean create) {
        List<RelationField> inlined = inlined(model, back);
        Set<String> foreignKeys = new HashSet<>();
        for (RelationField rf : inlined) foreignKeys.addAll(rf.fields());
        List<QueryError> missing = new ArrayList<>();
        List<QueryError> unknown = new ArrayList<>();
        if (create) {
            for (RelationField rf : inlined) {
                if (checkedType && rf.isRequired() && !data.has(rf.name())) missing.add(missing(join(path, rf.name()), rf.name()));
                if (checkedType) continue;
                for (String fk : rf.fields()) {
                    ScalarField f = (ScalarField) model.field(fk);
                    if (f.isRequired() && f.defaultValue() == null && !data.has(fk)) missing.add(missing(join(path, fk), fk));
                }
            }
        }
        for (Iterator<String> it = data.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            boolean refused = checkedType ? foreignKeys.contains(key) : inlined.stream().anyMatch(rf -> rf.name().equals(key));
            if (refused) unknown.add(unknownArgument(join(path, key), key, options(model, back, checkedType)));
        }
        missing.addAll(unknown);
        return missing;
    }

    /** The relations whose foreign key the record holds, other than the one to the parent of a nested create. */
    private List<RelationField> inlined(Model model, RelationField back) {
        List<RelationField> out = new ArrayList<>();
        for (RelationField rf : model.relationFields()) {
            if (rf != back && !rf.fields().isEmpty() && RelationLink.of(schema, model, rf).parentHoldsKey()) out.add(rf);
        }
        return out;
    }

    /** The arguments of the checked or unchecked data type of {@code model}, in the model's order. */
    List<String> options(Model model, RelationField back, boolean checkedType) {
        Set<String> backKeys = back == null ? Set.of() : new HashSet<>(back.fields());
        List<RelationField> inlined = inlined(model, back);
        Set<String> foreignKeys = new HashSet<>();
        for (RelationField rf : inlined) foreignKeys.addAll(rf.fields());
        List<String> out = new ArrayList<>();
        for (Field f : model.fields()) {
            if (f.ignored() || f == back) continue;
            if (f instanceof ScalarField sf) {
                if (sf.kind() == FieldKind.UNSUPPORTED || backKeys.contains(sf.name()) || checkedType && foreignKeys.contains(sf.name())) continue;
            } else if (f instanceof RelationField rf && !checkedType && inlined.contains(rf)) {
                continue;
            }
            out.add(f.name());
        }
        return out;
    }

    private static boolean isMissing(QueryError e) { return e.getMessage().endsWith("` is missing."); }

    /** Prisma's error for a required argument that is not given. */
    static QueryError missing(String path, String name) {
        return QueryError.validation(path, "Argument `" + name + "` is missing.");
    }

    /** Prisma's error for null given where its input type takes no null (a relation's nested writes). */
    static QueryError mustNotBeNull(String path, String name) {
        return QueryError.validation(path, "Argument `" + name + "` must not be null.");
    }

    /** Prisma's error for an argument its input type does not have, with the closest available name as a suggestion. */
    static QueryError unknownArgument(String path, String name, List<String> options) {
        return PrismaWords.unknownArgument(path, name, options);
    }

    /**
     * The kinds of value Prisma's nested write operations take: a to-many connect, disconnect, set or delete a unique
     * criterion or a list of them; a to-one disconnect or delete true or a filter; in Prisma's words otherwise.
     */
    static void checkOperationValues(Schema schema, Model model, JsonNode data, String path) {
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!(model.field(e.getKey()) instanceof RelationField rf) || !e.getValue().isObject()) continue;
            String child = rf.relatedModel();
            for (Iterator<java.util.Map.Entry<String, JsonNode>> ops = e.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                JsonNode v = op.getValue();
                String expected = null;
                if (rf.isList() && Set.of("connect", "disconnect", "set", "delete").contains(op.getKey()) && !v.isObject() && !v.isArray()) {
                    expected = child + "WhereUniqueInput or " + child + "WhereUniqueInput[]";
                } else if (!rf.isList() && Set.of("disconnect", "delete").contains(op.getKey()) && !v.isObject() && !v.isBoolean()) {
                    expected = "Boolean or " + child + "WhereInput";
                }
                if (expected != null) {
                    throw QueryError.validation(join(join(path, e.getKey()), op.getKey()), "Argument `" + op.getKey() + "`: Invalid value provided. Expected "
                            + expected + ", provided " + dev.facet.data.value.TypeErrors.kind(v) + ".");
                }
            }
        }
    }

    /** The operations of a field's update input type, in Prisma's order. */
    static List<String> updateOperations(ScalarField f) {
        if (f.isList()) return List.of("set", "push");
        if (f.scalarType() != null && f.scalarType().isNumeric()) return List.of("set", "increment", "decrement", "multiply", "divide");
        return List.of("set");
    }

    static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }
}
