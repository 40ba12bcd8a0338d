package dev.facet.schema.source;

import java.util.Objects;

/**
 * A range of text in one schema file: {@code [start, end)} in UTF-16 chars.
 *
 * @param file  the file the range belongs to
 * @param start first char offset, inclusive
 * @param end   last char offset, exclusive
 */
public record Span(SourceFile file, int start, int end) {
    public Span {
        Objects.requireNonNull(file, "file");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** @return the spanned text */
    public String text() { return file.text().substring(start, Math.min(end, file.text().length())); }

    /** @return the 1-based line of the start */
    public int line() { return file.lineOf(start); }

    /** @return the 1-based column of the start */
    public int column() { return file.columnOf(start); }

    /** @return the smallest span covering this one and {@code other} (same file) */
    public Span to(Span other) { return new Span(file, Math.min(start, other.start), Math.max(end, other.end)); }

    /** @return whether {@code offset} lies in this span */
    public boolean contains(int offset) { return offset >= start && offset < end; }

    @Override
    public String toString() { return file.name() + ":" + line() + ":" + column(); }
}
