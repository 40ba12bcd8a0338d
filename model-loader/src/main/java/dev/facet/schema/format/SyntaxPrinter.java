package dev.facet.schema.format;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.ArgumentList;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.ast.FieldType;
import java.util.List;

/**
 * Renders attributes, expressions and field types in their canonical one-line form: single spaces
 * after commas and colons, no trailing commas, string literals exactly as written.
 */
final class SyntaxPrinter {
    private SyntaxPrinter() {}

    /** {@code @name(args)} or {@code @@name(args)}, with {@code extraArguments} appended to the list. */
    static String attribute(String atSigns, Attribute attribute, List<String> extraArguments) {
        StringBuilder out = new StringBuilder(atSigns).append(attribute.name());
        if (attribute.arguments() != null || !extraArguments.isEmpty()) {
            out.append('(');
            boolean first = true;
            for (Argument a : attribute.args()) {
                if (!first) out.append(", ");
                argument(a, out);
                first = false;
            }
            for (String extra : extraArguments) {
                if (!first) out.append(", ");
                out.append(extra);
                first = false;
            }
            out.append(')');
        }
        return out.toString();
    }

    /** The expression as Prisma prints it. */
    static String expression(Expression expression) {
        StringBuilder out = new StringBuilder();
        expression(expression, out);
        return out.toString();
    }

    /** The type with its canonical modifiers; legacy {@code [T]} and {@code T!} become {@code T[]} and {@code T}. */
    static String type(FieldType type) {
        String base = type.isUnsupported() ? unsupported(type) : type.name();
        return switch (type.arity()) {
            case REQUIRED -> base;
            case OPTIONAL -> base + "?";
            case LIST -> base + (type.optionalList() ? "[]?" : "[]");
        };
    }

    /** Keeps the string literal as written (escapes included) but drops spaces inside the parentheses. */
    private static String unsupported(FieldType type) {
        String written = type.nameSpan().text();
        int open = written.indexOf('"');
        int close = written.lastIndexOf('"');
        return "Unsupported(" + written.substring(open, close + 1) + ")";
    }

    private static void argument(Argument argument, StringBuilder out) {
        if (argument.isNamed()) out.append(argument.name().name()).append(": ");
        if (!argument.isEmpty()) expression(argument.value(), out);
    }

    private static void arguments(ArgumentList list, StringBuilder out) {
        out.append('(');
        List<Argument> args = list.arguments();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) out.append(", ");
            argument(args.get(i), out);
        }
        out.append(')');
    }

    private static void expression(Expression expression, StringBuilder out) {
        switch (expression) {
            // The literal as written, so that escapes survive untouched.
            case Expression.StringValue s -> out.append(s.span().text());
            case Expression.NumericValue n -> out.append(n.text());
            case Expression.ConstantValue c -> out.append(c.name());
            case Expression.FunctionCall f -> {
                out.append(f.name());
                arguments(f.arguments(), out);
            }
            case Expression.ArrayValue a -> {
                out.append('[');
                for (int i = 0; i < a.items().size(); i++) {
                    if (i > 0) out.append(", ");
                    expression(a.items().get(i), out);
                }
                out.append(']');
            }
        }
    }
}
