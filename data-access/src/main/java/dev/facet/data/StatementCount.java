package dev.facet.data;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Counts the statements (SQL) or commands (MongoDB) one piece of work sends, on the thread that runs it: give
 * {@link #LOG} as the engine's statement log, then run the work in {@link #count}. Other threads' work on the same
 * engine (a grid paging meanwhile) is not counted.
 */
public final class StatementCount {
    private static final ThreadLocal<int[]> CURRENT = new ThreadLocal<>();

    /** A statement log that counts for the work {@link #count} runs on the calling thread, and ignores the rest. */
    public static final Consumer<String> LOG = statement -> {
        int[] n = CURRENT.get();
        if (n != null) n[0]++;
    };

    private StatementCount() {}

    /**
     * A result and the statements it took.
     *
     * @param value      what the work returned
     * @param statements how many statements or commands it sent through an engine logging to {@link #LOG}
     */
    public record Counted<T>(T value, int statements) {}

    /** @return what {@code work} returned and how many statements it sent */
    public static <T> Counted<T> count(Supplier<T> work) {
        int[] previous = CURRENT.get();
        int[] n = {0};
        CURRENT.set(n);
        try {
            return new Counted<>(work.get(), n[0]);
        } finally {
            if (previous != null) previous[0] += n[0];
            CURRENT.set(previous);
        }
    }
}
