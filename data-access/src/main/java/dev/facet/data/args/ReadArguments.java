package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Prisma Client read arguments ({@code where}, {@code select}, {@code include}, {@code omit},
 * {@code orderBy}, {@code cursor}, {@code skip}, {@code take}, {@code distinct}) from JSON into the
 * neutral query model, checking them against the schema. Every problem is a P2009 error naming the
 * argument path and worded as Prisma 7 words it, e.g. {@code where.posts.some.titel: Unknown argument `titel`. Did you mean
 * `title`? Available options are marked with ?.}
 */
public final class ReadArguments {
    /** The order in which Prisma's read actions list their arguments (it decides which is suggested). */
    private static final List<String> ARGUMENT_ORDER = List.of("select", "include", "omit", "where", "orderBy", "cursor", "take", "skip", "distinct");
    private static final Set<String> FIND_MANY_KEYS = Set.of("where", "select", "include", "omit", "orderBy", "cursor", "skip", "take",
            "distinct");

    private final Schema schema;
    private final Set<ConnectorCapability> capabilities;
    private final CompositeFilters composites;

    /**
     * @param schema       the schema requests are checked against
     * @param capabilities what the database can do: which filters exist ({@code mode}, Json comparisons) and how a
     *                     Json path is written
     */
    public ReadArguments(Schema schema, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.capabilities = capabilities;
        this.composites = new CompositeFilters(schema, this, capabilities);
    }

