package dev.facet.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.OpenError;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet query --schema S [--url U] [--transaction]}: reads Prisma Client requests from standard
 * input, one JSON object per line ({@code {"model": "User", "action": "findMany", "args": {...}}}), and
 * prints one JSON line per request: {@code {"data": ...}} or {@code {"error": {"code": ..., "message": ...}}}.
 * Answers come in the order of the lines. Consecutive reads run side by side ({@link RequestStream}); a write
 * runs alone, after every request above it and before every request below it.
 * With {@code --transaction} all lines run in one transaction, rolled back entirely if one fails.
 * Exit status 0 when every request succeeded, 1 when one failed or the database cannot be reached,
 * 2 for a usage problem or an unreadable schema.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run Prisma Client requests read from standard input, one JSON object per line.")
final class QueryCommand implements Callable<Integer> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Mixin
    ProjectOptions project;

    @Option(names = "--transaction", description = "Run all requests in one transaction; if one fails, none takes effect.")
    boolean transaction;

    @Option(names = "--jobs", paramLabel = "N",
            description = "How many consecutive reads run at once (default: the connection pool's size, at most the processors + 1); "
                    + "1 runs each request after the one before. Writes always run alone, after every request above them.")
    Integer jobs;

    @Option(names = "--allow-non-atomic",
            description = "On a MongoDB server without transactions (a standalone server, not a replica set), run writes that change "
                    + "several documents anyway, one after another: a failure halfway leaves the earlier changes. Without it they "
                    + "fail with P2031 and change nothing.")
    boolean allowNonAtomic;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS",
            description = "How long one statement may run before the database cancels it (0: no limit; default 60, "
                    + "or -Dfacet.statementTimeout / FACET_STATEMENT_TIMEOUT). On SQLite Facet interrupts the statement; MySQL limits only reads.")
    String statementTimeout;

    @Spec
    CommandSpec spec;

    /** Where requests come from; tests replace it. */
    java.io.InputStream input = System.in;

    /**
     * Where answers go, as UTF-8 bytes: {@link FacetCommand#main} sets standard output. Null: through the command
     * line's writer (tests), one decoded batch of whole lines per flush.
     */
    OutputStream output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) {
            err.println("error: --jobs must be at least 1, not " + jobs);
            return 2;
        }
        java.time.Duration timeout = null;
        if (statementTimeout != null) {
            try {
                timeout = dev.facet.data.sql.connect.SqlDatabase.parseSeconds(statementTimeout);
            } catch (IllegalArgumentException e) {
                err.println("error: --statement-timeout must be a number of seconds (0 for no limit), not '" + statementTimeout + "'");
                return 2;
            }
        }
        ProjectOptions.Opened opened;
        try {
            opened = project.open(err);
        } catch (ProjectOptions.Failure f) {
            return f.exitCode;
        }
        QueryEngine engine;
        try {
            engine = Engines.open(opened.schema(), opened.url(), opened.schemaFolder(), null, timeout, allowNonAtomic);
        } catch (QueryError e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return 1;
        } catch (OpenError e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
        try {
            RequestLines in = new RequestLines(input, RequestLines.defaultMaxLineBytes());
            return transaction ? runInTransaction(engine, in, out) : runEach(engine, in, out);
        } catch (IOException e) {
            err.println("error: could not read the requests: " + e.getMessage());
            return 1;
        } finally {
            closeSoon(engine);
        }
    }

    /**
     * Closes the engine, waiting a moment at most: every answer is printed and every transaction committed, so the
     * user never waits for the pool to say goodbye to the server (the process exits with the close under way).
     */
    private static void closeSoon(QueryEngine engine) {
        Thread closing = Thread.ofPlatform().name("facet-query-close").daemon().start(engine::close);
        try {
            closing.join(java.time.Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int runEach(QueryEngine engine, RequestLines in, PrintWriter out) throws IOException {
        int workers = jobs != null ? jobs : RequestStream.defaultWorkers(engine, Runtime.getRuntime().availableProcessors());
        RequestStream stream = new RequestStream(workers, QueryCommand::parseLine, (line, o) -> answer(engine, line, o),
                t -> errorLine(QueryError.unexpected(t), null));
        return stream.run(in, output != null ? output : new LinesToWriter(out)) ? 0 : 1;
    }

    /** Bytes of whole lines, handed to a writer as text at each flush (RequestStream flushes between lines only). */
    private static final class LinesToWriter extends OutputStream {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final PrintWriter out;

        LinesToWriter(PrintWriter out) { this.out = out; }

        @Override public void write(int b) { pending.write(b); }

        @Override public void write(byte[] b, int off, int len) { pending.write(b, off, len); }

        @Override
        public void flush() {
            out.write(pending.toString(StandardCharsets.UTF_8));
            out.flush();
            pending.reset();
        }
    }

    private static RequestStream.Line parseLine(RequestLines.Raw raw) {
        try {
            if (raw.problem() != null) throw new QueryError("P2009", "line " + raw.number() + ": " + raw.problem());
            return new RequestStream.Line(raw.number(), parse(raw.text(), raw.number()), null);
        } catch (QueryError e) {
            return new RequestStream.Line(raw.number(), null, e);
        }
    }

    /**
     * Writes {@code {"data": ...}}, or {@code {"error": ...}} when the request fails, whatever the failure: an
     * error of the JVM (a stack overflow on a deeply nested request, memory exhausted by a huge answer) is this
     * line's answer too, and the process goes on with the next line.
     */
    private static boolean answer(QueryEngine engine, RequestStream.Line line, RequestStream.AnswerOutput bytes) {
        JsonGenerator out = null;
        try {
            if (line.invalid() != null) throw line.invalid();
            QueryEngine.Request request = line.request();
            // Written straight to UTF-8: an answer can hold thousands of records, and no tree of them is needed.
            out = JsonCodec.MAPPER.createGenerator(bytes, JsonEncoding.UTF8);
            out.writeStartObject();
            out.writeFieldName("data");
            engine.write(request.model(), request.action(), request.args(), out);
            out.writeEndObject();
            out.close();
            return false;
        } catch (Throwable t) {
            QueryError e = t instanceof QueryError q ? q : QueryError.unexpected(t);
            if (out != null && bytes.streaming()) {
                AnswerTail.finish(out, error(e, null).get("error"));
            } else {
                bytes.discard();
                bytes.writeQuietly(errorLine(e, null));
            }
            return true;
        }
    }

    private static byte[] errorLine(QueryError e, Integer line) {
        return JsonCodec.write(error(e, line)).getBytes(StandardCharsets.UTF_8);
    }

    private int runInTransaction(QueryEngine engine, RequestLines in, PrintWriter out) throws IOException {
        List<QueryEngine.Request> requests = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<QueryError> invalid = new ArrayList<>();
        for (RequestLines.Raw raw = in.next(); raw != null; raw = in.next()) {
            if (raw.text() != null && raw.text().isBlank()) continue;
            RequestStream.Line line;
            try {
                line = parseLine(raw);
            } catch (Throwable t) {
                line = new RequestStream.Line(raw.number(), null, QueryError.unexpected(t));
            }
            requests.add(line.request());
            lineNumbers.add(raw.number());
            invalid.add(line.invalid());
        }
        int firstInvalid = -1;
        for (int i = 0; i < invalid.size() && firstInvalid < 0; i++) if (invalid.get(i) != null) firstInvalid = i;
        if (firstInvalid >= 0) {
            // Nothing has run: each bad line gets its error, every other line says it did not run.
            for (int i = 0; i < requests.size(); i++) {
                QueryError e = invalid.get(i) != null ? invalid.get(i) : new QueryError("P2034", "Not run: line "
                        + lineNumbers.get(firstInvalid) + " is not a valid request, so no request of the transaction ran.");
                out.println(JsonCodec.write(error(e, lineNumbers.get(i))));
            }
            return 1;
        }
        try {
            List<JsonNode> results = engine.executeInTransaction(requests);
            for (JsonNode result : results) out.println(JsonCodec.write(data(result)));
            return 0;
        } catch (QueryEngine.BatchError e) {
            int failedLine = lineNumbers.get(e.index());
            for (int i = 0; i < requests.size(); i++) {
                if (i == e.index()) {
                    out.println(JsonCodec.write(error(e.error(), failedLine)));
                } else {
                    out.println(JsonCodec.write(error(new QueryError("P2034", "Rolled back: the transaction failed at line " + failedLine
                            + ", so no request of it took effect."), lineNumbers.get(i))));
                }
            }
            return 1;
        } catch (Throwable t) {
            // The transaction failed as a whole (its commit: a full disk, a lost connection): every line says so.
            QueryError e = t instanceof QueryError q ? q : QueryError.unexpected(t);
            for (Integer n : lineNumbers) {
                out.println(JsonCodec.write(error(new QueryError(e.code(), "Rolled back: the transaction failed ("
                        + e.getMessage() + "), so no request of it took effect."), n)));
            }
            return 1;
        }
    }

    /** Lines are parsed strictly: exactly one JSON object each, no duplicate keys. */
    private static final com.fasterxml.jackson.databind.ObjectReader STRICT = JsonCodec.MAPPER.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static QueryEngine.Request parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = STRICT.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new QueryError("P2009", "line " + lineNumber + ": invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new QueryError("P2009", "line " + lineNumber + ": invalid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject() || !node.path("model").isTextual() || !node.path("action").isTextual()) {
            throw new QueryError("P2009", "line " + lineNumber + ": expected {\"model\": \"...\", \"action\": \"...\", \"args\": {...}}");
        }
        return new QueryEngine.Request(node.get("model").asText(), node.get("action").asText(), node.get("args"));
    }

    private static JsonNode data(JsonNode result) {
        ObjectNode out = JSON.objectNode();
        out.set("data", result);
        return out;
    }

    private static JsonNode error(QueryError e, Integer line) {
        ObjectNode out = JSON.objectNode();
        ObjectNode error = out.putObject("error");
        error.put("code", e.code());
        error.put("message", e.getMessage());
        if (line != null) error.put("line", line);
        return out;
    }
}
