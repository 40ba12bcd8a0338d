package dev.facet.schema.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates corpus schemas 10,000 times (fixed seed, so a failure reproduces) and checks that the loader
 * copes with whatever text it gets: no exception escapes, each input gives a model or at least one error
 * (never both, never neither), and every diagnostic points into its file and renders.
 */
class FuzzTest {
    private static final long SEED = 20_251_122L;
    private static final int INPUTS = 10_000;
    private static final int MAX_MUTATIONS = 3;
    /** Larger seeds only slow the run down; the small ones already cover every construct. */
    private static final long MAX_SEED_BYTES = 16 * 1024;
    private static final Duration TIME_LIMIT = Duration.ofMinutes(2);
    private static final int EXAMPLES_SHOWN = 5;

    /** One input that broke an invariant: where it came from, and the text. */
    record Finding(String origin, String text, String problem) {}

    /** What the whole run found. */
    static final class Campaign {
        int seeds;
        int inputs;
        int withErrors;
        int withModel;
        long millis;
        /** Crashes keyed by exception type and throwing frame, first (and so smallest-index) input kept. */
        final Map<String, Finding> crashes = new LinkedHashMap<>();
        int crashCount;
        final List<Finding> badDiagnostics = new ArrayList<>();
        final List<Finding> modelXorError = new ArrayList<>();
        int modelXorErrorCount;
        volatile String current = "";
    }

    private static Campaign campaign;

