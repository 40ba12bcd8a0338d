package dev.facet.data.sql.ddl;

import java.util.List;

/**
 * The database already has tables (or enum types) the push would create. {@code facet push} never alters or drops
 * what exists, so it stopped before creating anything.
 */
public final class TablesAlreadyExistException extends SchemaPushException {
    private final List<String> existing;

    /** @param existing the names found, as {@code User}, {@code other_schema.User} or {@code type Role} */
    public TablesAlreadyExistException(List<String> existing) {
        super(message(existing));
        this.existing = List.copyOf(existing);
    }

    /** @return the names found, in the order the push would have created them */
    public List<String> existing() { return existing; }

    private static String message(List<String> existing) {
        String list = String.join(", ", existing.stream().map(n -> n.startsWith("type ") ? n : "\"" + n + "\"").toList());
        return (existing.size() == 1 ? "The database already has " + list
                : "The database already has " + existing.size() + " of the schema's tables: " + list)
                + ". facet push only creates tables in a database that does not have them yet; it never alters or drops existing tables.";
    }
}
