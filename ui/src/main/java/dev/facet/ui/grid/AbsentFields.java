package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.schema.model.Model;

/**
 * Which null values of the grid's records are really missing fields (MongoDB documents without the field): Prisma reads
 * both as null; the engine's {@link QueryEngine#findManyMarkingAbsent} lists a record's missing fields from the same
 * read, so telling them apart costs no command of its own.
 */
final class AbsentFields {
    private AbsentFields() {}

    /** The key under which a record lists its missing fields; no Prisma field can be named so. */
    static final String KEY = QueryEngine.ABSENT_KEY;

    /** Runs {@code findMany} for the grid, its records marked; on the executor's thread. */
    static JsonNode findMany(QueryEngine engine, Model model, JsonNode args) {
        return engine.findManyMarkingAbsent(model.name(), args);
    }

    /** @return whether the record as loaded lacks the field (not even null) */
    static boolean isAbsent(ObjectNode record, String field) {
        JsonNode marks = record == null ? null : record.get(KEY);
        if (marks == null) return false;
        for (JsonNode m : marks) if (m.asText().equals(field)) return true;
        return false;
    }
}
