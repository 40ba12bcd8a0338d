package dev.facet.schema.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Smoke test over the 566 {@code .prisma} fixtures of prisma/prisma 6.19.x. Some are invalid on purpose and
 * none says what Prisma reports, so the only demands are: no exception escapes the loader and no file
 * hangs (20 s; speed is measured by the benchmarks). Each file is loaded on its own, including the parts of multi-file fixtures.
 */
class PrismaRepoSchemasTest {
    private static final String FOLDER = "prisma-repo-schemas";
    private static final int EXPECTED = 566;
    // A hang guard, not a speed goal (those are benchmarks): generous, so that a busy 2-core CI machine passes.
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private record Timed(String path, LoadResult result, long nanos) {}

    @Test
    void everySchemaLoadsWithoutCrashOrHang() {
        Path folder = Corpus.folder(FOLDER);
        List<Path> files = Corpus.prismaFiles(folder);
        assertThat(Corpus.manifestPaths(folder.resolve("manifest-6.19.x.json")))
                .as("the fixtures listed by manifest-6.19.x.json").hasSize(EXPECTED);
        assertThat(files).as(".prisma files below %s", folder).hasSize(EXPECTED);

        // Class loading and JIT of the first load are not what the one-second limit is about.
        Corpus.load(files.getFirst());

        List<Timed> loaded = new ArrayList<>();
        List<String> crashes = new ArrayList<>();
        List<String> slow = new ArrayList<>();
        for (Path file : files) {
            SourceFile source = Corpus.source(file);
            try {
                long start = System.nanoTime();
                LoadResult result = assertTimeoutPreemptively(LIMIT, () -> SchemaLoader.load(source));
                loaded.add(new Timed(source.name(), result, System.nanoTime() - start));
            } catch (AssertionFailedError timeout) {
                slow.add(source.name() + ": " + timeout.getMessage());
            } catch (Throwable crash) {
                crashes.add(source.name() + ": " + crash + " at " + topFrame(crash));
            }
        }

        long valid = loaded.stream().filter(t -> !t.result().hasErrors()).count();
        long withErrors = loaded.size() - valid;
        long withWarnings = loaded.stream().filter(t -> !t.result().warnings().isEmpty()).count();
        long totalMillis = loaded.stream().mapToLong(Timed::nanos).sum() / 1_000_000;
        Timed slowest = loaded.stream().max(Comparator.comparingLong(Timed::nanos)).orElse(null);
        System.out.printf("prisma-repo-schemas: %d files: %d valid, %d with errors, %d with warnings, "
                        + "%d crashed, %d over %d ms; %d ms in all%s%n",
                files.size(), valid, withErrors, withWarnings, crashes.size(), slow.size(), LIMIT.toMillis(), totalMillis,
                slowest == null ? "" : ", slowest " + slowest.path() + " in " + slowest.nanos() / 1_000_000 + " ms");

        assertThat(crashes).as("exceptions escaped the loader:%n  %s", String.join("\n  ", crashes)).isEmpty();
        assertThat(slow).as("files that took over %s:%n  %s", LIMIT, String.join("\n  ", slow)).isEmpty();
    }

    private static String topFrame(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? "?" : trace[0].toString();
    }
}
