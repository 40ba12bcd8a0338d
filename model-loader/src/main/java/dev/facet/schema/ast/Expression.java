package dev.facet.schema.ast;

import dev.facet.schema.source.Span;
import java.util.List;

/** A value in an attribute argument or a configuration property. */
public sealed interface Expression {
    /** @return where the expression is written */
    Span span();

    /** A string literal; {@code value} is unescaped. */
    record StringValue(String value, Span span) implements Expression {}

    /** A number as written ({@code 1}, {@code -2.5}). */
    record NumericValue(String text, Span span) implements Expression {}

    /** A bare name or dotted path: {@code Cascade}, {@code true}, {@code Desc}, {@code fieldName}. */
    record ConstantValue(String name, Span span) implements Expression {}

    /** A call: {@code now()}, {@code env("X")}, {@code title(sort: Desc)} inside an index list. */
    record FunctionCall(String name, Span nameSpan, ArgumentList arguments, Span span) implements Expression {}

    /** A list: {@code [a, b]}. */
    record ArrayValue(List<Expression> items, Span span) implements Expression {
        public ArrayValue { items = List.copyOf(items); }
    }

    /** @return the kind of value as Prisma names it in type-mismatch messages: string, numeric, literal, functional, array */
    default String typeName() {
        return switch (this) {
            case StringValue s -> "string";
            case NumericValue n -> "numeric";
            case ConstantValue c -> "literal";
            case FunctionCall f -> "functional";
            case ArrayValue a -> "array";
        };
    }

    /** @return e.g. {@code string value `"x"`}, as written in type-mismatch messages */
    default String describe() { return typeName() + " value `" + span().text() + "`"; }
}
