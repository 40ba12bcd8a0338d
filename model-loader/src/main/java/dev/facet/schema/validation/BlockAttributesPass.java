package dev.facet.schema.validation;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.Provider;
import dev.facet.schema.source.Span;
import dev.facet.schema.validation.Context.CompositeInfo;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fourth pass: block attributes of models and views ({@code @@id}, {@code @@unique}, {@code @@index},
 * {@code @@fulltext}, {@code @@map}, {@code @@ignore}, {@code @@schema}, {@code @@shardKey}), plus the
 * primary key and unique constraints that field attributes declare; and the rules on them.
 */
final class BlockAttributesPass {
    private final Context ctx;

    private static final Set<String> ONLY_ONCE = Set.of("id", "map", "schema", "ignore", "shardKey");

    BlockAttributesPass(Context ctx) { this.ctx = ctx; }

    void run() {
        for (ModelInfo m : ctx.models) model(m);
        for (CompositeInfo c : ctx.composites) composite(c);
    }

    // ---------------------------------------------------------------- models

    private void model(ModelInfo m) {
        List<Attribute> attributes = m.block.blockAttributes();
        Set<String> seen = new HashSet<>();
        RepeatedAttributes duplicates = new RepeatedAttributes(attributes);
        for (Attribute a : attributes) {
            String n = a.name();
            if (ONLY_ONCE.contains(n) && !seen.add(n)) duplicates.report(ctx, n);
        }

        // Field-level @id and @unique come first, in field order, as Prisma lists them.
        List<FieldInfo> idFields = m.fields.stream().filter(f -> f.id).toList();
        if (idFields.size() > 1) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.multipleIdFields()), m.block.span());
        }
        if (!idFields.isEmpty()) {
            FieldInfo f = idFields.getFirst();
            IndexArguments.Options o = f.idOptions;
            m.primaryKey = new PrimaryKey(null, o.map(), o.fields(), o.clustered(), true);
            m.primaryKeyAttribute = f.idAttribute;
        }
        for (FieldInfo f : idFields) {
            if (f.arity != FieldArity.REQUIRED) {
                ctx.error(Messages.attributeValidation("@id", Messages.idMustBeRequired()), f.idAttribute.span());
            }
        }
        for (FieldInfo f : m.fields) {
            if (!f.unique) continue;
            IndexArguments.Options o = f.uniqueOptions;
            m.indexes.add(new Index(IndexKind.UNIQUE, null, o.map(), o.fields(), null, o.clustered(), true));
            m.indexAttributes.add(f.uniqueAttribute);
            if (m.view && o.map() != null) {
                ctx.error(Messages.validation(Messages.viewUniqueMapped()), f.uniqueAttribute.span());
            }
        }

        for (Attribute a : attributes) {
            if (duplicates.isReported(a)) continue;
            switch (a.name()) {
                case "id" -> compoundId(m, a);
                case "unique" -> index(m, a, IndexKind.UNIQUE);
                case "index" -> index(m, a, IndexKind.NORMAL);
                case "fulltext" -> index(m, a, IndexKind.FULLTEXT);
                case "map" -> {
                    Arguments args = new Arguments(ctx, a, true);
                    Expression e = args.requiredDefaultArg("name");
                    args.finish();
                    if (e != null) {
                        m.databaseName = args.string(e);
                        m.mapSpan = a.span();
                    }
                }
                case "ignore" -> {
                    new Arguments(ctx, a, true).finish();
                    m.ignored = true;
                }
                case "schema" -> {
                    m.schema = schemaAttribute(ctx, a);
                    m.schemaAttribute = a;
                }
                case "shardKey" -> shardKey(m, a);
                default -> ctx.error(Messages.attributeNotKnown("@@" + a.name()), a.span());
            }
        }
        fieldShardKeys(m);
        checkSchemaPresence(ctx, m.block, m.schema);
        if (m.view && m.primaryKey != null) {
            ctx.error(Messages.validation(Messages.viewPrimaryKey()), m.primaryKeyAttribute.span());
        }
        IndexRules.check(ctx, m);
    }

    /** Reads {@code @@schema("name")}: the schema must be declared in the datasource. */
    static String schemaAttribute(Context ctx, Attribute a) {
        Arguments args = new Arguments(ctx, a, true);
        Expression e = args.requiredDefaultArg("map");
        args.finish();
        if (e == null) return null;
        String schema = args.string(e);
        if (schema == null) return null;
        if (ctx.provider != null && !ctx.provider.supportsMultiSchema()) {
            ctx.error(Messages.attributeValidation("@@schema", Messages.schemaAttributeNotSupported()), a.span());
        } else if (!ctx.declaredSchemas.contains(schema)) {
            ctx.error(Messages.schemaNotDeclared(), a.span());
        }
        return schema;
    }

    /** Once the datasource declares {@code schemas}, every model, view and enum names its schema. */
    static void checkSchemaPresence(Context ctx, Block b, String schema) {
        if (schema != null || ctx.declaredSchemas.isEmpty()) return;
        if (ctx.provider != null && !ctx.provider.supportsMultiSchema()) return;
        String message = Messages.missingSchemaAttribute(Messages.containerLabel(b.kind()));
        if (b.kind() == BlockKind.ENUM) ctx.error(message, b.span());
        else ctx.error(Messages.modelValidation(Messages.containerLabel(b.kind()), b.name().name(), message), b.span());
    }

    private void compoundId(ModelInfo m, Attribute a) {
        Arguments args = new Arguments(ctx, a, true);
        IndexArguments.Options o = IndexArguments.blockLevel(ctx, args, true, false);
        args.finish();
        if (o.fields() == null) return;
        if (m.view) {
            ctx.error(Messages.validation(Messages.viewPrimaryKey()), a.span());
            return;
        }
        if (m.primaryKey != null && m.primaryKey.fromField()) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.idAndCompoundId()), a.span());
            return;
        }
        if (!checkFieldReferences(m, a, o, "id")) return;
        for (int i = 0; i < o.fields().size(); i++) {
            FieldInfo f = m.field(o.fields().get(i).name());
            if (f != null && f.arity != FieldArity.REQUIRED) {
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.compoundIdOptionalField(f.name)), a.span());
                return;
            }
        }
        if (o.name() == null && o.fields().size() > 1 && compoundNameClashes(m, a, o)) return;
        m.primaryKey = new PrimaryKey(o.name(), o.map(), o.fields(), o.clustered(), false);
        m.primaryKeyAttribute = a;
    }

    private void index(ModelInfo m, Attribute a, IndexKind kind) {
        Arguments args = new Arguments(ctx, a, true);
        IndexArguments.Options o = IndexArguments.blockLevel(ctx, args, kind != IndexKind.FULLTEXT, kind == IndexKind.NORMAL);
        args.finish();
        if (o.fields() == null || args.failed()) return;
        if (m.view) {
            if (kind == IndexKind.UNIQUE) {
                if (o.map() != null) ctx.error(Messages.validation(Messages.viewUniqueMapped()), a.span());
                if (o.clustered() != null) ctx.error(Messages.validation(Messages.viewUniqueClustered()), a.span());
                if (o.hasFieldArgs()) args.error(Messages.viewUniqueFieldArguments());
            } else {
                ctx.error(Messages.validation(Messages.viewIndexes()), a.span());
                return;
            }
        }
        if (kind == IndexKind.FULLTEXT && ctx.provider != null && ctx.provider != Provider.MYSQL && ctx.provider != Provider.MONGODB) {
            args.error(Messages.fulltextNotSupported());
            return;
        }
        if (o.type() != null && !IndexTypes.supported(ctx.provider, o.type())) {
            args.error(Messages.indexTypeNotSupported(), o.typeSpan());
            return;
        }
        if (!checkFieldReferences(m, a, o, kind == IndexKind.UNIQUE ? "unique" : "index")) return;
        IndexTypes.checkOperatorClasses(ctx, args, m, o);
        if (kind == IndexKind.UNIQUE && o.name() == null && o.fields().size() > 1 && compoundNameClashes(m, a, o)) return;
        m.indexes.add(new Index(kind, o.name(), o.map(), o.fields(), o.type(), o.clustered(), false));
        m.indexAttributes.add(a);
    }

    private void fieldShardKeys(ModelInfo m) {
        List<FieldInfo> keys = m.fields.stream().filter(f -> f.shardKeyAttribute != null).toList();
        if (keys.size() > 1) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.atMostOneShardKey()), m.block.span());
            return;
        }
        if (keys.size() == 1 && keys.getFirst().arity != FieldArity.REQUIRED && !m.ignored) {
            FieldInfo f = keys.getFirst();
            ctx.error(Messages.attributeValidation("@shardKey", Messages.shardKeyMustBeRequired()), f.shardKeyAttribute.span());
        }
    }

    private void shardKey(ModelInfo m, Attribute a) {
        Arguments args = new Arguments(ctx, a, true);
        Expression fieldsExpr = args.requiredDefaultArg("fields");
        args.finish();
        if (fieldsExpr == null) return;
        List<String> names = new ArrayList<>();
        for (Expression item : Arguments.items(fieldsExpr)) {
            if (item instanceof Expression.ConstantValue c) names.add(c.name());
            else args.mismatch("constant", item);
        }
        if (args.failed()) return;
        if (!ctx.preview("shardKeys")) {
            args.error(Messages.shardKeysNeedPreview());
            return;
        }
        if (ctx.provider != null && ctx.provider != Provider.MYSQL) {
            args.error(Messages.shardKeysNotSupported(ctx.provider.id()));
            return;
        }
        if (names.isEmpty()) {
            args.error(Messages.emptyFieldList("@@shardKey"));
            return;
        }
        if (m.fields.stream().anyMatch(f -> f.ast.attributes().stream().anyMatch(x -> x.name().equals("shardKey")))) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.fieldAndBlockShardKey()), m.block.span());
            return;
        }
        List<String> unknown = names.stream().filter(n -> m.field(n) == null).toList();
        if (!unknown.isEmpty()) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.shardKeyUnknownFields(unknown)), a.span());
            return;
        }
        for (String n : names) {
            FieldInfo f = m.field(n);
            if (f.relation) {
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.shardKeyRelationField(n)), a.span());
                return;
            }
            if (f.arity != FieldArity.REQUIRED && !m.ignored) {
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.shardKeyOptionalField(n)), a.span());
                return;
            }
        }
    }

    /** Prisma Client names an unnamed compound key {@code a_b}; a field of that name would collide with it. */
    private boolean compoundNameClashes(ModelInfo m, Attribute a, IndexArguments.Options o) {
        String clientName = String.join("_", o.fields().stream().map(f -> f.name().replace('.', '_')).toList());
        if (m.field(clientName) == null) return false;
        ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.compoundNameClash(clientName, "@@" + a.name())), a.span());
        return true;
    }

    /**
     * Checks that the fields an index lists exist and are scalar.
     *
     * @return whether the index may be kept
     */
    private boolean checkFieldReferences(ModelInfo m, Attribute a, IndexArguments.Options o, String what) {
        if (o.fields().isEmpty()) {
            ctx.error(Messages.attributeValidation("@@" + a.name(), Messages.emptyFieldListFor("@@" + a.name())), a.span());
            return false;
        }
        List<String> unknown = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (IndexField f : o.fields()) {
            String root = f.name().contains(".") ? f.name().substring(0, f.name().indexOf('.')) : f.name();
            FieldInfo info = m.field(root);
            if (info == null) unknown.add(f.name());
            else if (info.relation) relations.add(f.name());
        }
        if (!unknown.isEmpty()) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.indexUnknownFields(what, unknown)), a.span());
            return false;
        }
        if (!relations.isEmpty()) {
            List<String> suggestion = new ArrayList<>();
            for (IndexField f : o.fields()) {
                FieldInfo info = m.field(f.name());
                if (info.relation && info.relationAttribute != null && info.relationAttribute.fields != null) {
                    suggestion.addAll(info.relationAttribute.fields);
                } else {
                    suggestion.add(f.name());
                }
            }
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name,
                    Messages.indexRelationFields(what, "@@" + a.name(), relations, suggestion)), a.span());
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- composite types

    private void composite(CompositeInfo c) {
        for (Attribute a : c.block.blockAttributes()) {
            Span span = a.span();
            switch (a.name()) {
                case "id" -> ctx.error(Messages.validation(Messages.compositeTypeId()), span);
                case "unique" -> ctx.error(Messages.validation(Messages.compositeTypeUnique()), span);
                case "index" -> ctx.error(Messages.validation(Messages.compositeTypeIndex()), span);
                case "fulltext" -> ctx.error(Messages.validation(Messages.compositeTypeFulltext()), span);
                default -> ctx.error(Messages.attributeNotKnown("@@" + a.name()), span);
            }
        }
    }
}
