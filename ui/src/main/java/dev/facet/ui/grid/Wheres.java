package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Builds and describes Prisma {@code where} objects: the quick search, and the AND of the grid's filters. */
public final class Wheres {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("equals", "="), Map.entry("not", "≠"),
            Map.entry("lt", "<"), Map.entry("lte", "≤"), Map.entry("gt", ">"), Map.entry("gte", "≥"), Map.entry("in", "in"),
            Map.entry("notIn", "not in"), Map.entry("contains", "contains"), Map.entry("startsWith", "starts with"),
            Map.entry("endsWith", "ends with"), Map.entry("some", "some"), Map.entry("every", "every"), Map.entry("none", "none"),
            Map.entry("is", "is"), Map.entry("isNot", "is not"), Map.entry("has", "has"), Map.entry("isEmpty", "is empty"));

    private Wheres() {}

    /**
     * The quick search: any text column contains the text; and, when the text is a whole number, any
     * Int or BigInt column equals it; and, when it names an enum value, any column of that enum holds it.
     *
     * @param columns the grid's columns
     * @param text    what was typed
     * @param options whether text can be matched case-insensitively
     * @return the where object, or null for an empty search
     */
    public static ObjectNode quickSearch(List<GridColumn> columns, String text, FilterNode.Options options) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return null;
        List<ObjectNode> any = new ArrayList<>();
        for (GridColumn c : columns) {
            if (c.isList() || c.scalar() == null) continue;
            if (c.kind() == GridColumn.Kind.ENUM && c.enumType() != null) {
                for (EnumValue v : c.enumType().values()) {
                    if (v.name().equalsIgnoreCase(t)) any.add(condition(c.name(), "equals", JSON.textNode(v.name())));
                }
                continue;
            }
            if (c.kind() != GridColumn.Kind.SCALAR) continue;
            ScalarType type = c.scalarType();
            if (type == ScalarType.STRING) {
                ObjectNode cond = condition(c.name(), "contains", JSON.textNode(t));
                if (options.insensitiveSupported()) ((ObjectNode) cond.get(c.name())).put("mode", "insensitive");
                any.add(cond);
            } else if (type == ScalarType.INT && WHOLE.matcher(t).matches() && fitsInt(t)) {
                any.add(condition(c.name(), "equals", JSON.numberNode(Integer.parseInt(t))));
            } else if (type == ScalarType.BIG_INT && WHOLE.matcher(t).matches()) {
                any.add(condition(c.name(), "equals", JSON.textNode(t)));
            }
        }
        if (any.isEmpty()) return JSON.objectNode().set("OR", JSON.arrayNode());
        return FilterGroup.combine(FilterGroup.Junction.ANY, any);
    }

    private static boolean fitsInt(String t) {
        long v = Long.parseLong(t);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static ObjectNode condition(String field, String op, JsonNode value) {
        ObjectNode out = JSON.objectNode();
        out.putObject(field).set(op, value);
        return out;
    }

    /** @return the AND of the given where objects (nulls skipped), or null when none is left */
    public static ObjectNode and(ObjectNode... parts) {
        List<ObjectNode> present = new ArrayList<>();
        for (ObjectNode p : parts) if (p != null && !p.isEmpty()) present.add(p);
        return FilterGroup.combine(FilterGroup.Junction.ALL, present);
    }

    /**
     * Describes a where object for people: {@code customerId = 3}, {@code orders some (status = PAID)}.
     * Parts it does not know are shown as JSON.
     */
    public static String describe(JsonNode where) {
        if (where == null || where.isNull() || where.isEmpty()) return "everything";
        List<String> parts = new ArrayList<>();
        where.properties().forEach(e -> parts.add(describeEntry(e.getKey(), e.getValue())));
        return String.join(" and ", parts);
    }

    private static String describeEntry(String key, JsonNode value) {
        switch (key) {
            case "AND", "OR" -> {
                List<String> items = new ArrayList<>();
                for (JsonNode n : value.isArray() ? value : JSON.arrayNode().add(value)) items.add(describe(n));
                if (items.isEmpty()) return key.equals("AND") ? "everything" : "nothing";
                return "(" + String.join(key.equals("AND") ? " and " : " or ", items) + ")";
            }
            case "NOT" -> {
                return "not (" + describe(value.isArray() && value.size() == 1 ? value.get(0) : value) + ")";
            }
            default -> { }
        }
        if (value.isNull()) return key + " is null";
        if (!value.isObject()) return key + " = " + literal(value);
        List<String> parts = new ArrayList<>();
        String mode = value.path("mode").asText("");
        value.properties().forEach(e -> {
            String op = e.getKey();
            if (op.equals("mode")) return;
            String label = OPERATORS.get(op);
            JsonNode v = e.getValue();
            if (label == null) {
                // conditions on a to-one relation written without `is`
                parts.add(key + " (" + describe(value) + ")");
            } else if (v.isObject() && (op.equals("some") || op.equals("every") || op.equals("none") || op.equals("is") || op.equals("isNot"))) {
                parts.add(key + " " + label + " (" + describe(v) + ")");
            } else if (v.isNull()) {
                parts.add(key + (op.equals("not") || op.equals("isNot") ? " is not null" : " is null"));
            } else if (op.equals("isEmpty")) {
                parts.add(key + (v.asBoolean() ? " is empty" : " is not empty"));
            } else {
                parts.add(key + " " + label + " " + literal(v) + (mode.equals("insensitive") ? " (any case)" : ""));
            }
        });
        return parts.isEmpty() ? key : String.join(" and ", new java.util.LinkedHashSet<>(parts));
    }

    private static String literal(JsonNode v) {
        if (v.isTextual()) return "\"" + v.asText() + "\"";
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            ((ArrayNode) v).forEach(n -> items.add(literal(n)));
            return "[" + String.join(", ", items) + "]";
        }
        return v.isValueNode() ? v.asText() : JsonCodec.write(v);
    }
}
