package dev.facet.data.value;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Prisma 7's texts for a value that does not fit its field, e.g. ``Argument `email`: Invalid value provided. Expected
 * StringFilter or String, provided Int.`` or ``Invalid value for argument `credit`: invalid digit found in string.
 * Expected decimal String.`` The types Prisma lists are those of the input type at the value's place (a where
 * shorthand takes a filter or a value, an update a value or its operations...), measured with Prisma Client 7.
 */
public final class TypeErrors {

    /** Where a value stands in a request: it decides the input types Prisma names. */
    public enum Place {
        /** {@code where: {email: 5}}: a filter object or the value. */
        WHERE,
        /** {@code equals}, {@code lt}, {@code contains}...: the value or a field reference. */
        FILTER_OPERAND,
        /** An element of {@code in}/{@code notIn}. */
        FILTER_LIST,
        /** The list of {@code in}/{@code notIn} where it may also be a list field reference (PostgreSQL). */
        FILTER_LIST_OR_REF,
        /** {@code not: 5}: the value or a nested filter. */
        FILTER_NOT,
        /** A field of create data, or {@code set}. */
        CREATE,
        /** A field of update data: the value or its update operations. */
        UPDATE,
        /** {@code increment} and the other arithmetic operations. */
        ARITHMETIC
    }

    private TypeErrors() {}

    /** The place of a value read in a where tree (or create data), from the last segment of its path. */
    public static Place placeOf(String path) {
        String[] segments = path.split("\\.");
        String last = segments[segments.length - 1];
        if (!last.isEmpty() && Character.isDigit(last.charAt(0)) && segments.length > 1) last = segments[segments.length - 2];
        return switch (last) {
            case "equals", "lt", "lte", "gt", "gte", "contains", "startsWith", "endsWith" -> Place.FILTER_OPERAND;
            case "in", "notIn" -> Place.FILTER_LIST;
            case "not" -> Place.FILTER_NOT;
            case "set" -> Place.CREATE;
            case "increment", "decrement", "multiply", "divide" -> Place.ARITHMETIC;
            default -> segments[0].equals("where") || segments[0].equals("having") ? Place.WHERE : Place.CREATE;
        };
    }

    /** ``Argument `x`: Invalid value provided. Expected ..., provided Kind.`` for a value of the wrong JSON kind. */
    public static String wrongKind(ScalarField field, String argument, JsonNode node, Place place) {
        return "Argument `" + argument + "`: Invalid value provided. Expected " + orList(expected(field, place, argument)) + ", provided " + kind(node) + ".";
    }

    /** Whether a value is of a JSON kind the field takes (its text may still be unparsable). */
    public static boolean fits(ScalarField field, JsonNode node) {
        JsonNode value = node.isObject() && node.has("$type") && node.has("value") ? node.get("value") : node;
        if (field.kind() == FieldKind.ENUM) return value.isTextual();
        if (field.scalarType() == null) return true;
        return switch (field.scalarType()) {
            case STRING, DATE_TIME, BYTES -> value.isTextual();
            case BOOLEAN -> value.isBoolean();
            case INT, FLOAT -> value.isNumber();
            case BIG_INT -> value.isIntegralNumber() || value.isTextual();
            case DECIMAL -> value.isNumber() || value.isTextual();
            default -> true;
        };
    }

    /** The text for a string Prisma could not parse as the field's type, or null when the kind itself is wrong. */
    public static String unparsable(ScalarField field, String argument, String text) {
        if (field.kind() == FieldKind.ENUM) return "Invalid value for argument `" + argument + "`. Expected " + field.typeName() + ".";
        ScalarType type = field.scalarType();
        if (type == null) return null;
        return switch (type) {
            case DECIMAL -> "Invalid value for argument `" + argument + "`: "
                    + (text.isEmpty() ? "Failed to parse empty string" : "invalid digit found in string") + ". Expected decimal String.";
            case BIG_INT -> "Invalid value for argument `" + argument + "`: " + bigIntReason(text) + ". Expected big integer String.";
            case DATE_TIME -> "Invalid value for argument `" + argument + "`: " + Rfc3339.reason(text) + ". Expected ISO-8601 DateTime.";
            default -> null;
        };
    }

    /** Rust's reason for a string that is no 64-bit integer. */
    private static String bigIntReason(String text) {
        if (text.isEmpty()) return "cannot parse integer from empty string";
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) return "invalid digit found in string";
        return text.startsWith("-") ? "number too small to fit in target type" : "number too large to fit in target type";
    }

    /** The input types Prisma offers at a place, "Null" last where null is allowed. */
    static List<String> expected(ScalarField field, Place place, String argument) {
        String t = typeName(field);
        String b = baseName(field);
        boolean nullable = !field.isRequired();
        List<String> out = new ArrayList<>();
        switch (place) {
            case WHERE -> { out.add(b + (nullable ? "NullableFilter" : "Filter")); out.add(t); }
            case FILTER_OPERAND -> { out.add(t); out.add(refName(field) + "FieldRefInput"); }
            case FILTER_LIST, CREATE, ARITHMETIC -> out.add(t);
            case FILTER_LIST_OR_REF -> { out.add(t); out.add(listRefName(field)); }
            case FILTER_NOT -> { out.add(t); out.add("Nested" + b + (nullable ? "NullableFilter" : "Filter")); }
            case UPDATE -> { out.add(t); out.add((nullable ? "Nullable" : "") + b + "FieldUpdateOperationsInput"); }
        }
        // Of the operations taking a field reference, only equals takes null.
        boolean takesNull = place != Place.ARITHMETIC && (place != Place.FILTER_OPERAND || argument.equals("equals"));
        if (nullable && takesNull) out.add("Null");
        return out;
    }

    /** A list of types as Prisma joins them: "A", "A or B", "A, B or C". */
    static String orList(List<String> names) {
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** The JSON kind of a value as Prisma names it; a list is its elements' kinds in parentheses. */
    public static String kind(JsonNode node) {
        if (node.isArray()) {
            Set<String> kinds = new LinkedHashSet<>();
            node.forEach(n -> kinds.add(kind(n)));
            return "(" + String.join(", ", kinds) + ")";
        }
        if (node.isTextual()) return "String";
        if (node.isIntegralNumber()) return "Int";
        if (node.isNumber()) return "Float";
        if (node.isBoolean()) return "Boolean";
        if (node.isNull()) return "Null";
        return "Object";
    }

    private static String typeName(ScalarField field) {
        if (field.kind() == FieldKind.ENUM) return field.typeName();
        return field.scalarType() == null ? field.typeName() : field.scalarType().id();
    }

    /** The stem of the filter and update input types: Enum{Name}, Bool for Boolean, else the type. */
    private static String baseName(ScalarField field) {
        if (field.kind() == FieldKind.ENUM) return "Enum" + field.typeName();
        if (field.scalarType() == ScalarType.BOOLEAN) return "Bool";
        return typeName(field);
    }

    /** The list field reference type of a field, e.g. ListStringFieldRefInput. */
    public static String listRefName(ScalarField field) {
        return "List" + refName(field) + "FieldRefInput";
    }

    /** Field references keep "Boolean" where filters say "Bool". */
    private static String refName(ScalarField field) {
        if (field.kind() == FieldKind.ENUM) return "Enum" + field.typeName();
        return typeName(field);
    }
}
