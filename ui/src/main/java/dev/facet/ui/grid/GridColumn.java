package dev.facet.ui.grid;

import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One column of the grid: a field of the model, with what the header shows about it.
 *
 * @param field        the field
 * @param kind         how the column shows and edits its values
 * @param typeLabel    the type as written in the schema ({@code String?}, {@code Order[]}, {@code Role})
 * @param id           whether the field is (part of) the primary key
 * @param unique       whether the field is unique on its own
 * @param foreignKey   whether the field holds (part of) a foreign key
 * @param requiredOnCreate whether a new record needs a value for it (required, no default, not {@code @updatedAt})
 * @param enumType     the enum for enum columns, else null
 * @param related      the related model for relation columns, else null
 * @param displayField the related model's field shown in a to-one cell, else null
 */
public record GridColumn(Field field, Kind kind, String typeLabel, boolean id, boolean unique, boolean foreignKey,
                         boolean requiredOnCreate, EnumType enumType, Model related, ScalarField displayField) {

    /** How a column shows and edits its values. */
    public enum Kind {
        /** A built-in scalar or a scalar list. */
        SCALAR,
        /** An enum (or a list of one). */
        ENUM,
        /** {@code Unsupported("...")}: Prisma Client cannot read or write it, so neither can the grid. */
        UNSUPPORTED,
        /** A composite type (MongoDB's embedded documents), shown as a one-line summary and edited in a form. */
        COMPOSITE,
        /** A relation to at most one record: shows the related record's display value. */
        TO_ONE,
        /** A relation to many records: shows their count. */
        TO_MANY,
        /** A field whose column is missing in the database: shown, never read or written, until the column exists. */
        UNAVAILABLE
    }

    /** @return the field name, which is also the column's id */
    public String name() { return field.name(); }

    /** @return the scalar field, or null for relation columns */
    public ScalarField scalar() { return field instanceof ScalarField s ? s : null; }

    /** @return the relation field, or null for scalar columns */
    public RelationField relation() { return field instanceof RelationField r ? r : null; }

    /** @return whether the column is a relation */
    public boolean isRelation() { return kind == Kind.TO_ONE || kind == Kind.TO_MANY; }

    /** @return whether the column holds a list of values (a scalar list) */
    public boolean isList() { return !isRelation() && field.isList(); }

    /** @return the scalar type, or null for enums, relations and unsupported fields */
    public ScalarType scalarType() { return field instanceof ScalarField s ? s.scalarType() : null; }

    /** @return whether values can be typed into the column (relations are followed, not typed) */
    public boolean editable() { return kind == Kind.SCALAR || kind == Kind.ENUM || kind == Kind.COMPOSITE; }

    /** @return whether the field may hold NULL */
    public boolean nullable() { return field.isOptional(); }

    /**
     * The columns of a model in schema order: every field that is not {@code @ignore}d.
     *
     * @param schema the schema the model belongs to
     * @param model  the model
     * @return its columns
     */
    public static List<GridColumn> of(Schema schema, Model model) { return of(schema, model, Set.of()); }

    /**
     * The columns of a model, with the fields whose column is missing in the database shown as {@link Kind#UNAVAILABLE}
     * (the project opens on a schema where they are {@code @ignore}d, so they are never queried).
     *
     * @param unavailable the names of the fields whose column is missing
     */
    public static List<GridColumn> of(Schema schema, Model model, Set<String> unavailable) {
        Set<String> keyFields = new HashSet<>(model.primaryKey() != null ? model.primaryKey().fieldNames() : List.of());
        Set<String> uniqueFields = new HashSet<>();
        model.uniqueIndexes().stream().filter(i -> i.fields().size() == 1).forEach(i -> uniqueFields.add(i.fieldNames().getFirst()));
        Set<String> fkFields = new HashSet<>();
        for (RelationField rf : model.relationFields()) fkFields.addAll(rf.fields());
        List<GridColumn> out = new ArrayList<>();
        for (Field f : model.fields()) {
            if (f.ignored() && f instanceof ScalarField s && unavailable.contains(s.name())) {
                out.add(new GridColumn(s, Kind.UNAVAILABLE, s.typeName() + s.arity().suffix(), false, false, false, false, null, null, null));
                continue;
            }
            if (f.ignored()) continue;
            switch (f) {
                case ScalarField s -> {
                    Kind kind = switch (s.kind()) {
                        case SCALAR -> Kind.SCALAR;
                        case ENUM -> Kind.ENUM;
                        case COMPOSITE -> Kind.COMPOSITE;
                        case UNSUPPORTED -> Kind.UNSUPPORTED;
                    };
                    String type = s.kind() == FieldKind.UNSUPPORTED ? "Unsupported(\"" + s.typeName() + "\")" : s.typeName();
                    boolean required = s.isRequired() && !s.hasGeneratedValue() && kind != Kind.UNSUPPORTED;
                    out.add(new GridColumn(s, kind, type + s.arity().suffix(), keyFields.contains(s.name()),
                            s.unique() || uniqueFields.contains(s.name()), fkFields.contains(s.name()), required,
                            s.isEnum() ? schema.enumType(s.typeName()) : null, null, null));
                }
                case RelationField r -> {
                    Model related = schema.model(r.relatedModel());
                    Kind kind = r.isList() ? Kind.TO_MANY : Kind.TO_ONE;
                    out.add(new GridColumn(r, kind, r.relatedModel() + r.arity().suffix(), false, false, false, false, null,
                            related, kind == Kind.TO_ONE && related != null ? displayField(related) : null));
                }
            }
        }
        return out;
    }

    /** @return why an {@link Kind#UNAVAILABLE} column shows no values */
    public static String unavailableWhy(GridColumn c) {
        String column = c.scalar() != null ? c.scalar().databaseName() : c.name();
        return "Unavailable: the column \"" + column + "\" of " + c.name() + " is missing in the database; it is not read or written until it exists";
    }

    /** Field names that read as a record's title, best first. */
    private static final List<String> DISPLAY_NAMES = List.of("name", "title", "label", "displayName", "fullName", "username",
            "email", "number", "slug", "code", "sku", "key");

    /**
     * The field that names a record of {@code model} in relation cells: a {@code name}, {@code title},
     * {@code email} or similar String field, else its first unique String field, else its (first) id field.
     *
     * @param model the model
     * @return the field, or null when the model has neither such a field nor a key
     */
    public static ScalarField displayField(Model model) {
        for (String name : DISPLAY_NAMES) {
            for (ScalarField s : model.scalarFields()) {
                if (s.name().equalsIgnoreCase(name) && isText(s)) return s;
            }
        }
        for (ScalarField s : model.scalarFields()) if (s.unique() && isText(s)) return s;
        List<ScalarField> key = RowKey.fields(model);
        return key.isEmpty() ? null : key.getFirst();
    }

    private static boolean isText(ScalarField s) {
        return s.kind() == FieldKind.SCALAR && s.scalarType() == ScalarType.STRING && !s.isList() && !s.ignored();
    }

    /** @return a short description of the default a new record gets, or null when it has none */
    public String defaultDescription() {
        ScalarField s = scalar();
        if (s == null || kind == Kind.UNAVAILABLE) return null;
        if (s.updatedAt()) return "now()";
        DefaultValue d = s.defaultValue();
        if (d == null) return null;
        return switch (d) {
            case DefaultValue.Autoincrement a -> "auto";
            case DefaultValue.Cuid c -> "cuid()";
            case DefaultValue.Uuid u -> "uuid()";
            case DefaultValue.Nanoid n -> "nanoid()";
            case DefaultValue.Ulid u -> "ulid()";
            case DefaultValue.Now n -> "now()";
            case DefaultValue.DbGenerated g -> "database";
            case DefaultValue.Auto a -> "auto";
            case DefaultValue.Sequence q -> "sequence";
            case DefaultValue.Literal l -> literal(l.value());
        };
    }

    private static String literal(Object v) {
        return switch (v) {
            case DefaultValue.EnumValueRef e -> e.name();
            case List<?> list -> list.stream().map(GridColumn::literal).toList().toString();
            default -> String.valueOf(v);
        };
    }
}
