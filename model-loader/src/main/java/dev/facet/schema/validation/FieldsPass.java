package dev.facet.schema.validation;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.ast.FieldType;
import dev.facet.schema.ast.Member;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.validation.Context.CompositeInfo;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import dev.facet.schema.validation.Context.RelationAttribute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Third pass: enums, then every field of every model, view and composite type: its type and its
 * field attributes ({@code @id}, {@code @unique}, {@code @default}, {@code @map}, {@code @updatedAt},
 * {@code @ignore}, {@code @relation}, {@code @db.*}, {@code @shardKey}).
 */
final class FieldsPass {
    private final Context ctx;
    private final DefaultValues defaults;
    private final NativeTypes nativeTypes;

    FieldsPass(Context ctx) {
        this.ctx = ctx;
        this.defaults = new DefaultValues(ctx);
        this.nativeTypes = new NativeTypes(ctx);
    }

    void run() {
        for (Block b : ctx.enumBlocks.values()) enumType(b);
        for (Block b : ctx.typeBlocks.values()) {
            CompositeInfo c = new CompositeInfo(b);
            ctx.composites.add(c);
            ctx.compositesByName.put(c.name, c);
        }
        for (Block b : ctx.modelBlocks.values()) {
            ModelInfo m = new ModelInfo(b);
            ctx.models.add(m);
            ctx.modelsByName.put(m.name, m);
        }
        if (!ctx.typeBlocks.isEmpty() && ctx.provider != null && !ctx.provider.supportsCompositeTypes()) {
            for (Block b : ctx.typeBlocks.values()) ctx.error(Messages.compositeTypesNotSupported(ctx.provider), b.span());
        }
        for (CompositeInfo c : ctx.composites) {
            for (Member.Field f : c.block.fields()) {
                if (f.type() == null || c.fieldsByName.containsKey(f.name().name())) continue;
                FieldInfo info = field(f, BlockKind.TYPE, c.name);
                c.fields.add(info);
                c.fieldsByName.put(info.name, info);
            }
        }
        for (ModelInfo m : ctx.models) {
            for (Member.Field f : m.block.fields()) {
                if (f.type() == null || m.fieldsByName.containsKey(f.name().name())) continue;
                FieldInfo info = field(f, m.block.kind(), m.name);
                m.fields.add(info);
                m.fieldsByName.put(info.name, info);
            }
        }
    }

    // ---------------------------------------------------------------- enums

    private void enumType(Block b) {
        if (ctx.provider != null && !ctx.provider.supportsEnums() && ctx.provider != Provider.SQLITE) {
            ctx.error(Messages.validation(Messages.enumsNotSupported(b.name().name())), b.span());
        }
        List<EnumValue> values = new ArrayList<>();
        for (Member.Field v : b.fields()) {
            String dbName = null;
            for (Attribute a : v.attributes()) {
                if (a.name().equals("map")) {
                    Arguments args = new Arguments(ctx, a, false);
                    Expression e = args.requiredDefaultArg("name");
                    if (e != null) dbName = args.string(e);
                    args.finish();
                } else {
                    ctx.error(Messages.attributeNotKnown("@" + a.name()), a.span());
                }
            }
            values.add(new EnumValue(v.name().name(), dbName != null ? dbName : v.name().name(), v.documentation()));
        }
        String dbName = null;
        String schema = null;
        Set<String> seen = new HashSet<>();
        RepeatedAttributes repeated = new RepeatedAttributes(b.blockAttributes());
        for (Attribute a : b.blockAttributes()) {
            if (!seen.add(a.name()) && (a.name().equals("map") || a.name().equals("schema"))) {
                repeated.report(ctx, a.name());
                continue;
            }
            switch (a.name()) {
                case "map" -> {
                    Arguments args = new Arguments(ctx, a, true);
                    Expression e = args.requiredDefaultArg("name");
                    if (e != null) dbName = args.string(e);
                    args.finish();
                }
                case "schema" -> schema = BlockAttributesPass.schemaAttribute(ctx, a);
                default -> ctx.error(Messages.attributeNotKnown("@@" + a.name()), a.span());
            }
        }
        BlockAttributesPass.checkSchemaPresence(ctx, b, schema);
        EnumType e = new EnumType(b.name().name(), dbName != null ? dbName : b.name().name(), values, schema,
                b.documentation(), b.span());
        ctx.enums.add(e);
        ctx.enumsByName.put(e.name(), e);
    }

    // ---------------------------------------------------------------- fields

