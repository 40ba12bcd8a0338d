package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;

/** A part of the filter bar: a condition on one field, or a group of parts joined by AND or OR. */
public sealed interface FilterNode permits FilterCondition, FilterGroup {
    /**
     * The Prisma {@code where} this part stands for.
     *
     * @param options how values are read and matched
     * @return the where object, or null when the part is empty (it then filters nothing)
     * @throws FilterCondition.Invalid naming the condition whose value does not fit its field
     */
    ObjectNode toWhere(Options options);

    /** Clears the error marks set by the last {@link #toWhere}. */
    void clearErrors();

    /**
     * How filter values are read and matched.
     *
     * @param zone                  the zone a DateTime without an offset is read in
     * @param insensitiveSupported  whether the database matches text case-insensitively on request
     *                              ({@code mode: "insensitive"}: PostgreSQL, CockroachDB, MongoDB)
     */
    record Options(ZoneId zone, boolean insensitiveSupported) {}
}
