package dev.facet.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.args.AggregateArguments;
import dev.facet.data.args.PrismaWords;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.Connector;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ReadOnlySession;
import dev.facet.data.connector.Session;
import dev.facet.data.write.DeleteImpact;
import dev.facet.data.write.ReferentialActions;
import dev.facet.data.write.WriteEngine;
import dev.facet.data.query.Aggregation;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.data.value.JsonCodec;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final ReferentialActions actions;
    private final WriteEngine writes;
    private final Session readOnly;

    /** The actions that change data; each runs in its own transaction. */
    public static final java.util.Set<String> WRITE_ACTIONS = java.util.Set.of("create", "createMany", "createManyAndReturn", "update",
            "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany");

    /**
     * @param schema    the schema requests are checked against
     * @param connector the database
     */
    public QueryEngine(Schema schema, Connector connector) {
        this.schema = schema;
        this.connector = connector;
        this.reads = new ReadArguments(schema, connector.capabilities());
        this.aggregates = new AggregateArguments(schema, reads);
        this.actions = new ReferentialActions(schema, connector.capabilities());
        this.writes = new WriteEngine(schema, reads, actions, connector.capabilities());
        this.readOnly = new ReadOnlySession(connector);
    }

    /**
     * Compares the schema with the database's catalog; reads the catalog each time (a reload must see new columns).
     *
     * @return what differs per model, or empty where the connector has no catalog to compare (MongoDB)
     * @throws QueryError when the catalog cannot be read
     */
    public java.util.Optional<dev.facet.data.drift.SchemaDrift> drift() { return connector.drift(); }

    /**
     * Estimates row counts without counting (see {@link dev.facet.data.connector.RowEstimate}).
     *
     * @param modelNames the models
     * @return per model name; models without an estimate are left out
     * @throws QueryError when the catalog cannot be read
     */
    public Map<String, dev.facet.data.connector.RowEstimate> estimateRows(java.util.Collection<String> modelNames) {
        return connector.estimateRows(modelNames.stream().map(schema::model).filter(java.util.Objects::nonNull).toList());
    }

    /** @return the schema */
    public Schema schema() { return schema; }

    /** @return whether the database has {@code capability} (what the UI offers follows from it, never from the provider) */
    public boolean supports(ConnectorCapability capability) { return connector.supports(capability); }

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
        return run(modelName, action, args).tree();
    }

    /** The key under which {@link #findManyMarkingAbsent} lists a record's missing fields; no Prisma field can be named so. */
    public static final String ABSENT_KEY = "$absent";

    /**
     * Runs {@code findMany} as {@link #execute} does, and lists under {@link #ABSENT_KEY} the selected fields each record's
     * stored document lacks altogether (Prisma reads them as null, like an explicit null), from the same read: the
     * window shows a missing field apart from a null one. Only connectors with {@link ConnectorCapability#ABSENT_FIELDS}
     * note any; elsewhere the answer is {@code findMany}'s.
     *
     * @throws QueryError with Prisma's code when the request is invalid or fails
     */
    public JsonNode findManyMarkingAbsent(String modelName, JsonNode args) {
        ReadQuery q = reads.findMany(model(modelName), checkedArgs(args), "");
        List<Map<String, Object>> rows = readOnly.read(q);
        ArrayNode out = (ArrayNode) new Records(q.selection(), rows, false).tree();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof dev.facet.data.connector.RowMap row) || row.absentFields().isEmpty()) continue;
            ObjectNode record = (ObjectNode) out.get(i);
            ArrayNode marks = JSON.arrayNode();
            for (String f : row.absentFields()) if (record.has(f)) marks.add(f);
            if (!marks.isEmpty()) record.set(ABSENT_KEY, marks);
        }
        return out;
    }

    /**
     * Runs one Prisma Client call as {@link #execute} does and writes its result to {@code out}, without building
     * the result's tree first: the way to print many large results.
     *
     * @throws QueryError with Prisma's code when the request is invalid or fails; nothing is written then
     * @throws IOException when {@code out} fails
     */
    public void write(String modelName, String action, JsonNode args, JsonGenerator out) throws IOException {
        if (!action.equals("findMany")) {
            run(modelName, action, args).write(out);
            return;
        }
        // Records are written as they are read, a chunk at a time, so memory stays flat whatever their number; an
        // error after the first chunk leaves part of the answer written.
        ReadQuery q = reads.findMany(model(modelName), checkedArgs(args), "");
        out.writeStartArray();
        try {
            readOnly.readEach(q, rows -> {
                try {
                    for (Map<String, Object> r : rows) RecordJson.write(out, q.selection(), r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.writeEndArray();
    }

    /** The arguments, an empty object when none; checked for depth before any recursive parser sees them (never a StackOverflowError). */
    private static JsonNode checkedArgs(JsonNode args) {
        JsonNode a = args == null || args.isNull() ? JSON.objectNode() : args;
        dev.facet.data.args.RequestLimits.checkDepth(a);
        return a;
    }

    private Result run(String modelName, String action, JsonNode args) {
        if (WRITE_ACTIONS.contains(action)) return connector.transaction(session -> executeIn(session, modelName, action, args));
        return executeIn(readOnly, modelName, action, args);
    }

    /** The arguments each action cannot do without. */
    private static final Map<String, List<String>> REQUIRED_ARGUMENTS = Map.of(
            "findUnique", List.of("where"), "findUniqueOrThrow", List.of("where"), "create", List.of("data"),
            "createMany", List.of("data"), "createManyAndReturn", List.of("data"), "update", List.of("where", "data"),
            "updateMany", List.of("data"), "updateManyAndReturn", List.of("data"), "upsert", List.of("where", "create", "update"),
            "delete", List.of("where"));

    /**
     * @return how many read requests may usefully run at the same time on this engine (its connection pool's
     *         size); {@link #execute} is safe to call from that many threads at once
     */
    public int concurrentReads() { return connector.concurrentReads(); }

    /** @return how many connections to the database the engine holds open now (its pool's), or -1 when unknown */
    public int connectionsHeld() { return connector.connectionsHeld(); }

    /**
     * From now on, on a database without transactions (a standalone MongoDB server), runs writes that change several
     * records one command after another instead of refusing them with P2031 ({@code --allow-non-atomic}); a failure
     * halfway then leaves the earlier changes. Databases with transactions ignore it.
     */
    public void allowNonAtomicWrites(boolean allow) { connector.allowNonAtomicWrites(allow); }

    /**
     * What deleting the records {@code where} matches would do, as the {@code previewDelete} action answers it but
     * typed: the effects per relation, the records that would block the delete, the totals per model.
     *
     * @param modelName the model as named in the schema
     * @param where     a filter as in {@code deleteMany}'s {@code where}
     * @throws QueryError with Prisma's code when the model or the filter is invalid
     */
    public DeleteImpact previewDelete(String modelName, JsonNode where) {
        Model model = schema.model(modelName);
        if (model == null || model.ignored()) throw QueryError.validation("model", "unknown model '" + modelName + "'");
        if (where == null || where.isNull()) throw QueryError.validation("where", "A value is required but not set");
        return actions.preview(readOnly, model, reads.where(model, where, "where"));
    }

    /**
     * Writes records of a model as the statements that insert them into this database (SQL INSERT), when its
     * connector has such a language: the capability behind "copy as SQL INSERT" (MongoDB has none).
     *
     * @param fieldNames the fields written, in order; names that are not scalar fields of the model are left out
     * @return the writer, or empty when the database has no insert language or the model is unknown
     */
    public java.util.Optional<RecordInserts> inserts(String modelName, List<String> fieldNames) {
        Model model = schema.model(modelName);
        if (model == null) return java.util.Optional.empty();
        List<dev.facet.schema.model.ScalarField> fields = fieldNames.stream().map(model::field)
                .filter(f -> f instanceof dev.facet.schema.model.ScalarField s && !s.isUnsupported() && !s.isComposite())
                .map(f -> (dev.facet.schema.model.ScalarField) f).toList();
        return connector.insertScript(model, fields).map(script -> new RecordInserts(schema, fields, script));
    }

    /** @return whether {@code action} changes data (and so runs in a transaction of its own) */
    public static boolean isWrite(String action) { return WRITE_ACTIONS.contains(action); }

    /** One request of a batch. */
    public record Request(String model, String action, JsonNode args) {}

    /**
     * Runs several requests in one transaction: all of them take effect, or none when one fails.
     *
     * @throws BatchError naming the index of the request that failed, with its error
     */
    public java.util.List<JsonNode> executeInTransaction(java.util.List<Request> requests) {
        return connector.transaction(session -> {
            java.util.List<JsonNode> results = new java.util.ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Request r = requests.get(i);
                try {
                    results.add(executeIn(session, r.model(), r.action(), r.args()).tree());
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    // Whatever failed, the caller learns which request it was; the transaction rolls back.
                    throw new BatchError(i, QueryError.unexpected(e));
                }
            }
            return results;
        });
    }

    /** A request of a transactional batch failed; everything was rolled back. */
    public static final class BatchError extends RuntimeException {
        private final int index;
        private final QueryError error;

        BatchError(int index, QueryError error) {
            super("request " + (index + 1) + " failed: " + error.getMessage(), error);
            this.index = index;
            this.error = error;
        }

        /** @return the 0-based index of the failed request */
        public int index() { return index; }

        /** @return its error */
        public QueryError error() { return error; }
    }

    private Model model(String modelName) {
        Model model = schema.model(modelName);
        if (model == null || model.ignored()) {
            throw QueryError.validation("model", "unknown model '" + modelName + "'");
        }
        return model;
    }

    private Result executeIn(Session s, String modelName, String action, JsonNode args) {
        Model model = model(modelName);
        if (model.view() && WRITE_ACTIONS.contains(action)) {
            throw QueryError.validation("action", model.name() + " is a view; views are read-only");
        }
        JsonNode a = checkedArgs(args);
        // Prisma Client sends a create without data as one with empty data: the data's first missing field is reported.
        if (action.equals("create") && !a.has("data") && a.isObject()) a = ((com.fasterxml.jackson.databind.node.ObjectNode) a.deepCopy()).set("data", JSON.objectNode());
        for (String required : REQUIRED_ARGUMENTS.getOrDefault(action, List.of())) {
            if (!a.has(required) || a.get(required).isNull()) throw QueryError.validation(required, "Argument `" + required + "` is missing.");
        }
        if ((action.equals("createManyAndReturn") || action.equals("updateManyAndReturn")) && !connector.supports(ConnectorCapability.RETURNING)) {
            // Prisma Client has no such operation for this database (MySQL); its message.
            throw new QueryError("P2009", "Operation '" + action + "' for model '" + model.name() + "' does not match any query.");
        }
        switch (action) {
            case "findMany" -> {
                ReadQuery q = reads.findMany(model, a, "");
                return new Records(q.selection(), s.read(q), false);
            }
            case "findFirst", "findFirstOrThrow" -> { return findFirst(s, model, a, action.endsWith("OrThrow")); }
            case "findUnique", "findUniqueOrThrow" -> { return findUnique(s, model, a, action.endsWith("OrThrow")); }
            default -> { }
        }
        JsonNode tree = switch (action) {
            case "count" -> count(s, model, a);
            case "aggregate" -> aggregate(s, model, a);
            case "groupBy" -> groupBy(s, model, a);
            case "create" -> {
                Selection sel = reads.selection(model, a, "");
                yield readBack(s, model, writes.create(s, model, a.get("data"), "data"), sel);
            }
            case "createMany" -> countResult(writes.createMany(s, model, a.get("data"), skipDuplicates(a), "data"));
            case "createManyAndReturn" -> {
                Selection sel = scalarSelection(model, a, "createManyAndReturn");
                yield readBackAll(s, model, writes.createManyAndReturn(s, model, a.get("data"), skipDuplicates(a), "data"), sel);
            }
            case "update" -> {
                Selection sel = reads.selection(model, a, "");
                yield readBack(s, model, writes.update(s, model, a.get("where"), a.get("data"), ""), sel);
            }
            case "updateMany" -> countResult(writes.updateMany(s, model, a.get("where"), a.get("data"), limit(a), ""));
            case "updateManyAndReturn" -> {
                Selection sel = scalarSelection(model, a, "updateManyAndReturn");
                yield readBackAll(s, model, writes.updateManyAndReturn(s, model, a.get("where"), a.get("data"), limit(a), ""), sel);
            }
            case "upsert" -> {
                Selection sel = reads.selection(model, a, "");
                boolean nestedRead = sel.items().stream().anyMatch(i -> !(i instanceof Selection.Scalar));
                yield readBack(s, model, writes.upsert(s, model, a.get("where"), a.get("create"), a.get("update"), "", nestedRead), sel);
            }
            case "delete" -> {
                Selection sel = reads.selection(model, a, "");
                var key = writes.findForDelete(s, model, a.get("where"), "");
                JsonNode before = readBack(s, model, key, sel);
                writes.delete(s, model, key);
                yield before;
            }
            case "deleteMany" -> countResult(writes.deleteMany(s, model, a.get("where"), limit(a), ""));
            case "previewDelete" -> {
                if (!a.has("where")) throw QueryError.validation("where", "A value is required but not set");
                yield actions.preview(s, model, reads.where(model, a.get("where"), "where")).toJson(schema);
            }
            default -> throw QueryError.validation("action", "unknown action '" + action + "' (expected a Prisma Client method such as "
                    + "findMany, findUnique, create, update, delete, or previewDelete)");
        };
        return new Tree(tree);
    }

    /** Prisma's createMany has no skipDuplicates where the database cannot skip (SQLite). */
    private boolean skipDuplicates(JsonNode a) {
        if (a.has("skipDuplicates") && !connector.supports(ConnectorCapability.SKIP_DUPLICATES)) {
            throw PrismaWords.unknownArgument("skipDuplicates", "skipDuplicates", List.of("data"));
        }
        JsonNode v = a.path("skipDuplicates");
        if (!v.isMissingNode() && !v.isNull() && !v.isBoolean()) {
            throw QueryError.validation("skipDuplicates", "Argument `skipDuplicates`: Invalid value provided. Expected Boolean, provided " + TypeErrors.kind(v) + ".");
        }
        return v.asBoolean(false);
    }

    private static Long limit(JsonNode a) {
        if (!a.has("limit") || a.get("limit").isNull()) return null;
        if (!a.get("limit").isNumber()) {
            throw QueryError.validation("limit", "Argument `limit`: Invalid value provided. Expected Int, provided " + TypeErrors.kind(a.get("limit")) + ".");
        }
        long limit = a.get("limit").asLong();
        if (limit < 0) throw new QueryError("P2019", "Input error. Provided limit (" + limit + ") must be a positive integer.");
        return limit;
    }

    private static JsonNode countResult(long n) {
        ObjectNode out = JSON.objectNode();
        out.set("count", RecordJson.count(n));
        return out;
    }

    /** createManyAndReturn and updateManyAndReturn return scalars and to-one relations (Prisma 7), not to-many ones or counts. */
    private Selection scalarSelection(Model model, JsonNode a, String action) {
        Selection sel = reads.selection(model, a, "");
        for (Selection.Item item : sel.items()) {
            if (item instanceof Selection.Count || item instanceof Selection.Relation r && r.field().isList()) {
                String statement = a.has("include") ? "include" : "select";
                String type = (action.startsWith("create") ? "CreateMany" : "UpdateMany") + model.name() + "AndReturnOutputType";
                throw QueryError.validation(statement + "." + item.key(), "Unknown field `" + item.key() + "` for " + statement
                        + " statement on model `" + type + "`. Available options are marked with ?.");
            }
        }
        return sel;
    }

    private JsonNode readBack(Session s, Model model, java.util.Map<String, Object> key, Selection selection) {
        ReadQuery q = new ReadQuery(model, WriteEngine.keyFilter(model, key), java.util.List.of(), null, null, 1L, java.util.List.of(), selection);
        java.util.List<java.util.Map<String, Object>> rows = s.read(q);
        if (rows.isEmpty()) throw QueryError.notFound("The record was not found after the write.");
        return RecordJson.tree(selection, rows.getFirst());
    }

    private JsonNode readBackAll(Session s, Model model, java.util.List<java.util.Map<String, Object>> keys, Selection selection) {
        ArrayNode out = JSON.arrayNode();
        if (keys.isEmpty()) return out;
        java.util.List<dev.facet.data.query.Filter> any = keys.stream().map(k -> WriteEngine.keyFilter(model, k)).toList();
        ReadQuery q = new ReadQuery(model, any.size() == 1 ? any.getFirst() : new dev.facet.data.query.Filter.Or(any), java.util.List.of(),
                null, null, null, java.util.List.of(), selection);
        // Keep the order of the writes: index rows by key.
        java.util.Map<String, java.util.Map<String, Object>> byKey = new java.util.HashMap<>();
        java.util.List<java.util.Map<String, Object>> rows = s.read(withKeys(model, q));
        for (var r : rows) byKey.put(keyText(model, r), r);
        for (var k : keys) {
            var r = byKey.get(keyText(model, k));
            if (r != null) out.add(RecordJson.tree(selection, r));
        }
        return out;
    }

    private static ReadQuery withKeys(Model model, ReadQuery q) {
        java.util.List<Selection.Item> items = new java.util.ArrayList<>(q.selection().items());
        for (String n : model.primaryKey() != null ? model.primaryKey().fieldNames() : model.uniqueIndexes().getFirst().fieldNames()) {
            var f = (dev.facet.schema.model.ScalarField) model.field(n);
            if (!q.selection().scalars().contains(f)) items.add(new Selection.Scalar(f));
        }
        return q.withSelection(new Selection(items));
    }

    private static String keyText(Model model, java.util.Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (String n : model.primaryKey() != null ? model.primaryKey().fieldNames() : model.uniqueIndexes().getFirst().fieldNames()) {
            Object v = row.get(n);
            sb.append(v instanceof Integer i ? Long.valueOf(i) : v).append('\u0000');
        }
        return sb.toString();
    }

    private Records findFirst(Session s, Model model, JsonNode args, boolean orThrow) {
        ReadQuery q = reads.findMany(model, args, "");
        if (q.take() != null && q.take() != 1 && q.take() != -1) {
            throw new QueryError("P2019", "Input error. The 'findFirst' operation cannot be used with a 'take' argument that isn't 1 or -1");
        }
        // Without take, findFirst asks for one row without implying an order (Prisma adds none either).
        ReadQuery first = q.take() == null ? q.withLimit(1L) : q;
        List<Map<String, Object>> rows = s.read(first);
        if (rows.isEmpty() && orThrow) throw QueryError.notFound("No record was found for a query.");
        return new Records(q.selection(), rows, true);
    }

    private Records findUnique(Session s, Model model, JsonNode args, boolean orThrow) {
        ReadQuery q = reads.findUnique(model, args, "");
        List<Map<String, Object>> rows = s.read(q);
        if (rows.isEmpty() && orThrow) throw QueryError.notFound("No record was found for a query.");
        return new Records(q.selection(), rows, true);
    }

    private JsonNode count(Session s, Model model, JsonNode args) {
        Aggregation a = aggregates.count(model, args);
        boolean plain = args == null || !args.has("select") || args.get("select").isBoolean();
        if (plain && a.cursor() == null && a.skip() == null && a.take() == null) {
            return RecordJson.count(s.count(model, a.where()));
        }
        Map<String, Object> row = s.aggregate(a).getFirst();
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) row.get("_count");
        if (plain) return RecordJson.count((Long) counts.get("_all"));
        ObjectNode out = JSON.objectNode();
        for (var e : counts.entrySet()) out.set(e.getKey(), RecordJson.count((Long) e.getValue()));
        return out;
    }

    private JsonNode aggregate(Session s, Model model, JsonNode args) {
        Aggregation a = aggregates.aggregate(model, args);
        Map<String, Object> row = s.aggregate(a).getFirst();
        return aggregateRow(a, row, aggregates.countIsPlain(args));
    }

    private JsonNode groupBy(Session s, Model model, JsonNode args) {
        Aggregation a = aggregates.groupBy(model, args);
        ArrayNode out = JSON.arrayNode();
        for (Map<String, Object> row : s.aggregate(a)) out.add(aggregateRow(a, row, aggregates.countIsPlain(args)));
        return out;
    }

    /** One result of aggregate or groupBy: the aggregates in the request's order, then groupBy's fields (as Prisma Client gives them). */
    private ObjectNode aggregateRow(Aggregation a, Map<String, Object> row, boolean plainCount) {
        ObjectNode out = JSON.objectNode();
        for (Aggregation.Aggregate agg : a.aggregates()) {
            String key = agg.function().key();
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) row.get(key);
            if (agg.function() == Aggregation.Function.COUNT && plainCount) {
                out.set(key, RecordJson.count((Long) values.get("_all")));
                continue;
            }
            ObjectNode group = out.has(key) ? (ObjectNode) out.get(key) : out.putObject(key);
            Object v = values.get(agg.key());
            if (agg.function() == Aggregation.Function.COUNT) group.set(agg.key(), RecordJson.count((Long) v));
            else if (agg.function() == Aggregation.Function.AVG && v instanceof Double d) group.put(agg.key(), d);
            else group.set(agg.key(), Values.toJson(agg.field(), v));
        }
        for (var f : a.groupBy()) out.set(f.name(), Values.toJson(f, row.get(f.name())));
        return out;
    }

    // ---------------------------------------------------------------- results

    /**
     * A result: a tree already built, or records still as rows, written out when printed ({@link #write}) and
     * turned into a tree only when asked ({@link #execute}).
     */
    private sealed interface Result {
        JsonNode tree();

        void write(JsonGenerator out) throws IOException;
    }

    private record Tree(JsonNode node) implements Result {
        @Override public JsonNode tree() { return node; }

        @Override public void write(JsonGenerator out) throws IOException { JsonCodec.MAPPER.writeTree(out, node); }
    }

    /** A list of records, or with {@code single} the first of them (null when there is none). */
    private record Records(Selection selection, List<Map<String, Object>> rows, boolean single) implements Result {
        @Override
        public JsonNode tree() {
            if (single) return rows.isEmpty() ? JSON.nullNode() : RecordJson.tree(selection, rows.getFirst());
            ArrayNode out = JSON.arrayNode();
            for (Map<String, Object> r : rows) out.add(RecordJson.tree(selection, r));
            return out;
        }

        @Override
        public void write(JsonGenerator out) throws IOException {
            if (single) {
                if (rows.isEmpty()) out.writeNull();
                else RecordJson.write(out, selection, rows.getFirst());
                return;
            }
            out.writeStartArray();
            for (Map<String, Object> r : rows) RecordJson.write(out, selection, r);
            out.writeEndArray();
        }
    }

    @Override
    public void close() { connector.close(); }
}
