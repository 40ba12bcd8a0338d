package dev.facet.schema;

import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Optional;

/**
 * What loading a schema gives: the syntax trees, the diagnostics, and the model when there is no error.
 *
 * @param files       the syntax tree of each file, in load order
 * @param diagnostics every diagnostic in Prisma's print order: warnings first, then errors
 * @param schema      the resolved model; present exactly when there is no error
 */
public record LoadResult(List<SchemaAst> files, List<Diagnostic> diagnostics, Optional<Schema> schema) {
    public LoadResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return whether any diagnostic is an error */
    public boolean hasErrors() { return diagnostics.stream().anyMatch(Diagnostic::isError); }

    /** @return the errors, in the order they were found */
    public List<Diagnostic> errors() { return diagnostics.stream().filter(Diagnostic::isError).toList(); }

    /** @return the warnings, in the order they were found */
    public List<Diagnostic> warnings() { return diagnostics.stream().filter(d -> !d.isError()).toList(); }
}
