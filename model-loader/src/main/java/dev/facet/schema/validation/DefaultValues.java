package dev.facet.schema.validation;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.validation.Context.FieldInfo;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks {@code @default(...)}: the generator functions and literal values. */
final class DefaultValues {
    private final Context ctx;

    DefaultValues(Context ctx) { this.ctx = ctx; }

    void attribute(FieldInfo field, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        Expression value = args.requiredDefaultArg("value");
        Expression map = args.optional("map");
        if (map != null) field.defaultName = args.string(map);
        args.finish();
        field.defaultAttribute = a;
        if (value == null || args.failed()) return;
        // Only SQL Server names its default constraints; the value is still read, as Prisma does.
        if (field.defaultName != null && ctx.provider != null && ctx.provider != Provider.SQLSERVER) {
            args.error(Messages.namedDefaultNotSupported());
        }
        field.defaultValue = value(field, value, args);
    }

    private DefaultValue value(FieldInfo field, Expression value, Arguments args) {
        // dbgenerated() fits every type, Unsupported ones included.
        if (value instanceof Expression.FunctionCall f && f.name().equals("dbgenerated")) return dbgenerated(f, args);
        if (field.kind == null) return null;
        return switch (field.kind) {
            case ENUM -> field.arity == FieldArity.LIST ? enumList(field, value, args) : enumValue(field, value, args);
            case COMPOSITE -> {
                ctx.error(Messages.fieldValidation(field.name, "composite type", field.typeName, Messages.defaultOnComposite()),
                        args.attribute().span());
                yield null;
            }
            case UNSUPPORTED -> {
                args.error(Messages.defaultOnUnsupported());
                yield null;
            }
            case SCALAR -> value instanceof Expression.FunctionCall f ? function(field, f, args) : literal(field, value, args);
        };
    }

    // ---------------------------------------------------------------- literals

