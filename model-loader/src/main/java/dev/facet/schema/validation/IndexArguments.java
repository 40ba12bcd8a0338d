package dev.facet.schema.validation;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.Provider;
import dev.facet.schema.source.Span;
import dev.facet.schema.validation.Context.FieldInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments ids, uniques and indexes share: the field list with per-field {@code sort},
 * {@code length} and {@code ops}, and {@code map}, {@code clustered}, {@code type}.
 */
final class IndexArguments {
    private IndexArguments() {}

    private static final List<String> KNOWN_INDEX_TYPES = List.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin");

    /**
     * The options of one index, as read from its attribute.
     *
     * @param fields      the fields in order (null when the list could not be read)
     * @param fieldSpans  where each field is written
     * @param hasFieldArgs whether any field carries {@code (sort|length|ops)} arguments
     * @param map         {@code map:}, or null
     * @param name        {@code name:}, or null
     * @param clustered   {@code clustered:}, or null
     * @param type        {@code type:}, or null
     */
    record Options(List<IndexField> fields, List<Span> fieldSpans, boolean hasFieldArgs, String map, String name,
                   Boolean clustered, String type, Span typeSpan) {}

    /** Reads the arguments of a field-level {@code @id} or {@code @unique}. */
    static Options fieldLevel(Context ctx, Arguments args, FieldInfo field, boolean id) {
        String map = null;
        Expression m = args.optional("map");
        if (m != null) map = args.string(m);
        Integer length = null;
        Expression l = args.optional("length");
        if (l != null) {
            length = args.integer(l);
            if (length != null && !supportsLength(ctx)) args.error(Messages.lengthNotSupported());
        }
        String sort = null;
        Expression s = args.optional("sort");
        if (s != null) sort = sortOrder(args, s);
        Boolean clustered = clustered(ctx, args);
        return new Options(List.of(new IndexField(field.name, sort, length, null)), List.of(field.span()), length != null || sort != null,
                map, null, clustered, null, null);
    }

    /** Reads the arguments of {@code @@id}, {@code @@unique}, {@code @@index}, {@code @@fulltext}. */
    static Options blockLevel(Context ctx, Arguments args, boolean allowName, boolean allowType) {
        Expression fieldsExpr = args.requiredDefaultArg("fields");
        List<IndexField> fields = null;
        List<Span> spans = new ArrayList<>();
        boolean hasFieldArgs = false;
        if (fieldsExpr != null) {
            fields = new ArrayList<>();
            for (Expression item : Arguments.items(fieldsExpr)) {
                switch (item) {
                    case Expression.ConstantValue c -> {
                        fields.add(IndexField.of(c.name()));
                        spans.add(c.span());
                    }
                    case Expression.FunctionCall f -> {
                        hasFieldArgs = true;
                        fields.add(fieldWithArguments(ctx, args, f));
                        spans.add(f.span());
                    }
                    default -> args.mismatch("constant literal", item);
                }
            }
        }
        String name = null;
        if (allowName) {
            Expression n = args.optional("name");
            if (n != null) name = args.string(n);
        }
        String map = null;
        Expression m = args.optional("map");
        if (m != null) map = args.string(m);
        Boolean clustered = clustered(ctx, args);
        String type = null;
        Span typeSpan = null;
        if (allowType) {
            Expression t = args.optional("type");
            if (t != null) {
                type = args.constant(t);
                typeSpan = t.span();
                // Prisma knows these access methods; whether the provider has one is checked later.
                if (type != null && !KNOWN_INDEX_TYPES.contains(type)) {
                    args.error(Messages.unknownIndexType(type));
                    type = null;
                }
            }
        }
        return new Options(fields, spans, hasFieldArgs, map, name, clustered, type, typeSpan);
    }

    private static IndexField fieldWithArguments(Context ctx, Arguments args, Expression.FunctionCall f) {
        String sort = null;
        Integer length = null;
        String ops = null;
        for (Argument a : f.arguments().arguments()) {
            if (!a.isNamed() || a.value() == null) {
                args.error(Messages.noSuchArgument(), a.span());
                continue;
            }
            switch (a.name().name()) {
                case "sort" -> sort = sortOrder(args, a.value());
                case "length" -> {
                    length = args.integer(a.value());
                    if (length != null && !supportsLength(ctx)) args.error(Messages.lengthNotSupported());
                }
                case "ops" -> ops = operatorClass(ctx, a);
                default -> args.error(Messages.noSuchArgument(), a.span());
            }
        }
        return new IndexField(f.name(), sort, length, ops);
    }

    /** @return the operator class name, {@code raw(...)} for a raw one, or null after reporting a malformed one */
    private static String operatorClass(Context ctx, Argument a) {
        switch (a.value()) {
            case Expression.ConstantValue c when PostgresOperatorClasses.known(c.name()) -> { return c.name(); }
            case Expression.ConstantValue c -> ctx.error(Messages.unknownOperatorClass(c.name()), c.span());
            case Expression.FunctionCall f when f.name().equals("raw") -> {
                List<Argument> raw = f.arguments().arguments();
                if (raw.size() != 1) ctx.error(Messages.rawOperatorClassArity(raw.size()), f.span());
                else if (raw.getFirst().value() instanceof Expression.StringValue s) return "raw(" + s.value() + ")";
                else ctx.error(Messages.rawOperatorClassNotString(), f.span());
            }
            default -> ctx.error(Messages.operatorClassExpected(), a.span());
        }
        return null;
    }

    private static String sortOrder(Arguments args, Expression e) {
        String sort = args.constant(e);
        if (sort != null && !sort.equals("Asc") && !sort.equals("Desc")) {
            args.error(Messages.invalidSortOrder(sort), e.span());
            return null;
        }
        return sort;
    }

    private static Boolean clustered(Context ctx, Arguments args) {
        Expression c = args.optional("clustered");
        if (c == null) return null;
        Boolean value = args.bool(c);
        if (value != null && ctx.provider != null && ctx.provider != Provider.SQLSERVER) {
            args.error(Messages.clusteringNotSupported());
            return null;
        }
        return value;
    }

    static boolean supportsLength(Context ctx) {
        return ctx.provider == null || ctx.provider == Provider.MYSQL;
    }
}
