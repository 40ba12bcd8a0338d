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
}
