package dev.facet.schema.diagnostics;

import dev.facet.schema.source.Span;
import java.util.Collection;

/**
 * Prints diagnostics the way Prisma does:
 *
 * <pre>
 * error: &lt;message&gt;
 *   --&gt;  schema.prisma:4
 *    |
 *  3 |
 *  4 |   @@index([foo,bar])
 *    |
 * </pre>
 *
 * With colour on, the escapes are byte-for-byte those of Prisma's own renderer.
 */
public final class DiagnosticRenderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String BLUE = "\u001b[1;94m";
    private static final String RED = "\u001b[1;91m";
    private static final String YELLOW = "\u001b[1;93m";

    private final boolean colour;

    /** @param colour whether to emit ANSI colour escapes */
    public DiagnosticRenderer(boolean colour) { this.colour = colour; }

    /** Renders each diagnostic in order, one block after the other. */
    public String render(Collection<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) render(d, out);
        return out.toString();
    }

    /** Renders one diagnostic block into {@code out}. */
    public void render(Diagnostic diagnostic, StringBuilder out) {
        Span span = diagnostic.span();
        var file = span.file();
        String text = file.text();
        int startLine = file.lineIndexOf(span.start());
        int endLine = file.lineIndexOf(Math.min(span.end(), text.length()));
        String line = rawLine(text, file.lineStart(startLine));
        int startInLine = span.start() - file.lineStart(startLine);
        int endInLine = Math.min(startInLine + (span.end() - span.start()), line.length());
        startInLine = Math.min(startInLine, line.length());

        String accent = diagnostic.isError() ? RED : YELLOW;
        out.append(paint(accent, diagnostic.severity().label())).append(": ").append(paint(BOLD, diagnostic.message())).append('\n');
        out.append("  ").append(paint(BLUE, "-->")).append("  ").append(paint(UNDERLINE, file.name() + ":" + (startLine + 1))).append('\n');
        out.append(gutter(0)).append('\n');
        out.append(gutterWithLine(file, startLine)).append('\n');
        out.append(gutter(startLine + 1))
                .append(line, 0, startInLine)
                .append(paint(accent, line.substring(startInLine, endInLine)))
                .append(line.substring(endInLine))
                .append('\n');
        for (int n = startLine + 2; n <= endLine + 1; n++) out.append(gutterWithLine(file, n)).append('\n');
        out.append(gutter(0)).append('\n');
    }

    /** The line as Prisma sees it: split on '\n' only, so a '\r' stays part of the line. */
    private static String rawLine(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private String gutterWithLine(dev.facet.schema.source.SourceFile file, int oneBasedLine) {
        if (oneBasedLine <= 0) return gutter(0);
        return gutter(oneBasedLine) + rawLine(file.text(), file.lineStart(oneBasedLine - 1));
    }

    private String gutter(int oneBasedLine) {
        String g = oneBasedLine > 0 ? String.format("%2d | ", oneBasedLine) : "   | ";
        return paint(BLUE, g);
    }

    private String paint(String style, String s) { return colour ? style + s + RESET : s; }
}