    private FieldInfo field(Member.Field f, BlockKind container, String containerName) {
        FieldInfo info = new FieldInfo(f);
        FieldType type = f.type();
        info.arity = switch (type.arity()) {
            case REQUIRED -> FieldArity.REQUIRED;
            case OPTIONAL -> FieldArity.OPTIONAL;
            case LIST -> FieldArity.LIST;
        };
        if (type.optionalList()) ctx.error(Messages.validation(Messages.optionalListsNotSupported()), type.span());
        if ("T!".equals(type.legacy())) ctx.error(Messages.validation(Messages.legacyRequiredType()), type.span());
        if ("[T]".equals(type.legacy())) ctx.error(Messages.validation(Messages.legacyListType()), type.span());
        resolveType(info, type, container, containerName);

        boolean composite = container == BlockKind.TYPE;
        List<Attribute> attributes = f.attributes();
        Set<String> seen = new HashSet<>();
        RepeatedAttributes repeated = new RepeatedAttributes(attributes);
        List<Attribute> notForRelations = new ArrayList<>();
        for (Attribute a : attributes) {
            String name = a.name();
            boolean nativeType = name.contains(".");
            if (!nativeType && !seen.add(name)) {
                repeated.report(ctx, name);
                continue;
            }
            if (composite && !(nativeType || name.equals("default") || name.equals("map"))) {
                // Prisma's parser rejects these three on the whole field line, before the unknown attribute itself.
                if (name.equals("id") || name.equals("unique") || name.equals("relation")) {
                    ctx.error(Messages.validation(Messages.compositeFieldAttributeNotAllowed("@" + name)), f.span());
                }
                ctx.error(Messages.attributeNotKnown("@" + name), a.span());
                continue;
            }
            if (info.relation && !nativeType && Set.of("default", "map", "id", "unique", "updatedAt").contains(name)) {
                notForRelations.add(a);
                continue;
            }
            if (nativeType) {
                nativeTypes.attribute(info, a);
                continue;
            }
            switch (name) {
                case "id" -> idAttribute(info, a);
                case "unique" -> uniqueAttribute(info, a);
                case "default" -> defaults.attribute(info, a);
                case "map" -> mapAttribute(info, a);
                case "updatedAt" -> updatedAt(info, a);
                case "ignore" -> {
                    new Arguments(ctx, a, false).finish();
                    info.ignored = true;
                }
                case "relation" -> relationAttribute(info, a);
                case "shardKey" -> shardKeyAttribute(info, a);
                default -> ctx.error(Messages.attributeNotKnown("@" + name), a.span());
            }
        }
        // Reported after @relation is read: the @unique message suggests the relation's scalar fields.
        for (Attribute a : notForRelations) relationFieldAttribute(info, a);
        return info;
    }

    /** The field attributes that only scalar fields take, written on a relation field. */
    private void relationFieldAttribute(FieldInfo info, Attribute a) {
        String message = switch (a.name()) {
            case "id" -> Messages.relationFieldId(info.name);
            case "unique" -> Messages.relationFieldUnique(info.name,
                    info.relationAttribute == null || info.relationAttribute.fields == null ? List.of() : info.relationAttribute.fields);
            case "default" -> Messages.relationFieldDefault();
            case "map" -> Messages.attributeOnRelationField("@map");
            default -> null;
        };
        if (message == null) ctx.error(Messages.attributeNotKnown("@" + a.name()), a.span());
        else ctx.error(Messages.attributeValidation("@" + a.name(), message), a.span());
    }

    private void resolveType(FieldInfo info, FieldType type, BlockKind container, String containerName) {
        String name = type.name();
        info.typeName = name;
        if (type.isUnsupported()) {
            info.kind = FieldKind.UNSUPPORTED;
            info.typeName = type.unsupported();
            return;
        }
        var scalar = ScalarType.fromName(name);
        if (scalar.isPresent()) {
            info.kind = FieldKind.SCALAR;
            info.scalarType = scalar.get();
            if (info.scalarType == ScalarType.JSON && ctx.provider != null && !ctx.provider.supportsJson()) {
                String owner = containerName;
                ctx.error(Messages.fieldValidation(info.name, Messages.containerLabel(container), owner,
                        Messages.jsonNotSupported(info.name, owner)), info.span());
            }
            if (info.scalarType == ScalarType.DECIMAL && ctx.provider != null && !ctx.provider.supportsDecimal()) {
                ctx.error(Messages.fieldValidation(info.name, Messages.containerLabel(container), containerName,
                        Messages.decimalNotSupported(info.name, containerName)), info.span());
            }
            if (info.arity == FieldArity.LIST && ctx.provider != null && !ctx.provider.supportsScalarLists()) {
                ctx.error(Messages.fieldValidation(info.name, Messages.containerLabel(container), containerName,
                        Messages.scalarListsNotSupported()), info.span());
            }
            return;
        }
        if (ctx.enumBlocks.containsKey(name)) {
            info.kind = FieldKind.ENUM;
            return;
        }
        if (ctx.typeBlocks.containsKey(name)) {
            info.kind = FieldKind.COMPOSITE;
            return;
        }
        if (ctx.modelBlocks.containsKey(name)) {
            info.relation = true;
            if (container == BlockKind.TYPE) {
                ctx.error(Messages.compositeTypeRelation(containerName, name), type.nameSpan());
            }
            return;
        }
        ctx.error(Messages.unknownType(name), type.nameSpan());
    }

