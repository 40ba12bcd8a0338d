package dev.facet.schema.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conformance against Prisma's own validation fixtures ({@code ../shared/corpus/psl/validation}):
 * files Prisma accepts (with or without warnings) must give no error, and files Prisma rejects must
 * give an error on the line of Prisma's first error.
 */
class ValidationConformanceTest {

    /** The outcome of one fixture. */
    record Outcome(String file, String expect, boolean passed, boolean exactMessage, boolean identicalRendering, String detail) {}

    /**
     * Prisma's expected output: the last run of lines starting with {@code //} that reaches the end of
     * the file, each stripped of its {@code "// "} prefixes (see the corpus README).
     */
    static String expectedRendering(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        String[] lines = body.split("\n", -1);
        int start = lines.length;
        while (start > 0 && lines[start - 1].startsWith("//")) start--;
        if (start == lines.length || start == 0 && !text.startsWith("//")) return "";
        StringBuilder out = new StringBuilder();
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            while (line.startsWith("// ")) line = line.substring(3);
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static List<Outcome> run(Path corpus) throws IOException {
        Path psl = corpus.resolve("psl");
        JsonNode files = new ObjectMapper().readTree(psl.resolve("validation-manifest.json").toFile()).get("files");
        List<Outcome> outcomes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode spec = entry.getValue();
            String text = Files.readString(psl.resolve("validation").resolve(name));
            LoadResult result = SchemaLoader.load(new SourceFile("schema.prisma", text));
            String expect = spec.get("expect").asText();
            List<Diagnostic> errors = result.errors();
            if (!expect.startsWith("errors")) {
                boolean ok = errors.isEmpty();
                outcomes.add(new Outcome(name, expect, ok, ok, rendersIdentically(result, text),
                        ok ? "" : "unexpected error at line " + errors.getFirst().span().line() + ": " + errors.getFirst().message()));
                continue;
            }
            JsonNode firstError = null;
            for (JsonNode d : spec.get("diagnostics")) {
                if (d.get("severity").asText().equals("error")) { firstError = d; break; }
            }
            int line = firstError.get("line").asInt();
            String message = firstError.get("message").asText();
            boolean atLine = errors.stream().anyMatch(d -> d.span().line() == line);
            boolean exact = errors.stream().anyMatch(d -> d.span().line() == line && d.message().equals(message));
            String detail = atLine ? "" : "expected line " + line + " `" + message + "`, got "
                    + (errors.isEmpty() ? "no error" : errors.stream().map(d -> d.span().line() + ": " + d.message()).toList());
            outcomes.add(new Outcome(name, expect, atLine, exact, rendersIdentically(result, text), detail));
        }
        return outcomes;
    }

    private static boolean rendersIdentically(LoadResult result, String text) {
        return new DiagnosticRenderer(true).render(result.diagnostics()).equals(expectedRendering(text));
    }

    @Test
    void prismasFixturesGiveTheSameVerdicts() throws IOException {
        List<Outcome> outcomes = run(Corpus.root());
        long accepted = outcomes.stream().filter(o -> o.expect().equals("valid") || o.expect().equals("warnings")).count();
        long acceptedOk = outcomes.stream().filter(o -> (o.expect().equals("valid") || o.expect().equals("warnings")) && o.passed()).count();
        long rejected = outcomes.stream().filter(o -> o.expect().startsWith("errors")).count();
        long rejectedOk = outcomes.stream().filter(o -> o.expect().startsWith("errors") && o.passed()).count();
        long exact = outcomes.stream().filter(o -> o.expect().startsWith("errors") && o.exactMessage()).count();
        long identical = outcomes.stream().filter(Outcome::identicalRendering).count();
        System.out.printf("PSL validation conformance: accepted %d/%d without error; rejected %d/%d with an error on Prisma's first error line "
                + "(%d with the exact message); %d/%d files rendered byte-for-byte as Prisma prints them%n",
                acceptedOk, accepted, rejectedOk, rejected, exact, identical, outcomes.size());
        outcomes.stream().filter(o -> !o.passed()).forEach(o -> System.out.println("  MISS " + o.file() + ": " + o.detail()));
        assertThat(acceptedOk).as("fixtures Prisma accepts must give no error").isEqualTo(accepted);
        assertThat(rejectedOk).as("fixtures Prisma rejects: an error on the line of Prisma's first error").isGreaterThanOrEqualTo(135);
    }

    /** For quick iteration: prints the report without JUnit. */
    public static void main(String[] args) throws IOException {
        new ValidationConformanceTest().prismasFixturesGiveTheSameVerdicts();
    }
}
