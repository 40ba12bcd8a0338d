package dev.facet.ui.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test files. */
public final class TestFiles {
    private TestFiles() {}

    /** Writes {@code text} to {@code dir/relative}, creating folders; returns the file. */
    public static Path write(Path dir, String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    /** Deletes a folder and everything in it, quietly (a temporary folder the OS cleans anyway). */
    public static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort.
        }
    }
}
