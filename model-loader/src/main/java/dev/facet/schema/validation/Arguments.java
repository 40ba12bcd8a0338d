package dev.facet.schema.validation;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the arguments of one attribute the way Prisma does: the unnamed argument stands for the
 * attribute's default argument, every other one is looked up by name, and whatever was never asked
 * for is reported as {@code No such argument.} by {@link #finish()}.
 */
final class Arguments {
    private final Context ctx;
    private final Attribute attribute;
    private final String displayName;
    private final List<Argument> remaining;
    private boolean failed;

    Arguments(Context ctx, Attribute attribute, boolean blockAttribute) {
        this.ctx = ctx;
        this.attribute = attribute;
        this.displayName = (blockAttribute ? "@@" : "@") + attribute.name();
        this.remaining = new ArrayList<>(attribute.args());
        for (Argument a : attribute.args()) {
            if (a.isEmpty()) {
                ctx.error(Messages.emptyArgument(a.name().name()), a.span());
                failed = true;
            }
        }
    }

    /** @return the attribute name with its at-signs, e.g. {@code @@index} */
    String displayName() { return displayName; }

    Attribute attribute() { return attribute; }

    /** @return whether reading an argument already failed with a reported error */
    boolean failed() { return failed; }

    void fail() { failed = true; }

    /** Takes the argument named {@code name}, or the unnamed one standing for it; null when absent. */
    Expression defaultArg(String name) {
        Expression named = optional(name);
        if (named != null) return named;
        for (int i = 0; i < remaining.size(); i++) {
            Argument a = remaining.get(i);
            if (!a.isNamed()) {
                remaining.remove(i);
                return a.value();
            }
        }
        return null;
    }

    /** Like {@link #defaultArg} but reports {@code Argument "name" is missing.} when absent. */
    Expression requiredDefaultArg(String name) {
        Expression e = defaultArg(name);
        if (e == null && !failed) {
            ctx.error(Messages.attributeValidation(displayName, Messages.argumentMissing(name)), attribute.span());
            failed = true;
        }
        return e;
    }

    /** Takes the named argument {@code name}; null when absent. */
    Expression optional(String name) {
        for (int i = 0; i < remaining.size(); i++) {
            Argument a = remaining.get(i);
            if (a.isNamed() && a.name().name().equals(name)) {
                remaining.remove(i);
                return a.value();
            }
        }
        return null;
    }

    /** The span of the whole {@code name: value} argument, where Prisma points; null when not written. */
    Span namedSpan(String name) {
        for (Argument a : attribute.args()) if (a.isNamed() && a.name().name().equals(name)) return a.span();
        return null;
    }

    /** @return whether an argument with this name was written (without taking it) */
    boolean has(String name) {
        for (Argument a : remaining) if (a.isNamed() && a.name().name().equals(name)) return true;
        return false;
    }

    /** Reports every argument that no rule asked for. */
    void finish() {
        for (Argument a : remaining) {
            if (a.isEmpty()) continue;
            ctx.error(Messages.attributeValidation(displayName, Messages.noSuchArgument()), a.span());
        }
        remaining.clear();
    }

    /** Reports an error about this attribute, prefixed as Prisma does. */
    void error(String message) { error(message, attribute.span()); }

    void error(String message, Span span) {
        ctx.error(Messages.attributeValidation(displayName, message), span);
        failed = true;
    }

    // ---------------------------------------------------------------- value coercion

    /** @return the string, or null after reporting a type mismatch */
    String string(Expression e) {
        if (e instanceof Expression.StringValue s) return s.value();
        mismatch("string", e);
        return null;
    }

    /** @return the constant's name, or null after reporting a type mismatch */
    String constant(Expression e) {
        if (e instanceof Expression.ConstantValue c) return c.name();
        mismatch("constant", e);
        return null;
    }

    Boolean bool(Expression e) {
        if (e instanceof Expression.ConstantValue c && (c.name().equals("true") || c.name().equals("false"))) {
            return Boolean.valueOf(c.name());
        }
        mismatch("boolean", e);
        return null;
    }

    Integer integer(Expression e) {
        if (e instanceof Expression.NumericValue n) {
            try {
                return Integer.valueOf(n.text());
            } catch (NumberFormatException ex) {
                mismatch("numeric", e);
                return null;
            }
        }
        mismatch("numeric", e);
        return null;
    }

    /** A list of strings; a single string counts as a one-element list, as in Prisma. */
    List<String> stringList(Expression e) {
        List<String> out = new ArrayList<>();
        for (Expression item : items(e)) {
            String s = string(item);
            if (s != null) out.add(s);
        }
        return out;
    }

    /** A list's items; a single value counts as a one-element list. */
    static List<Expression> items(Expression e) {
        return e instanceof Expression.ArrayValue a ? a.items() : List.of(e);
    }

    void mismatch(String expected, Expression e) {
        ctx.error(Messages.typeMismatch(expected, e), e.span());
        failed = true;
    }
}
