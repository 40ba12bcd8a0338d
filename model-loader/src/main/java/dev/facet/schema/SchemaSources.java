package dev.facet.schema;

import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a schema from disk: one {@code .prisma} file, or a folder whose {@code .prisma} files (in all
 * sub-folders, in path order) together form one multi-file schema.
 */
public final class SchemaSources {
    private SchemaSources() {}

    /**
     * @param path a schema file or a folder of {@code .prisma} files
     * @return the files, named by their path as given (relative paths stay relative)
     * @throws NoSuchFileException when the path does not exist
     * @throws IOException when a file cannot be read, or a folder holds no {@code .prisma} file
     */
    public static List<SourceFile> read(Path path) throws IOException {
        if (!Files.exists(path)) throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        if (!Files.isDirectory(path)) return List.of(readFile(path));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".prisma"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        if (files.isEmpty()) throw new IOException(path + ": the folder holds no .prisma file");
        List<SourceFile> sources = new ArrayList<>(files.size());
        for (Path f : files) sources.add(readFile(f));
        return sources;
    }

    private static SourceFile readFile(Path file) throws IOException {
        return new SourceFile(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