    @BeforeAll
    static void runCampaign() throws Exception {
        List<Path> seeds = seedFiles();
        Campaign c = new Campaign();
        c.seeds = seeds.size();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz");
            t.setDaemon(true); // a hung loader must not keep the test JVM alive
            return t;
        });
        Future<?> run = worker.submit(() -> fuzz(seeds, c));
        try {
            run.get(TIME_LIMIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the fuzz run took over " + TIME_LIMIT + " (a hang?); it was on input "
                    + c.inputs + ": " + c.current);
        } catch (ExecutionException e) {
            throw new AssertionError("the fuzz harness itself failed", e.getCause());
        } finally {
            worker.shutdownNow();
        }
        campaign = c;
        System.out.printf("fuzz: %d inputs from %d seed schemas (seed %d) in %d ms: %d with errors, %d with a model; "
                        + "%d crashes (%d distinct), %d bad diagnostics, %d neither-or-both model/error%n",
                c.inputs, c.seeds, SEED, c.millis, c.withErrors, c.withModel, c.crashCount, c.crashes.size(),
                c.badDiagnostics.size(), c.modelXorErrorCount);
    }

    private static List<Path> seedFiles() throws Exception {
        List<Path> seeds = new ArrayList<>();
        for (String folder : List.of("examples", "examples-index-extra", "prisma-repo-schemas")) {
            for (Path p : Corpus.prismaFiles(Corpus.folder(folder))) if (Files.size(p) <= MAX_SEED_BYTES) seeds.add(p);
        }
        return seeds;
    }

    private static void fuzz(List<Path> seeds, Campaign c) {
        List<SourceFile> sources = seeds.stream().map(Corpus::source).toList();
        Random random = new Random(SEED);
        Mutator mutator = new Mutator(random);
        DiagnosticRenderer plain = new DiagnosticRenderer(false);
        DiagnosticRenderer coloured = new DiagnosticRenderer(true);
        long start = System.nanoTime();
        for (int i = 0; i < INPUTS; i++) {
            SourceFile seed = sources.get(random.nextInt(sources.size()));
            String text = seed.text();
            StringBuilder origin = new StringBuilder("#" + i + " " + seed.name());
            int mutations = 1 + random.nextInt(MAX_MUTATIONS);
            for (int m = 0; m < mutations; m++) {
                Mutator.Mutation mutation = mutator.mutate(text);
                text = mutation.text();
                origin.append(", ").append(mutation.description());
            }
            c.current = origin.toString();
            c.inputs++;
            check(new SourceFile("fuzz.prisma", text), origin.toString(), i % 2 == 0 ? plain : coloured, c);
        }
        c.millis = (System.nanoTime() - start) / 1_000_000;
    }

    private static void check(SourceFile input, String origin, DiagnosticRenderer renderer, Campaign c) {
        LoadResult result;
        try {
            result = SchemaLoader.load(input);
        } catch (Throwable t) {
            c.crashCount++;
            c.crashes.putIfAbsent(signature(t), new Finding(origin, input.text(), t.toString()));
            return;
        }
        if (result.hasErrors()) c.withErrors++;
        if (result.schema().isPresent()) c.withModel++;
        if (result.schema().isPresent() == result.hasErrors()) {
            c.modelXorErrorCount++;
            if (c.modelXorError.size() < EXAMPLES_SHOWN) {
                c.modelXorError.add(new Finding(origin, input.text(), result.hasErrors()
                        ? "a model although there are errors: " + Corpus.firstError(result)
                        : "no model and no error"));
            }
        }
        for (Diagnostic d : result.diagnostics()) {
            String problem = diagnosticProblem(d, input, renderer);
            if (problem != null && c.badDiagnostics.size() < 100) c.badDiagnostics.add(new Finding(origin, input.text(), problem));
        }
    }

    /** @return what is wrong with the diagnostic, or null when its span fits and it renders */
    private static String diagnosticProblem(Diagnostic d, SourceFile input, DiagnosticRenderer renderer) {
        Span span = d.span();
        if (span.file() != input) return "span in another file: " + span.file().name() + " (" + d.message() + ")";
        if (span.end() > input.text().length()) {
            return "span " + span.start() + ".." + span.end() + " beyond the text's " + input.text().length()
                    + " chars (" + d.message() + ")";
        }
        try {
            StringBuilder out = new StringBuilder();
            renderer.render(d, out);
            if (!out.toString().contains(d.message())) return "rendering lacks the message: " + out;
        } catch (RuntimeException e) {
            return "rendering threw " + e + " at " + e.getStackTrace()[0] + " (" + d.message() + ")";
        }
        return null;
    }

    private static String signature(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return t.getClass().getName() + " at " + (trace.length == 0 ? "?" : trace[0]);
    }

    // ---------------------------------------------------------------- the checks

    @Test
    void noExceptionEscapesTheLoader() {
        List<String> reports = new ArrayList<>();
        campaign.crashes.forEach((signature, f) -> {
            String smallest = minimize(f.text(), text -> crashesWith(text, signature));
            reports.add(signature + "\n    first seen: " + f.origin() + "\n    smallest input: " + javaLiteral(smallest));
        });
        assertThat(reports)
                .as("%d of %d inputs made the loader throw; %d distinct:%n  %s", campaign.crashCount, campaign.inputs,
                        reports.size(), String.join("\n  ", reports))
                .isEmpty();
    }

    @Test
    void everyDiagnosticPointsIntoItsFileAndRenders() {
        assertThat(campaign.badDiagnostics.stream().map(f -> f.origin() + ": " + f.problem()).toList())
                .as("diagnostics that point outside their file or do not render").isEmpty();
    }

    @Test
    void everyInputYieldsAModelOrAnError() {
        assertThat(campaign.modelXorError.stream().map(f -> f.origin() + ": " + f.problem()).toList())
                .as("%d of %d inputs gave no model and no error, or both (the model must be present exactly "
                        + "when there is no error); the first few", campaign.modelXorErrorCount, campaign.inputs)
                .isEmpty();
    }

    // ---------------------------------------------------------------- reproducers

    private static boolean crashesWith(String text, String signature) {
        try {
            SchemaLoader.load(new SourceFile("fuzz.prisma", text));
            return false;
        } catch (Throwable t) {
            return signature(t).equals(signature);
        }
    }

    /**
     * Shrinks a failing input by deleting ever smaller chunks while it still fails the same way, so that a
     * report shows a few characters instead of a whole schema.
     */
    static String minimize(String input, Predicate<String> stillFails) {
        String current = input;
        int budget = 20_000;
        for (int chunk = Math.max(1, current.length() / 2); chunk >= 1 && budget > 0; chunk /= 2) {
            boolean shrank = true;
            while (shrank && budget > 0) {
                shrank = false;
                for (int at = 0; at < current.length() && budget > 0; budget--) {
                    String candidate = current.substring(0, at) + current.substring(Math.min(current.length(), at + chunk));
                    if (stillFails.test(candidate)) {
                        current = candidate;
                        shrank = true;
                    } else {
                        at += chunk;
                    }
                }
            }
        }
        return current;
    }

    /** The text as a Java string literal, so odd characters survive a copy into a test. */
    static String javaLiteral(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) out.append(String.format("\\u%04x", (int) ch));
                    else out.append(ch);
                }
            }
        }
        return out.append('"').toString();
    }
}
