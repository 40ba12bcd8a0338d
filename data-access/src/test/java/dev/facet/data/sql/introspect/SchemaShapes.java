package dev.facet.data.sql.introspect;

import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A loaded schema as lines that name tables and columns by their database names, so that two schemas for the same
 * database compare equal whatever their models, fields and relations are called and in whatever order they come.
 */
final class SchemaShapes {
    private SchemaShapes() {}

    /**
     * @param schema      the loaded schema
     * @param keepNative  which native types to keep (the others are the provider's default for the type and compare as none)
     */
    static TreeSet<String> of(Schema schema, Predicate<String> keepNative) { return of(schema, keepNative, false); }

    /** @param inlineEnums name enums by their values (MySQL: an enum is a column's type, db pull names it table_column) */
    static TreeSet<String> of(Schema schema, Predicate<String> keepNative, boolean inlineEnums) {
        TreeSet<String> out = new TreeSet<>();
        Map<String, Model> models = schema.modelsByName();
        for (Model m : schema.models()) {
            String t = m.databaseName();
            out.add("model " + t);
            for (ScalarField f : m.scalarFields()) {
                String nt = f.nativeType() == null ? "" : f.nativeType().name()
                        + (f.nativeType().arguments().isEmpty() ? "" : f.nativeType().arguments().toString());
                String type = !f.isEnum() ? f.typeName() : inlineEnums
                        ? "enum " + schema.enumType(f.typeName()).values().stream().map(v -> v.databaseName()).toList()
                        : "enum " + schema.enumType(f.typeName()).databaseName();
                out.add("column " + t + "." + f.databaseName() + " " + type + " " + f.arity()
                        + (!nt.isEmpty() && keepNative.test(nt) ? " @db." + nt : "") + defaultText(f.defaultValue(), schema, f));
            }
            if (m.primaryKey() != null) out.add("id " + t + " " + columns(m, m.primaryKey().fields()));
            for (Index i : m.indexes()) out.add(i.kind() + " " + t + " " + columns(m, i.fields()) + " " + i.databaseName());
        }
        if (!inlineEnums) schema.enums().forEach(e -> out.add("enum " + e.databaseName() + " "
                + e.values().stream().map(v -> v.databaseName()).toList()));
        for (Relation r : schema.relations()) {
            if (r.joinTable() != null) {
                out.add("many-to-many " + r.joinTable().tableName() + " A=" + models.get(r.joinTable().modelA()).databaseName()
                        + " B=" + models.get(r.joinTable().modelB()).databaseName());
                continue;
            }
            Model from = models.get(r.referencingModel());
            Model to = models.get(r.referencedModel());
            Field back = r.referencedField() == null ? null : to.field(r.referencedField());
            out.add("relation " + from.databaseName() + r.fields().stream().map(f -> column(from, f)).toList() + " -> "
                    + to.databaseName() + r.references().stream().map(f -> column(to, f)).toList() + " " + r.kind()
                    + " back " + (back == null ? "none" : back.arity()) + " onDelete " + r.onDelete() + " onUpdate " + r.onUpdate()
                    + " " + r.foreignKeyName());
        }
        return out;
    }

    private static String defaultText(DefaultValue d, Schema schema, ScalarField f) {
        return switch (d) {
            case null -> "";
            // Made by Prisma Client, not by the database: db pull cannot see them.
            case DefaultValue.Cuid c -> "";
            case DefaultValue.Uuid u -> "";
            case DefaultValue.Nanoid n -> "";
            case DefaultValue.Ulid u -> "";
            case DefaultValue.Literal l -> " default " + literal(l.value(), f.isEnum() ? schema.enumType(f.typeName()) : null,
                    f.scalarType() != null && f.scalarType().isNumeric());
            default -> " default " + d;
        };
    }

    private static String literal(Object value, EnumType enumType, boolean numeric) {
        if (value instanceof List<?> list) return list.stream().map(v -> literal(v, enumType, numeric)).toList().toString();
        if (numeric || value instanceof Number) return new java.math.BigDecimal(String.valueOf(value)).stripTrailingZeros().toPlainString();
        if (value instanceof DefaultValue.EnumValueRef ref) return enumType.value(ref.name()).databaseName();
        return String.valueOf(value);
    }

    private static List<String> columns(Model m, List<IndexField> fields) {
        return fields.stream().map(f -> column(m, f.name()) + (f.sort() == null || f.sort().equals("Asc") ? "" : " " + f.sort())).toList();
    }

    private static String column(Model m, String field) {
        return m.field(field) instanceof ScalarField s ? s.databaseName() : field;
    }
}
