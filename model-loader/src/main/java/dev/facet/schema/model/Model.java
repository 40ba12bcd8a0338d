package dev.facet.schema.model;

import dev.facet.schema.source.Span;
import java.util.List;

/**
 * A {@code model} or {@code view}.
 *
 * @param name          the name clients use
 * @param databaseName  the table or collection name ({@code @@map}, else the name)
 * @param view          whether it is a {@code view}
 * @param fields        every field in written order (scalar and relation)
 * @param primaryKey    the {@code @id}/{@code @@id}, or null (views, or models with only a unique)
 * @param indexes       unique constraints and indexes in written order (field-level {@code @unique} first)
 * @param ignored       whether it has {@code @@ignore}
 * @param schema        the {@code @@schema}, or null
 * @param documentation the {@code ///} comment, or null
 * @param span          where it is declared
 */
public record Model(String name, String databaseName, boolean view, List<Field> fields, PrimaryKey primaryKey,
                    List<Index> indexes, boolean ignored, String schema, String documentation, Span span) {
    public Model {
        fields = List.copyOf(fields);
        indexes = List.copyOf(indexes);
    }

    /** @return the field with this name, or null */
    public Field field(String fieldName) {
        for (Field f : fields) if (f.name().equals(fieldName)) return f;
        return null;
    }

    /** @return the scalar, enum, composite and unsupported fields in written order */
    public List<ScalarField> scalarFields() {
        return fields.stream().filter(ScalarField.class::isInstance).map(ScalarField.class::cast).toList();
    }

    /** @return the relation fields in written order */
    public List<RelationField> relationFields() {
        return fields.stream().filter(RelationField.class::isInstance).map(RelationField.class::cast).toList();
    }

    /** @return the unique constraints (single and compound) in written order */
    public List<Index> uniqueIndexes() {
        return indexes.stream().filter(i -> i.kind() == IndexKind.UNIQUE).toList();
    }
}