    /** Parses the arguments of {@code findMany}, {@code findFirst} and nested to-many reads. */
    public ReadQuery findMany(Model model, JsonNode args, String path) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : requireObject(args, path);
        rejectUnknown(a, FIND_MANY_KEYS, path, model);
        Filter where = a.has("where") ? where(model, a.get("where"), join(path, "where")) : Filter.ALL;
        List<Ordering> orderBy = a.has("orderBy") ? orderBy(model, a.get("orderBy"), join(path, "orderBy")) : List.of();
        Map<ScalarField, Object> cursor = a.has("cursor") ? uniqueValues(model, a.get("cursor"), join(path, "cursor")) : null;
        Long skip = a.has("skip") ? nonNegative(a.get("skip"), join(path, "skip")) : null;
        Long take = a.has("take") ? integer(a.get("take"), join(path, "take")) : null;
        List<ScalarField> distinct = a.has("distinct") ? distinct(model, a.get("distinct"), join(path, "distinct")) : List.of();
        Selection selection = selection(model, a, path);
        return new ReadQuery(model, where, orderBy, cursor, skip, take, distinct, selection);
    }

    /**
     * Parses the arguments of {@code findUnique}: {@code where} must name a unique criterion (id, a
     * unique field, or a compound unique by its client name); other filters beside it are allowed.
     */
    public ReadQuery findUnique(Model model, JsonNode args, String path) {
        JsonNode a = requireObject(args == null || args.isNull() ? JsonCodecs.EMPTY : args, path);
        rejectUnknown(a, Set.of("where", "select", "include", "omit"), path, model);
        if (!a.has("where")) throw QueryError.validation(join(path, "where"), "Argument `where` is missing.");
        Filter where = whereUnique(model, a.get("where"), join(path, "where"));
        return new ReadQuery(model, where, List.of(), null, null, null, List.of(), selection(model, a, path));
    }

    /** Parses a where-unique input into a filter (the unique criterion and any further conditions). */
    public Filter whereUnique(Model model, JsonNode where, String path) {
        requireObject(where, path);
        List<String> criteria = uniqueCriteria(model);
        requireCriterion(model, where, criteria, path);
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ScalarField> compound = compoundFields(model, e.getKey());
            if (compound != null) {
                JsonNode value = requireObject(e.getValue(), join(path, e.getKey()));
                rejectOutside(value, compound, join(path, e.getKey()));
                for (ScalarField f : compound) {
                    String p = join(join(path, e.getKey()), f.name());
                    if (!value.has(f.name())) throw QueryError.validation(p, "Argument `" + f.name() + "` is missing.");
                    parts.add(equalsFilter(f, value.get(f.name()), p));
                }
                continue;
            }
            // A unique criterion takes the value itself (no filter): Prisma names only the field's type.
            if (criteria.contains(e.getKey()) && model.field(e.getKey()) instanceof ScalarField sf && !e.getValue().isObject() && !e.getValue().isNull()) {
                Values.fromJson(sf, schema.enumType(sf.typeName()), e.getValue(), join(path, e.getKey()), TypeErrors.Place.CREATE);
            }
            parts.add(whereEntry(model, e.getKey(), e.getValue(), path));
        }
        return Filter.and(parts);
    }

    /** A where-unique names one of the model's unique criteria, not as null (Prisma's texts). */
    private static void requireCriterion(Model model, JsonNode where, List<String> criteria, String path) {
        // A required field takes no null; a nullable unique field's null is a condition, not a criterion.
        for (String c : criteria) {
            if (where.has(c) && where.get(c).isNull() && model.field(c) instanceof ScalarField f && f.isRequired()) {
                throw QueryError.validation(join(path, c), "Argument `" + c + "` must not be null.");
            }
        }
        if (criteria.stream().noneMatch(c -> where.has(c) && !where.get(c).isNull())) throw PrismaWords.needsOneOf(path, model, criteria);
    }

    /** A compound unique's input takes its fields only. */
    private static void rejectOutside(JsonNode value, List<ScalarField> compound, String path) {
        List<String> names = compound.stream().map(ScalarField::name).toList();
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!names.contains(key)) throw PrismaWords.unknownArgument(join(path, key), key, names);
        }
    }

    /** The unique values of a cursor ({@code cursor: {id: 5}}), by field. */
    public Map<ScalarField, Object> uniqueValues(Model model, JsonNode where, String path) {
        requireObject(where, path);
        // A cursor is a where-unique input: it must name the id or a unique criterion.
        List<String> criteria = uniqueCriteria(model);
        requireCriterion(model, where, criteria, path);
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ScalarField> compound = compoundFields(model, e.getKey());
            if (compound != null) {
                for (ScalarField f : compound) {
                    String p = join(join(path, e.getKey()), f.name());
                    JsonNode v = e.getValue().get(f.name());
                    if (v == null) throw QueryError.validation(p, "Argument `" + f.name() + "` is missing.");
                    if (v.isNull()) throw QueryError.validation(p, "Argument `" + f.name() + "` must not be null.");
                    values.put(f, value(f, v, p));
                }
                continue;
            }
            Field field = field(model, e.getKey(), join(path, e.getKey()));
            if (!(field instanceof ScalarField sf)) throw unknownField(join(path, e.getKey()), e.getKey(), model);
            values.put(sf, value(sf, e.getValue(), join(path, e.getKey())));
        }
        if (values.isEmpty()) throw QueryError.validation(path, "Expected a minimum of 1 fields to be present, got 0.");
        return values;
    }

    // ---------------------------------------------------------------- where

    /** Parses a {@code where} object. */
    public Filter where(Model model, JsonNode where, String path) { return where(model, where, path, false); }

    /**
     * @param listed the object is a member of an AND, OR or NOT list. An OR left with nothing is false in a where of
     *               its own (of the request, or of a relation filter), but Prisma leaves it out of a listed object.
     */
    private Filter where(Model model, JsonNode where, String path, boolean listed) {
        if (where.isNull()) return Filter.ALL;
        requireObject(where, path);
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Filter part = whereEntry(model, e.getKey(), e.getValue(), path);
            if (!listed || !isEmptyOr(part)) parts.add(part);
        }
        return Filter.and(parts);
    }

    private Filter whereEntry(Model model, String key, JsonNode value, String path) {
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
        if (field.scalarType() == dev.facet.schema.model.ScalarType.JSON) return jsonFilter(field, value, path);
        if (!value.isObject() || isTagged(value)) return equalsFilter(field, value, path);
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
     * A Json field takes only a filter object (no shorthand). {@code equals: null} means the JSON value null;
     * DbNull, JsonNull and AnyNull pick Prisma's nulls; a negation leaves out the rows whose column is NULL.
     * {@code path} (keys on PostgreSQL, a JSON path text on MySQL and SQLite) moves every operation to the value
     * under it, where DbNull means "nothing there". SQLite has no Json comparisons and no {@code array_contains}.
     */
    private Filter jsonFilter(ScalarField field, JsonNode value, String path) {
        if (value.isNull()) throw QueryError.validation(path, "Argument `" + field.name() + "` must not be null.");
        if (!value.isObject() || isTagged(value)) {
            throw QueryError.validation(path, "Argument `" + field.name() + "`: Invalid value provided. Expected JsonNullableFilter, provided "
                    + value + ".");
        }
        boolean keys = capabilities.contains(ConnectorCapability.JSON_PATH_AS_KEYS);
        boolean noComparisons = !capabilities.contains(ConnectorCapability.JSON_COMPARISONS);
        List<String> jsonPath = value.has("path") ? jsonPath(value.get("path"), keys, join(path, "path")) : null;
        boolean insensitive = value.has("mode") && "insensitive".equals(mode(value.get("mode"), join(path, "mode")));
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            Values.JsonNullKind kind = v.isNull() ? Values.JsonNullKind.JSON_NULL : Values.jsonNullKind(v);
            String op = e.getKey();
            if (op.equals("path") || op.equals("mode")) continue;
            if (noComparisons && (op.equals("array_contains") || op.equals("lt") || op.equals("lte") || op.equals("gt") || op.equals("gte"))) {
                throw QueryError.validation(p, "Unknown argument `" + op + "` on Json field " + field.name() + " (SQLite has no such Json filter)");
            }
            if (jsonPath != null && (op.equals("equals") || op.equals("not"))) {
                parts.add(jsonPathEquality(field, jsonPath, op.equals("not"), kind, v, p));
                continue;
            }
            List<String> at = jsonPath == null ? List.of() : jsonPath;
            Filter isJsonNull = new Filter.Compare(field, Filter.CompareOp.EQUALS, JsonCodecs.NULL, false);
            switch (op) {
                case "equals" -> parts.add(kind == null ? compare(field, Filter.CompareOp.EQUALS, v, p, false) : switch (kind) {
                    case DB_NULL -> new Filter.IsNull(field);
                    case JSON_NULL -> isJsonNull;
                    case ANY_NULL -> new Filter.Or(List.of(new Filter.IsNull(field), isJsonNull));
                });
                case "not" -> parts.add(kind == Values.JsonNullKind.DB_NULL ? new Filter.Not(new Filter.IsNull(field))
                        : new Filter.Compare(field, Filter.CompareOp.NOT_EQUALS, kind == null ? value(field, v, p) : JsonCodecs.NULL, false));
                case "lt", "lte", "gt", "gte" -> parts.add(new Filter.JsonCondition(field, at, Filter.JsonOp.valueOf(op.toUpperCase(java.util.Locale.ROOT)),
                        jsonOperand(field, v, p), false));
                case "string_contains", "string_starts_with", "string_ends_with" -> {
                    if (!v.isTextual()) throw QueryError.validation(p, "Argument `" + op + "`: Invalid value provided. Expected String, provided " + v + ".");
                    parts.add(new Filter.JsonCondition(field, at, switch (op) {
                        case "string_contains" -> Filter.JsonOp.STRING_CONTAINS;
                        case "string_starts_with" -> Filter.JsonOp.STRING_STARTS_WITH;
                        default -> Filter.JsonOp.STRING_ENDS_WITH;
                    }, v.textValue(), insensitive));
                }
                case "array_contains", "array_starts_with", "array_ends_with" -> parts.add(new Filter.JsonCondition(field, at, switch (op) {
                    case "array_contains" -> Filter.JsonOp.ARRAY_CONTAINS;
                    case "array_starts_with" -> Filter.JsonOp.ARRAY_STARTS_WITH;
                    default -> Filter.JsonOp.ARRAY_ENDS_WITH;
                }, jsonOperand(field, v, p), false));
                default -> throw QueryError.validation(p, "Unknown argument `" + op + "` on Json field " + field.name()
                        + " (expected one of equals, not, path, mode, lt, lte, gt, gte, string_contains, string_starts_with, "
                        + "string_ends_with, array_contains, array_starts_with, array_ends_with)");
            }
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
    private static String mode(JsonNode v, String path) {
        String mode = v.asText();
        if (!mode.equals("insensitive") && !mode.equals("default")) throw QueryError.validation(path, "Invalid value for enum QueryMode: " + v);
        return mode;
    }

    /** {@code equals}/{@code not} under a path: DbNull is "nothing under the path", AnyNull either null. */
    private Filter jsonPathEquality(ScalarField field, List<String> at, boolean not, Values.JsonNullKind kind, JsonNode v, String p) {
        Filter.JsonOp eq = not ? Filter.JsonOp.NOT_EQUALS : Filter.JsonOp.EQUALS;
        if (kind == null) return new Filter.JsonCondition(field, at, eq, jsonOperand(field, v, p), false);
        Filter jsonNull = new Filter.JsonCondition(field, at, eq, JsonCodecs.NULL, false);
        Filter nothing = new Filter.JsonCondition(field, at, not ? Filter.JsonOp.IS_NOT_NULL : Filter.JsonOp.IS_NULL, null, false);
        return switch (kind) {
            case JSON_NULL -> jsonNull;
            case DB_NULL -> nothing;
            case ANY_NULL -> not ? new Filter.And(List.of(jsonNull, nothing)) : new Filter.Or(List.of(jsonNull, nothing));
        };
    }

    /** A Json operand: any JSON value, a tagged value as its JSON form. */
    private Object jsonOperand(ScalarField field, JsonNode v, String p) {
        return v.isNull() ? JsonCodecs.NULL : value(field, v, p);
    }

    /** PostgreSQL takes a path as a list of keys; MySQL and SQLite as one JSON path text such as {@code $.a[0]}. */
    private static List<String> jsonPath(JsonNode v, boolean keys, String path) {
        if (keys) {
            if (!v.isArray()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String[], provided " + v + ".");
            List<String> out = new ArrayList<>();
            for (JsonNode k : v) {
                if (!k.isTextual()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String[], provided " + v + ".");
                out.add(k.textValue());
            }
            return out;
        }
        if (!v.isTextual()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String, provided " + v + ".");
        return List.of(v.textValue());
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

    private Filter equalsFilter(ScalarField field, JsonNode v, String path) {
        if (v.isNull()) return isNull(field, field.name(), path);
        return compare(field, Filter.CompareOp.EQUALS, v, path, false);
    }

    private Filter compare(ScalarField field, Filter.CompareOp op, JsonNode v, String path, boolean insensitive) {
        if (v.isNull()) throw QueryError.validation(path, "Argument `" + lastSegment(path) + "` must not be null.");
        return new Filter.Compare(field, op, value(field, v, path), insensitive);
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
        for (JsonNode item : listOf(v)) values.add(value(field, item, path));
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
                case "has" -> parts.add(v.isNull() ? Filter.NONE : new Filter.ListCondition(field, Filter.ListOp.HAS, value(field, v, p)));
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

    private static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    private List<Object> listValue(ScalarField field, JsonNode v, String path) {
        return Values.listFromJson(field, schema.enumType(field.typeName()), v, path);
    }

    private Filter relationFilter(RelationField field, JsonNode value, String path) {
        Model related = schema.model(field.relatedModel());
        if (field.isList()) {
            requireObject(value, path);
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
        requireObject(value, path);
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

    // ---------------------------------------------------------------- orderBy, distinct

    /** Parses an {@code orderBy} of a model's records (fields, to-one paths, relation counts). */
    List<Ordering> orderBy(Model model, JsonNode value, String path) {
        List<Ordering> out = new ArrayList<>();
        List<JsonNode> items = listOf(value);
        for (int i = 0; i < items.size(); i++) {
            String p = value.isArray() ? join(path, Integer.toString(i)) : path;
            JsonNode item = requireObject(items.get(i), p);
            // Prisma reads an empty orderBy object as no ordering.
            if (item.isEmpty()) continue;
            if (item.size() != 1) {
                throw QueryError.validation(p, "each orderBy object needs exactly one field, but " + item.size() + " were given;"
                        + " use a list to sort by several fields");
            }
            Map.Entry<String, JsonNode> e = item.fields().next();
            out.add(ordering(model, List.of(), e.getKey(), e.getValue(), join(p, e.getKey())));
        }
        return out;
    }

    private Ordering ordering(Model model, List<RelationField> through, String key, JsonNode value, String path) {
        Field field = field(model, key, path);
        if (field instanceof ScalarField sf) {
            if (value.isTextual()) return new Ordering.ByField(through, sf, direction(value, path), null);
            requireObject(value, path);
            if (!value.has("sort")) throw QueryError.validation(join(path, "sort"), "A value is required but not set");
            Ordering.Nulls nulls = null;
            if (value.has("nulls")) {
                nulls = switch (value.get("nulls").asText()) {
                    case "first" -> Ordering.Nulls.FIRST;
                    case "last" -> Ordering.Nulls.LAST;
                    default -> throw PrismaWords.notInEnum(join(path, "nulls"), "nulls", "NullsOrder");
                };
                if (sf.isRequired()) throw QueryError.validation(join(path, "nulls"), "nulls can only be given for optional fields");
            }
            return new Ordering.ByField(through, sf, direction(value.get("sort"), join(path, "sort")), nulls);
        }
        RelationField rf = (RelationField) field;
        requireObject(value, path);
        if (value.size() != 1) throw QueryError.validation(path, "expected exactly one field to order by");
        Map.Entry<String, JsonNode> e = value.fields().next();
        if (rf.isList()) {
            if (!e.getKey().equals("_count")) {
                throw QueryError.validation(join(path, e.getKey()), "a to-many relation can only be ordered by _count");
            }
            return new Ordering.ByRelationCount(through, rf, direction(e.getValue(), join(path, "_count")));
        }
        List<RelationField> next = new ArrayList<>(through);
        next.add(rf);
        return ordering(schema.model(rf.relatedModel()), next, e.getKey(), e.getValue(), join(path, e.getKey()));
    }

    private static boolean direction(JsonNode v, String path) {
        return switch (v.asText()) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw PrismaWords.notInEnum(path, lastSegment(path), "SortOrder");
        };
    }

    private List<ScalarField> distinct(Model model, JsonNode value, String path) {
        List<ScalarField> out = new ArrayList<>();
        for (JsonNode item : listOf(value)) {
            if (!item.isTextual() || model.field(item.asText()) == null) throw PrismaWords.notInEnum(path, "distinct", model.name() + "ScalarFieldEnum");
            Field f = field(model, item.asText(), path);
            if (!(f instanceof ScalarField sf)) throw QueryError.validation(path, "distinct takes scalar fields, but " + item.asText() + " is a relation");
            out.add(sf);
        }
        return out;
    }

    // ---------------------------------------------------------------- selection

    /** The selection from {@code select}, {@code include} and {@code omit}. */
    public Selection selection(Model model, JsonNode args, String path) {
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
            if (sf.isComposite() && value.isObject()) return composites.selection(sf, value, path);
            if (!value.isBoolean()) throw QueryError.validation(path, "a scalar field is selected with true or false");
            return new Selection.Scalar(sf);
        }
        RelationField rf = (RelationField) field;
        Model related = schema.model(rf.relatedModel());
        JsonNode nested = value.isBoolean() ? JsonCodecs.EMPTY : requireObject(value, path);
        ReadQuery query;
        if (rf.isList()) {
            query = findMany(related, nested, path);
        } else {
            rejectUnknown(nested, Set.of("select", "include", "omit", "where"), path, related);
            if (nested.has("where") && rf.isRequired()) {
                throw QueryError.validation(join(path, "where"), "Argument does not exist in enclosing type: a required to-one relation cannot be filtered");
            }
            Filter where = nested.has("where") ? where(related, nested.get("where"), join(path, "where")) : Filter.ALL;
            query = new ReadQuery(related, where, List.of(), null, null, null, List.of(), selection(related, nested, path));
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
            counted.add(new Selection.CountedRelation(rf, w == null ? Filter.ALL : where(schema.model(rf.relatedModel()), w, join(p, "where"))));
        }
        return new Selection.Count(counted);
    }

    // ---------------------------------------------------------------- helpers

    private Object value(ScalarField field, JsonNode v, String path) {
        return Values.fromJson(field, schema.enumType(field.typeName()), v, path);
    }

    /** @return the field, or a P2009 naming the path and the model */
    public Field field(Model model, String name, String path) {
        Field f = model.field(name);
        if (f == null || f.ignored() || f instanceof ScalarField sf && sf.kind() == FieldKind.UNSUPPORTED) throw unknownField(path, name, model);
        return f;
    }

    private static QueryError unknownField(String path, String name, Model model) {
        QueryError worded = PrismaWords.unknownField(path, name, model);
        if (worded != null) return worded;
        String suggestion = closest(name, model.fields().stream().map(Field::name).toList());
        return QueryError.validation(path, "unknown field '" + name + "' on model " + model.name()
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
    }

    private static void rejectUnknown(JsonNode args, Set<String> allowed, String path, Model model) {
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                List<String> options = new ArrayList<>(ARGUMENT_ORDER.stream().filter(allowed::contains).toList());
                allowed.stream().filter(k -> !ARGUMENT_ORDER.contains(k)).sorted().forEach(options::add);
                throw PrismaWords.unknownArgument(join(path, key), key, options);
            }
        }
    }

    private static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best;
    }

    private static int distance(String a, String b) { return EditDistance.between(a, b); }

    /** The names a where-unique accepts: the id, unique fields, and compound keys by client name. */
    static List<String> uniqueCriteria(Model model) {
        List<String> out = new ArrayList<>();
        PrimaryKey pk = model.primaryKey();
        if (pk != null) out.add(pk.clientName());
        for (Index i : model.uniqueIndexes()) if (!out.contains(i.clientName())) out.add(i.clientName());
        return out;
    }

    private static List<ScalarField> compoundFields(Model model, String key) {
        List<List<String>> candidates = new ArrayList<>();
        if (model.primaryKey() != null && model.primaryKey().isCompound() && model.primaryKey().clientName().equals(key)) {
            candidates.add(model.primaryKey().fieldNames());
        }
        for (Index i : model.uniqueIndexes()) {
            if (i.fields().size() > 1 && i.clientName().equals(key)) candidates.add(i.fieldNames());
        }
        if (candidates.isEmpty()) return null;
        return candidates.getFirst().stream().map(n -> (ScalarField) model.field(n)).toList();
    }

    private static boolean isTagged(JsonNode v) { return v.isObject() && v.has("$type"); }

    private static List<JsonNode> listOf(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    private static JsonNode requireObject(JsonNode v, String path) {
        if (!v.isObject()) throw QueryError.validation(path, "expected an object, but received " + v);
        return v;
    }

    /** skip and take: any number, without its fraction, at most 64 bits (as Prisma 7 reads them). */
    private static long integer(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw QueryError.validation(path, "Argument `" + lastSegment(path) + "`: Invalid value provided. Expected Int, provided " + TypeErrors.kind(v) + ".");
        }
        return Values.wholeNumber(v, path);
    }

    private static long nonNegative(JsonNode v, String path) {
        long n = integer(v, path);
        if (n < 0) throw QueryError.validation(path, "expected a non-negative integer, but received " + n);
        return n;
    }

    static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
