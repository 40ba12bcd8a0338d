package dev.facet.data.query;

import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.List;

/** One {@code orderBy} entry. */
public sealed interface Ordering {
    /** @return whether descending */
    boolean descending();

    /**
     * By a scalar field, possibly reached through to-one relations ({@code orderBy: {author: {name: 'asc'}}}).
     *
     * @param path       the to-one relation fields walked, empty for the model's own field
     * @param field      the field
     * @param descending the direction
     * @param nulls      where nulls go: null for the database default, else FIRST or LAST
     */
    record ByField(List<RelationField> path, ScalarField field, boolean descending, Nulls nulls) implements Ordering {
        public ByField { path = List.copyOf(path); }
    }

    /** By the number of related records ({@code orderBy: {posts: {_count: 'desc'}}}). */
    record ByRelationCount(List<RelationField> path, RelationField relation, boolean descending) implements Ordering {
        public ByRelationCount { path = List.copyOf(path); }
    }

    /**
     * By an aggregate of a group ({@code groupBy} only: {@code orderBy: {_sum: {views: 'desc'}}}).
     *
     * @param function   the aggregate function
     * @param field      the field aggregated
     * @param descending the direction
     * @param nulls      where nulls go, or null for the database default
     */
    record ByAggregate(Aggregation.Function function, ScalarField field, boolean descending, Nulls nulls) implements Ordering {}

    /** Where nulls sort. */
    enum Nulls { FIRST, LAST }
}
