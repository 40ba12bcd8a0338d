package dev.facet.schema.validation;

import dev.facet.schema.model.Provider;
import java.util.List;

/**
 * Prisma's default constraint names ({@code User_pkey}, {@code User_email_key}, {@code Post_authorId_idx},
 * {@code Post_authorId_fkey}), shortened to the database's identifier length limit.
 */
public final class ConstraintNames {
    private ConstraintNames() {}

    /** @return the primary key name: {@code Table_pkey} */
    public static String primaryKey(Provider provider, String table) { return limit(provider, table, "_pkey"); }

    /** @return a unique constraint name: {@code Table_col1_col2_key} */
    public static String unique(Provider provider, String table, List<String> columns) {
        return limit(provider, table + "_" + String.join("_", columns), "_key");
    }

    /** @return an index name: {@code Table_col1_col2_idx} */
    public static String index(Provider provider, String table, List<String> columns) {
        return limit(provider, table + "_" + String.join("_", columns), "_idx");
    }

    /** @return a foreign key name: {@code Table_col1_fkey} */
    public static String foreignKey(Provider provider, String table, List<String> columns) {
        return limit(provider, table + "_" + String.join("_", columns), "_fkey");
    }

    static String foreignKey(Context ctx, String table, List<String> columns) { return foreignKey(ctx.provider, table, columns); }

    /** The longest identifier the database accepts, or 0 without a limit. */
    static int maxLength(Provider provider) {
        if (provider == null) return 0;
        return switch (provider) {
            case POSTGRESQL, COCKROACHDB -> 63;
            case MYSQL -> 64;
            case SQLSERVER -> 128;
            default -> 0;
        };
    }

    private static String limit(Provider provider, String base, String suffix) {
        int max = maxLength(provider);
        if (max > 0 && base.length() + suffix.length() > max) base = base.substring(0, max - suffix.length());
        return base + suffix;
    }
}
