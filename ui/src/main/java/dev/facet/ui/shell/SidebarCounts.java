package dev.facet.ui.shell;

import dev.facet.data.connector.RowEstimate;
import dev.facet.ui.project.Problem;
import dev.facet.ui.project.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sidebar's row counts, read on a background thread. On a big shared server a {@code count(*)} of every table is
 * hours of server time nobody asked for: the counts come from the database's own estimates first, and only tables
 * that are small on disk (or that the user asks about) are counted exactly. A connector without estimates (MongoDB
 * here) counts as before.
 */
final class SidebarCounts {
    /** Error codes that mean the connection is gone: the remaining counts are not tried. */
    private static final Set<String> CONNECTION_CODES = Set.of("P1001", "P1002", "P1008", "P1017");

    /**
     * At most this many rows in all are counted exactly on sight: 200 small tables of 50,000 rows each cost the server
     * 5 s of counting in the benchmark, for numbers the estimates already give to a percent.
     */
    static final long EXACT_COUNT_BUDGET = 1_000_000;

    /** An estimated count, or -1 when the database has none for the table (shown as "?", counted on request). */
    record Estimated(long rows) {}

    private SidebarCounts() {}

    /** @return the rows one refresh of every model may count exactly on sight, shared by its chunks */
    static AtomicLong exactCountBudget() { return new AtomicLong(EXACT_COUNT_BUDGET); }

    /**
     * @param exact  whether to count every model exactly (the user asked)
     * @param budget the rows still to be counted exactly on sight, shared by every chunk of one refresh (a budget per
     *               chunk of 25 models let 200 tables cost the server eight budgets)
     * @return per model name: a {@code Long} (exact), an {@link Estimated}, or a {@link Problem}
     */
    static Map<String, Object> countAll(Project p, List<String> names, boolean exact, AtomicLong budget) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, RowEstimate> estimates = Map.of();
        if (!exact) {
            try {
                estimates = p.engine().estimateRows(names.stream().filter(n -> p.drift().unavailable(n) == null).toList());
            } catch (RuntimeException e) {
                // Without estimates the counts are exact, as before.
                estimates = Map.of();
            }
        }
        boolean estimating = !estimates.isEmpty();
        Problem gone = null;
        for (String name : names) {
            if (gone != null) {
                out.put(name, gone);
                continue;
            }
            if (p.drift().unavailable(name) != null) {
                out.put(name, new Problem(null, "Cannot be opened: " + p.drift().unavailable(name)));
                continue;
            }
            RowEstimate estimate = estimates.get(name);
            if (estimating && (estimate == null || !estimate.cheapToCount() || !take(budget, Math.max(0, estimate.rows())))) {
                out.put(name, new Estimated(estimate == null ? -1 : estimate.rows()));
                continue;
            }
            try {
                out.put(name, p.engine().execute(name, "count", null).asLong());
            } catch (RuntimeException e) {
                Problem problem = Problem.of(e);
                out.put(name, problem);
                if (problem.code() != null && CONNECTION_CODES.contains(problem.code())) gone = problem;
            }
        }
        return out;
    }

    /** Takes {@code rows} from the budget if it holds them. @return whether it did */
    private static boolean take(AtomicLong budget, long rows) {
        long left;
        do {
            left = budget.get();
            if (left < rows) return false;
        } while (!budget.compareAndSet(left, left - rows));
        return true;
    }

    /** @return {@code n} in a few characters: 950, 12.3K, 1.2M, 48.2M, 3.1B */
    static String compact(long n) { return dev.facet.ui.grid.ModelGridViewModel.compactCount(n).replace(" ", ""); }
}
