package dev.facet.data.connector;

/**
 * How many records a table holds by the database's own bookkeeping, read without counting them (PostgreSQL's
 * {@code pg_class.reltuples}, MySQL's {@code information_schema.TABLES}): for a sidebar on a big shared server, where
 * a {@code count(*)} of every table is hours of server time nobody asked for.
 *
 * @param rows         the estimated number of rows, or -1 when the database keeps none (a table never analysed)
 * @param cheapToCount whether the table is small enough (by its size on disk) that an exact count costs next to
 *                     nothing
 */
public record RowEstimate(long rows, boolean cheapToCount) {
    /** Nothing known, and counting may be expensive. */
    public static final RowEstimate UNKNOWN = new RowEstimate(-1, false);

    /** @return whether {@link #rows} holds an estimate */
    public boolean known() { return rows >= 0; }
}
