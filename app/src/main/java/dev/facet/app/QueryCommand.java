package dev.facet.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.QueryError;
import dev.facet.data.value.JsonCodec;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
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
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (jobs != null && jobs < 1) {
            err.println("error: --jobs must be at least 1, not " + jobs);
            return 2;
        }
        ProjectOptions.Opened opened;
        try {
            opened = project.open(err);
        } catch (ProjectOptions.Failure f) {
            return f.exitCode;
        }
        try (QueryEngine engine = Engines.open(opened.schema(), opened.url(), opened.schemaFolder(), null, allowNonAtomic)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            return transaction ? runInTransaction(engine, in, out) : runEach(engine, in, out);
        } catch (QueryError e) {
            err.println("error: " + e.code() + ": " + e.getMessage());
            return 1;
        }
    }

    private int runEach(QueryEngine engine, BufferedReader in, PrintWriter out) throws IOException {
        int workers = jobs != null ? jobs : RequestStream.defaultWorkers(engine, Runtime.getRuntime().availableProcessors());
        RequestStream stream = new RequestStream(engine, workers, QueryCommand::parseLine, line -> answer(engine, line));
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

    private static RequestStream.Line parseLine(String text, int number) {
        try {
            return new RequestStream.Line(number, parse(text, number), null);
        } catch (QueryError e) {
            return new RequestStream.Line(number, null, e);
        }
    }

    private static RequestStream.Answer answer(QueryEngine engine, RequestStream.Line line) {
        try {
            if (line.invalid() != null) throw line.invalid();
            QueryEngine.Request request = line.request();
            // Written straight to UTF-8: an answer can hold thousands of records, and no tree of them is needed.
            ByteArrayBuilder bytes = new ByteArrayBuilder(4096);
            try (JsonGenerator out = JsonCodec.MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
                out.writeStartObject();
                out.writeFieldName("data");
                engine.write(request.model(), request.action(), request.args(), out);
                out.writeEndObject();
            }
            return new RequestStream.Answer(bytes.toByteArray(), false);
        } catch (QueryError e) {
            return failure(error(e, null));
        } catch (IOException | RuntimeException e) {
            return failure(error(new QueryError("P2010", "Facet could not run this request: " + e), null));
        }
    }

    private static RequestStream.Answer failure(JsonNode error) {
        return new RequestStream.Answer(JsonCodec.write(error).getBytes(StandardCharsets.UTF_8), true);
    }

    private int runInTransaction(QueryEngine engine, BufferedReader in, PrintWriter out) throws IOException {
        List<QueryEngine.Request> requests = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int lineNumber = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) continue;
            try {
                requests.add(parse(line, lineNumber));
                lineNumbers.add(lineNumber);
            } catch (QueryError e) {
                // Nothing has run yet: report the bad line and run nothing.
                out.println(JsonCodec.write(error(e, lineNumber)));
                return 1;
            }
        }
        try {
            for (JsonNode result : engine.executeInTransaction(requests)) out.println(JsonCodec.write(data(result)));
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
        }
    }

    private static QueryEngine.Request parse(String line, int lineNumber) {
        JsonNode node;
        try {
            node = JsonCodec.parse(line);
        } catch (IllegalArgumentException e) {
            throw new QueryError("P2009", "line " + lineNumber + ": " + e.getMessage());
        }
        if (!node.isObject() || !node.path("model").isTextual() || !node.path("action").isTextual()) {
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
