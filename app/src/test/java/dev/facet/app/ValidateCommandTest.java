package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {
    private static final String VALID = """
            datasource db {
              provider = "sqlite"
              url      = "file:dev.db"
            }

            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
            }
            """;

    // The parser already rejects a stray top-level line, so this stays broken whatever the validator does.
    private static final String BROKEN = """
            datasource db {
              provider = "sqlite"
              url      = "file:dev.db"
            }

            this is not prisma

            model User {
              id Int @id
            }
            """;

    private static final String INVALID_LINE =
            "Error validating: This line is invalid. It does not start with any known Prisma schema keyword.";

    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    record Run(int status, String out, String err) {
        List<String> outLines() { return out.lines().toList(); }
    }

    private Run run(boolean terminal, String... args) {
        return run(new ValidateCommand(() -> terminal), args);
    }

    private Run run(ValidateCommand command, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ValidateCommand.class) return type.cast(command);
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FacetCommand.commandLine(factory);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(false, args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    // ---------------------------------------------------------------- text output

    @Test
    void validSchemaExitsZeroAndSaysSoOnStderr() throws IOException {
        Path schema = write("schema.prisma", VALID);

        Run r = run("validate", schema.toString());

        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("The schema at " + schema + " is valid 🚀" + System.lineSeparator());
    }

    @Test
    void brokenSchemaExitsOneAndPrintsPrismaStyleDiagnostics() throws IOException {
        Path schema = write("schema.prisma", BROKEN);

        Run r = run("validate", schema.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(
                "error: " + INVALID_LINE + "\n"
                + "  -->  " + schema + ":6\n"
                + "   | \n"
                + " 5 | \n"
                + " 6 | this is not prisma\n"
                + "   | \n");
        assertThat(r.err()).isEqualTo("The schema at " + schema + " is invalid: 1 error" + System.lineSeparator());
    }

    @Test
    void folderIsOneMultiFileSchemaAndDiagnosticsNameTheFile() throws IOException {
        write("prisma/a.prisma", VALID);
        Path bad = write("prisma/models/b.prisma", "model Post {\n  id Int @id\n}\nnot prisma either\n");

        Run r = run("validate", dir.resolve("prisma").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).contains("error: " + INVALID_LINE, "  -->  " + bad + ":4");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() throws IOException {
        Path schema = write("schema.prisma", BROKEN);

        assertThat(run(true, "validate", schema.toString()).out()).contains("\u001b[1;91merror\u001b[0m");
        assertThat(run(true, "validate", "--no-color", schema.toString()).out()).doesNotContain("\u001b");
        assertThat(run(false, "validate", schema.toString()).out()).doesNotContain("\u001b");
    }

    // ---------------------------------------------------------------- I/O and usage problems

    @Test
    void missingFileGetsOneClearLineAndExitTwo() {
        Path missing = dir.resolve("nope.prisma");

        Run r = run("validate", missing.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).containsExactly("facet validate: " + missing + ": no such file or folder");
    }

    @Test
    void folderWithoutSchemaFilesIsAnIoProblem() throws IOException {
        Files.createDirectories(dir.resolve("empty"));

        Run r = run("validate", dir.resolve("empty").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("holds no .prisma file").doesNotContain("Exception");
    }

    @Test
    void fileThatIsNotUtf8IsAnIoProblem() throws IOException {
        Path schema = dir.resolve("latin1.prisma");
        Files.write(schema, new byte[] {'m', 'o', 'd', 'e', 'l', ' ', (byte) 0xE9, '\n'});

        Run r = run("validate", schema.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly("facet validate: " + schema + ": not UTF-8 text");
    }

    @Test
    void usageProblemsExitTwo() {
        assertThat(run("validate").status()).isEqualTo(2);
        assertThat(run("validate", "--format", "xml", "schema.prisma").status()).isEqualTo(2);
        assertThat(run("validate", "--frobnicate", "schema.prisma").status()).isEqualTo(2);
    }

    @Test
    void helpAndVersionWork() {
        Run r = run("validate", "--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("PATH", "--format", "--no-color", "Exit status:");
        assertThat(run("validate", "--version").out()).startsWith("facet ");
    }

    @Test
    void manyPathsAreAllCheckedAndTheWorstStatusWins() throws IOException {
        Path good = write("good.prisma", VALID);
        Path bad = write("bad.prisma", BROKEN);
        Path missing = dir.resolve("missing.prisma");

        Run goodAndBad = run("validate", good.toString(), bad.toString());
        assertThat(goodAndBad.status()).isEqualTo(1);
        assertThat(goodAndBad.err().lines()).containsExactly(
                "The schema at " + good + " is valid 🚀",
                "The schema at " + bad + " is invalid: 1 error");

        Run all = run("validate", bad.toString(), missing.toString(), good.toString());
        assertThat(all.status()).isEqualTo(2);
        assertThat(all.err().lines()).containsExactly(
                "The schema at " + bad + " is invalid: 1 error",
                "facet validate: " + missing + ": no such file or folder",
                "The schema at " + good + " is valid 🚀");
    }

    /** A loader that fails as a bug in Facet would on any path named {@code crash*.prisma}. */
    private static ValidateCommand crashingOn(Error error) {
        return new ValidateCommand(() -> false, path -> {
            if (path.getFileName().toString().startsWith("crash")) throw error;
            return dev.facet.schema.SchemaLoader.load(path);
        });
    }

    @Test
    void aJvmErrorOnOnePathIsReportedForItAndTheOtherPathsStillGetTheirOutput() throws IOException {
        Path bad = write("bad.prisma", BROKEN);
        Path crash = write("crash.prisma", VALID);
        Path good = write("good.prisma", VALID);

        Run r = run(crashingOn(new StackOverflowError()), "validate", bad.toString(), crash.toString(), good.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains(INVALID_LINE);
        assertThat(r.err().lines()).containsExactly(
                "The schema at " + bad + " is invalid: 1 error",
                "facet validate: " + crash + ": Facet failed on this schema (java.lang.StackOverflowError); "
                        + "this is a bug in Facet, please report it with the schema",
                "The schema at " + good + " is valid 🚀");
        assertThat(r.out() + r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
    }

    @Test
    void jsonGivesAJvmErrorItsOwnLineWithTheError() throws IOException {
        Path crash = write("crash.prisma", VALID);
        Path good = write("good.prisma", VALID);

        Run r = run(crashingOn(new OutOfMemoryError("Java heap space")), "validate", "--format", "json",
                crash.toString(), good.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = jsonLines(r);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("path").asText()).isEqualTo(crash.toString());
        assertThat(lines.get(0).get("error").asText()).isEqualTo(crash + ": Facet failed on this schema "
                + "(java.lang.OutOfMemoryError: Java heap space); this is a bug in Facet, please report it with the schema");
        assertThat(lines.get(1).get("diagnostics")).isEmpty();
    }

    @Test
    void deeplyNestedSchemasGetADiagnosticNotAStackTrace() throws IOException {
        String header = "datasource db {\n  provider = \"postgresql\"\n  url = \"postgresql://h/db\"\n}\n";
        Path index = write("index.prisma", header + "model A {\n  id Int @id\n  @@index("
                + "[".repeat(8_000) + "id" + "]".repeat(8_000) + ")\n}\n");
        Path call = write("call.prisma", header + "model A {\n  id Int @id @default("
                + "dbgenerated(".repeat(20_000) + ")".repeat(20_000) + ")\n}\n");
        Path good = write("good.prisma", VALID);

        Run r = run("validate", index.toString(), call.toString(), good.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("This expression is nested too deeply").doesNotContain("StackOverflowError");
        assertThat(r.err().lines()).hasSize(3).last().isEqualTo("The schema at " + good + " is valid 🚀");
    }

    // ---------------------------------------------------------------- JSON output

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> jsonLines(Run r) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : r.outLines()) nodes.add(JSON.readTree(line));
        return nodes;
    }

    @Test
    void jsonPrintsOneLinePerPath() throws IOException {
        Path good = write("good.prisma", VALID);
        Path bad = write("bad.prisma", BROKEN);

        Run r = run("validate", "--format", "json", good.toString(), bad.toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        List<JsonNode> lines = jsonLines(r);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(JSON.readTree(
                "{\"path\": " + JSON.writeValueAsString(good.toString()) + ", \"diagnostics\": []}"));
        JsonNode badLine = lines.get(1);
        assertThat(badLine.get("path").asText()).isEqualTo(bad.toString());
        assertThat(badLine.get("diagnostics")).hasSize(1);
        JsonNode d = badLine.get("diagnostics").get(0);
        assertThat(d).isEqualTo(JSON.createObjectNode()
                .put("severity", "error")
                .put("message", INVALID_LINE)
                .put("file", bad.toString())
                .put("line", 6)
                .put("column", 1));
    }

    @Test
    void jsonReportsTheColumnOfTheSpan() throws IOException {
        Path schema = write("schema.prisma", "model User {\n  id Int @id\n  %%% nonsense\n}\n");

        Run r = run("validate", "--format", "json", schema.toString());

        JsonNode d = jsonLines(r).getFirst().get("diagnostics").get(0);
        assertThat(d.get("line").asInt()).isEqualTo(3);
        assertThat(d.get("column").asInt()).isEqualTo(3);
    }

    @Test
    void jsonForAnUnreadablePathHasAnErrorAndNoDiagnostics() throws IOException {
        Path good = write("good.prisma", VALID);
        Path missing = dir.resolve("missing.prisma");

        Run r = run("validate", "--format", "json", missing.toString(), good.toString());

        assertThat(r.status()).isEqualTo(2);
        List<JsonNode> lines = jsonLines(r);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(JSON.createObjectNode()
                .put("path", missing.toString())
                .put("error", missing + ": no such file or folder"));
        assertThat(lines.get(1).get("diagnostics")).isEmpty();
    }
}
