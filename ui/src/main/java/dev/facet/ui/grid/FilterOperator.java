package dev.facet.ui.grid;

import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;

/** The conditions a filter row can put on a field, offered by the field's type. */
public enum FilterOperator {
    EQUALS("equals", "="),
    NOT("not", "≠"),
    CONTAINS("contains", "contains"),
    STARTS_WITH("startsWith", "starts with"),
    ENDS_WITH("endsWith", "ends with"),
    LT("lt", "<"),
    LTE("lte", "≤"),
    GT("gt", ">"),
    GTE("gte", "≥"),
    IN("in", "in"),
    NOT_IN("notIn", "not in"),
    IS_NULL(null, "is null"),
    IS_NOT_NULL(null, "is not null"),
    HAS("has", "has"),
    IS_EMPTY("isEmpty", "is empty"),
    SOME("some", "some"),
    EVERY("every", "every"),
    NONE("none", "none"),
    IS("is", "is"),
    IS_NOT("isNot", "is not"),
    /** The field is in the record, null or not (MongoDB: {@code isSet: true}). */
    IS_SET("isSet", "is set"),
    /** The field is missing from the record, not even null (MongoDB: {@code isSet: false}). */
    IS_NOT_SET("isSet", "is not set");

    /** What an operator needs besides the field. */
    public enum Operand {
        /** Nothing ({@code is null}). */
        NONE,
        /** One value. */
        ONE,
        /** A list of values ({@code in}). */
        LIST,
        /** Conditions on the related model ({@code some}, {@code is}). */
        NESTED
    }

    private final String prismaKey;
    private final String label;

    FilterOperator(String prismaKey, String label) {
        this.prismaKey = prismaKey;
        this.label = label;
    }

    /** @return Prisma Client's name for the condition ({@code startsWith}), or null for null checks */
    public String prismaKey() { return prismaKey; }

    /** @return the label shown in the operator list */
    public String label() { return label; }

    /** @return what the operator needs besides the field */
    public Operand operand() {
        return switch (this) {
            case IS_NULL, IS_NOT_NULL, IS_EMPTY, IS_SET, IS_NOT_SET -> Operand.NONE;
            case IN, NOT_IN -> Operand.LIST;
            case SOME, EVERY, NONE, IS, IS_NOT -> Operand.NESTED;
            default -> Operand.ONE;
        };
    }

    /** @return whether the operator compares text and so can ignore case */
    public boolean isTextMatch() {
        return this == EQUALS || this == NOT || this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH || this == IN || this == NOT_IN;
    }

    @Override
    public String toString() { return label; }

    /**
     * The operators a column offers, most useful first; empty when the column cannot be filtered
     * (unsupported and composite fields).
     *
     * @param column the column
     * @return its operators
     */
    public static List<FilterOperator> forColumn(GridColumn column) { return forColumn(column, false); }

    /**
     * As {@link #forColumn(GridColumn)}, where fields may be missing from a record ({@code absentFields}): optional
     * fields and embedded documents also offer "is set" and "is not set".
     */
    public static List<FilterOperator> forColumn(GridColumn column, boolean absentFields) {
        List<FilterOperator> ops = new ArrayList<>(operators(column));
        boolean optional = column.nullable() && !column.isRelation() && column.kind() != GridColumn.Kind.UNSUPPORTED;
        if (absentFields && (optional || column.kind() == GridColumn.Kind.COMPOSITE)) ops.addAll(List.of(IS_SET, IS_NOT_SET));
        return List.copyOf(ops);
    }

    private static List<FilterOperator> operators(GridColumn column) {
        List<FilterOperator> out = new ArrayList<>();
        switch (column.kind()) {
            case TO_MANY -> out.addAll(List.of(SOME, EVERY, NONE));
            case TO_ONE -> out.addAll(List.of(IS, IS_NOT));
            case UNSUPPORTED -> { return List.of(); }
            // Embedded documents take conditions on their own fields, as relations do on the related model's.
            case COMPOSITE -> out.addAll(column.isList() ? List.of(SOME, EVERY, NONE, IS_EMPTY) : List.of(IS, IS_NOT));
            case ENUM -> out.addAll(column.isList() ? List.of(HAS, IS_EMPTY) : List.of(EQUALS, NOT, IN, NOT_IN));
            case SCALAR -> {
                if (column.isList()) {
                    out.addAll(List.of(HAS, IS_EMPTY));
                } else {
                    ScalarType t = column.scalarType();
                    switch (t) {
                        case STRING -> out.addAll(List.of(CONTAINS, EQUALS, NOT, STARTS_WITH, ENDS_WITH, IN, NOT_IN, LT, LTE, GT, GTE));
                        case BOOLEAN -> out.addAll(List.of(EQUALS, NOT));
                        case INT, BIG_INT, FLOAT, DECIMAL, DATE_TIME -> out.addAll(List.of(EQUALS, NOT, LT, LTE, GT, GTE, IN, NOT_IN));
                        case JSON, BYTES -> { }
                    }
                }
            }
        }
        if (column.nullable()) out.addAll(List.of(IS_NULL, IS_NOT_NULL));
        return List.copyOf(out);
    }
}
