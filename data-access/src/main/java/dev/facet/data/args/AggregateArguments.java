package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryError;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses the arguments of {@code count}, {@code aggregate} and {@code groupBy} into an {@link Aggregation}. */
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

    /** {@code count({where, select, orderBy, skip, take})}. */
    public Aggregation count(Model model, JsonNode args) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : args;
        reject(a, Set.of("where", "select", "orderBy", "cursor", "skip", "take", "distinct"), "");
        List<Aggregation.Aggregate> aggs = new ArrayList<>();
        JsonNode select = a.get("select");
        if (select == null || select.isBoolean()) {
            aggs.add(new Aggregation.Aggregate(Aggregation.Function.COUNT, null));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = select.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().asBoolean()) continue;
                aggs.add(new Aggregation.Aggregate(Aggregation.Function.COUNT,
                        e.getKey().equals("_all") ? null : scalar(model, e.getKey(), "select." + e.getKey())));
            }
        }
        return common(model, a, List.of(), null, aggs);
    }

    /** {@code aggregate({where, orderBy, skip, take, _count, _sum, _avg, _min, _max})}. */
    public Aggregation aggregate(Model model, JsonNode args) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : args;
        reject(a, Set.of("where", "orderBy", "cursor", "skip", "take", "distinct", "_count", "_sum", "_avg", "_min", "_max"), "");
        return common(model, a, List.of(), null, functions(model, a));
    }

    /** {@code groupBy({by, where, having, orderBy, skip, take, _count, ...})}. */
    public Aggregation groupBy(Model model, JsonNode args) {
        if (args == null || !args.has("by")) throw QueryError.validation("by", "A value is required but not set");
        reject(args, Set.of("by", "where", "having", "orderBy", "skip", "take", "_count", "_sum", "_avg", "_min", "_max"), "");
        List<ScalarField> by = new ArrayList<>();
        JsonNode byNode = args.get("by");
        for (JsonNode n : byNode.isArray() ? byNode : List.of(byNode)) by.add(scalar(model, n.asText(), "by"));
        if (by.isEmpty()) throw QueryError.validation("by", "Expected a minimum of 1 field to be present, got 0");
        List<Aggregation.Aggregate> aggs = functions(model, args);
        if (args.has("orderBy")) {
            for (JsonNode o : args.get("orderBy").isArray() ? args.get("orderBy") : List.of(args.get("orderBy"))) {
                for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!FUNCTIONS.contains(k) && !by.contains(model.field(k))) {
                        throw QueryError.validation("orderBy." + k, "Every field used for orderBy must be included in the by-arguments of the query");
                    }
                }
            }
            if ((args.has("skip") || args.has("take")) && !args.has("orderBy")) {
                throw QueryError.validation("orderBy", "A value is required but not set. It is required because `take` or `skip` was provided.");
            }
        } else if (args.has("skip") || args.has("take")) {
            throw QueryError.validation("orderBy", "A value is required but not set. It is required because `take` or `skip` was provided.");
        }
        Aggregation.Having having = args.has("having") ? having(model, args.get("having"), "having") : null;
        return common(model, args, by, having, aggs);
    }

    /** @return whether {@code _count: true} asks for a plain number rather than an object */
    public boolean countIsPlain(JsonNode args) {
        return args != null && args.has("_count") && args.get("_count").isBoolean();
    }

    private Aggregation common(Model model, JsonNode a, List<ScalarField> by, Aggregation.Having having, List<Aggregation.Aggregate> aggs) {
        if (a.has("cursor")) throw QueryError.validation("cursor", "a cursor is not supported with aggregates yet; use skip and take");
        Filter where = a.has("where") ? reads.where(model, a.get("where"), "where") : Filter.ALL;
        List<Ordering> orderBy = new ArrayList<>();
        if (a.has("orderBy")) {
            for (JsonNode o : a.get("orderBy").isArray() ? a.get("orderBy") : List.of(a.get("orderBy"))) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (FUNCTIONS.contains(e.getKey())) {
                        throw QueryError.validation("orderBy." + e.getKey(), "ordering by an aggregate is not supported yet");
                    }
                    ScalarField f = scalar(model, e.getKey(), "orderBy." + e.getKey());
                    String dir = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().path("sort").asText();
                    if (!dir.equals("asc") && !dir.equals("desc")) throw QueryError.validation("orderBy." + e.getKey(), "expected 'asc' or 'desc'");
                    orderBy.add(new Ordering.ByField(List.of(), f, dir.equals("desc"), null));
                }
            }
        }
        Long skip = a.has("skip") ? a.get("skip").asLong() : null;
        Long take = a.has("take") ? a.get("take").asLong() : null;
        if (take != null && take < 0) throw QueryError.validation("take", "a negative take is not supported with aggregates yet");
        return new Aggregation(model, where, orderBy, null, skip, take, by, having, aggs);
    }

    private List<Aggregation.Aggregate> functions(Model model, JsonNode a) {
        List<Aggregation.Aggregate> out = new ArrayList<>();
        for (String fn : List.of("_count", "_sum", "_avg", "_min", "_max")) {
            JsonNode v = a.get(fn);
            if (v == null) continue;
            Aggregation.Function function = Aggregation.Function.valueOf(fn.substring(1).toUpperCase());
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
                ScalarField f = scalar(model, e.getKey(), p);
                if ((function == Aggregation.Function.SUM || function == Aggregation.Function.AVG)
                        && (f.scalarType() == null || !f.scalarType().isNumeric())) {
                    throw QueryError.validation(p, fn + " is only available on numeric fields, but " + f.name() + " is " + f.typeName());
                }
                out.add(new Aggregation.Aggregate(function, f));
            }
        }
        return out;
    }

    private Aggregation.Having having(Model model, JsonNode node, String path) {
        List<Aggregation.Having> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            switch (e.getKey()) {
                case "AND", "OR", "NOT" -> {
                    List<Aggregation.Having> children = new ArrayList<>();
                    for (JsonNode c : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) children.add(having(model, c, p));
                    parts.add(new Aggregation.Having(Aggregation.Having.Kind.valueOf(e.getKey()), children, null, null, null));
                }
                default -> {
                    ScalarField f = scalar(model, e.getKey(), p);
                    JsonNode cond = e.getValue();
                    if (!cond.isObject()) {
                        parts.add(compare(new Aggregation.Aggregate(null, f), Filter.CompareOp.EQUALS, cond, p));
                        continue;
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> ops = cond.fields(); ops.hasNext(); ) {
                        Map.Entry<String, JsonNode> op = ops.next();
                        if (FUNCTIONS.contains(op.getKey())) {
                            Aggregation.Function fn = Aggregation.Function.valueOf(op.getKey().substring(1).toUpperCase());
                            parts.addAll(conditions(new Aggregation.Aggregate(fn, f), op.getValue(), p + "." + op.getKey()));
                        } else {
                            parts.addAll(conditions(new Aggregation.Aggregate(null, f), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                                    .objectNode().set(op.getKey(), op.getValue()), p));
                        }
                    }
                }
            }
        }
        return new Aggregation.Having(Aggregation.Having.Kind.AND, parts, null, null, null);
    }

    private List<Aggregation.Having> conditions(Aggregation.Aggregate agg, JsonNode cond, String path) {
        List<Aggregation.Having> out = new ArrayList<>();
        if (!cond.isObject()) {
            out.add(compare(agg, Filter.CompareOp.EQUALS, cond, path));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = cond.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            switch (e.getKey()) {
                case "equals" -> out.add(e.getValue().isNull() ? new Aggregation.Having(Aggregation.Having.Kind.IS_NULL, List.of(), agg, null, null)
                        : compare(agg, Filter.CompareOp.EQUALS, e.getValue(), p));
                case "not" -> out.add(new Aggregation.Having(Aggregation.Having.Kind.NOT, List.of(compare(agg, Filter.CompareOp.EQUALS, e.getValue(), p)), null, null, null));
                case "lt" -> out.add(compare(agg, Filter.CompareOp.LT, e.getValue(), p));
                case "lte" -> out.add(compare(agg, Filter.CompareOp.LTE, e.getValue(), p));
                case "gt" -> out.add(compare(agg, Filter.CompareOp.GT, e.getValue(), p));
                case "gte" -> out.add(compare(agg, Filter.CompareOp.GTE, e.getValue(), p));
                case "in" -> {
                    List<Object> values = new ArrayList<>();
                    for (JsonNode v : e.getValue()) values.add(value(agg, v, p));
                    out.add(new Aggregation.Having(Aggregation.Having.Kind.IN, List.of(), agg, null, values));
                }
                default -> throw QueryError.validation(p, "unknown condition '" + e.getKey() + "' in having");
            }
        }
        return out;
    }

    private Aggregation.Having compare(Aggregation.Aggregate agg, Filter.CompareOp op, JsonNode value, String path) {
        return new Aggregation.Having(Aggregation.Having.Kind.COMPARE, List.of(), agg, op, value(agg, value, path));
    }

    private Object value(Aggregation.Aggregate agg, JsonNode v, String path) {
        if (agg.function() == Aggregation.Function.COUNT) return v.asLong();
        if (agg.function() == Aggregation.Function.AVG && agg.field().scalarType() != ScalarType.DECIMAL) return v.asDouble();
        return Values.fromJson(agg.field(), schema.enumType(agg.field().typeName()), v, path);
    }

    private ScalarField scalar(Model model, String name, String path) {
        Field f = reads.field(model, name, path);
        if (!(f instanceof ScalarField sf)) throw QueryError.validation(path, name + " is a relation, but a scalar field is needed here");
        return sf;
    }

    private static void reject(JsonNode a, Set<String> allowed, String path) {
        for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw QueryError.validation(k, "unknown argument '" + k + "' (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }
}
