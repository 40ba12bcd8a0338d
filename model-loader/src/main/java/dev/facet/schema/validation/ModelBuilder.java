package dev.facet.schema.validation;

import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the passes' working data into the immutable {@link Schema}. */
final class ModelBuilder {
    private final Context ctx;

    ModelBuilder(Context ctx) { this.ctx = ctx; }

    Schema build() {
        List<Model> models = new ArrayList<>();
        for (ModelInfo m : ctx.models) models.add(model(m));
        return new Schema(Optional.ofNullable(ctx.datasource), ctx.generators, models, ctx.enums, ctx.compositeTypes(), ctx.relations);
    }

    private Model model(ModelInfo m) {
        List<Field> fields = new ArrayList<>();
        for (FieldInfo f : m.fields) {
            if (f.relation) fields.add(relationField(m, f));
            else if (f.kind != null) fields.add(scalarField(f));
        }
        PrimaryKey pk = m.primaryKey;
        if (pk != null && pk.databaseName() == null && !m.view && ctx.isSql()) {
            pk = new PrimaryKey(pk.name(), ConstraintNames.primaryKey(ctx.provider, m.tableName()), pk.fields(), pk.clustered(), pk.fromField());
        }
        List<Index> indexes = new ArrayList<>();
        for (Index i : m.indexes) {
            if (i.databaseName() != null) {
                indexes.add(i);
                continue;
            }
            List<String> columns = i.fields().stream().map(IndexField::name).map(n -> columnOf(m, n)).toList();
            String name = i.kind() == IndexKind.UNIQUE ? ConstraintNames.unique(ctx.provider, m.tableName(), columns)
                    : ConstraintNames.index(ctx.provider, m.tableName(), columns);
            indexes.add(new Index(i.kind(), i.name(), name, i.fields(), i.type(), i.clustered(), i.fromField()));
        }
        return new Model(m.name, m.tableName(), m.view, fields, pk, indexes, m.ignored, m.schema, m.block.documentation(), m.block.span());
    }

    private static String columnOf(ModelInfo m, String fieldName) {
        FieldInfo f = m.field(fieldName);
        return f == null ? fieldName : f.columnName();
    }

    private RelationField relationField(ModelInfo m, FieldInfo f) {
        var r = f.relationAttribute;
        List<String> fields = r != null && r.fields != null ? r.fields : List.of();
        List<String> references = r != null && r.references != null ? r.references : List.of();
        return new RelationField(f.name, f.typeName, f.arity, f.relationName, fields, references, f.ignored, f.documentation, f.span());
    }

    static ScalarField scalarField(FieldInfo f) {
        return new ScalarField(f.name, f.columnName(), f.kind, f.kind == FieldKind.SCALAR ? f.scalarType : null, f.typeName, f.arity,
                f.nativeType, f.defaultValue, f.defaultName, f.updatedAt, f.id, f.unique, f.ignored, f.documentation, f.span());
    }
}
