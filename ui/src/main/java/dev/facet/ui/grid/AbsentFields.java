package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which null values of a page of records are really missing fields (MongoDB documents without the field): Prisma reads
 * both as null, so for each optional field that is null somewhere on the page one more read asks which of those records
 * lack it ({@code isSet: false}, by key), and the records are marked. Nothing is asked where fields cannot be absent.
 */
final class AbsentFields {
    private AbsentFields() {}

    /** The key under which a record lists its missing fields; no Prisma field can be named so. */
    static final String KEY = "$absent";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * Marks the page's records; runs on the executor's thread, after the page was read.
     *
     * @return the page, its records marked
     */
    static JsonNode mark(QueryEngine engine, Model model, JsonNode page) {
        if (!page.isArray() || page.isEmpty() || !engine.supports(ConnectorCapability.ABSENT_FIELDS)) return page;
        List<ScalarField> keys = RowKey.fields(model);
        if (keys.size() != 1) return page;
        String id = keys.getFirst().name();
        Map<String, ObjectNode> byId = new HashMap<>();
        for (JsonNode r : page) if (r.isObject() && r.hasNonNull(id)) byId.put(r.get(id).asText(), (ObjectNode) r);
        for (ScalarField f : model.scalarFields()) {
            if (!f.isOptional() || f.ignored()) continue;
            ArrayNode ids = JSON.arrayNode();
            for (JsonNode r : page) {
                JsonNode v = r.get(f.name());
                if (v != null && v.isNull() && r.hasNonNull(id)) ids.add(r.get(id));
            }
            if (ids.isEmpty()) continue;
            ObjectNode args = JSON.objectNode();
            ObjectNode where = args.putObject("where");
            where.putObject(id).set("in", ids);
            where.putObject(f.name()).put("isSet", false);
            args.putObject("select").put(id, true);
            for (JsonNode hit : engine.execute(model.name(), "findMany", args)) {
                ObjectNode r = byId.get(hit.path(id).asText());
                if (r == null) continue;
                if (!r.has(KEY)) r.putArray(KEY);
                ((ArrayNode) r.get(KEY)).add(f.name());
            }
        }
        return page;
    }

    /** @return whether the record as loaded lacks the field (not even null) */
    static boolean isAbsent(ObjectNode record, String field) {
        JsonNode marks = record == null ? null : record.get(KEY);
        if (marks == null) return false;
        for (JsonNode m : marks) if (m.asText().equals(field)) return true;
        return false;
    }
}
