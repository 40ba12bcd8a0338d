package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/**
 * A comment kept for the formatter: {@code // text}, {@code /// doc} or a {@code /* block *\/}.
 *
 * @param text the comment as written, without the line terminator
 * @param span where it is written
 */
public record Comment(String text, Span span) {
    /** @return whether this is a {@code ///} documentation comment */
    public boolean isDoc() { return text.startsWith("///"); }

    /** @return whether this is a block comment */
    public boolean isBlock() { return text.startsWith("/*"); }
}
