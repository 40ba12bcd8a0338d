package dev.facet.schema.validation;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.validation.Context.FieldInfo;
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
        field.defaultValue = switch (value) {
            case Expression.FunctionCall f -> function(field, f, args);
            case Expression.ArrayValue list -> list(field, list, args);
            default -> field.arity == FieldArity.LIST && !(value instanceof Expression.ConstantValue c && isNullLiteral(c))
                    ? listMismatch(field, value, args)
                    : scalar(field, value, args);
        };
    }

    private static boolean isNullLiteral(Expression.ConstantValue c) { return c.name().equals("null"); }

    private DefaultValue listMismatch(FieldInfo field, Expression value, Arguments args) {
        // Prisma accepts a single value for a list default only as a one-element list on some connectors.
        return scalar(field, value, args) == null ? null : new DefaultValue.Literal(List.of(scalarValue(value)));
    }

    private DefaultValue list(FieldInfo field, Expression.ArrayValue list, Arguments args) {
        if (field.arity != FieldArity.LIST) {
            args.error(Messages.defaultListOnScalar());
            return null;
        }
        List<Object> values = new ArrayList<>();
        for (Expression item : list.items()) {
            if (scalar(field, item, args) == null) return null;
            values.add(scalarValue(item));
        }
        return new DefaultValue.Literal(values);
    }

    private static Object scalarValue(Expression e) {
        return switch (e) {
            case Expression.StringValue s -> s.value();
            case Expression.NumericValue n -> n.text();
            case Expression.ConstantValue c when c.name().equals("true") || c.name().equals("false") -> Boolean.valueOf(c.name());
            case Expression.ConstantValue c -> new DefaultValue.EnumValueRef(c.name());
            default -> e.span().text();
        };
    }

    /** A literal value: checks it fits the field's type. */
    private DefaultValue scalar(FieldInfo field, Expression value, Arguments args) {
        if (field.kind == FieldKind.ENUM) {
            if (!(value instanceof Expression.ConstantValue c)) {
                args.error(Messages.defaultEnumNotConstant(value));
                return null;
            }
            EnumType e = ctx.enumsByName.get(field.typeName);
            if (e != null && e.value(c.name()) == null) {
                args.error(Messages.defaultNotEnumValue(c.name()));
                return null;
            }
            return new DefaultValue.Literal(new DefaultValue.EnumValueRef(c.name()));
        }
        if (field.kind != FieldKind.SCALAR) {
            if (field.kind == FieldKind.COMPOSITE) args.error(Messages.defaultOnComposite());
            return field.kind == FieldKind.UNSUPPORTED ? null : null;
        }
        ScalarType t = field.scalarType;
        boolean ok = switch (t) {
            case STRING -> value instanceof Expression.StringValue;
            case BOOLEAN -> value instanceof Expression.ConstantValue c && (c.name().equals("true") || c.name().equals("false"));
            case INT, BIG_INT -> value instanceof Expression.NumericValue n && !n.text().contains(".");
            case FLOAT, DECIMAL -> value instanceof Expression.NumericValue;
            case DATE_TIME, JSON, BYTES -> value instanceof Expression.StringValue;
        };
        if (!ok) {
            String expected = switch (t) {
                case STRING, DATE_TIME, JSON, BYTES -> "string";
                case BOOLEAN -> "boolean";
                default -> "numeric";
            };
            if (t == ScalarType.INT || t == ScalarType.BIG_INT) {
                if (value instanceof Expression.NumericValue) expected = "integer";
            }
            args.error(Messages.typeMismatch(expected, value), value.span());
            return null;
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
        return new DefaultValue.Literal(scalarValue(value));
    }

    private DefaultValue function(FieldInfo field, Expression.FunctionCall f, Arguments args) {
        List<Argument> fnArgs = f.arguments().arguments();
        String name = f.name();
        ScalarType t = field.scalarType;
        switch (name) {
            case "autoincrement" -> {
                if (!typeIs(field, name, args, ScalarType.INT, ScalarType.BIG_INT)) return null;
                if (ctx.has(Provider.MONGODB)) {
                    args.error(Messages.defaultNotSupportedByDatasource("autoincrement()"));
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
                if (!typeIs(field, name, args, ScalarType.STRING)) return null;
                return new DefaultValue.Ulid();
            }
            case "now" -> {
                if (!typeIs(field, name, args, ScalarType.DATE_TIME)) return null;
                return new DefaultValue.Now();
            }
            case "dbgenerated" -> {
                if (fnArgs.isEmpty()) return new DefaultValue.DbGenerated(null);
                if (fnArgs.getFirst().value() instanceof Expression.StringValue s) {
                    if (s.value().isBlank()) {
                        args.error(Messages.dbgeneratedEmpty());
                        return null;
                    }
                    return new DefaultValue.DbGenerated(s.value());
                }
                args.error(Messages.dbgeneratedArgument());
                return null;
            }
            case "auto" -> {
                if (!ctx.has(Provider.MONGODB)) {
                    args.error(Messages.autoNotSupported());
                    return null;
                }
                return new DefaultValue.Auto();
            }
            case "sequence" -> {
                if (!ctx.has(Provider.COCKROACHDB)) {
                    args.error(Messages.sequenceNotSupported());
                    return null;
                }
                return new DefaultValue.Sequence(fnArgs.stream().map(a -> a.span().text()).toList());
            }
            default -> {
                args.error(Messages.unknownDefaultFunction(name), f.span());
                return null;
            }
        }
    }

    private boolean typeIs(FieldInfo field, String function, Arguments args, ScalarType... allowed) {
        if (field.kind == FieldKind.SCALAR) {
            for (ScalarType t : allowed) if (field.scalarType == t) return true;
        }
        if (field.kind == FieldKind.UNSUPPORTED || field.kind == null) return false;
        args.error(Messages.defaultFunctionType(function, field.kind == FieldKind.SCALAR ? field.scalarType.id() : field.typeName));
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
