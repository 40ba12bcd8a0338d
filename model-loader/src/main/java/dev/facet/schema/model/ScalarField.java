package dev.facet.schema.model;

import dev.facet.schema.source.Span;

/**
 * A field that holds a value in the row or document itself: a scalar, an enum, a composite type or an
 * {@code Unsupported("...")} database type.
 *
 * @param name          the field name
 * @param databaseName  the column name ({@code @map}, else the field name)
 * @param kind          scalar, enum, composite or unsupported
 * @param scalarType    the scalar type when {@code kind == SCALAR}, else null
 * @param typeName      the type as written: {@code String}, the enum's or composite type's name, or the
 *                      unsupported database type
 * @param arity         required, optional or list
 * @param nativeType    the {@code @db.X} native type, or null
 * @param defaultValue  the {@code @default}, or null
 * @param defaultName   the {@code @default(map: ...)} constraint name, or null
 * @param updatedAt     whether the field has {@code @updatedAt}
 * @param id            whether the field has {@code @id}
 * @param unique        whether the field has {@code @unique}
 * @param ignored       whether the field has {@code @ignore}
 * @param documentation the {@code ///} comment, or null
 * @param span          where it is declared
 */
public record ScalarField(String name, String databaseName, FieldKind kind, ScalarType scalarType, String typeName,
                          FieldArity arity, NativeType nativeType, DefaultValue defaultValue, String defaultName,
                          boolean updatedAt, boolean id, boolean unique, boolean ignored, String documentation,
                          Span span) implements Field {

    /** @return whether the field is an enum */
    public boolean isEnum() { return kind == FieldKind.ENUM; }

    /** @return whether the field is a composite type */
    public boolean isComposite() { return kind == FieldKind.COMPOSITE; }

    /** @return whether the field is {@code Unsupported("...")}, which clients cannot read or write */
    public boolean isUnsupported() { return kind == FieldKind.UNSUPPORTED; }

    /** @return whether a value is generated on create when none is given (a default or {@code @updatedAt}) */
    public boolean hasGeneratedValue() { return defaultValue != null || updatedAt; }
}
