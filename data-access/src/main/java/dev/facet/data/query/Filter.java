package dev.facet.data.query;

import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.List;

/**
 * A connector-neutral {@code where} condition, parsed and checked against the schema. Values are
 * already converted to their Java types (see {@link dev.facet.data.value.Values}).
 */
public sealed interface Filter {
    /** Matches every record ({@code AND: []}, an empty {@code where}). */
    Filter ALL = new Constant(true);
    /** Matches no record ({@code OR: []}). */
    Filter NONE = new Constant(false);

    /** A constant truth value. */
    record Constant(boolean value) implements Filter {}

    /** All must match. */
    record And(List<Filter> filters) implements Filter {
        public And { filters = List.copyOf(filters); }
    }

    /** At least one must match; an empty list matches nothing. */
    record Or(List<Filter> filters) implements Filter {
        public Or { filters = List.copyOf(filters); }
    }

    /** The filter must not match. */
    record Not(Filter filter) implements Filter {}

    /**
     * A comparison of a scalar field with a value.
     *
     * @param field       the field
     * @param op          the operator
     * @param value       the value (never null: null checks are {@link IsNull})
     * @param insensitive {@code mode: 'insensitive'}
     */
    record Compare(ScalarField field, CompareOp op, Object value, boolean insensitive) implements Filter {}

    /** {@code in: [...]}; an empty list matches nothing. */
    record In(ScalarField field, List<Object> values, boolean insensitive) implements Filter {
        public In { values = List.copyOf(values); }
    }

    /** The field is null. */
    record IsNull(ScalarField field) implements Filter {}

    /** Whether the field is present in the document at all ({@code isSet}, MongoDB only: SQL columns are always there). */
    record IsSet(ScalarField field, boolean set) implements Filter {}

    /** A condition on a scalar list: {@code has}, {@code hasSome}, {@code hasEvery}, {@code isEmpty}, {@code equals}. */
    record ListCondition(ScalarField field, ListOp op, Object value) implements Filter {}

    /**
     * A to-many relation condition.
     *
     * @param field      the relation field
     * @param quantifier some, every or none
     * @param filter     the condition on related records
     */
    record ToMany(RelationField field, Quantifier quantifier, Filter filter) implements Filter {}

    /**
     * A to-one relation condition: the related record exists and matches ({@code is}), or it does not
     * exist or does not match ({@code isNot}). A null {@code filter} is a pure existence check.
     */
    record ToOne(RelationField field, boolean negated, Filter filter) implements Filter {}

    /**
     * A condition on a Json field, or on the value under a path in it (Prisma's Json filters).
     *
     * @param field       the Json field
     * @param path        the path: keys for PostgreSQL, one JSON path expression ({@code $.a[0]}) for MySQL and
     *                    SQLite; empty for the whole value
     * @param op          the operation
     * @param value       a {@link com.fasterxml.jackson.databind.JsonNode} (JSON null for Prisma's JsonNull), the
     *                    text of a {@code string_*} operation, or null for the null checks
     * @param insensitive {@code mode: 'insensitive'} on a {@code string_*} operation
     */
    record JsonCondition(ScalarField field, List<String> path, JsonOp op, Object value, boolean insensitive) implements Filter {
        public JsonCondition { path = List.copyOf(path); }
    }

    /**
     * A condition on a composite field: an embedded document, or a list of them (MongoDB only; a connector without
     * {@link dev.facet.data.connector.ConnectorCapability#COMPOSITE_TYPES} never gets one). Negated, every condition
     * still requires the field to be present, as Prisma's MongoDB connector builds them.
     *
     * @param field     the composite field of the record (or of the enclosing composite, for nested conditions)
     * @param condition what the value must satisfy
     */
    record Composite(ScalarField field, CompositeCondition condition) implements Filter {}

    /** What a composite value must satisfy. */
    sealed interface CompositeCondition {
        /**
         * {@code is}: the single composite's fields match {@code filter} (a filter on the composite type's fields).
         * Negated ({@code isNot}), Prisma negates each condition inside, which still requires its field.
         */
        record Is(Filter filter) implements CompositeCondition {}

        /**
         * {@code equals} (or the shorthand): the whole value is equal, field order and list order included.
         *
         * @param value a JSON object, an array of them, or null (an explicit null, never a missing field)
         */
        record Equals(com.fasterxml.jackson.databind.JsonNode value) implements CompositeCondition {}

        /** {@code some}, {@code every}, {@code none}: elements of a composite list matching a filter on the type's fields. */
        record Elements(Quantifier quantifier, Filter filter) implements CompositeCondition {}

        /** {@code isEmpty} on a composite list (a missing list is neither empty nor not). */
        record Empty(boolean empty) implements CompositeCondition {}
    }

    /** Json operations; IS_NULL and IS_NOT_NULL test whether the path leads anywhere (Prisma's DbNull under a path). */
    enum JsonOp {
        EQUALS, NOT_EQUALS, IS_NULL, IS_NOT_NULL, LT, LTE, GT, GTE, STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH,
        ARRAY_CONTAINS, ARRAY_STARTS_WITH, ARRAY_ENDS_WITH
    }

    /** Comparison operators. */
    enum CompareOp { EQUALS, NOT_EQUALS, LT, LTE, GT, GTE, CONTAINS, STARTS_WITH, ENDS_WITH }

    /** Scalar list operators. */
    enum ListOp { HAS, HAS_SOME, HAS_EVERY, IS_EMPTY, EQUALS }

    /** To-many quantifiers. */
    enum Quantifier { SOME, EVERY, NONE }

    /** @return whether the filter looks at related records (a relation condition anywhere in it) */
    static boolean readsRelations(Filter f) {
        return switch (f) {
            case ToMany m -> true;
            case ToOne o -> true;
            case And a -> a.filters().stream().anyMatch(Filter::readsRelations);
            case Or o -> o.filters().stream().anyMatch(Filter::readsRelations);
            case Not n -> readsRelations(n.filter());
            default -> false;
        };
    }

    /** @return the conjunction, simplified */
    static Filter and(List<Filter> filters) {
        List<Filter> kept = filters.stream().filter(f -> !(f instanceof Constant c && c.value())).toList();
        if (kept.isEmpty()) return ALL;
        if (kept.size() == 1) return kept.getFirst();
        return new And(kept);
    }
}
