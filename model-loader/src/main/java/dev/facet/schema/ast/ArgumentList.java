package dev.facet.schema.ast;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * The parenthesised arguments of an attribute or function call.
 *
 * @param arguments the arguments in written order
 * @param span      from the opening to the closing parenthesis
 */
public record ArgumentList(List<Argument> arguments, Span span) {
    public ArgumentList { arguments = List.copyOf(arguments); }

    /** @return the first argument with this name, or null */
    public Argument named(String name) {
        for (Argument a : arguments) if (a.isNamed() && a.name().name().equals(name)) return a;
        return null;
    }

    /** @return the first unnamed argument, or null */
    public Argument unnamed() {
        for (Argument a : arguments) if (!a.isNamed()) return a;
        return null;
    }
}
