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

    /** @return a short description used in type-mismatch messages, e.g. {@code string value `"x"`} */
    default String describe() {
        return switch (this) {
            case StringValue s -> "string value `\"" + s.value() + "\"`";
            case NumericValue n -> "numeric value `" + n.text() + "`";
            case ConstantValue c -> "constant value `" + c.name() + "`";
            case FunctionCall f -> "functional value `" + f.name() + "`";
            case ArrayValue a -> "array value `" + a.span().text() + "`";
        };
    }
}
