package dev.facet.schema.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.parser.Parser;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.source.SourceFile;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Schemas built to break the loader (issue 18): deep nesting gets a diagnostic instead of a
 * StackOverflowError, and huge repetitive schemas load at all. How the time grows with the size is
 * measured by {@code bench/ValidatorScaling} (docs/benchmarks.md), not here: the timeouts are only a
 * safety net on a busy machine.
 */
class HostileSchemasTest {
    private static final String HEADER = """
            datasource db {
              provider = "postgresql"
              url      = "postgresql://localhost/db"
            }

            """;
    private static final String TOO_DEEP = Messages.nestedTooDeeply(Parser.MAX_NESTING);

    /** Loads, renders and formats, as facet validate and facet format do; none of it may throw. */
    private static LoadResult loadRenderFormat(String text) {
        SourceFile file = new SourceFile("schema.prisma", text);
        LoadResult result = SchemaLoader.load(file);
        new DiagnosticRenderer(true).render(result.diagnostics());
        new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES).format(file);
        return result;
    }

    private static List<Diagnostic> tooDeep(LoadResult result) {
        return result.errors().stream().filter(d -> d.message().equals(TOO_DEEP)).toList();
    }

    @Test
    void anIndexListNested8000DeepGetsTheDiagnosticOnTheFirstBracketTooMany() {
        String nested = "[".repeat(8_000) + "id" + "]".repeat(8_000);
        String text = HEADER + "model A {\n  id Int @id\n  @@index(" + nested + ")\n}\n";

        LoadResult result = loadRenderFormat(text);

        assertThat(tooDeep(result)).hasSize(1);
        Diagnostic d = tooDeep(result).getFirst();
        assertThat(d.span().line()).isEqualTo(8);
        // The attribute's parentheses are the first level, so the 100th bracket is the one too many.
        int firstBracket = text.indexOf('[');
        assertThat(d.span().start()).isEqualTo(firstBracket + Parser.MAX_NESTING - 1);
        assertThat(d.span().end()).isEqualTo(text.lastIndexOf(']') - Parser.MAX_NESTING + 2);
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void dbgeneratedNested20000DeepGetsTheDiagnostic() {
        String text = HEADER + "model A {\n  id Int @id\n  v String @default("
                + "dbgenerated(".repeat(20_000) + ")".repeat(20_000) + ")\n}\n";

        LoadResult result = loadRenderFormat(text);

        assertThat(tooDeep(result)).hasSize(1);
        assertThat(tooDeep(result).getFirst().span().line()).isEqualTo(8);
        assertThat(result.errors()).hasSize(1);
    }

    @Test
    void deepNestingOverSeveralLinesAndInEveryPlaceAnExpressionGoes() {
        String overLines = "[\n".repeat(5_000) + "1" + "\n]".repeat(5_000);
        String text = HEADER.replace("url      = \"postgresql://localhost/db\"",
                        "url      = \"postgresql://localhost/db\"\n  schemas = " + "[".repeat(3_000) + "]".repeat(3_000))
                + "generator g {\n  provider = \"x\"\n  previewFeatures = " + overLines + "\n}\n"
                + "enum E {\n  A @map(" + "[".repeat(3_000) + ")\n}\n"
                + "type T = String @db.VarChar(" + "f(".repeat(3_000) + ")\n"
                + "model A {\n  id Int @id @default(" + "f(x, [".repeat(3_000) + "\"a)]\"" + "])".repeat(3_000) + ")\n"
                + "  b Int @unique(map: " + "[f(".repeat(3_000) + ")\n  c Int\n  @@unique([c])\n}\n";

        LoadResult result = loadRenderFormat(text);

        assertThat(tooDeep(result)).hasSize(6);
        // Each member with too deep an expression is skipped whole, over all its lines, and what follows
        // is read as usual: no line is reported as invalid, and the model's last lines give no error.
        assertThat(result.errors()).noneMatch(d -> d.message().contains("not a valid"))
                .noneMatch(d -> d.message().contains("unique criteria"));
    }

    @Test
    void nestingUpToTheLimitIsStillParsed() {
        String nested = "[".repeat(Parser.MAX_NESTING - 1) + "id" + "]".repeat(Parser.MAX_NESTING - 1);
        String text = HEADER + "model A {\n  id Int @id\n  @@index(" + nested + ")\n}\n";

        LoadResult result = loadRenderFormat(text);

        assertThat(tooDeep(result)).isEmpty();
        assertThat(result.errors()).isNotEmpty(); // a nested list is no index field, but that is the validator's call
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fortyThousandRepeatedMapLinesLoad() {
        LoadResult result = loadRenderFormat(HEADER + "model A {\n  id Int @id\n" + "  @@map(\"x\")\n".repeat(40_000) + "}\n");

        assertThat(result.errors()).hasSize(40_000)
                .allMatch(d -> d.message().equals(Messages.attributeDefinedOnce("@map")));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMillionDigitLiteralLoads() {
        LoadResult result = loadRenderFormat(HEADER + "model A {\n  id Int @id @default(" + "1".repeat(1_000_000) + ")\n}\n");

        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().getFirst().message()).contains("number too large to fit in target type");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyDiagnosticsOnOneHugeLineRenderInLinearSpace() {
        String text = HEADER + "model A {\n  id Int @id" + " @default(1)".repeat(40_000) + "\n}\n";

        LoadResult result = loadRenderFormat(text);
        String rendered = new DiagnosticRenderer(false).render(result.diagnostics());

        assertThat(result.errors()).hasSize(40_000);
        // Each diagnostic shows a window of the line, not the whole 480,000 chars.
        assertThat(rendered.length()).isLessThan(40_000 * 1_000);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twentyThousandRelationsBetweenTwoModelsLoad() {
        StringBuilder a = new StringBuilder("model A {\n  id Int @id\n");
        StringBuilder b = new StringBuilder("model B {\n  id Int @id\n");
        for (int i = 0; i < 20_000; i++) {
            a.append("  b").append(i).append(" B[] @relation(\"r").append(i).append("\")\n");
            b.append("  a").append(i).append(" A @relation(\"r").append(i).append("\", fields: [a").append(i)
                    .append("Id], references: [id])\n  a").append(i).append("Id Int\n");
        }
        LoadResult result = loadRenderFormat(HEADER + a + "}\n" + b + "}\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.schema().orElseThrow().relations()).hasSize(20_000);
    }
}
