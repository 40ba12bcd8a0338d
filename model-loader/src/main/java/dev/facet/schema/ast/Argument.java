package dev.facet.schema.ast;

import dev.facet.schema.source.Span;

/**
 * One argument of an attribute or function: {@code name: value}, a bare {@code value}, or an
 * "empty" {@code name:} with no value (kept so that the validator can report it).
 *
 * @param name  the argument name, or null when unnamed
 * @param value the value, or null for an empty argument
 * @param span  the whole argument
 */
public record Argument(Identifier name, Expression value, Span span) {
    /** @return whether the argument has a name */
    public boolean isNamed() { return name != null; }

    /** @return whether the argument is {@code name:} without a value */
    public boolean isEmpty() { return value == null; }
}
