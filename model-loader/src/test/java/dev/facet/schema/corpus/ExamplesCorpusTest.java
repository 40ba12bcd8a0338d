package dev.facet.schema.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 67 working example schemas of prisma/prisma-examples ({@code examples/} and
 * {@code examples-index-extra/}, listed by their {@code manifest.json}) are valid Prisma: each must load
 * with no error and give a model.
 */
class ExamplesCorpusTest {
    private static final String[] FOLDERS = {"examples", "examples-index-extra"};
    private static final int EXPECTED = 67;

    /** Corpus-relative path to what loading it gave, in manifest order. */
    private static final Map<String, LoadResult> results = new LinkedHashMap<>();

    @BeforeAll
    static void loadEveryExample() {
        for (String name : FOLDERS) {
            Path folder = Corpus.folder(name);
            List<String> listed = Corpus.manifestPaths(folder.resolve("manifest.json"));
            List<String> onDisk = Corpus.prismaFiles(folder).stream().map(p -> folder.relativize(p).toString()).toList();
            assertThat(onDisk).as("the .prisma files of %s against its manifest.json", folder)
                    .containsExactlyInAnyOrderElementsOf(listed);
            for (String path : listed) {
                Path file = folder.resolve(path);
                results.put(Corpus.name(file), Corpus.load(file));
            }
        }
        long withoutError = results.values().stream().filter(r -> !r.hasErrors()).count();
        long withModel = results.values().stream().filter(r -> r.schema().isPresent()).count();
        long withWarnings = results.values().stream().filter(r -> !r.warnings().isEmpty()).count();
        System.out.printf("examples corpus: %d schemas, %d without error, %d with a model, %d with warnings%n",
                results.size(), withoutError, withModel, withWarnings);
    }

    @Test
    void allSixtySevenExamplesAreThere() {
        assertThat(results).hasSize(EXPECTED);
    }

    @Test
    void everyExampleLoadsWithoutError() {
        List<String> failures = new ArrayList<>();
        results.forEach((path, r) -> {
            if (r.hasErrors()) failures.add(path + " (" + r.errors().size() + " errors), first at " + Corpus.firstError(r));
        });
        assertThat(failures)
                .as("%d of %d example schemas have errors; each with its first error:%n  %s",
                        failures.size(), results.size(), String.join(System.lineSeparator() + "  ", failures))
                .isEmpty();
    }

    @Test
    void everyExampleYieldsAModel() {
        List<String> failures = new ArrayList<>();
        results.forEach((path, r) -> {
            if (r.schema().isEmpty()) {
                String why = r.hasErrors() ? "first error at " + Corpus.firstError(r) : "no error, yet no model";
                failures.add(path + ": " + why);
            }
        });
        assertThat(failures)
                .as("%d of %d example schemas give no model:%n  %s",
                        failures.size(), results.size(), String.join(System.lineSeparator() + "  ", failures))
                .isEmpty();
    }
}
