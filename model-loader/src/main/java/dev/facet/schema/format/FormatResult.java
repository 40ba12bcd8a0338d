package dev.facet.schema.format;

import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * What formatting a schema gives: the formatted text of every file, or nothing when the schema could
 * not be formatted, plus the syntax diagnostics found on the way.
 *
 * <pre>{@code
 * FormatResult result = new SchemaFormatter().format(files);
 * if (result.isFormatted()) result.files().forEach(f -> write(f.source(), f.text()));
 * else print(result.diagnostics());
 * }</pre>
 *
 * @param files       the formatted files, in the order given; empty when the schema was not formatted
 * @param diagnostics the parser's diagnostics, in Prisma's print order (warnings first, then errors)
 * @param formatted   whether the schema was formatted
 */
public record FormatResult(List<FormattedFile> files, List<Diagnostic> diagnostics, boolean formatted) {
    public FormatResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return whether the schema was formatted; when false, {@link #diagnostics()} says why */
    public boolean isFormatted() { return formatted; }

    /** @return the syntax errors among the diagnostics */
    public List<Diagnostic> errors() { return diagnostics.stream().filter(Diagnostic::isError).toList(); }

    /** @return the formatted text of {@code file}, if the schema was formatted and the file is part of it */
    public Optional<String> text(SourceFile file) {
        return files.stream().filter(f -> f.source() == file).map(FormattedFile::text).findFirst();
    }
}
