package dev.facet.schema.validation;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.Provider;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import java.util.List;
import java.util.Set;

/**
 * Rules that look at a model's primary key and indexes together, once all of them are read: one
 * clustered key or index per table (SQL Server), MySQL's prefix length on text and blob columns, and
 * PostgreSQL's {@code xml} columns that no index can hold.
 */
final class IndexRules {
    private IndexRules() {}

    /** MySQL can only index a prefix of these, so a key on them needs {@code length}. */
    private static final Set<String> MYSQL_NEEDS_LENGTH =
            Set.of("Text", "TinyText", "MediumText", "LongText", "Blob", "TinyBlob", "MediumBlob", "LongBlob");

    static void check(Context ctx, ModelInfo m) {
        if (ctx.provider == Provider.SQLSERVER) clustering(ctx, m);
        if (ctx.provider == Provider.MYSQL) mysqlLengths(ctx, m);
        if (ctx.provider == Provider.POSTGRESQL) postgresXml(ctx, m);
    }

    // A table's rows are stored in the order of at most one key; SQL Server clusters the primary key
    // unless it says clustered: false.
    private static void clustering(Context ctx, ModelInfo m) {
        PrimaryKey pk = m.primaryKey;
        boolean pkClustered = pk != null && !Boolean.FALSE.equals(pk.clustered());
        boolean anyIndexClustered = m.indexes.stream().anyMatch(i -> Boolean.TRUE.equals(i.clustered()));
        if (pkClustered && anyIndexClustered) {
            ctx.error(Messages.attributeValidation(primaryKeyName(pk), Messages.clusteredIndexAndId()), m.primaryKeyAttribute.span());
        }
        for (int i = 0; i < m.indexes.size(); i++) {
            Index index = m.indexes.get(i);
            if (!Boolean.TRUE.equals(index.clustered())) continue;
            Attribute a = m.indexAttributes.get(i);
            if (pkClustered) ctx.error(Messages.attributeValidation(indexName(index, a), Messages.clusteredIndexAndKey()), a.span());
            for (int j = 0; j < m.indexes.size(); j++) {
                if (j != i && Boolean.TRUE.equals(m.indexes.get(j).clustered())) {
                    ctx.error(Messages.attributeValidation(indexName(index, a), Messages.clusteredIndexTwice()), a.span());
                    break;
                }
            }
        }
    }

    // MySQL keys have a byte limit that TEXT and BLOB columns exceed, so only a prefix can be a key part.
    // Fulltext indexes are not bound by it.
    private static void mysqlLengths(Context ctx, ModelInfo m) {
        PrimaryKey pk = m.primaryKey;
        if (pk != null) {
            String nativeType = firstNeedingLength(m, pk.fields());
            if (nativeType != null) ctx.error(Messages.nativeTypeCannotBeId(nativeType, "MySQL", true), m.primaryKeyAttribute.span());
        }
        for (int i = 0; i < m.indexes.size(); i++) {
            Index index = m.indexes.get(i);
            if (index.kind() == IndexKind.FULLTEXT) continue;
            String nativeType = firstNeedingLength(m, index.fields());
            if (nativeType == null) continue;
            String message = index.kind() == IndexKind.UNIQUE
                    ? Messages.nativeTypeCannotBeUnique(nativeType, "MySQL", true)
                    : Messages.nativeTypeCannotBeIndexed(nativeType, "MySQL", true);
            ctx.error(message, m.indexAttributes.get(i).span());
        }
    }

    private static String firstNeedingLength(ModelInfo m, List<IndexField> fields) {
        for (IndexField f : fields) {
            FieldInfo field = m.field(f.name());
            if (field == null || field.nativeType == null || f.length() != null) continue;
            if (MYSQL_NEEDS_LENGTH.contains(field.nativeType.name())) return field.nativeType.name();
        }
        return null;
    }

    // PostgreSQL has no comparison operators for xml, so no index type can hold it.
    private static void postgresXml(Context ctx, ModelInfo m) {
        for (Index index : m.indexes) {
            for (IndexField f : index.fields()) {
                FieldInfo field = m.field(f.name());
                if (field == null || field.nativeType == null || !field.nativeType.name().equals("Xml")) continue;
                String message = index.kind() == IndexKind.UNIQUE
                        ? Messages.nativeTypeCannotBeUnique("Xml", "Postgres", false)
                        : Messages.nativeTypeCannotBeIndexed("Xml", "Postgres", false);
                ctx.error(message, field.span());
                break;
            }
        }
    }

    private static String primaryKeyName(PrimaryKey pk) { return pk.fromField() ? "@id" : "@@id"; }

    private static String indexName(Index index, Attribute a) { return (index.fromField() ? "@" : "@@") + a.name(); }
}
