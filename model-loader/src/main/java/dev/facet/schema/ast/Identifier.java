package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/**
 * A name as written in the schema.
 *
 * @param name the text
 * @param span where it is written
 */
public record Identifier(String name, Span span) {
    @Override public String toString() { return name; }
}
