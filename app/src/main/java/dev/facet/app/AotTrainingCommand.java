package dev.facet.app;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import dev.facet.ui.demo.DemoSeeder;
import dev.facet.ui.project.OpenRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code facet aot-training [--window]}, hidden: the workload the installers run to write each launcher's
 * AOT cache (JDK 25: the classes loaded and linked, and the method profiles, of one training run). A cache
 * serves every command of its launcher, so the run goes through each of them in turn: validate and format
 * the demo schema, push it to a throw-away SQLite file, seed it, answer a few thousand {@code facet query}
 * requests over every model, and, with {@code --window}, open the demo window and there every model's tab in turn,
 * scrolled and closed again (the installer ends the process after a while).
 */
@Command(name = "aot-training", hidden = true, description = "The workload that trains the installed launchers' AOT caches.")
final class AotTrainingCommand implements Callable<Integer> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Enough passes for the profiles of the query path to settle; about 3,000 requests on the demo. */
    private static final int QUERY_PASSES = 60;

    @Option(names = "--window", description = "Open the demo window afterwards.")
    boolean window;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path folder = Files.createTempDirectory("facet-aot-training");
        try {
            Path schemaFile = folder.resolve("schema.prisma");
            Files.writeString(schemaFile, Gui.demoSchema().replaceFirst("url\\s*=\\s*\"[^\"]*\"", "url = \"file:./training.db\""));
            String schema = schemaFile.toString();
            int status = quietly("validate", schema) | quietly("format", schema) | quietly("push", "--schema", schema);
            if (status != 0) {
                err.println("error: the training schema did not validate, format or push (status " + status + ")");
                return 1;
            }
            Schema loaded = SchemaLoader.load(schemaFile).schema().orElseThrow();
            try (QueryEngine engine = Engines.open(loaded, "file:./training.db", folder, null)) {
                new DemoSeeder(DemoSeeder.Size.SMALL, 1L).seed(engine, step -> { });
            }
            StringBuilder requests = new StringBuilder();
            for (int pass = 0; pass < QUERY_PASSES; pass++) {
                for (Model model : loaded.models()) {
                    if (!model.ignored() && !model.view()) appendRequests(requests, model, pass);
                }
            }
            // Answers go as bytes, as facet query's go to standard output.
            ByteArrayOutputStream answers = new ByteArrayOutputStream();
            int queried = run(new PrintWriter(Writer.nullWriter()), requests.toString(), answers, "query", "--schema", schema, "--url", "file:./training.db");
            String answered = answers.toString(StandardCharsets.UTF_8);
            long failed = answered.lines().filter(l -> l.startsWith("{\"error\"")).count();
            err.printf("aot-training: %d requests answered, %d with an error (status %d)%n", answered.lines().count(), failed, queried);
            if (queried > 1) return 1;
            loadDrivers();
        } finally {
            deleteTree(folder);
        }
        if (!window) return 0;
        // The demo's tabs are opened, scrolled and closed in turn, so that the cache knows a real tab too.
        System.setProperty("facet.training.tour", "true");
        return Gui.run(new OpenRequest.Demo(), err);
    }

    /** The shapes of request the grid and scripts send most: pages with relations, filters, counts, aggregates. */
    private static void appendRequests(StringBuilder out, Model model, int pass) {
        ScalarField first = model.scalarFields().stream().filter(f -> !f.isUnsupported()).findFirst().orElse(null);
        if (first == null) return;
        ObjectNode page = JSON.objectNode().put("take", 20).put("skip", pass % 5);
        page.putObject("orderBy").put(first.name(), pass % 2 == 0 ? "asc" : "desc");
        ObjectNode include = JSON.objectNode();
        for (RelationField relation : model.relationFields()) {
            if (relation.ignored()) continue;
            if (relation.arity() == FieldArity.LIST) include.putObject(relation.name()).put("take", 5);
            else include.put(relation.name(), true);
        }
        if (!include.isEmpty()) page.set("include", include);
        model.scalarFields().stream().filter(f -> f.scalarType() == ScalarType.STRING && f.arity() != FieldArity.LIST).findFirst()
                .ifPresent(text -> page.putObject("where").putObject(text.name()).put("contains", String.valueOf((char) ('a' + pass % 26))));
        request(out, model, "findMany", page);
        request(out, model, "count", JSON.objectNode());
        ObjectNode aggregate = JSON.objectNode();
        aggregate.putObject("_count").put("_all", true);
        request(out, model, "aggregate", aggregate);
        ObjectNode latest = JSON.objectNode();
        latest.putObject("orderBy").put(first.name(), "desc");
        request(out, model, "findFirst", latest);
    }

    private static void request(StringBuilder out, Model model, String action, ObjectNode args) {
        ObjectNode line = JSON.objectNode().put("model", model.name()).put("action", action);
        line.set("args", args);
        out.append(JsonCodec.write(line)).append('\n');
    }

    /** The network drivers cannot connect here; loading them still puts their classes in the cache. */
    private static void loadDrivers() {
        for (String driver : new String[] {"org.postgresql.Driver", "com.mysql.cj.jdbc.Driver"}) {
            try {
                Class.forName(driver);
            } catch (ClassNotFoundException e) {
                // A build without that driver: nothing to train.
            }
        }
    }

    private static int quietly(String... args) {
        return run(new PrintWriter(Writer.nullWriter()), null, null, args);
    }

    private static int run(PrintWriter out, String input, OutputStream answers, String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(out);
        cli.setErr(new PrintWriter(Writer.nullWriter()));
        if (input != null) {
            QueryCommand query = cli.getSubcommands().get("query").getCommand();
            query.input = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
            query.output = answers;
        }
        return cli.execute(args);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