    private DefaultValue literal(FieldInfo field, Expression value, Arguments args) {
        if (field.arity == FieldArity.LIST) {
            if (!(value instanceof Expression.ArrayValue list)) {
                args.error(Messages.defaultListMustBeList());
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (Expression item : list.items()) {
                Object v = scalar(field.scalarType, item, args);
                if (v == null) return null;
                values.add(v);
            }
            return new DefaultValue.Literal(values);
        }
        if (value instanceof Expression.ArrayValue) {
            args.error(Messages.defaultListOnScalar());
            return null;
        }
        Object v = scalar(field.scalarType, value, args);
        return v == null ? null : new DefaultValue.Literal(v);
    }

    /** One literal value of a built-in scalar type; null after reporting why it does not fit. */
    private Object scalar(ScalarType t, Expression value, Arguments args) {
        if (t == ScalarType.BOOLEAN && value instanceof Expression.ConstantValue c) {
            if (c.name().equals("true") || c.name().equals("false")) return Boolean.valueOf(c.name());
            args.error(Messages.defaultBooleanLiteral(), c.span());
            return null;
        }
        boolean fits = switch (t) {
            case STRING, JSON, BYTES, DATE_TIME -> value instanceof Expression.StringValue;
            case INT, BIG_INT, FLOAT -> value instanceof Expression.NumericValue;
            case DECIMAL -> value instanceof Expression.NumericValue || value instanceof Expression.StringValue;
            case BOOLEAN -> false;
        };
        if (!fits) {
            args.error(Messages.defaultTypeMismatch(t.id(), value));
            return null;
        }
        if ((t == ScalarType.INT || t == ScalarType.BIG_INT) && value instanceof Expression.NumericValue n) {
            String problem = integerProblem(n.text());
            if (problem != null) {
                args.error(Messages.defaultInvalidInteger(n.text(), problem), n.span());
                return null;
            }
        }
        if (t == ScalarType.DATE_TIME) {
            String s = ((Expression.StringValue) value).value();
            try {
                java.time.OffsetDateTime.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                args.error(Messages.defaultInvalidDateTime(s, e.getMessage()));
                return null;
            }
        }
        if (t == ScalarType.JSON) {
            // Checked loosely: Prisma validates JSON syntax; a full parser is not worth it here.
            String s = ((Expression.StringValue) value).value().strip();
            if (s.isEmpty()) {
                args.error(Messages.defaultInvalidJson(s));
                return null;
            }
        }
        return switch (value) {
            case Expression.StringValue s -> s.value();
            case Expression.NumericValue n -> n.text();
            default -> value.span().text();
        };
    }

    /** Why a number does not fit a 64-bit integer, worded as Prisma's parser words it; null when it fits. */
    private static String integerProblem(String text) {
        boolean negative = text.startsWith("-");
        int first = negative ? 1 : 0;
        if (first == text.length()) return "invalid digit found in string";
        for (int i = first; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return "invalid digit found in string";
        }
        while (first < text.length() - 1 && text.charAt(first) == '0') first++;
        String tooBig = negative ? "number too small to fit in target type" : "number too large to fit in target type";
        // Past 19 digits it cannot fit, and BigInteger's parsing of a million digits took seconds.
        if (text.length() - first > 19) return tooBig;
        BigInteger v = new BigInteger(text);
        return v.bitLength() < 64 ? null : tooBig;
    }

    private DefaultValue enumValue(FieldInfo field, Expression value, Arguments args) {
        DefaultValue.EnumValueRef ref = enumRef(field, value, args);
        return ref == null ? null : new DefaultValue.Literal(ref);
    }

    private DefaultValue enumList(FieldInfo field, Expression value, Arguments args) {
        if (!(value instanceof Expression.ArrayValue list)) {
            args.error(Messages.defaultEnumNotConstant(value));
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (Expression item : list.items()) {
            DefaultValue.EnumValueRef ref = enumRef(field, item, args);
            if (ref == null) return null;
            values.add(ref);
        }
        return new DefaultValue.Literal(values);
    }

    private DefaultValue.EnumValueRef enumRef(FieldInfo field, Expression value, Arguments args) {
        if (!(value instanceof Expression.ConstantValue c)) {
            args.error(Messages.defaultEnumNotConstant(value));
            return null;
        }
        EnumType e = ctx.enumsByName.get(field.typeName);
        if (e != null && e.value(c.name()) == null) {
            args.error(Messages.defaultNotEnumValue(c.name()));
            return null;
        }
        return new DefaultValue.EnumValueRef(c.name());
    }

    // ---------------------------------------------------------------- functions

    private DefaultValue function(FieldInfo field, Expression.FunctionCall f, Arguments args) {
        List<Argument> fnArgs = f.arguments().arguments();
        String name = f.name();
        switch (name) {
            case "autoincrement" -> {
                if (!typeIs(field, name, args, ScalarType.INT, ScalarType.BIG_INT) || !noArguments(name, fnArgs, args)) return null;
                if (ctx.has(Provider.MONGODB)) {
                    args.error(Messages.defaultNotSupportedByDatasource("autoincrement()"));
                    return null;
                }
                if (ctx.has(Provider.COCKROACHDB) && field.scalarType == ScalarType.INT) {
                    args.error(Messages.cockroachAutoincrementOnInt());
                    return null;
                }
                return new DefaultValue.Autoincrement();
            }
            case "cuid" -> {
                if (!typeIs(field, name, args, ScalarType.STRING)) return null;
                Integer v = intArgument(fnArgs, name, args, Messages.cuidArguments(), 1, 2);
                return v == null && !fnArgs.isEmpty() ? null : new DefaultValue.Cuid(v == null ? 1 : v);
            }
            case "uuid" -> {
                if (!typeIs(field, name, args, ScalarType.STRING)) return null;
                Integer v = intArgument(fnArgs, name, args, Messages.uuidArguments(), 4, 7);
                return v == null && !fnArgs.isEmpty() ? null : new DefaultValue.Uuid(v == null ? 4 : v);
            }
            case "nanoid" -> {
                if (!typeIs(field, name, args, ScalarType.STRING)) return null;
                Integer v = intRangeArgument(fnArgs, name, args, Messages.nanoidArguments(), 2, 255);
                return v == null && !fnArgs.isEmpty() ? null : new DefaultValue.Nanoid(v == null ? 21 : v);
            }
            case "ulid" -> {
                if (!typeIs(field, name, args, ScalarType.STRING) || !noArguments(name, fnArgs, args)) return null;
                return new DefaultValue.Ulid();
            }
            case "now" -> {
                if (!typeIs(field, name, args, ScalarType.DATE_TIME) || !noArguments(name, fnArgs, args)) return null;
                return new DefaultValue.Now();
            }
            case "auto" -> {
                if (!ctx.has(Provider.MONGODB)) {
                    args.error(Messages.autoNotSupported(), f.span());
                    return null;
                }
                if (!fnArgs.isEmpty()) {
                    args.error(Messages.autoArguments());
                    return null;
                }
                return new DefaultValue.Auto();
            }
            case "sequence" -> {
                // Only CockroachDB knows sequence(); elsewhere it is an unknown function.
                if (!ctx.has(Provider.COCKROACHDB)) break;
                return new DefaultValue.Sequence(fnArgs.stream().map(a -> a.span().text()).toList());
            }
            default -> { }
        }
        ctx.error(Messages.unknownDefaultFunction(name), f.span());
        args.fail();
        return null;
    }

    private DefaultValue dbgenerated(Expression.FunctionCall f, Arguments args) {
        List<Argument> fnArgs = f.arguments().arguments();
        if (fnArgs.isEmpty()) return new DefaultValue.DbGenerated(null);
        if (fnArgs.size() == 1 && fnArgs.getFirst().value() instanceof Expression.StringValue s) {
            if (s.value().isEmpty()) {
                args.error(Messages.dbgeneratedEmpty());
                return null;
            }
            return new DefaultValue.DbGenerated(s.value());
        }
        args.error(Messages.dbgeneratedArgument());
        return null;
    }

    private boolean noArguments(String function, List<Argument> fnArgs, Arguments args) {
        if (fnArgs.isEmpty()) return true;
        args.error(Messages.functionTakesNoArgument(function));
        return false;
    }

    private boolean typeIs(FieldInfo field, String function, Arguments args, ScalarType... allowed) {
        for (ScalarType t : allowed) if (field.scalarType == t) return true;
        args.error(Messages.defaultFunctionType(function, field.scalarType.id()));
        return false;
    }

    private Integer intArgument(List<Argument> fnArgs, String fn, Arguments args, String rangeMessage, int... allowed) {
        if (fnArgs.isEmpty()) return null;
        if (fnArgs.size() > 1 || !(fnArgs.getFirst().value() instanceof Expression.NumericValue n)) {
            args.error(Messages.functionTakesSingleInt(fn));
            return null;
        }
        try {
            int v = Integer.parseInt(n.text());
            for (int a : allowed) if (a == v) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the range message
        }
        args.error(rangeMessage);
        return null;
    }

    private Integer intRangeArgument(List<Argument> fnArgs, String fn, Arguments args, String rangeMessage, int min, int max) {
        if (fnArgs.isEmpty()) return null;
        if (fnArgs.size() > 1 || !(fnArgs.getFirst().value() instanceof Expression.NumericValue n)) {
            args.error(Messages.functionTakesSingleInt(fn));
            return null;
        }
        try {
            int v = Integer.parseInt(n.text());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // falls through to the range message
        }
        args.error(rangeMessage);
        return null;
    }
}
