package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A record someone else changed (or deleted) since it was loaded, while it had pending edits here.
 * Save found it because the update's where, which carries the loaded values, matched nothing.
 *
 * @param key      the record
 * @param theirs   the record as it is now in the database, or null when it was deleted
 * @param original the record as it was loaded
 * @param mine     the pending values by field
 */
public record Conflict(RowKey key, ObjectNode theirs, ObjectNode original, Map<String, JsonNode> mine) {
    /** @return whether the record no longer exists */
    public boolean deleted() { return theirs == null; }
}
