package dev.facet.app;

import dev.facet.schema.SchemaSources;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.format.FormatResult;
import dev.facet.schema.format.FormattedFile;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facet format PATH [--write]}: formats a schema file, or a folder of {@code .prisma} files
 * forming one schema, the way {@code prisma format} does.
 *
 * <p>Exit status: 0 when formatted; 1 when the schema has syntax errors (printed to stderr, nothing
 * printed or written); 2 for usage and I/O problems.
 */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = "Format a Prisma schema the way prisma format does: print it, or rewrite it with --write.")
final class FormatCommand implements Callable<Integer> {
    static final int SYNTAX_ERRORS = 1;
    static final int IO_PROBLEM = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATH", description = "A .prisma file, or a folder whose .prisma files form one schema.")
    Path path;

    @Option(names = "--write", description = "Rewrite the files in place instead of printing them.")
    boolean write;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return format(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int format(PrintWriter out, PrintWriter err) {
        List<SourceFile> files;
        try {
            files = SchemaSources.read(path);
        } catch (IOException e) {
            err.println("error: cannot read " + describe(e));
            return IO_PROBLEM;
        }
        FormatResult result = new SchemaFormatter().format(files);
        if (!result.isFormatted()) {
            err.print(new DiagnosticRenderer(false).render(result.diagnostics()));
            err.println(Messages.formatRefused(result.errors().size()));
            return SYNTAX_ERRORS;
        }
        if (write) return write(result.files(), out, err);
        boolean folder = Files.isDirectory(path);
        for (int i = 0; i < result.files().size(); i++) {
            FormattedFile f = result.files().get(i);
            // For a folder, a comment names each file, so that the whole output still reads as one schema.
            if (folder) out.print((i > 0 ? "\n" : "") + "// " + f.source().name() + "\n");
            out.print(f.text());
        }
        return 0;
    }

    private int write(List<FormattedFile> files, PrintWriter out, PrintWriter err) {
        for (FormattedFile f : files) {
            if (!f.changed()) {
                out.println("Unchanged " + f.source().name());
                continue;
            }
            try {
                Files.writeString(Path.of(f.source().name()), f.text(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("error: cannot write " + describe(e));
                return IO_PROBLEM;
            }
            out.println("Formatted " + f.source().name());
        }
        return 0;
    }

    /** One line naming the file and the reason, without the exception's class or stack. */
    private String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> n.getFile() + ": no such file or folder";
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            default -> e.getMessage() != null && e.getMessage().contains(path.toString()) ? e.getMessage()
                    : path + ": " + e.getMessage();
        };
    }
}
