package dev.facet.schema.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conformance with Prisma's own reformatter fixtures, read from the shared corpus (system property
 * {@code facet.corpus}, set by the parent pom to {@code ../shared/corpus}). The fixtures stay outside
 * the repository; without them this test fails rather than passing silently.
 *
 * <p>Prisma's fixtures run its formatting engine, which keeps unrecognised lines verbatim, so they are
 * formatted with {@link SchemaFormatter.SyntaxErrors#KEEP_INVALID_LINES}.
 */
class FormatterConformanceTest {
    /** The agreed floor; all 14 pairs are identical at the time of writing. */
    private static final int MINIMUM_IDENTICAL_PAIRS = 12;

    private static final SchemaFormatter FORMATTER = new SchemaFormatter(SchemaFormatter.SyntaxErrors.KEEP_INVALID_LINES);

    private static Path psl;
    private static JsonNode manifest;

    @BeforeAll
    static void locateCorpus() throws IOException {
        String corpus = System.getProperty("facet.corpus");
        if (corpus == null || corpus.isBlank()) {
            fail("System property facet.corpus is not set: run through Maven (the parent pom sets it to ../shared/corpus)"
                    + " or pass -Dfacet.corpus=/path/to/corpus.");
        }
        psl = Path.of(corpus).resolve("psl");
        Path manifestFile = psl.resolve("reformat-manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            fail("The Prisma reformatter corpus is missing: expected " + manifestFile.toAbsolutePath()
                    + " (facet.corpus=" + corpus + "). The formatter conformance test cannot run without it.");
        }
        manifest = new ObjectMapper().readTree(manifestFile.toFile());
    }

    @Test
    void singleFilePairsAreByteIdentical() throws IOException {
        List<String> differing = new ArrayList<>();
        int total = 0;
        for (JsonNode pair : manifest.get("single_file")) {
            total++;
            Path input = psl.resolve(pair.get("input").asText());
            String expected = read(psl.resolve(pair.get("expected").asText()));
            FormatResult result = FORMATTER.format(new SourceFile("schema.prisma", read(input)));
            String actual = result.isFormatted() ? result.files().getFirst().text() : null;
            if (!expected.equals(actual)) differing.add(input.getFileName() + firstDifference(expected, actual));
        }
        int identical = total - differing.size();
        System.out.printf("Formatter conformance: %d of %d single-file pairs byte-identical%n", identical, total);
        differing.forEach(d -> System.out.println("  differs: " + d));
        assertThat(total).as("single-file pairs in the manifest").isEqualTo(14);
        assertThat(identical).as("identical pairs; differing: %s", differing).isGreaterThanOrEqualTo(MINIMUM_IDENTICAL_PAIRS);
    }

    @Test
    void multiFileCasesAreByteIdentical() throws IOException {
        List<String> differing = new ArrayList<>();
        for (JsonNode testCase : manifest.get("multi_file")) {
            Path inputDir = psl.resolve(testCase.get("input_dir").asText());
            Path expectedDir = psl.resolve(testCase.get("expected_dir").asText());
            List<SourceFile> files = new ArrayList<>();
            for (JsonNode name : testCase.get("files")) files.add(new SourceFile(name.asText(), read(inputDir.resolve(name.asText()))));
            FormatResult result = FORMATTER.format(files);
            assertThat(result.isFormatted()).as("%s formatted", inputDir).isTrue();
            for (FormattedFile f : result.files()) {
                String expected = read(expectedDir.resolve(f.source().name()));
                if (!expected.equals(f.text())) differing.add(inputDir.getFileName() + "/" + f.source().name() + firstDifference(expected, f.text()));
            }
        }
        System.out.printf("Formatter conformance: %d of %d multi-file cases byte-identical%n",
                manifest.get("multi_file").size() - differing.stream().map(d -> d.substring(0, d.indexOf('/'))).distinct().count(),
                manifest.get("multi_file").size());
        assertThat(differing).as("multi-file outputs that differ").isEmpty();
    }

    @Test
    void expectedOutputsAreFixedPoints() throws IOException {
        for (JsonNode pair : manifest.get("single_file")) {
            String expected = read(psl.resolve(pair.get("expected").asText()));
            FormatResult again = FORMATTER.format(new SourceFile("schema.prisma", expected));
            assertThat(again.files()).as("%s formatted", pair.get("expected").asText()).hasSize(1);
            assertThat(again.files().getFirst().text()).as("reformatting %s", pair.get("expected").asText()).isEqualTo(expected);
        }
    }

    /** Every schema of Prisma's validation fixtures and examples that formats must format to a fixed point. */
    @Test
    void formattingTheWholeCorpusIsIdempotent() throws IOException {
        SchemaFormatter strict = new SchemaFormatter();
        int formatted = 0;
        for (String folder : List.of("psl/validation", "examples")) {
            Path root = psl.getParent().resolve(folder);
            assertThat(root).as("corpus folder").isDirectory();
            List<Path> schemas;
            try (Stream<Path> walk = Files.walk(root)) {
                schemas = walk.filter(p -> p.toString().endsWith(".prisma")).sorted().toList();
            }
            for (Path schema : schemas) {
                FormatResult once = strict.format(new SourceFile(schema.toString(), read(schema)));
                if (!once.isFormatted()) continue;
                formatted++;
                String text = once.files().getFirst().text();
                FormatResult twice = strict.format(new SourceFile(schema.toString(), text));
                assertThat(twice.isFormatted()).as("output of %s parses", schema).isTrue();
                assertThat(twice.files().getFirst().text()).as("formatting %s twice", schema).isEqualTo(text);
            }
        }
        assertThat(formatted).as("corpus schemas formatted").isGreaterThan(250);
    }

    private static String read(Path file) throws IOException { return Files.readString(file, StandardCharsets.UTF_8); }

    /** A short pointer to where two texts part, for the failure message. */
    private static String firstDifference(String expected, String actual) {
        if (actual == null) return " (not formatted)";
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<end>";
            String g = i < got.length ? got[i] : "<end>";
            if (!w.equals(g)) return " (line " + (i + 1) + ": expected [" + w + "] but got [" + g + "])";
        }
        return "";
    }
}
