package dev.facet.schema.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One schema file: its display name (as printed in diagnostics), its text and a line index.
 *
 * <p>Offsets everywhere in the loader are UTF-16 char offsets into {@link #text()}.
 */
public final class SourceFile {
    private final String name;
    private final String text;
    private final int[] lineStarts;

    /**
     * @param name the name shown in diagnostics, e.g. {@code schema.prisma} or a path
     * @param text the whole file text
     */
    public SourceFile(String name, String text) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.lineStarts = indexLines(text);
    }

    private static int[] indexLines(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** @return the name shown in diagnostics */
    public String name() { return name; }

    /** @return the full text */
    public String text() { return text; }

    /** @return the number of lines (a trailing newline starts an empty last line) */
    public int lineCount() { return lineStarts.length; }

    /** @return the 0-based line that holds {@code offset} */
    public int lineIndexOf(int offset) {
        int idx = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return idx >= 0 ? idx : -idx - 2;
    }

    /** @return the 1-based line number of {@code offset} */
    public int lineOf(int offset) { return lineIndexOf(offset) + 1; }

    /** @return the 1-based column (in chars) of {@code offset} */
    public int columnOf(int offset) { return offset - lineStarts[lineIndexOf(offset)] + 1; }

    /** @return the offset where 0-based line {@code lineIndex} starts */
    public int lineStart(int lineIndex) { return lineStarts[lineIndex]; }

    /** @return the text of 0-based line {@code lineIndex}, without its line terminator */
    public String lineText(int lineIndex) {
        int start = lineStarts[lineIndex];
        int end = lineIndex + 1 < lineStarts.length ? lineStarts[lineIndex + 1] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    @Override
    public String toString() { return name; }
}
