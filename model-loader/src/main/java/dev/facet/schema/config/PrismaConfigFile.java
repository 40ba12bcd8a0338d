package dev.facet.schema.config;

import dev.facet.schema.config.ScriptSyntax.Call;
import dev.facet.schema.config.ScriptSyntax.Chain;
import dev.facet.schema.config.ScriptSyntax.EnvRef;
import dev.facet.schema.config.ScriptSyntax.Entry;
import dev.facet.schema.config.ScriptSyntax.Expr;
import dev.facet.schema.config.ScriptSyntax.ObjectExpr;
import dev.facet.schema.config.ScriptSyntax.Opaque;
import dev.facet.schema.config.ScriptSyntax.Property;
import dev.facet.schema.config.ScriptSyntax.Ref;
import dev.facet.schema.config.ScriptSyntax.Script;
import dev.facet.schema.config.ScriptSyntax.Spread;
import dev.facet.schema.config.ScriptSyntax.Str;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads {@code datasource.url} from a Prisma config file ({@code prisma.config.ts} and its
 * {@code .js/.mjs/.cjs/.mts/.cts} variants) without running it.
 *
 * <p>Prisma 7 moved the URL out of the schema into this file (Prisma docs, "Config API" /
 * prisma-config-reference: {@code export default defineConfig({ datasource: { url: env("DATABASE_URL") } })},
 * or a plain object exported with {@code satisfies PrismaConfig}). The reader understands the export
 * written as {@code export default}, {@code export =} or {@code module.exports =}, directly or through a
 * {@code const}; {@code defineConfig(...)}; object literals with spreads of such objects; and for the URL a
 * string literal, {@code env("X")} (prisma/config's helper), {@code process.env.X} or
 * {@code process.env["X"]}, a {@code const} holding one of those, or alternatives joined with {@code ??}
 * or {@code ||}. Anything else (a function call, string concatenation, a ternary) is reported as
 * {@link Unreadable} with its file and line, never guessed at.
 */
public final class PrismaConfigFile {
    /** The file names Prisma looks for, in the order it tries them (prisma/config's SUPPORTED_EXTENSIONS). */
    public static final List<String> FILE_NAMES = List.of(
            "prisma.config.js", "prisma.config.ts", "prisma.config.mjs",
            "prisma.config.cjs", "prisma.config.mts", "prisma.config.cts");

    private static final int MAX_REFERENCE_DEPTH = 16;
    private static final int MAX_SNIPPET = 80;

    private PrismaConfigFile() {}

    /** What a config file says about {@code datasource.url}. */
    public sealed interface Result permits UrlFound, NoUrl, Unreadable {
        /** @return the config file */
        Path file();
    }

    /**
     * The file gives a URL.
     *
     * @param file         the config file
     * @param line         the line of the {@code url} value
     * @param alternatives what to try in order: one term, or several for {@code a ?? b}
     */
    public record UrlFound(Path file, int line, List<UrlTerm> alternatives) implements Result {
        public UrlFound {
            alternatives = List.copyOf(alternatives);
        }

        /** @return the value as Facet understood it, e.g. {@code process.env.A ?? env("B")}, passwords masked */
        public String expression() {
            return alternatives.stream().map(UrlTerm::display).collect(Collectors.joining(" ?? "));
        }
    }

    /**
     * The file was understood and gives no URL.
     *
     * @param file   the config file
     * @param reason why, e.g. {@code no datasource.url}
     */
    public record NoUrl(Path file, String reason) implements Result {}

    /**
     * The file could not be read or understood.
     *
     * @param file    the config file
     * @param line    the line of the problem, or 0 when it concerns the whole file
     * @param problem what is wrong, passwords masked
     */
    public record Unreadable(Path file, int line, String problem) implements Result {
        /** @return {@code file:line: problem} */
        public String message() { return file + (line > 0 ? ":" + line : "") + ": " + problem; }
    }

    /** One alternative for the URL. */
    public sealed interface UrlTerm permits Literal, EnvVar {
        /** @return the term as written in a message, passwords masked */
        String display();
    }

    /** @param value a URL written as a string literal */
    public record Literal(String value) implements UrlTerm {
        @Override public String display() { return '"' + UrlRedactor.redact(value) + '"'; }

        @Override public String toString() { return "Literal[" + UrlRedactor.redact(value) + "]"; }
    }

    /**
     * @param name   the environment variable
     * @param helper true for prisma/config's {@code env("X")}, false for {@code process.env.X}
     */
    public record EnvVar(String name, boolean helper) implements UrlTerm {
        @Override public String display() { return helper ? "env(\"" + name + "\")" : "process.env." + name; }
    }

    /**
     * Reads a config file; never throws: an I/O problem becomes {@link Unreadable}.
     *
     * @param file the config file (UTF-8)
     * @return what it says about {@code datasource.url}
     */
    public static Result read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Unreadable(file, 0, "cannot read the file: " + IoMessages.describe(e));
        }
        return parse(file, text);
    }

    /**
     * @param file the file's path, for messages
     * @param text the file's text
     * @return what it says about {@code datasource.url}
     */
    public static Result parse(Path file, String text) {
        Script script;
        try {
            script = ScriptSyntax.parse(text);
        } catch (ScriptSyntax.SyntaxProblem e) {
            return new Unreadable(file, e.line, e.getMessage());
        }
        try {
            return interpret(file, script);
        } catch (NotUnderstood e) {
            return new Unreadable(file, e.line, UrlRedactor.redact(e.getMessage()));
        }
    }

    private static Result interpret(Path file, Script script) throws NotUnderstood {
        if (script.exported() == null) return new NoUrl(file, "no default export");
        Expr config = unwrapConfig(script, script.exported(), 0);
        if (!(config instanceof ObjectExpr configObject)) {
            throw notUnderstood("the default export", config, "an object or defineConfig({...})");
        }
        Expr datasource = property(script, configObject, "datasource", 0);
        if (datasource == null) return new NoUrl(file, "no datasource.url");
        datasource = deref(script, datasource, 0);
        if (!(datasource instanceof ObjectExpr datasourceObject)) {
            throw notUnderstood("datasource", datasource, "an object");
        }
        Expr url = property(script, datasourceObject, "url", 0);
        if (url == null) return new NoUrl(file, "no datasource.url");
        List<UrlTerm> terms = new ArrayList<>();
        collectTerms(script, url, terms, 0);
        return new UrlFound(file, url.line(), terms);
    }

    private static Expr unwrapConfig(Script script, Expr expr, int depth) throws NotUnderstood {
        Expr e = deref(script, expr, depth);
        if (e instanceof Call call && call.callee().equals("defineConfig") && call.args().size() == 1) {
            return unwrapConfig(script, call.args().getFirst(), depth + 1);
        }
        return e;
    }

    /** Follows {@code const} names; @return the declared expression (never a {@link Ref}) */
    private static Expr deref(Script script, Expr expr, int depth) throws NotUnderstood {
        Expr e = expr;
        for (int d = depth; e instanceof Ref ref; d++) {
            Expr bound = script.bindings().get(ref.name());
            if (bound == null) {
                throw new NotUnderstood("`" + ref.name() + "` is not declared in this file, so Facet cannot evaluate it" + HINT, ref.line());
            }
            if (d > MAX_REFERENCE_DEPTH) throw new NotUnderstood("`" + ref.name() + "` refers to itself", ref.line());
            e = bound;
        }
        return e;
    }

    /** @return the value of {@code key} (the last one wins, spreads included), or null when absent */
    private static Expr property(Script script, ObjectExpr object, String key, int depth) throws NotUnderstood {
        List<Entry> entries = object.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            switch (entries.get(i)) {
                case Property p when key.equals(p.key()) -> { return p.value(); }
                case Property p -> { }
                case Spread s -> {
                    Expr spread = deref(script, s.value(), depth + 1);
                    if (!(spread instanceof ObjectExpr inner) || depth > MAX_REFERENCE_DEPTH) {
                        throw notUnderstood("a spread that may set `" + key + "`", spread, "an object");
                    }
                    Expr found = property(script, inner, key, depth + 1);
                    if (found != null) return found;
                }
            }
        }
        return null;
    }

    private static void collectTerms(Script script, Expr expr, List<UrlTerm> out, int depth) throws NotUnderstood {
        Expr e = deref(script, expr, depth);
        switch (e) {
            case Str s -> out.add(new Literal(s.value()));
            case EnvRef r -> out.add(new EnvVar(r.name(), false));
            case Call c when c.callee().equals("env") && c.args().size() == 1 && c.args().getFirst() instanceof Str name ->
                    out.add(new EnvVar(name.value(), true));
            case Chain c -> {
                for (Expr alternative : c.alternatives()) collectTerms(script, alternative, out, depth + 1);
            }
            default -> throw notUnderstood("datasource.url", e, "a string literal, env(\"X\") or process.env.X");
        }
    }

    private static final String HINT = "; pass --url instead";

    private static NotUnderstood notUnderstood(String what, Expr found, String expected) {
        String shown = switch (found) {
            case Opaque o -> o.text();
            case Call c -> c.callee() + "(...)";
            case ObjectExpr o -> "an object";
            case Str s -> "a string";
            case EnvRef r -> "process.env." + r.name();
            case Chain c -> "a ?? or || chain";
            case Ref r -> r.name();
        };
        if (shown.length() > MAX_SNIPPET) shown = shown.substring(0, MAX_SNIPPET - 3) + "...";
        return new NotUnderstood(what + " is `" + shown + "`, which Facet cannot evaluate (it reads " + expected + " there)" + HINT, found.line());
    }

    /** Internal: ends interpretation with a message; never escapes this class. */
    private static final class NotUnderstood extends Exception {
        final int line;

        NotUnderstood(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
