package dev.facet.data;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.query.Selection;
import dev.facet.data.value.Values;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A record read from a connector as Prisma Client returns it: the selection's keys in order, values in Prisma's
 * encoding, related records nested. Two forms of the same shape: a tree for callers that look inside, and
 * written straight to a generator for callers that only print it ({@code facet query}), which spares building
 * thousands of nodes per answer. {@code ReadsTest} checks that both forms give the same text.
 */
final class RecordJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private RecordJson() {}

    /** @return the record as a tree */
    @SuppressWarnings("unchecked")
    static ObjectNode tree(Selection selection, Map<String, Object> row) {
        ObjectNode out = JSON.objectNode();
        for (Selection.Item item : selection.items()) {
            switch (item) {
                case Selection.Scalar s -> out.set(s.key(), Values.toJson(s.field(), row.get(s.field().name())));
                case Selection.Relation r -> {
                    Object v = row.get(r.key());
                    if (v == null) {
                        out.set(r.key(), r.field().isList() ? JSON.arrayNode() : JSON.nullNode());
                    } else if (v instanceof List<?> list) {
                        ArrayNode arr = out.putArray(r.key());
                        for (Object child : list) arr.add(tree(r.query().selection(), (Map<String, Object>) child));
                    } else {
                        // An optional to-one with a `where` that the related record fails becomes null.
                        out.set(r.key(), tree(r.query().selection(), (Map<String, Object>) v));
                    }
                }
                case Selection.Count c -> {
                    ObjectNode counts = out.putObject("_count");
                    Map<String, Long> values = (Map<String, Long>) row.getOrDefault("_count", Map.of());
                    for (Selection.CountedRelation cr : c.relations()) counts.set(cr.field().name(), count(values.getOrDefault(cr.field().name(), 0L)));
                }
            }
        }
        return out;
    }

    /** Writes the record as {@link #tree} would print. */
    @SuppressWarnings("unchecked")
    static void write(JsonGenerator out, Selection selection, Map<String, Object> row) throws IOException {
        out.writeStartObject();
        for (Selection.Item item : selection.items()) {
            switch (item) {
                case Selection.Scalar s -> {
                    out.writeFieldName(s.key());
                    Values.write(out, s.field(), row.get(s.field().name()));
                }
                case Selection.Relation r -> {
                    out.writeFieldName(r.key());
                    Object v = row.get(r.key());
                    if (v == null) {
                        if (r.field().isList()) {
                            out.writeStartArray();
                            out.writeEndArray();
                        } else {
                            out.writeNull();
                        }
                    } else if (v instanceof List<?> list) {
                        out.writeStartArray();
                        for (Object child : list) write(out, r.query().selection(), (Map<String, Object>) child);
                        out.writeEndArray();
                    } else {
                        write(out, r.query().selection(), (Map<String, Object>) v);
                    }
                }
                case Selection.Count c -> {
                    out.writeFieldName("_count");
                    out.writeStartObject();
                    Map<String, Long> values = (Map<String, Long>) row.getOrDefault("_count", Map.of());
                    for (Selection.CountedRelation cr : c.relations()) {
                        out.writeFieldName(cr.field().name());
                        long n = values.getOrDefault(cr.field().name(), 0L);
                        if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) out.writeNumber((int) n);
                        else out.writeNumber(n);
                    }
                    out.writeEndObject();
                }
            }
        }
        out.writeEndObject();
    }

    /** Counts are JSON numbers, written as small as they fit (as Prisma's engine writes them). */
    static JsonNode count(long n) {
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? JSON.numberNode((int) n) : JSON.numberNode(n);
    }
}