    private void idAttribute(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        info.idOptions = IndexArguments.fieldLevel(ctx, args, info, true);
        args.finish();
        info.id = true;
        info.idAttribute = a;
    }

    private void uniqueAttribute(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        info.uniqueOptions = IndexArguments.fieldLevel(ctx, args, info, false);
        args.finish();
        info.unique = true;
        info.uniqueAttribute = a;
    }

    private void mapAttribute(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        Expression e = args.requiredDefaultArg("name");
        args.finish();
        if (e == null) return;
        String name = args.string(e);
        if (name == null) return;
        if (ctx.has(Provider.MONGODB)) {
            if (name.startsWith("$")) args.error(Messages.mongoFieldNameDollar());
            else if (name.contains(".")) args.error(Messages.mongoFieldNamePeriod());
        }
        info.databaseName = name;
        info.mapAttribute = a;
    }

    private void updatedAt(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        args.finish();
        if (info.scalarType != ScalarType.DATE_TIME) {
            args.error(Messages.updatedAtNotDateTime());
            return;
        }
        if (info.arity == FieldArity.LIST) {
            args.error(Messages.updatedAtOnList());
            return;
        }
        info.updatedAt = true;
    }

    /** Read here, checked with the model's other keys in {@link BlockAttributesPass}, which knows about {@code @@ignore}. */
    private void shardKeyAttribute(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        args.finish();
        if (args.failed()) return;
        if (!ctx.preview("shardKeys")) {
            args.error(Messages.shardKeysNeedPreview());
        } else if (ctx.provider != null && ctx.provider != Provider.MYSQL) {
            args.error(Messages.shardKeysNotSupported(ctx.provider.id()));
        } else {
            info.shardKeyAttribute = a;
        }
    }

    private void relationAttribute(FieldInfo info, Attribute a) {
        Arguments args = new Arguments(ctx, a, false);
        RelationAttribute r = new RelationAttribute();
        r.attribute = a;
        Expression name = args.defaultArg("name");
        if (name != null) r.name = args.string(name);
        Expression fields = args.optional("fields");
        if (fields != null) {
            r.fieldsSpan = fields.span();
            r.fields = new ArrayList<>();
            for (Expression item : Arguments.items(fields)) {
                if (item instanceof Expression.ConstantValue c) {
                    r.fields.add(c.name());
                    r.fieldSpans.add(c.span());
                } else {
                    args.mismatch("constant literal", item);
                }
            }
        }
        Expression references = args.optional("references");
        if (references != null) {
            r.references = new ArrayList<>();
            for (Expression item : Arguments.items(references)) {
                if (item instanceof Expression.ConstantValue c) r.references.add(c.name());
                else args.mismatch("constant literal", item);
            }
        }
        Expression onDelete = args.optional("onDelete");
        if (onDelete != null) {
            r.onDelete = referentialAction(args, onDelete);
            r.onDeleteSpan = args.namedSpan("onDelete");
        }
        Expression onUpdate = args.optional("onUpdate");
        if (onUpdate != null) {
            r.onUpdate = referentialAction(args, onUpdate);
            r.onUpdateSpan = args.namedSpan("onUpdate");
        }
        Expression map = args.optional("map");
        if (map != null) r.map = args.string(map);
        args.finish();
        if (!info.relation) {
            if (info.kind != null) args.error(Messages.relationOnScalarField());
            return;
        }
        info.relationAttribute = r;
    }

    private ReferentialAction referentialAction(Arguments args, Expression e) {
        String name = args.constant(e);
        if (name == null) return null;
        var action = ReferentialAction.fromName(name);
        if (action.isEmpty()) {
            args.error(Messages.invalidReferentialActionName(name), e.span());
            return null;
        }
        return action.get();
    }
}
