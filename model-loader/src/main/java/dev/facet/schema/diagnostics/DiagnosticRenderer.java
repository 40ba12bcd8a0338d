package dev.facet.schema.diagnostics;

import dev.facet.schema.source.SourceFile;
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
 * With colour on, the escapes are byte-for-byte those of Prisma's own renderer. Unlike Prisma, a line
 * longer than {@value #MAX_LINE_CHARS} chars and a span over more than {@value #MAX_SPAN_LINES} lines are
 * cut (marked with an ellipsis), so that the output stays linear in the size of the schema.
 */
public final class DiagnosticRenderer {
    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String UNDERLINE = "\u001b[4m";
    private static final String BLUE = "\u001b[1;94m";
    private static final String RED = "\u001b[1;91m";
    private static final String YELLOW = "\u001b[1;93m";

    /**
     * Prisma prints whole lines; a line longer than this is shown as a window of this many chars around
     * the span, so that many diagnostics on one huge line cost output in proportion to their number,
     * not to their number times the line's length.
     */
    static final int MAX_LINE_CHARS = 240;
    /** Chars shown before the span when a long line is windowed. */
    private static final int CONTEXT_BEFORE = 80;
    /** A span over more lines than this (a whole model) shows this many and says how many more there are. */
    static final int MAX_SPAN_LINES = 100;
    private static final String ELLIPSIS = "…";

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
        SourceFile file = span.file();
        String text = file.text();
        int startLine = file.lineIndexOf(span.start());
        int endLine = file.lineIndexOf(Math.min(span.end(), text.length()));
        int lineStart = file.lineStart(startLine);
        int lineEnd = rawLineEnd(file, startLine);
        int startInLine = Math.min(span.start() - lineStart, lineEnd - lineStart);
        int endInLine = Math.min(startInLine + (span.end() - span.start()), lineEnd - lineStart);

        String accent = diagnostic.isError() ? RED : YELLOW;
        out.append(paint(accent, diagnostic.severity().label())).append(": ").append(paint(BOLD, diagnostic.message())).append('\n');
        out.append("  ").append(paint(BLUE, "-->")).append("  ").append(paint(UNDERLINE, file.name() + ":" + (startLine + 1))).append('\n');
        out.append(gutter(0)).append('\n');
        gutterWithLine(file, startLine, out);
        out.append(gutter(startLine + 1));
        highlighted(text, lineStart, lineEnd, startInLine, endInLine, accent, out);
        out.append('\n');
        int lastShown = Math.min(endLine + 1, startLine + MAX_SPAN_LINES);
        for (int n = startLine + 2; n <= lastShown; n++) gutterWithLine(file, n, out);
        if (lastShown < endLine + 1) {
            out.append(gutter(0)).append(ELLIPSIS).append(" (").append(endLine + 1 - lastShown).append(" more lines)\n");
        }
        out.append(gutter(0)).append('\n');
    }

    /** The span's first line with the span painted; a long line is cut to a window that shows the span's start. */
    private void highlighted(String text, int lineStart, int lineEnd, int startInLine, int endInLine, String accent,
                             StringBuilder out) {
        int from = 0;
        int to = lineEnd - lineStart;
        if (to > MAX_LINE_CHARS) {
            from = Math.max(0, startInLine - CONTEXT_BEFORE);
            to = Math.min(to, from + MAX_LINE_CHARS);
        }
        int hlStart = Math.max(from, Math.min(startInLine, to));
        int hlEnd = Math.max(hlStart, Math.min(endInLine, to));
        if (from > 0) out.append(ELLIPSIS);
        out.append(text, lineStart + from, lineStart + hlStart);
        String painted = text.substring(lineStart + hlStart, lineStart + hlEnd);
        out.append(paint(accent, painted));
        out.append(text, lineStart + hlEnd, lineStart + to);
        if (to < lineEnd - lineStart) out.append(ELLIPSIS);
    }

    /**
     * Where 0-based line {@code lineIndex} ends as Prisma sees it: split on '\n' only, so a '\r' stays
     * part of the line. From the file's line index: searching for the '\n' cost the whole line for every
     * diagnostic on it.
     */
    private static int rawLineEnd(SourceFile file, int lineIndex) {
        return lineIndex + 1 < file.lineCount() ? file.lineStart(lineIndex + 1) - 1 : file.text().length();
    }

    /** A context line with its number, cut after {@link #MAX_LINE_CHARS} chars. */
    private void gutterWithLine(SourceFile file, int oneBasedLine, StringBuilder out) {
        if (oneBasedLine <= 0) {
            out.append(gutter(0)).append('\n');
            return;
        }
        out.append(gutter(oneBasedLine));
        String text = file.text();
        int start = file.lineStart(oneBasedLine - 1);
        int end = rawLineEnd(file, oneBasedLine - 1);
        if (end - start > MAX_LINE_CHARS) out.append(text, start, start + MAX_LINE_CHARS).append(ELLIPSIS);
        else out.append(text, start, end);
        out.append('\n');
    }

    private String gutter(int oneBasedLine) {
        String g = oneBasedLine <= 0 ? "   | " : oneBasedLine < 10 ? " " + oneBasedLine + " | " : oneBasedLine + " | ";
        return paint(BLUE, g);
    }

    private String paint(String style, String s) { return colour ? style + s + RESET : s; }
}
