package dev.facet.schema.validation;

import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Provider;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Last pass: rules about whole models and the database names they claim. */
final class ModelRules {
    private final Context ctx;

    ModelRules(Context ctx) { this.ctx = ctx; }

    void run() {
        Map<String, ModelInfo> tables = new HashMap<>();
        for (ModelInfo m : ctx.models) {
            if (m.view && !ctx.preview("views")) {
                ctx.error(Messages.validation(Messages.viewsNeedPreview()), m.block.span());
            }
            if (!m.view && !m.ignored && !hasUniqueCriterion(m)) {
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.missingUniqueCriterion()), m.block.span());
            }
            if (m.primaryKey != null && m.primaryKey.databaseName() != null && ctx.provider != null
                    && !supportsNamedPrimaryKeys(ctx.provider)) {
                // Prisma reports it on the whole model, for @id(map:) and @@id(map:) alike.
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.namedPrimaryKeysNotSupported()), m.block.span());
            }
            if (ctx.has(Provider.MONGODB) && !m.view) mongoId(m);
            if (ctx.has(Provider.MONGODB)) mongoAutoDefaults(m);
            ignoreRules(m);
            String key = Objects.toString(m.schema, "") + "." + m.tableName();
            ModelInfo previous = tables.putIfAbsent(key, m);
            if (previous != null) {
                ctx.error(Messages.modelDatabaseNameTaken(m.kindLabel(), m.tableName(), previous.name),
                        m.mapSpan != null ? m.mapSpan : m.block.name().span());
            }
        }
        Map<String, EnumType> enumNames = new HashMap<>();
        for (EnumType e : ctx.enums) {
            String key = Objects.toString(e.schema(), "") + "." + e.databaseName();
            if (enumNames.putIfAbsent(key, e) != null && ctx.provider != null && ctx.provider.supportsEnums()) {
                ctx.error(Messages.enumDatabaseNameTaken(), e.span());
            }
        }
    }

    private static boolean supportsNamedPrimaryKeys(Provider p) {
        return p == Provider.POSTGRESQL || p == Provider.COCKROACHDB || p == Provider.SQLSERVER;
    }

    /** A model needs an id, or a unique constraint whose fields are all required. */
    private static boolean hasUniqueCriterion(ModelInfo m) {
        if (m.primaryKey != null) return true;
        for (Index i : m.indexes) {
            if (i.kind() != IndexKind.UNIQUE) continue;
            boolean allRequired = i.fieldNames().stream().map(m::field)
                    .allMatch(f -> f != null && f.arity == FieldArity.REQUIRED && !f.ignored && f.kind != dev.facet.schema.model.FieldKind.UNSUPPORTED);
            if (allRequired) return true;
        }
        return false;
    }

    /**
     * {@code @ignore} is redundant inside an ignored model, and required on a relation field pointing at an
     * ignored model (Prisma Client could not load the other side).
     */
    private void ignoreRules(ModelInfo m) {
        for (FieldInfo f : m.fields) {
            if (m.ignored && f.ignored && !f.relation) {
                ctx.error(Messages.attributeValidation("@ignore", Messages.ignoreInIgnoredModel()), f.span());
            }
            ModelInfo target = f.relation ? ctx.modelsByName.get(f.typeName) : null;
            if (target != null && target.ignored && !f.ignored && !m.ignored) {
                ctx.error(Messages.attributeValidation("@ignore", Messages.relationToIgnoredModel(f.name, m.name, target.name)), f.span());
            }
        }
    }

    /** {@code @default(auto())} on MongoDB generates an ObjectId for the id, so it needs both. */
    private void mongoAutoDefaults(ModelInfo m) {
        for (FieldInfo f : m.fields) {
            if (!(f.defaultValue instanceof DefaultValue.Auto)) continue;
            if (f.nativeType == null || !f.nativeType.name().equals("ObjectId")) {
                ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.mongoAutoNeedsObjectId()), f.span());
            }
            boolean inPrimaryKey = m.primaryKey != null && m.primaryKey.fieldNames().contains(f.name);
            if (!inPrimaryKey) {
                ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.mongoAutoNeedsId()), f.span());
            }
        }
    }

    private void mongoId(ModelInfo m) {
        if (m.primaryKey == null) return;
        if (m.primaryKey.isCompound()) {
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, Messages.mongoCompoundId()), m.primaryKeyAttribute.span());
            return;
        }
        FieldInfo id = m.field(m.primaryKey.fieldNames().getFirst());
        if (id != null && !"_id".equals(id.databaseName)) {
            ctx.error(Messages.fieldValidation(id.name, m.kindLabel(), m.name, Messages.mongoIdMustBeMapped()), id.span());
        }
    }
}
