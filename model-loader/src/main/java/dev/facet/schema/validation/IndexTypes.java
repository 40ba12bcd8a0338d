package dev.facet.schema.validation;

import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarType;
import java.util.List;
import java.util.Set;

/**
 * Index access methods ({@code type: Gin}) and operator classes ({@code ops:}) per provider; PostgreSQL's
 * table of classes is {@link PostgresOperatorClasses}.
 */
final class IndexTypes {
    private IndexTypes() {}

    private static final Set<String> POSTGRES_TYPES = Set.of("BTree", "Hash", "Gist", "Gin", "SpGist", "Brin");
    private static final Set<String> MYSQL_TYPES = Set.of("BTree", "Hash");

    /** @return whether {@code type} is an index type the provider has */
    static boolean supported(Provider provider, String type) {
        if (provider == null) return true;
        return switch (provider) {
            case POSTGRESQL -> POSTGRES_TYPES.contains(type);
            case COCKROACHDB -> type.equals("BTree") || type.equals("Gin");
            case MYSQL -> MYSQL_TYPES.contains(type);
            default -> type.equals("BTree");
        };
    }

    /** Checks the {@code ops:} of each field against the index type and the field's native type. */
    static void checkOperatorClasses(Context ctx, Arguments args, Context.ModelInfo model, IndexArguments.Options options) {
        // Operator classes shape how an index stores its keys, which only a plain @@index may choose.
        if (!args.attribute().name().equals("index") && options.fields().stream().anyMatch(f -> f.operatorClass() != null)) {
            report(ctx, args, Messages.operatorClassesOnlyOnIndex());
        }
        if (ctx.provider == Provider.POSTGRESQL) PostgresOperatorClasses.check(ctx, args, model, options);
        if (ctx.provider == Provider.COCKROACHDB && "Gin".equals(options.type())) cockroachInverted(ctx, args, model, options);
    }

    /** CockroachDB's Gin is its inverted index: no operator classes, arrays and Json only, Json last. */
    private static void cockroachInverted(Context ctx, Arguments args, Context.ModelInfo model, IndexArguments.Options options) {
        List<IndexField> fields = options.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).operatorClass() != null) {
                report(ctx, args, Messages.customOperatorClassesNotSupported());
                return;
            }
            Context.FieldInfo f = model.field(fields.get(i).name());
            if (f == null || f.kind == FieldKind.UNSUPPORTED) continue;
            boolean json = f.kind == FieldKind.SCALAR && f.scalarType == ScalarType.JSON;
            if (!json && f.arity != FieldArity.LIST) report(ctx, args, Messages.indexTypeFieldType("Gin", f.name));
            if (json && i < fields.size() - 1) report(ctx, args, Messages.jsonOnlyLastInInvertedIndex());
        }
    }

    /** Reports a problem with the index attribute as a whole, where Prisma reports it. */
    static void report(Context ctx, Arguments args, String message) {
        ctx.error(Messages.attributeValidation(args.displayName(), message), args.attribute().span());
    }
}
