package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the arguments of {@code count}, {@code aggregate} and {@code groupBy} into an {@link Aggregation}.
 * Aggregates keep the order the request gives them in, as Prisma Client's result does.
 */
public final class AggregateArguments {
    private static final Set<String> FUNCTIONS = Set.of("_count", "_sum", "_avg", "_min", "_max");

    private final Schema schema;
    private final ReadArguments reads;

    /**
     * @param schema the schema
     * @param reads  the parser of {@code where} and {@code orderBy}
     */
    public AggregateArguments(Schema schema, ReadArguments reads) {
        this.schema = schema;
        this.reads = reads;
    }

    /** {@code count({where, select, orderBy, cursor, skip, take})}. */
    public Aggregation count(Model model, JsonNode args) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : args;
        reject(a, Set.of("where", "select", "orderBy", "cursor", "skip", "take"));
        List<Aggregation.Aggregate> aggs = new ArrayList<>();
        JsonNode select = a.get("select");
        if (select == null || select.isBoolean()) {
            aggs.add(new Aggregation.Aggregate(Aggregation.Function.COUNT, null));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = select.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().asBoolean()) continue;
                aggs.add(new Aggregation.Aggregate(Aggregation.Function.COUNT,
                        e.getKey().equals("_all") ? null : aggregated(model, Aggregation.Function.COUNT, e.getKey(), "select." + e.getKey())));
            }
        }
        return rows(model, a, aggs);
    }

    /** {@code aggregate({where, orderBy, cursor, skip, take, _count, _sum, _avg, _min, _max})}. */
    public Aggregation aggregate(Model model, JsonNode args) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : args;
        reject(a, Set.of("where", "orderBy", "cursor", "skip", "take", "_count", "_sum", "_avg", "_min", "_max"));
        if (FUNCTIONS.stream().noneMatch(a::has)) {
            throw QueryError.validation("select", "The `select` statement for type Aggregate" + model.name() + " must not be empty.");
        }
        return rows(model, a, functions(model, a));
    }

    /** {@code groupBy({by, where, having, orderBy, skip, take, _count, ...})}. */
    public Aggregation groupBy(Model model, JsonNode args) {
        if (args == null || !args.has("by")) throw QueryError.validation("by", "Argument `by` is missing.");
        reject(args, Set.of("by", "where", "having", "orderBy", "skip", "take", "_count", "_sum", "_avg", "_min", "_max"));
        List<ScalarField> by = new ArrayList<>();
        JsonNode byNode = args.get("by");
        for (JsonNode n : byNode.isArray() ? byNode : List.of(byNode)) {
            if (!n.isTextual() || !(model.field(n.asText()) instanceof ScalarField)) throw PrismaWords.notInEnum("by", "by", model.name() + "ScalarFieldEnum");
            by.add(scalar(model, n.asText(), "by"));
        }
        // Prisma turns `by` into the selection of its output type, and words an empty one so.
        if (by.isEmpty()) {
            throw QueryError.validation("by", "The `select` statement for type " + model.name() + "GroupByOutputType must not be empty. Available options are marked with ?.");
        }
        List<Aggregation.Aggregate> aggs = functions(model, args);
        List<Ordering> orderBy = args.has("orderBy") ? groupOrderBy(model, args.get("orderBy")) : new ArrayList<>();
        // With skip or take and no orderBy, Prisma orders by the id, which must then be grouped by too.
        if (orderBy.isEmpty() && (args.has("skip") || args.has("take")) && model.primaryKey() != null) {
            for (String n : model.primaryKey().fieldNames()) orderBy.add(new Ordering.ByField(List.of(), (ScalarField) model.field(n), false, null));
        }
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (Ordering o : orderBy) if (o instanceof Ordering.ByField bf && !by.contains(bf.field())) missing.add(bf.field().name());
        if (!missing.isEmpty()) {
            throw new QueryError("P2019", "Input error. Every field used for orderBy must be included in the by-arguments of the query. "
                    + "Missing fields: " + String.join(", ", missing));
        }
        Aggregation.Having having = null;
        if (args.has("having")) {
            LinkedHashSet<String> notGrouped = new LinkedHashSet<>();
            having = having(model, args.get("having"), "having", by, notGrouped);
            if (!notGrouped.isEmpty()) {
                throw new QueryError("P2019", "Input error. Every field used in `having` filters must either be an aggregation filter or be "
                        + "included in the selection of the query. Missing fields: " + String.join(", ", notGrouped));
            }
        }
        Filter where = args.has("where") ? reads.where(model, args.get("where"), "where") : Filter.ALL;
        return new Aggregation(model, where, orderBy, null, skip(args), take(args), by, having, aggs);
    }

    /** @return whether {@code _count: true} asks for a plain number rather than an object */
    public boolean countIsPlain(JsonNode args) {
        return args != null && args.has("_count") && args.get("_count").isBoolean();
    }

    /** count and aggregate: aggregates over the rows a findMany with the same where, orderBy, cursor, skip and take reads. */
    private Aggregation rows(Model model, JsonNode a, List<Aggregation.Aggregate> aggs) {
        Filter where = a.has("where") ? reads.where(model, a.get("where"), "where") : Filter.ALL;
        List<Ordering> orderBy = a.has("orderBy") ? reads.orderBy(model, a.get("orderBy"), "orderBy") : List.of();
        Map<ScalarField, Object> cursor = a.has("cursor") ? reads.uniqueValues(model, a.get("cursor"), "cursor") : null;
        return new Aggregation(model, where, orderBy, cursor, skip(a), take(a), List.of(), null, aggs);
    }

    private static Long skip(JsonNode a) {
        if (!a.has("skip")) return null;
        long n = number(a.get("skip"), "skip");
        if (n < 0) throw QueryError.validation("skip", "Invalid value for skip argument: Value can only be positive, found: " + n);
        return n;
    }

    private static Long take(JsonNode a) { return a.has("take") ? number(a.get("take"), "take") : null; }

    /** skip and take as Prisma 7 reads them: a number without its fraction, at most 64 bits. */
    private static long number(JsonNode v, String path) {
        if (!v.isNumber()) throw QueryError.validation(path, "expected an integer, but received " + v);
        return dev.facet.data.value.Values.wholeNumber(v, path);
    }

    /** The aggregates asked for, in the order of the request's keys (and of the fields inside each). */
    private List<Aggregation.Aggregate> functions(Model model, JsonNode a) {
        List<Aggregation.Aggregate> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fns = a.fields(); fns.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = fns.next();
            String fn = entry.getKey();
            if (!FUNCTIONS.contains(fn)) continue;
            JsonNode v = entry.getValue();
            Aggregation.Function function = function(fn);
            if (v.isBoolean()) {
                if (!fn.equals("_count")) throw QueryError.validation(fn, "expected an object of fields");
                if (v.asBoolean()) out.add(new Aggregation.Aggregate(function, null));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().asBoolean()) continue;
                String p = fn + "." + e.getKey();
                if (e.getKey().equals("_all")) {
                    if (function != Aggregation.Function.COUNT) throw QueryError.validation(p, "_all is only available in _count");
                    out.add(new Aggregation.Aggregate(function, null));
                    continue;
                }
                out.add(new Aggregation.Aggregate(function, aggregated(model, function, e.getKey(), p)));
            }
        }
        return out;
    }

    private ScalarField aggregated(Model model, Aggregation.Function function, String name, String path) {
        if (!(model.field(name) instanceof ScalarField)) throw aggregateField(model, function, name, path);
        ScalarField f = scalar(model, name, path);
        if ((function == Aggregation.Function.SUM || function == Aggregation.Function.AVG) && (f.scalarType() == null || !f.scalarType().isNumeric())) {
            throw aggregateField(model, function, name, path);
        }
        return f;
    }

    private static Aggregation.Function function(String key) {
        return Aggregation.Function.valueOf(key.substring(1).toUpperCase(java.util.Locale.ROOT));
    }

    /** groupBy's orderBy: by-fields and aggregates ({@code {_count: {id: 'desc'}}}), each with {@code sort} and {@code nulls}. */
    private List<Ordering> groupOrderBy(Model model, JsonNode value) {
        List<Ordering> out = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = "orderBy." + e.getKey();
                if (FUNCTIONS.contains(e.getKey())) {
                    Aggregation.Function fn = function(e.getKey());
                    for (Iterator<Map.Entry<String, JsonNode>> fields = e.getValue().fields(); fields.hasNext(); ) {
                        Map.Entry<String, JsonNode> f = fields.next();
                        ScalarField field = aggregated(model, fn, f.getKey(), p + "." + f.getKey());
                        out.add(new Ordering.ByAggregate(fn, field, descending(f.getValue(), p + "." + f.getKey()), nulls(f.getValue(), p)));
                    }
                    continue;
                }
                ScalarField f = scalar(model, e.getKey(), p);
                out.add(new Ordering.ByField(List.of(), f, descending(e.getValue(), p), nulls(e.getValue(), p)));
            }
        }
        return out;
    }

    private static boolean descending(JsonNode v, String path) {
        String dir = v.isTextual() ? v.asText() : v.path("sort").asText();
        if (!dir.equals("asc") && !dir.equals("desc")) throw PrismaWords.notInEnum(path, path.substring(path.lastIndexOf('.') + 1), "SortOrder");
        return dir.equals("desc");
    }

    private static Ordering.Nulls nulls(JsonNode v, String path) {
        if (!v.isObject() || !v.has("nulls")) return null;
        return switch (v.get("nulls").asText()) {
            case "first" -> Ordering.Nulls.FIRST;
            case "last" -> Ordering.Nulls.LAST;
            default -> throw PrismaWords.notInEnum(path + ".nulls", "nulls", "NullsOrder");
        };
    }

    // ---------------------------------------------------------------- having

    /**
     * A {@code having} tree. Conditions on a field itself need it among the {@code by} fields; the names of
     * those that are not are collected in {@code notGrouped}.
     */
    private Aggregation.Having having(Model model, JsonNode node, String path, List<ScalarField> by, Set<String> notGrouped) {
        List<Aggregation.Having> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            switch (e.getKey()) {
                case "AND", "OR", "NOT" -> {
                    List<Aggregation.Having> children = new ArrayList<>();
                    Aggregation.Having.Kind kind = Aggregation.Having.Kind.valueOf(e.getKey());
                    for (JsonNode c : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
                        Aggregation.Having child = having(model, c, p, by, notGrouped);
                        // As in where: OR and NOT leave out an empty condition.
                        boolean empty = child.kind() == Aggregation.Having.Kind.AND && child.children().isEmpty();
                        if (!empty || kind == Aggregation.Having.Kind.AND) children.add(child);
                    }
                    // NOT of a list: none of them may hold.
                    if (kind == Aggregation.Having.Kind.NOT) children.forEach(c -> parts.add(not(c)));
                    else parts.add(new Aggregation.Having(kind, children, null, null, null));
                }
                default -> {
                    ScalarField f = scalar(model, e.getKey(), p);
                    JsonNode cond = e.getValue();
                    if (!cond.isObject()) {
                        if (!by.contains(f)) notGrouped.add(f.name());
                        parts.add(equalsOrNull(new Aggregation.Aggregate(null, f), cond, p));
                        continue;
                    }
                    JsonNode own = JsonNodeFactory.instance.objectNode();
                    for (Iterator<Map.Entry<String, JsonNode>> ops = cond.fields(); ops.hasNext(); ) {
                        Map.Entry<String, JsonNode> op = ops.next();
                        if (FUNCTIONS.contains(op.getKey())) {
                            Aggregation.Function fn = function(op.getKey());
                            String fp = p + "." + op.getKey();
                            if (op.getValue().isNull()) throw QueryError.validation(fp, "Argument `" + op.getKey() + "` must not be null.");
                            parts.add(conditions(new Aggregation.Aggregate(fn, aggregated(model, fn, e.getKey(), fp)), op.getValue(), fp));
                        } else {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) own).set(op.getKey(), op.getValue());
                        }
                    }
                    if (!own.isEmpty()) {
                        if (!by.contains(f)) notGrouped.add(f.name());
                        parts.add(conditions(new Aggregation.Aggregate(null, f), own, p));
                    }
                }
            }
        }
        return and(parts);
    }

    /** A scalar filter on an aggregate (or a by-field), with the operations of the aggregate's type. */
    private Aggregation.Having conditions(Aggregation.Aggregate agg, JsonNode cond, String path) {
        if (!cond.isObject()) return equalsOrNull(agg, cond, path);
        List<Aggregation.Having> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = cond.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "equals" -> out.add(equalsOrNull(agg, v, p));
                case "not" -> out.add(v.isObject() ? notEach(conditions(agg, v, p))
                        : v.isNull() ? not(isNull(agg)) : compare(agg, Filter.CompareOp.NOT_EQUALS, v, p));
                case "in" -> out.add(v.isNull() ? isNull(agg) : in(agg, v, p));
                case "notIn" -> out.add(not(v.isNull() ? isNull(agg) : in(agg, v, p)));
                case "lt" -> out.add(compare(agg, Filter.CompareOp.LT, v, p));
                case "lte" -> out.add(compare(agg, Filter.CompareOp.LTE, v, p));
                case "gt" -> out.add(compare(agg, Filter.CompareOp.GT, v, p));
                case "gte" -> out.add(compare(agg, Filter.CompareOp.GTE, v, p));
                case "contains" -> out.add(compare(agg, Filter.CompareOp.CONTAINS, v, p));
                case "startsWith" -> out.add(compare(agg, Filter.CompareOp.STARTS_WITH, v, p));
                case "endsWith" -> out.add(compare(agg, Filter.CompareOp.ENDS_WITH, v, p));
                case "mode" -> { }
                default -> throw QueryError.validation(p, "unknown condition '" + e.getKey() + "' in having");
            }
        }
        return and(out);
    }

    private Aggregation.Having equalsOrNull(Aggregation.Aggregate agg, JsonNode v, String path) {
        return v.isNull() ? isNull(agg) : compare(agg, Filter.CompareOp.EQUALS, v, path);
    }

    private static Aggregation.Having isNull(Aggregation.Aggregate agg) {
        return new Aggregation.Having(Aggregation.Having.Kind.IS_NULL, List.of(), agg, null, null);
    }

    /** As in where: not: {a, b} is NOT a AND NOT b. */
    private static Aggregation.Having notEach(Aggregation.Having h) {
        if (h.kind() != Aggregation.Having.Kind.AND) return not(h);
        return and(h.children().stream().map(AggregateArguments::not).toList());
    }

    private static Aggregation.Having not(Aggregation.Having h) {
        return new Aggregation.Having(Aggregation.Having.Kind.NOT, List.of(h), null, null, null);
    }

    private static Aggregation.Having and(List<Aggregation.Having> parts) {
        return parts.size() == 1 ? parts.getFirst() : new Aggregation.Having(Aggregation.Having.Kind.AND, parts, null, null, null);
    }

    private Aggregation.Having in(Aggregation.Aggregate agg, JsonNode v, String path) {
        List<Object> values = new ArrayList<>();
        for (JsonNode item : v.isArray() ? v : List.of(v)) values.add(value(agg, item, path));
        return new Aggregation.Having(Aggregation.Having.Kind.IN, List.of(), agg, null, values);
    }

    private Aggregation.Having compare(Aggregation.Aggregate agg, Filter.CompareOp op, JsonNode value, String path) {
        if (value.isNull()) throw QueryError.validation(path, "A value is required but not set");
        return new Aggregation.Having(Aggregation.Having.Kind.COMPARE, List.of(), agg, op, value(agg, value, path));
    }

    private Object value(Aggregation.Aggregate agg, JsonNode v, String path) {
        // A count is an Int and the average of a non-Decimal a Float, whatever the field: they take numbers only.
        boolean counted = agg.function() == Aggregation.Function.COUNT;
        if ((counted || agg.function() == Aggregation.Function.AVG && agg.field().scalarType() != ScalarType.DECIMAL) && !v.isNumber()) {
            throw QueryError.validation(path, "Invalid value provided. Expected " + (counted ? "Int" : "Float") + ", provided " + v + ".");
        }
        if (counted) return v.asLong();
        if (agg.function() == Aggregation.Function.AVG && agg.field().scalarType() != ScalarType.DECIMAL) return v.asDouble();
        return Values.fromJson(agg.field(), schema.enumType(agg.field().typeName()), v, path);
    }

    /** Prisma's text for a field an aggregate's output type does not have (a relation, text in _sum...). */
    private static QueryError aggregateField(Model model, Aggregation.Function function, String name, String path) {
        String fn = function.key().substring(1);
        return QueryError.validation(path, "Unknown field `" + name + "` for select statement on model `" + model.name()
                + Character.toUpperCase(fn.charAt(0)) + fn.substring(1) + "AggregateOutputType`. Available options are marked with ?.");
    }

        private ScalarField scalar(Model model, String name, String path) {
        Field f = reads.field(model, name, path);
        if (!(f instanceof ScalarField sf)) throw QueryError.validation(path, name + " is a relation, but a scalar field is needed here");
        return sf;
    }

    /** The order in which Prisma's aggregate actions list their arguments (it decides which is suggested). */
    private static final List<String> ARGUMENT_ORDER = List.of("select", "where", "orderBy", "by", "having", "cursor", "take", "skip",
            "_count", "_avg", "_sum", "_min", "_max");

        private static void reject(JsonNode a, Set<String> allowed) {
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw PrismaWords.unknownArgument(k, k, ARGUMENT_ORDER.stream().filter(allowed::contains).toList());
            }
        }
    }
}
