package dev.facet.schema;

import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.parser.Parser;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a Prisma schema: parses every file, validates and resolves them as one schema, and returns the
 * immutable model with every diagnostic. Never throws on bad schema text.
 */
public final class SchemaLoader {
    private SchemaLoader() {}

    /** Loads a single-file schema. */
    public static LoadResult load(SourceFile file) {
        return load(List.of(file));
    }

    /** Loads a schema made of several files (a multi-file schema). */
    public static LoadResult load(List<SourceFile> files) {
        Diagnostics diagnostics = new Diagnostics();
        List<SchemaAst> asts = new ArrayList<>(files.size());
        for (SourceFile f : files) asts.add(Parser.parse(f, diagnostics));
        var schema = Validator.validate(asts, diagnostics);
        return new LoadResult(asts, diagnostics.inPrintOrder(),
                diagnostics.hasErrors() ? java.util.Optional.empty() : schema);
    }

    /**
     * Reads and loads the schema at {@code path}: a {@code .prisma} file or a folder of them.
     *
     * @throws IOException when the path cannot be read (see {@link SchemaSources#read(Path)})
     */
    public static LoadResult load(Path path) throws IOException {
        return load(SchemaSources.read(path));
    }
}
