package dev.facet.schema.format;

/** Collects formatted lines with the current indentation and the file's own line terminator. */
final class TextOut {
    private static final String INDENT = "  ";

    private final StringBuilder text = new StringBuilder();
    private final String newline;
    private int depth;

    TextOut(String newline) { this.newline = newline; }

    /** Writes one line; an empty line gets no indentation, so that no line ends in spaces. */
    void line(String content) {
        if (!content.isEmpty()) text.append(INDENT.repeat(depth)).append(content);
        text.append(newline);
    }

    void indent() { depth++; }

    void outdent() { depth--; }

    @Override
    public String toString() { return text.toString(); }
}
