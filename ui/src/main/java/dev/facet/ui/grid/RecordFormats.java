package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import java.util.List;

/**
 * Records written out for people and other tools: CSV (RFC 4180), tab-separated text, JSON as {@code facet query} and
 * Prisma Client give records (exact Decimal and BigInt, ISO dates, Bytes in base64), JSON Lines and Markdown tables
 * (SQL INSERT statements come from the connector: {@code QueryEngine.inserts}). Only the fields
 * given are written, in their order: the relations the grid includes are not part of a record.
 */
final class RecordFormats {
    private RecordFormats() {}

    /** The formats a view can be exported in. */
    enum Format {
        CSV("csv"), JSON("json"), JSON_LINES("jsonl"), MARKDOWN("md"), SQL("sql");

        final String extension;

        Format(String extension) { this.extension = extension; }

        /** @return the format a file name asks for by its extension, CSV when it names none of them */
        static Format of(String fileName) {
            String lower = fileName.toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return JSON_LINES;
            if (lower.endsWith(".json")) return JSON;
            if (lower.endsWith(".md") || lower.endsWith(".markdown")) return MARKDOWN;
            if (lower.endsWith(".sql")) return SQL;
            return CSV;
        }
    }

    /** @return the record with only {@code fields}, in their order (a field the record lacks is left out) */
    static ObjectNode pick(ObjectNode record, List<String> fields) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String f : fields) if (record.has(f)) out.set(f, record.get(f));
        return out;
    }

    /** @return the records as a pretty JSON array of their {@code fields} */
    static String jsonArray(List<ObjectNode> records, List<String> fields) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(pick(r, fields)));
        try {
            return JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return one record as one line of JSON */
    static String jsonLine(ObjectNode record, List<String> fields) { return JsonCodec.write(pick(record, fields)); }

    /** @return a header line or a record as a CSV line (no line break) */
    static String csvLine(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) sb.append(',');
            String v = values.get(i);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                sb.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** @return a record's values as text for CSV and TSV: NULL is empty, Json is its JSON text, everything else exact */
    static List<String> texts(ObjectNode record, List<String> fields) {
        return fields.stream().map(f -> text(record.get(f))).toList();
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isContainerNode()) return JsonCodec.write(v);
        return v.asText();
    }

    /** @return a tab-separated line: tabs and line breaks inside values become spaces, so the table keeps its shape */
    static String tsvLine(List<String> values) {
        return String.join("\t", values.stream().map(v -> v.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ')).toList());
    }

    /** @return a Markdown table row: pipes escaped, line breaks as {@code <br>}, so that every record stays one row */
    static String markdownLine(List<String> values) {
        StringBuilder sb = new StringBuilder("|");
        for (String v : values) sb.append(' ').append(v.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace('\r', ' ')).append(" |");
        return sb.toString();
    }

    /** @return the line under a Markdown table's header */
    static String markdownRule(int columns) { return "|" + " --- |".repeat(columns); }
}
