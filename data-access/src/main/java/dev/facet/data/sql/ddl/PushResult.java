package dev.facet.data.sql.ddl;

import java.time.Duration;
import java.util.List;

/**
 * What a push created.
 *
 * @param tables      tables created, implicit many-to-many tables included
 * @param indexes     unique and normal indexes created (primary keys not counted)
 * @param foreignKeys foreign keys created
 * @param enums       enum types created (PostgreSQL)
 * @param statements  the statements run, in order
 * @param elapsed     how long the push took
 */
public record PushResult(int tables, int indexes, int foreignKeys, int enums, List<String> statements, Duration elapsed) {
    public PushResult { statements = List.copyOf(statements); }

    /** @return e.g. {@code Created 5 tables, 3 indexes, 2 foreign keys in 120 ms} (enum types named when there are some) */
    public String summary() {
        return "Created " + count(tables, "table") + ", " + count(indexes, "index") + ", " + count(foreignKeys, "foreign key")
                + (enums > 0 ? ", " + count(enums, "enum") : "") + " in " + elapsed.toMillis() + " ms";
    }

    private static String count(int n, String noun) {
        if (n == 1) return "1 " + noun;
        return n + " " + (noun.equals("index") ? "indexes" : noun + "s");
    }
}
