package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.query.Filter;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
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

/** Parses a {@code where} input: scalar, list, composite and relation filters, joined by AND, OR and NOT. */
final class WhereArguments {
    private final Schema schema;
    private final Set<ConnectorCapability> capabilities;
    private final CompositeFilters composites;
    private final JsonFilterArguments json;

    WhereArguments(Schema schema, Set<ConnectorCapability> capabilities, ReadArguments reads) {
        this.schema = schema;
        this.capabilities = capabilities;
        this.composites = new CompositeFilters(schema, reads, capabilities);
        this.json = new JsonFilterArguments(schema, capabilities);
    }

    CompositeFilters composites() { return composites; }

    /** Parses a {@code where} object. */
    Filter where(Model model, JsonNode where, String path) { return where(model, where, path, false); }

    /**
     * @param listed the object is a member of an AND, OR or NOT list. An OR left with nothing is false in a where of
     *               its own (of the request, or of a relation filter), but Prisma leaves it out of a listed object.
     */
    private Filter where(Model model, JsonNode where, String path, boolean listed) {
        if (where.isNull()) return Filter.ALL;
        if (!where.isObject()) throw PrismaWords.invalidValue(path, model.name() + "WhereInput", where);
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Filter part = whereEntry(model, e.getKey(), e.getValue(), path);
            if (!listed || !isEmptyOr(part)) parts.add(part);
        }
        return Filter.and(parts);
    }

    Filter whereEntry(Model model, String key, JsonNode value, String path) {
        String p = join(path, key);
        switch (key) {
            case "AND" -> {
                return Filter.and(listOf(value).stream().map(v -> where(model, v, p, true)).toList());
            }
            case "OR" -> {
                // Unlike AND and NOT, OR takes a list only.
                if (!value.isArray()) throw QueryError.validation(p, "Argument `OR`: Invalid value provided. Expected " + model.name()
                        + "WhereInput[], provided Object.");
                // An empty condition ({} or AND: []) is no condition at all to Prisma: OR and NOT leave it out, and an
                // OR left with nothing matches nothing (an empty Or; see where() for where it is left out).
                List<Filter> any = new ArrayList<>();
                for (JsonNode v : listOf(value)) {
                    Filter f = where(model, v, p, true);
                    if (!f.equals(Filter.ALL)) any.add(f);
                }
                return any.size() == 1 ? any.getFirst() : new Filter.Or(any);
            }
            case "NOT" -> {
                List<Filter> none = new ArrayList<>();
                for (JsonNode v : listOf(value)) {
                    Filter f = where(model, v, p, true);
                    if (!f.equals(Filter.ALL)) none.add(new Filter.Not(f));
                }
                return Filter.and(none);
            }
            default -> { }
        }
        Field field = field(model, key, p);
        return switch (field) {
            case ScalarField sf -> scalarFilter(sf, value, p, false);
            case RelationField rf -> relationFilter(rf, value, p);
        };
    }

    /**
     * A filter on a scalar field. {@code reversed}: inside a {@code not: {...}}, where Prisma negates each condition
     * on its own (not: {a, b} is NOT a AND NOT b) and a nested {@code not: {...}} turns back; a {@code not: value}
     * stays "not equal" either way.
     */
    private static boolean isEmptyOr(Filter f) { return f instanceof Filter.Or or && or.filters().isEmpty(); }

    private Filter scalarFilter(ScalarField field, JsonNode value, String path, boolean reversed) {
        if (field.isComposite()) return composites.parse(field, value, path);
        if (field.isList()) return listFilter(field, value, path);
        if (field.scalarType() == dev.facet.schema.model.ScalarType.JSON) return json.parse(field, value, path);
        if (!value.isObject() || isTagged(value)) return equalsFilter(field, value, path);
        // Where the filter type has no `mode` (not PostgreSQL), it is an unknown argument whatever its value.
        if (value.has("mode")) checkOperation(field, "mode", join(path, "mode"));
        boolean insensitive = value.has("mode") && "insensitive".equals(mode(value.get("mode"), join(path, "mode")));
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            checkOperation(field, e.getKey(), p);
            switch (e.getKey()) {
                case "mode" -> { }
                case "equals" -> parts.add(v.isNull() ? isNull(field, "equals", p) : compare(field, Filter.CompareOp.EQUALS, v, p, insensitive));
                case "not" -> {
                    if (v.isObject() && !isTagged(v)) parts.add(scalarFilter(field, insensitive && !v.has("mode") ? withMode(v) : v, p, !reversed));
                    else parts.add(notFilter(field, v, p, insensitive));
                    continue;
                }
                case "in" -> parts.add(v.isNull() ? isNull(field, "in", p) : in(field, v, p, insensitive));
                // As Prisma 7 compiles it: `notIn: null` keeps the rows that have a value.
                case "notIn" -> parts.add(v.isNull() ? new Filter.Not(isNull(field, "notIn", p)) : new Filter.Not(in(field, v, p, insensitive)));
                case "lt" -> parts.add(compare(field, Filter.CompareOp.LT, v, p, insensitive));
                case "lte" -> parts.add(compare(field, Filter.CompareOp.LTE, v, p, insensitive));
                case "gt" -> parts.add(compare(field, Filter.CompareOp.GT, v, p, insensitive));
                case "gte" -> parts.add(compare(field, Filter.CompareOp.GTE, v, p, insensitive));
                case "contains" -> parts.add(textFilter(field, Filter.CompareOp.CONTAINS, v, p, insensitive));
                case "startsWith" -> parts.add(textFilter(field, Filter.CompareOp.STARTS_WITH, v, p, insensitive));
                case "endsWith" -> parts.add(textFilter(field, Filter.CompareOp.ENDS_WITH, v, p, insensitive));
                case "isSet" -> parts.add(isSet(field, v, p));
                default -> throw PrismaWords.unknownArgument(p, e.getKey(),
                        PrismaWords.filterOptions(field, capabilities.contains(ConnectorCapability.INSENSITIVE_FILTERS)));
            }
            if (reversed && !e.getKey().equals("mode")) parts.set(parts.size() - 1, new Filter.Not(parts.getLast()));
        }
        return Filter.and(parts);
    }

    /**
     * Prisma's filter input types offer per type: enums, Bytes and Booleans no ordering (lt...), only String the
     * text operations, and {@code mode} only where the database has case-insensitive comparison (PostgreSQL).
     */
    private void checkOperation(ScalarField field, String op, String path) {
        boolean ordered = !field.isEnum() && field.scalarType() != dev.facet.schema.model.ScalarType.BYTES
                && field.scalarType() != dev.facet.schema.model.ScalarType.BOOLEAN;
        boolean refused = switch (op) {
            case "lt", "lte", "gt", "gte" -> !ordered;
            case "in", "notIn" -> field.scalarType() == dev.facet.schema.model.ScalarType.BOOLEAN && !field.isEnum();
            case "mode" -> !capabilities.contains(ConnectorCapability.INSENSITIVE_FILTERS);
            default -> false;
        };
        if (refused) throw PrismaWords.unknownArgument(path, op, PrismaWords.filterOptions(field, capabilities.contains(ConnectorCapability.INSENSITIVE_FILTERS)));
    }

    /** @return the QueryMode given, checked */
    static String mode(JsonNode v, String path) {
        String mode = v.asText();
        if (!mode.equals("insensitive") && !mode.equals("default")) throw QueryError.validation(path, "Invalid value for argument `mode`. Expected QueryMode.");
        return mode;
    }

    /** {@code isSet}: whether the field is in the document at all, on MongoDB only (Prisma has it there alone). */
    private Filter isSet(ScalarField field, JsonNode v, String path) {
        if (!capabilities.contains(ConnectorCapability.ABSENT_FIELDS)) {
            throw QueryError.validation(path, "unknown filter 'isSet' on field " + field.name() + " (isSet exists on MongoDB only)");
        }
        if (!v.isBoolean()) throw QueryError.validation(path, "Invalid value provided. Expected Boolean, provided " + v + ".");
        return new Filter.IsSet(field, v.asBoolean());
    }

    private Filter notFilter(ScalarField field, JsonNode v, String path, boolean insensitive) {
        if (v.isNull()) {
            if (field.isRequired()) throw QueryError.validation(path, "Argument `not` must not be null.");
            return new Filter.Not(new Filter.IsNull(field));
        }
        return compare(field, Filter.CompareOp.NOT_EQUALS, v, path, insensitive);
    }

    private static JsonNode withMode(JsonNode v) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) v).deepCopy();
        copy.put("mode", "insensitive");
        return copy;
    }

    /** A null check, which a required field does not take (Prisma: "Argument `equals` must not be null."). */
    private static Filter isNull(ScalarField field, String argument, String path) {
        if (field.isRequired()) throw QueryError.validation(path, "Argument `" + argument + "` must not be null.");
        return new Filter.IsNull(field);
    }

    Filter equalsFilter(ScalarField field, JsonNode v, String path) {
        if (v.isNull()) return isNull(field, field.name(), path);
        return compare(field, Filter.CompareOp.EQUALS, v, path, false);
    }

    private Filter compare(ScalarField field, Filter.CompareOp op, JsonNode v, String path, boolean insensitive) {
        if (v.isNull()) throw QueryError.validation(path, "Argument `" + lastSegment(path) + "` must not be null.");
        return new Filter.Compare(field, op, value(schema, field, v, path), insensitive);
    }

    private Filter textFilter(ScalarField field, Filter.CompareOp op, JsonNode v, String path, boolean insensitive) {
        if (field.scalarType() != dev.facet.schema.model.ScalarType.STRING) {
            throw QueryError.validation(path, "'" + lastSegment(path) + "' is not available on field " + field.name() + " of type "
                    + field.typeName());
        }
        return compare(field, op, v, path, insensitive);
    }

    private Filter in(ScalarField field, JsonNode v, String path, boolean insensitive) {
        // Where the database has scalar lists, Prisma's in/notIn also take a list field reference.
        boolean listRefs = capabilities.contains(ConnectorCapability.SCALAR_LISTS);
        if (!v.isArray()) {
            throw QueryError.validation(path, "Argument `" + lastSegment(path) + "`: Invalid value provided. Expected " + field.typeName()
                    + "[]" + (listRefs ? " or " + TypeErrors.listRefName(field) : "") + ", provided " + TypeErrors.kind(v) + ".");
        }
        // Prisma checks a nullable field's list (and any list where lists can be field references) as a whole, and names the list's kind.
        if (!field.isRequired() || listRefs) {
            for (JsonNode item : v) {
                if (!item.isNull() && !TypeErrors.fits(field, item)) {
                    throw QueryError.validation(path, TypeErrors.wrongKind(field, lastSegment(path), v,
                            listRefs ? TypeErrors.Place.FILTER_LIST_OR_REF : TypeErrors.Place.FILTER_LIST));
                }
            }
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode item : listOf(v)) values.add(value(schema, field, item, path));
        return new Filter.In(field, values, insensitive);
    }

    private Filter listFilter(ScalarField field, JsonNode value, String path) {
        // Prisma's list filter is an object with exactly one operation; a bare list is not a shorthand for equals.
        if (!value.isObject()) {
            throw QueryError.validation(path, "Invalid value provided. Expected " + field.typeName() + "ListFilter, provided " + value + ".");
        }
        if (value.size() != 1) {
            throw QueryError.validation(path, "Argument `" + field.name() + "` needs exactly one argument, but you provided "
                    + String.join(" and ", iterable(value.fieldNames())) + ". Please choose one.");
        }
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "has" -> parts.add(v.isNull() ? Filter.NONE : new Filter.ListCondition(field, Filter.ListOp.HAS, value(schema, field, v, p)));
                case "hasSome" -> parts.add(new Filter.ListCondition(field, Filter.ListOp.HAS_SOME, listValue(field, v, p)));
                case "hasEvery" -> parts.add(new Filter.ListCondition(field, Filter.ListOp.HAS_EVERY, listValue(field, v, p)));
                case "isEmpty" -> {
                    if (!v.isBoolean()) throw QueryError.validation(p, "expected a boolean");
                    Filter empty = new Filter.ListCondition(field, Filter.ListOp.IS_EMPTY, Boolean.TRUE);
                    parts.add(v.asBoolean() ? empty : new Filter.Not(empty));
                }
                case "equals" -> parts.add(v.isNull() ? new Filter.IsNull(field)
                        : new Filter.ListCondition(field, Filter.ListOp.EQUALS, listValue(field, v, p)));
                case "isSet" -> parts.add(isSet(field, v, p));
                default -> throw QueryError.validation(p, "unknown filter '" + e.getKey() + "' on list field " + field.name()
                        + " (expected one of has, hasSome, hasEvery, isEmpty, equals)");
            }
        }
        return Filter.and(parts);
    }

    private List<Object> listValue(ScalarField field, JsonNode v, String path) {
        return Values.listFromJson(field, schema.enumType(field.typeName()), v, path);
    }

    private Filter relationFilter(RelationField field, JsonNode value, String path) {
        Model related = schema.model(field.relatedModel());
        if (field.isList()) {
            if (!value.isObject()) throw PrismaWords.invalidValue(path, related.name() + "ListRelationFilter", value);
            List<Filter> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = join(path, e.getKey());
                Filter.Quantifier q = switch (e.getKey()) {
                    case "some" -> Filter.Quantifier.SOME;
                    case "every" -> Filter.Quantifier.EVERY;
                    case "none" -> Filter.Quantifier.NONE;
                    default -> throw PrismaWords.unknownArgument(p, e.getKey(), List.of("every", "some", "none"));
                };
                parts.add(new Filter.ToMany(field, q, where(related, e.getValue(), p)));
            }
            return Filter.and(parts);
        }
        // A required relation always has its record: Prisma refuses null checks on it.
        if (value.isNull() || field.isRequired() && (value.path("is").isNull() || value.path("isNot").isNull())) {
            if (field.isRequired()) throw QueryError.validation(path, "Argument `" + field.name() + "` must not be null.");
            if (value.isNull()) return new Filter.ToOne(field, true, null);
        }
        if (!value.isObject()) {
            throw PrismaWords.invalidValue(path, field.isRequired() ? related.name() + "ScalarRelationFilter or " + related.name() + "WhereInput"
                    : related.name() + "NullableScalarRelationFilter, " + related.name() + "WhereInput or Null", value);
        }
        // `author: {}` is an empty condition, which holds whether or not there is a related record.
        if (value.isEmpty()) return Filter.ALL;
        if (value.has("is") || value.has("isNot")) {
            List<Filter> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = join(path, e.getKey());
                boolean negated = switch (e.getKey()) {
                    case "is" -> false;
                    case "isNot" -> true;
                    default -> throw QueryError.validation(p, "unknown filter '" + e.getKey() + "' on relation " + field.name()
                            + " (expected is or isNot, or conditions on " + related.name() + ")");
                };
                // `is: null` means "no related record"; `isNot: null` means "a related record exists".
                if (e.getValue().isNull()) parts.add(new Filter.ToOne(field, !negated, null));
                else parts.add(new Filter.ToOne(field, negated, where(related, e.getValue(), p)));
            }
            return Filter.and(parts);
        }
        // Prisma reads the shorthand against the relation filter type first: an unknown key is worded against is/isNot.
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (related.field(key) == null && !List.of("AND", "OR", "NOT").contains(key)) {
                throw PrismaWords.unknownArgument(join(path, key), key, List.of("is", "isNot"));
            }
        }
        return new Filter.ToOne(field, false, where(related, value, path));
    }
}
