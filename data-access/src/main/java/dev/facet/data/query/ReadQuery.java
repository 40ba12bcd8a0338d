package dev.facet.data.query;

import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/**
 * A read of records of one model: {@code findMany} and friends at the top level, or a relation read
 * nested in a selection.
 *
 * @param model     the model read
 * @param where     the condition ({@link Filter#ALL} when none)
 * @param orderBy   the ordering, possibly empty
 * @param cursor    the cursor record's unique values by field name, or null
 * @param skip      records to skip, or null
 * @param take      records to take (negative: from the end), or null for all
 * @param distinct  fields whose value combination must be distinct, possibly empty
 * @param selection what to return
 * @param limit     at most this many records, in whatever order the database gives when {@code orderBy} is empty
 *                  (findFirst without take, updateMany's {@code limit}); unlike {@code take}, it implies no
 *                  ordering. Null for none
 */
public record ReadQuery(Model model, Filter where, List<Ordering> orderBy, Map<ScalarField, Object> cursor, Long skip, Long take,
                        List<ScalarField> distinct, Selection selection, Long limit) {
    public ReadQuery {
        orderBy = List.copyOf(orderBy);
        distinct = List.copyOf(distinct);
    }

    /** A read without a {@code limit}. */
    public ReadQuery(Model model, Filter where, List<Ordering> orderBy, Map<ScalarField, Object> cursor, Long skip, Long take,
                     List<ScalarField> distinct, Selection selection) {
        this(model, where, orderBy, cursor, skip, take, distinct, selection, null);
    }

    /** @return a copy with another selection */
    public ReadQuery withSelection(Selection other) {
        return new ReadQuery(model, where, orderBy, cursor, skip, take, distinct, other, limit);
    }

    /** @return a copy with another condition */
    public ReadQuery withWhere(Filter other) {
        return new ReadQuery(model, other, orderBy, cursor, skip, take, distinct, selection, limit);
    }

    /** @return a copy returning at most {@code n} records without implying an order */
    public ReadQuery withLimit(Long n) {
        return new ReadQuery(model, where, orderBy, cursor, skip, take, distinct, selection, n);
    }
}
