package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(20)}) or block attribute ({@code @@index([a])}).
 *
 * @param name      the name without the at-signs, possibly dotted ({@code db.VarChar})
 * @param nameSpan  where the name is written
 * @param arguments the arguments, or null when written without parentheses
 * @param span      the whole attribute including its at-signs
 */
public record Attribute(String name, Span nameSpan, ArgumentList arguments, Span span) {
    /** @return the arguments, empty when none were written */
    public java.util.List<Argument> args() { return arguments == null ? java.util.List.of() : arguments.arguments(); }
}
