package dev.facet.schema.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Prisma corpus the conformance tests read: {@code ../shared/corpus} beside the checkout, passed in by
 * surefire as the system property {@value #PROPERTY} (see the parent pom). Written by the Prisma team and
 * kept outside the project; these tests read it and fail loudly when it is missing rather than pass on
 * nothing.
 */
final class Corpus {
    static final String PROPERTY = "facet.corpus";

    private Corpus() {}

    /** @return the corpus root; fails the test with the path it looked at when the folder is absent */
    static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new AssertionError("The Prisma corpus location is unknown: system property " + PROPERTY
                    + " is not set. Maven sets it to ../shared/corpus beside the checkout (parent pom, surefire); "
                    + "elsewhere pass -D" + PROPERTY + "=/path/to/shared/corpus.");
        }
        Path root = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new AssertionError("The Prisma corpus is absent: there is no folder " + root
                    + " (system property " + PROPERTY + "). The conformance tests need ../shared/corpus beside "
                    + "the checkout and fail without it.");
        }
        return root;
    }

    /** @return a folder of the corpus; fails the test, naming the path, when it is absent */
    static Path folder(String relative) {
        Path folder = root().resolve(relative);
        if (!Files.isDirectory(folder)) {
            throw new AssertionError("The Prisma corpus at " + root() + " is incomplete: no folder " + folder);
        }
        return folder;
    }

    /** @return every {@code .prisma} file below {@code folder}, in path order */
    static List<Path> prismaFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the {@code path} field of every entry of a corpus manifest (a JSON array) */
    static List<String> manifestPaths(Path manifest) {
        try {
            JsonNode entries = new ObjectMapper().readTree(manifest.toFile());
            List<String> paths = new ArrayList<>();
            for (JsonNode entry : entries) paths.add(entry.get("path").asText());
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus manifest " + manifest, e);
        }
    }

    /** @return the file's text, named by its path relative to the corpus root (as diagnostics show it) */
    static SourceFile source(Path file) {
        try {
            return new SourceFile(name(file), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the path relative to the corpus root */
    static String name(Path file) {
        return root().relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Loads one corpus file as a single-file schema. */
    static LoadResult load(Path file) {
        return SchemaLoader.load(source(file));
    }

    /** @return {@code line N: message} of the first error, or null without one */
    static String firstError(LoadResult result) {
        return result.errors().stream().findFirst().map(Corpus::describe).orElse(null);
    }

    /** @return {@code line N: message}, enough to find the problem in a report */
    static String describe(Diagnostic d) {
        return "line " + d.span().line() + ": " + d.message();
    }
}
