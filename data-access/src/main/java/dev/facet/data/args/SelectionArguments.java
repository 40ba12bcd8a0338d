package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.args.ArgumentChecks.*;

/** Parses {@code select}, {@code include} and {@code omit}, with nested reads of relations and {@code _count}. */
final class SelectionArguments {
    private final Schema schema;
    private final ReadArguments reads;
    private final WhereArguments where;

    SelectionArguments(Schema schema, ReadArguments reads, WhereArguments where) {
        this.schema = schema;
        this.reads = reads;
        this.where = where;
    }

    /** The selection from {@code select}, {@code include} and {@code omit}. */
    Selection selection(Model model, JsonNode args, String path) {
        boolean hasSelect = args.has("select") && !args.get("select").isNull();
        boolean hasInclude = args.has("include") && !args.get("include").isNull();
        boolean hasOmit = args.has("omit") && !args.get("omit").isNull();
        if (hasSelect && (hasInclude || hasOmit)) {
            throw QueryError.validation(path, "Please either use `" + (hasInclude ? "include" : "omit") + "` or `select`, but not both at the same time.");
        }
        List<Selection.Item> items = new ArrayList<>();
        if (hasSelect) {
            JsonNode select = requireObject(args.get("select"), join(path, "select"));
            for (Iterator<Map.Entry<String, JsonNode>> it = select.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isBoolean() && !e.getValue().asBoolean()) continue;
                items.add(selectedItem(model, e.getKey(), e.getValue(), join(join(path, "select"), e.getKey()), true));
            }
            if (items.isEmpty()) {
                throw QueryError.validation(join(path, "select"), "The `select` statement for type " + model.name()
                        + " must not be empty. Available options are marked with ?.");
            }
            return new Selection(items);
        }
        Set<String> omitted = new java.util.HashSet<>();
        if (hasOmit) {
            JsonNode omit = requireObject(args.get("omit"), join(path, "omit"));
            for (Iterator<Map.Entry<String, JsonNode>> it = omit.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                field(model, e.getKey(), join(join(path, "omit"), e.getKey()));
                // Omitting a relation is accepted and changes nothing: relations are not returned unless included.
                // Prisma Client omits on any JavaScript truthy value.
                JsonNode o = e.getValue();
                if (o.isBoolean() ? o.booleanValue() : o.isNumber() ? o.doubleValue() != 0 : o.isTextual() ? !o.textValue().isEmpty() : o.isContainerNode()) {
                    omitted.add(e.getKey());
                }
            }
        }
        for (ScalarField f : defaultScalars(model)) if (!omitted.contains(f.name())) items.add(new Selection.Scalar(f));
        if (hasInclude) {
            JsonNode include = requireObject(args.get("include"), join(path, "include"));
            for (Iterator<Map.Entry<String, JsonNode>> it = include.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = join(join(path, "include"), e.getKey());
                if (e.getValue().isBoolean() && !e.getValue().asBoolean()) continue;
                if (!e.getKey().equals("_count") && field(model, e.getKey(), p) instanceof ScalarField) {
                    throw QueryError.validation(p, "Invalid scalar field `" + e.getKey() + "` for include statement on model " + model.name()
                            + ". Available options are marked with ?.\nNote that include statements only accept relation fields.");
                }
                items.add(selectedItem(model, e.getKey(), e.getValue(), p, false));
            }
        }
        // Omitting every field leaves nothing to return, which Prisma refuses.
        if (items.isEmpty() && hasOmit) throw QueryError.validation(join(path, "omit"), "Omitting every field of " + model.name() + " leaves nothing to select.");
        return new Selection(items);
    }

    /** The scalars Prisma returns by default: all but relation, ignored and unsupported fields, in schema order. */
    public static List<ScalarField> defaultScalars(Model model) {
        return model.scalarFields().stream().filter(f -> !f.ignored() && f.kind() != FieldKind.UNSUPPORTED).toList();
    }

    private Selection.Item selectedItem(Model model, String key, JsonNode value, String path, boolean inSelect) {
        if (key.equals("_count")) return count(model, value, path);
        Field field = field(model, key, path);
        if (field instanceof ScalarField sf) {
            if (sf.isComposite() && value.isObject()) return where.composites().selection(sf, value, path);
            if (!value.isBoolean()) throw QueryError.validation(path, "a scalar field is selected with true or false");
            return new Selection.Scalar(sf);
        }
        RelationField rf = (RelationField) field;
        Model related = schema.model(rf.relatedModel());
        JsonNode nested = value.isBoolean() ? JsonCodecs.EMPTY : requireObject(value, path);
        ReadQuery query;
        if (rf.isList()) {
            query = reads.findMany(related, nested, path);
        } else {
            rejectUnknown(nested, Set.of("select", "include", "omit", "where"), path, related);
            if (nested.has("where") && rf.isRequired()) {
                throw QueryError.validation(join(path, "where"), "Argument does not exist in enclosing type: a required to-one relation cannot be filtered");
            }
            Filter filter = nested.has("where") ? where.where(related, nested.get("where"), join(path, "where")) : Filter.ALL;
            query = new ReadQuery(related, filter, List.of(), null, null, null, List.of(), selection(related, nested, path));
        }
        return new Selection.Relation(rf, query);
    }

    private Selection.Item count(Model model, JsonNode value, String path) {
        List<Selection.CountedRelation> counted = new ArrayList<>();
        if (value.isBoolean()) {
            for (RelationField rf : model.relationFields()) {
                if (rf.isList() && !rf.ignored()) counted.add(new Selection.CountedRelation(rf, Filter.ALL));
            }
            return new Selection.Count(counted);
        }
        JsonNode select = requireObject(value, path).get("select");
        if (select == null) throw QueryError.validation(join(path, "select"), "A value is required but not set");
        if (select.isObject() && select.isEmpty()) {
            throw QueryError.validation(join(path, "select"), "The `select` statement for type " + model.name() + "CountOutputType must not be empty.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = select.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(join(path, "select"), e.getKey());
            Field f = field(model, e.getKey(), p);
            if (!(f instanceof RelationField rf) || !rf.isList()) throw QueryError.validation(p, "_count takes to-many relations, but " + e.getKey() + " is not one");
            if (e.getValue().isBoolean()) {
                if (e.getValue().asBoolean()) counted.add(new Selection.CountedRelation(rf, Filter.ALL));
                continue;
            }
            JsonNode w = requireObject(e.getValue(), p).get("where");
            counted.add(new Selection.CountedRelation(rf, w == null ? Filter.ALL : where.where(schema.model(rf.relatedModel()), w, join(p, "where"))));
        }
        return new Selection.Count(counted);
    }
}
