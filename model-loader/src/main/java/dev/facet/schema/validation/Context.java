package dev.facet.schema.validation;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Generator;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state the validation passes share: the syntax trees, the diagnostics, what the configuration
 * blocks declare, and the mutable per-model working data that {@link ModelBuilder} turns into the
 * immutable model at the end.
 */
final class Context {
    final List<SchemaAst> files;
    final Diagnostics diagnostics;

    // configuration
    Datasource datasource;
    /** The datasource's provider, or null without a datasource (then no connector-specific rule applies). */
    Provider provider;
    RelationMode relationMode = RelationMode.FOREIGN_KEYS;
    final List<Generator> generators = new ArrayList<>();
    final Set<String> previewFeatures = new HashSet<>();
    final List<String> declaredSchemas = new ArrayList<>();
    /** The prefix of native type attributes: {@code db} in {@code @db.VarChar}, from the datasource's name. */
    String datasourceName;

    // top-level names, first declaration wins
    final Map<String, Block> modelBlocks = new LinkedHashMap<>();
    final Map<String, Block> enumBlocks = new LinkedHashMap<>();
    final Map<String, Block> typeBlocks = new LinkedHashMap<>();

    // working data
    final List<ModelInfo> models = new ArrayList<>();
    final Map<String, ModelInfo> modelsByName = new LinkedHashMap<>();
    final List<EnumType> enums = new ArrayList<>();
    final Map<String, EnumType> enumsByName = new LinkedHashMap<>();
    final List<CompositeInfo> composites = new ArrayList<>();
    final Map<String, CompositeInfo> compositesByName = new LinkedHashMap<>();
    final List<Relation> relations = new ArrayList<>();

    Context(List<SchemaAst> files, Diagnostics diagnostics) {
        this.files = files;
        this.diagnostics = diagnostics;
    }

    void error(String message, Span span) { diagnostics.error(message, span); }

    void warning(String message, Span span) { diagnostics.warning(message, span); }

    boolean has(Provider p) { return provider == p; }

    boolean isSql() { return provider == null || provider.isSql(); }

    boolean preview(String feature) { return previewFeatures.contains(feature); }

    /** Every block of the given kinds across all files, in file and written order. */
    List<Block> blocks(BlockKind... kinds) {
        List<Block> out = new ArrayList<>();
        for (SchemaAst ast : files) {
            for (Block b : ast.blocks()) {
                for (BlockKind k : kinds) if (b.kind() == k) { out.add(b); break; }
            }
        }
        return out;
    }

    /** Working data of one model or view. */
    static final class ModelInfo {
        final Block block;
        final String name;
        final boolean view;
        final List<FieldInfo> fields = new ArrayList<>();
        final Map<String, FieldInfo> fieldsByName = new LinkedHashMap<>();
        String databaseName;
        Span mapSpan;
        PrimaryKey primaryKey;
        Attribute primaryKeyAttribute;
        final List<Index> indexes = new ArrayList<>();
        final List<Attribute> indexAttributes = new ArrayList<>();
        boolean ignored;
        String schema;
        Attribute schemaAttribute;

        ModelInfo(Block block) {
            this.block = block;
            this.name = block.name().name();
            this.view = block.kind() == BlockKind.VIEW;
        }

        String kindLabel() { return view ? "view" : "model"; }

        String tableName() { return databaseName != null ? databaseName : name; }

        FieldInfo field(String fieldName) { return fieldsByName.get(fieldName); }
    }

    /** Working data of one field of a model, view or composite type. */
    static final class FieldInfo {
        final Member.Field ast;
        final String name;
        FieldArity arity = FieldArity.REQUIRED;
        /** Null for a relation field or an unresolved type. */
        FieldKind kind;
        boolean relation;
        ScalarType scalarType;
        String typeName;
        boolean id;
        Attribute idAttribute;
        IndexArguments.Options idOptions;
        boolean unique;
        Attribute uniqueAttribute;
        IndexArguments.Options uniqueOptions;
        DefaultValue defaultValue;
        Attribute defaultAttribute;
        String defaultName;
        String databaseName;
        Attribute mapAttribute;
        boolean updatedAt;
        boolean ignored;
        NativeType nativeType;
        Attribute nativeTypeAttribute;
        RelationAttribute relationAttribute;
        Attribute shardKeyAttribute;
        /** Set by the relations pass once the field is paired. */
        String relationName;
        String documentation;

        FieldInfo(Member.Field ast) {
            this.ast = ast;
            this.name = ast.name().name();
            this.documentation = ast.documentation();
        }

        String columnName() { return databaseName != null ? databaseName : name; }

        boolean isScalarLike() { return !relation && kind != null; }

        Span span() { return ast.span(); }
    }

    /** The parsed arguments of a {@code @relation} attribute. */
    static final class RelationAttribute {
        Attribute attribute;
        String name;
        List<String> fields;
        List<Span> fieldSpans = new ArrayList<>();
        /** Where the {@code fields} list is written; Prisma points at it when a field is unknown. */
        Span fieldsSpan;
        List<String> references;
        ReferentialAction onDelete;
        Span onDeleteSpan;
        ReferentialAction onUpdate;
        Span onUpdateSpan;
        String map;
    }

    /** Working data of one composite type. */
    static final class CompositeInfo {
        final Block block;
        final String name;
        final List<FieldInfo> fields = new ArrayList<>();
        final Map<String, FieldInfo> fieldsByName = new LinkedHashMap<>();

        CompositeInfo(Block block) {
            this.block = block;
            this.name = block.name().name();
        }
    }

    /** Builds the public composite-type list from working data (used by {@link ModelBuilder}). */
    List<CompositeType> compositeTypes() {
        List<CompositeType> out = new ArrayList<>();
        for (CompositeInfo c : composites) {
            out.add(new CompositeType(c.name, c.fields.stream().filter(FieldInfo::isScalarLike).map(ModelBuilder::scalarField).toList(),
                    c.block.documentation(), c.block.span()));
        }
        return out;
    }
}
