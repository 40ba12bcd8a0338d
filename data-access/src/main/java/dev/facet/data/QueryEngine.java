package dev.facet.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.args.AggregateArguments;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.Connector;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;

/**
 * Prisma Client's model API over a {@link Connector}: {@code execute("User", "findMany", args)} takes
 * the arguments Prisma Client takes and returns the result Prisma Client returns, as JSON, or throws a
 * {@link QueryError} with Prisma's code.
 */
public final class QueryEngine implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Schema schema;
    private final Connector connector;
    private final ReadArguments reads;
    private final AggregateArguments aggregates;

    /**
     * @param schema    the schema requests are checked against
     * @param connector the database
     */
    public QueryEngine(Schema schema, Connector connector) {
        this.schema = schema;
        this.connector = connector;
        this.reads = new ReadArguments(schema);
        this.aggregates = new AggregateArguments(schema, reads);
    }

    /** @return the schema */
    public Schema schema() { return schema; }

    /**
     * Runs one Prisma Client call.
     *
     * @param modelName the model as named in the schema
     * @param action    the Prisma Client method: findMany, findUnique, count, aggregate, ...
     * @param args      its arguments (null for none)
     * @return the result as Prisma Client would return it
     * @throws QueryError with Prisma's code when the request is invalid or fails
     */
    public JsonNode execute(String modelName, String action, JsonNode args) {
        Model model = schema.model(modelName);
        if (model == null || model.ignored()) {
            throw QueryError.validation("model", "unknown model '" + modelName + "'");
        }
        return switch (action) {
            case "findMany" -> list(connector.read(reads.findMany(model, args, "")), readQueryOf(model, args));
            case "findFirst", "findFirstOrThrow" -> findFirst(model, args, action.endsWith("OrThrow"));
            case "findUnique", "findUniqueOrThrow" -> findUnique(model, args, action.endsWith("OrThrow"));
            case "count" -> count(model, args);
            case "aggregate" -> aggregate(model, args);
            case "groupBy" -> groupBy(model, args);
            default -> throw QueryError.validation("action", "unknown action '" + action + "' (expected one of findMany, findFirst, "
                    + "findFirstOrThrow, findUnique, findUniqueOrThrow, count, aggregate, groupBy)");
        };
    }

    private ReadQuery readQueryOf(Model model, JsonNode args) { return reads.findMany(model, args, ""); }

    private JsonNode findFirst(Model model, JsonNode args, boolean orThrow) {
        ReadQuery q = reads.findMany(model, args, "");
        if (q.take() != null && q.take() != 1 && q.take() != -1) {
            throw new QueryError("P2019", "Input error. The 'findFirst' operation cannot be used with a 'take' argument that isn't 1 or -1");
        }
        ReadQuery first = new ReadQuery(q.model(), q.where(), q.orderBy(), q.cursor(), q.skip(), q.take() == null ? 1L : q.take(),
                q.distinct(), q.selection());
        List<Map<String, Object>> rows = connector.read(first);
        if (rows.isEmpty()) {
            if (orThrow) throw QueryError.notFound("No record was found for a query.");
            return JSON.nullNode();
        }
        return record(q.selection(), rows.getFirst());
    }

    private JsonNode findUnique(Model model, JsonNode args, boolean orThrow) {
        ReadQuery q = reads.findUnique(model, args, "");
        List<Map<String, Object>> rows = connector.read(q);
        if (rows.isEmpty()) {
            if (orThrow) throw QueryError.notFound("No record was found for a query.");
            return JSON.nullNode();
        }
        return record(q.selection(), rows.getFirst());
    }

    private JsonNode count(Model model, JsonNode args) {
        Aggregation a = aggregates.count(model, args);
        boolean plain = args == null || !args.has("select") || args.get("select").isBoolean();
        if (plain && a.cursor() == null && a.skip() == null && a.take() == null) {
            return count(connector.count(model, a.where()));
        }
        Map<String, Object> row = connector.aggregate(a).getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) row.get("_count");
        if (plain) return count((Long) counts.get("_all"));
        ObjectNode out = JSON.objectNode();
        for (var e : counts.entrySet()) out.set(e.getKey(), count((Long) e.getValue()));
        return out;
    }

    private JsonNode aggregate(Model model, JsonNode args) {
        Aggregation a = aggregates.aggregate(model, args);
        Map<String, Object> row = connector.aggregate(a).getFirst();
        return aggregateRow(a, row, aggregates.countIsPlain(args));
    }

    private JsonNode groupBy(Model model, JsonNode args) {
        Aggregation a = aggregates.groupBy(model, args);
        ArrayNode out = JSON.arrayNode();
        for (Map<String, Object> row : connector.aggregate(a)) out.add(aggregateRow(a, row, aggregates.countIsPlain(args)));
        return out;
    }

    private ObjectNode aggregateRow(Aggregation a, Map<String, Object> row, boolean plainCount) {
        ObjectNode out = JSON.objectNode();
        for (var f : a.groupBy()) out.set(f.name(), Values.toJson(f, row.get(f.name())));
        for (Aggregation.Aggregate agg : a.aggregates()) {
            String key = agg.function().key();
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) row.get(key);
            if (agg.function() == Aggregation.Function.COUNT && plainCount) {
                out.set(key, count((Long) values.get("_all")));
                continue;
            }
            ObjectNode group = out.has(key) ? (ObjectNode) out.get(key) : out.putObject(key);
            Object v = values.get(agg.key());
            if (agg.function() == Aggregation.Function.COUNT) group.set(agg.key(), count((Long) v));
            else if (agg.function() == Aggregation.Function.AVG && v instanceof Double d) group.put(agg.key(), d);
            else group.set(agg.key(), Values.toJson(agg.field(), v));
        }
        return out;
    }

    // ---------------------------------------------------------------- results

    private ArrayNode list(List<Map<String, Object>> rows, ReadQuery q) {
        ArrayNode out = JSON.arrayNode();
        for (Map<String, Object> r : rows) out.add(record(q.selection(), r));
        return out;
    }

    /** Serializes one record in selection order, with Prisma's value encoding. */
    @SuppressWarnings("unchecked")
    static ObjectNode record(Selection selection, Map<String, Object> row) {
        ObjectNode out = JSON.objectNode();
        for (Selection.Item item : selection.items()) {
            switch (item) {
                case Selection.Scalar s -> out.set(s.key(), Values.toJson(s.field(), row.get(s.field().name())));
                case Selection.Relation r -> {
                    Object v = row.get(r.key());
                    if (v == null) {
                        out.set(r.key(), r.field().isList() ? JSON.arrayNode() : JSON.nullNode());
                    } else if (v instanceof List<?> list) {
                        ArrayNode arr = out.putArray(r.key());
                        for (Object child : list) arr.add(record(r.query().selection(), (Map<String, Object>) child));
                    } else {
                        Map<String, Object> child = (Map<String, Object>) v;
                        // An optional to-one with a `where` that the related record fails becomes null.
                        out.set(r.key(), record(r.query().selection(), child));
                    }
                }
                case Selection.Count c -> {
                    ObjectNode counts = out.putObject("_count");
                    Map<String, Long> values = (Map<String, Long>) row.getOrDefault("_count", Map.of());
                    for (Selection.CountedRelation cr : c.relations()) counts.set(cr.field().name(), count(values.getOrDefault(cr.field().name(), 0L)));
                }
            }
        }
        return out;
    }

    /** Counts are JSON numbers, written as small as they fit (as Prisma's engine writes them). */
    private static JsonNode count(long n) {
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? JSON.numberNode((int) n) : JSON.numberNode(n);
    }

    @Override
    public void close() { connector.close(); }
}
