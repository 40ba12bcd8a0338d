package dev.facet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.SchemaSources;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code facet validate PATH...}: loads each schema and prints its diagnostics as Prisma does, or one
 * JSON line per schema with {@code --format json}.
 *
 * <p>Exit status: 0 when no schema has an error (warnings allowed), 1 when one has, 2 when a path
 * cannot be read, Facet fails on it, or the command line is wrong. With several paths the worst status
 * wins, and every path gets its output whatever happened to the others.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = FacetCommand.Version.class,
        description = "Validate Prisma schemas and print their diagnostics as Prisma does.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:no schema has an error (warnings are allowed)",
                "1:a schema has an error",
                "2:a path cannot be read, Facet failed on it, or the command line is wrong"})
final class ValidateCommand implements Callable<Integer> {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int PROBLEM = 2;

    /** Lower-case constants, since picocli prints and parses them as written. */
    enum Format { text, json }

    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "A schema file, or a folder whose .prisma files form one multi-file schema.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (Prisma's rendering) or json (one line per PATH). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--no-color", description = "Never colour the diagnostics (by default they are coloured on a terminal).")
    boolean noColor;

    @Spec
    CommandSpec spec;

    /** Created on first use: the text format, the common case, then never loads Jackson (faster start-up). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Reads and loads the schema at a path. */
    @FunctionalInterface
    interface Loader {
        LoadResult load(Path path) throws IOException;
    }

    private final BooleanSupplier stdoutIsTerminal;
    private final Loader loader;

    ValidateCommand() {
        this(ValidateCommand::consoleIsTerminal);
    }

    /** @param stdoutIsTerminal decides colour when {@code --no-color} is absent (tests pretend a terminal) */
    ValidateCommand(BooleanSupplier stdoutIsTerminal) {
        this(stdoutIsTerminal, path -> SchemaLoader.load(SchemaSources.read(path)));
    }

    /** @param loader loads each path (tests make it fail as a bug in Facet would) */
    ValidateCommand(BooleanSupplier stdoutIsTerminal, Loader loader) {
        this.stdoutIsTerminal = stdoutIsTerminal;
        this.loader = loader;
    }

    // Since JDK 22 System.console() is non-null even when redirected, so ask isTerminal() as well.
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DiagnosticRenderer renderer = new DiagnosticRenderer(!noColor && stdoutIsTerminal.getAsBoolean());
        int status = VALID;
        try {
            for (Path path : paths) {
                int one;
                try {
                    one = format == Format.json ? validateJson(path, out) : validateText(path, renderer, out, err);
                } catch (RuntimeException | Error e) {
                    // A bug in Facet (a StackOverflowError, an OutOfMemoryError, ...) costs this path only:
                    // one line that says so, never a stack trace, and the other paths still get their output.
                    one = failed(path, e, out, err);
                }
                status = Math.max(status, one);
            }
        } finally {
            out.flush();
            err.flush();
        }
        return status;
    }

    private int failed(Path path, Throwable e, PrintWriter out, PrintWriter err) {
        String message = failure(path, e);
        if (format == Format.json) {
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("path", path.toString());
            line.put("error", message);
            out.println(line.toString());
        } else {
            err.println("facet validate: " + message);
        }
        return PROBLEM;
    }

    /** What went wrong, for a user: the error's kind and message, and that it is Facet's fault. */
    static String failure(Path path, Throwable e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        if (detail.length() > 200) detail = detail.substring(0, 200) + "…";
        return path + ": Facet failed on this schema (" + e.getClass().getName() + detail
                + "); this is a bug in Facet, please report it with the schema";
    }

    private int validateText(Path path, DiagnosticRenderer renderer, PrintWriter out, PrintWriter err) {
        LoadResult result;
        try {
            result = loader.load(path);
        } catch (IOException e) {
            err.println("facet validate: " + describe(path, e));
            return PROBLEM;
        }
        out.print(renderer.render(result.diagnostics()));
        if (result.hasErrors()) {
            int errors = result.errors().size();
            err.println("The schema at " + path + " is invalid: " + errors + (errors == 1 ? " error" : " errors"));
            return INVALID;
        }
        err.println("The schema at " + path + " is valid 🚀");
        return VALID;
    }

    private int validateJson(Path path, PrintWriter out) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("path", path.toString());
        int status;
        try {
            LoadResult result = loader.load(path);
            ArrayNode diagnostics = line.putArray("diagnostics");
            for (Diagnostic d : result.diagnostics()) diagnostics.add(toJson(d));
            status = result.hasErrors() ? INVALID : VALID;
        } catch (IOException e) {
            line.put("error", describe(path, e));
            status = PROBLEM;
        }
        out.println(line.toString());
        return status;
    }

    private static ObjectNode toJson(Diagnostic d) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("severity", d.severity().label());
        node.put("message", d.message());
        node.put("file", d.span().file().name());
        node.put("line", d.span().line());
        node.put("column", d.span().column());
        return node;
    }

    /** One line a user can act on; the exception's own message is often just the path. */
    static String describe(Path path, IOException e) {
        if (e instanceof NoSuchFileException) return path + ": no such file or folder";
        if (e instanceof AccessDeniedException a) return (a.getFile() != null ? a.getFile() : path) + ": permission denied";
        if (e instanceof CharacterCodingException) {
            return path + (Files.isDirectory(path) ? ": a .prisma file in it is not UTF-8 text" : ": not UTF-8 text");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? path + ": " + e.getClass().getSimpleName() : message;
    }
}
