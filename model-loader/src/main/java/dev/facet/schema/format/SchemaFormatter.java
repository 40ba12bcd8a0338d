package dev.facet.schema.format;

import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.parser.Parser;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Formats Prisma schema files exactly as {@code prisma format} does.
 *
 * <ul>
 *   <li>Two-space indentation; fields laid out in columns (name, type, attributes), and
 *       {@code key = value} properties with aligned {@code =}; alignment restarts after an empty line.</li>
 *   <li>Field attributes in the order {@code @id @unique @default @updatedAt @index @fulltext @map
 *       @relation @ignore}, then any other; block attributes in the same order, moved to the end of the
 *       block after one empty line.</li>
 *   <li>Empty lines collapsed to one, removed at the start and end of blocks; one empty line after
 *       every block.</li>
 *   <li>Comments kept where they are (a comment right above a block attribute moves with it);
 *       {@code /* *\/} comments on their own line rewritten as a {@code /**} block; trailing comments
 *       kept as written.</li>
 *   <li>Relations completed as Prisma completes them: a missing opposite relation field, a missing
 *       {@code @relation(fields: [...], references: [...])} or missing arguments of it, and the missing
 *       foreign-key fields, named after the referenced primary key ({@code authorId}). This only happens
 *       when every name in the schema resolves.</li>
 * </ul>
 *
 * <p>Formatting never changes what the schema means: reading the output gives the same blocks, fields
 * and attributes (plus the completed relations). A schema with syntax errors is not formatted at all,
 * unless the formatter is told to {@linkplain SyntaxErrors#KEEP_INVALID_LINES keep invalid lines}.
 *
 * <pre>{@code
 * FormatResult result = new SchemaFormatter().format(SchemaSources.read(path));
 * }</pre>
 */
public final class SchemaFormatter {
    /** What to do with a schema the parser reports syntax errors in. */
    public enum SyntaxErrors {
        /** Do not format it; the result carries the diagnostics and no text. */
        REFUSE,
        /**
         * Do as Prisma's own formatting engine does: keep lines the grammar does not recognise (and
         * fields without a type) verbatim and format everything around them, but add nothing to relations.
         * Other syntax errors (a missing closing brace, an unterminated string) still refuse.
         */
        KEEP_INVALID_LINES
    }

    private final SyntaxErrors syntaxErrors;

    /** A formatter that refuses schemas with syntax errors. */
    public SchemaFormatter() { this(SyntaxErrors.REFUSE); }

    /** @param syntaxErrors what to do with a schema that has syntax errors */
    public SchemaFormatter(SyntaxErrors syntaxErrors) { this.syntaxErrors = syntaxErrors; }

    /** Formats a single-file schema. */
    public FormatResult format(SourceFile file) { return format(List.of(file)); }

    /**
     * Formats the files of one schema together (relations may span files).
     *
     * @param files the schema's files
     * @return the formatted files, or the syntax diagnostics and no text when the schema was not formatted
     */
    public FormatResult format(List<SourceFile> files) {
        Diagnostics diagnostics = new Diagnostics();
        List<SchemaAst> asts = new ArrayList<>(files.size());
        for (SourceFile f : files) asts.add(Parser.parse(f, diagnostics));
        List<Diagnostic> reported = diagnostics.inPrintOrder();
        boolean clean = !diagnostics.hasErrors();
        if (!clean && (syntaxErrors == SyntaxErrors.REFUSE || !onlyInvalidLines(asts, diagnostics.errors()))) {
            return new FormatResult(List.of(), reported, false);
        }
        // Like Prisma, complete relations only in a schema that parses cleanly.
        Completions completions = clean ? RelationCompleter.complete(asts) : Completions.none();
        List<FormattedFile> formatted = new ArrayList<>(asts.size());
        for (SchemaAst ast : asts) formatted.add(new FormattedFile(ast.file(), SchemaPrinter.print(ast, completions)));
        return new FormatResult(formatted, reported, true);
    }

    /** Whether every error concerns a line the printer keeps verbatim, so that formatting cannot alter it. */
    private static boolean onlyInvalidLines(List<SchemaAst> asts, List<Diagnostic> errors) {
        Set<Span> keptVerbatim = new HashSet<>();
        for (SchemaAst ast : asts) {
            for (TopItem item : ast.items()) {
                if (item instanceof TopItem.Invalid invalid) keptVerbatim.add(invalid.span());
                if (!(item instanceof Block block)) continue;
                for (Member m : block.members()) {
                    if (m instanceof Member.Invalid invalid) keptVerbatim.add(invalid.span());
                    // A field without a type is printed as written, like an unrecognised line.
                    if (m instanceof Member.Field f && f.type() == null && f.value() == null
                            && !block.kind().isConfiguration() && block.kind() != BlockKind.ENUM) {
                        keptVerbatim.add(f.span());
                    }
                }
            }
        }
        return errors.stream().allMatch(e -> keptVerbatim.contains(e.span()));
    }
}
