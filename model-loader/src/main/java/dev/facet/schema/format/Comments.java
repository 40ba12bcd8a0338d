package dev.facet.schema.format;

import dev.facet.schema.ast.Comment;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.List;

/** How comments are written back: line comments as written, block comments in one canonical shape. */
final class Comments {
    private Comments() {}

    /**
     * The lines a comment on its own line becomes. A {@code /* *\/} comment is rewritten as
     * {@code /**}, one {@code  * text} line per non-empty line, and {@code  *\/}, as Prisma does.
     */
    static List<String> lines(Comment comment) {
        String text = comment.text();
        if (!comment.isBlock()) return List.of(text);
        if (text.length() < 4 || !text.endsWith("*/")) {
            // An unterminated block comment runs to the end of the file; keep it exactly as written.
            return text.lines().map(String::strip).toList();
        }
        List<String> lines = new ArrayList<>();
        lines.add("/**");
        for (String raw : text.substring(2, text.length() - 2).split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("*")) line = line.substring(1).stripLeading();
            if (!line.isEmpty()) lines.add(" * " + line);
        }
        lines.add(" */");
        return lines;
    }

    /**
     * The {@code //} comments written inside {@code span} (outside string literals): the parser lets
     * arguments run over several lines with comments between them, and skips those comments.
     */
    static List<String> inside(Span span) {
        String text = span.text();
        List<String> comments = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                if (end < 0) end = text.length();
                comments.add(text.substring(i, end).strip());
                i = end;
            }
        }
        return comments;
    }

    /**
     * The {@code ///} lines above a declaration, as written. The AST keeps documentation joined and
     * without the comment markers; the parser guarantees the lines sit directly above the
     * declaration, so they are read back from the source (falling back to {@code /// text}).
     *
     * @param file          the file the declaration is in
     * @param start         offset where the declaration starts
     * @param documentation the AST's documentation text, or null
     */
    static List<String> docLines(SourceFile file, int start, String documentation) {
        if (documentation == null) return List.of();
        String[] docs = documentation.split("\n", -1);
        int firstLine = file.lineIndexOf(start) - docs.length;
        List<String> lines = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            String written = firstLine + i >= 0 ? file.lineText(firstLine + i).strip() : "";
            boolean matches = written.startsWith("///")
                    && (written.substring(3).equals(docs[i]) || written.substring(3).equals(" " + docs[i]));
            lines.add(matches ? written : "/// " + docs[i]);
        }
        return lines;
    }
}
