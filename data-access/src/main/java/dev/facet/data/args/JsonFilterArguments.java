package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.query.Filter;
import dev.facet.data.value.Values;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.args.ArgumentChecks.*;

/** Parses the filter of a Json field: equality with Prisma's three nulls, and comparisons, text and array operations under a path. */
final class JsonFilterArguments {
    private final Schema schema;
    private final Set<ConnectorCapability> capabilities;

    JsonFilterArguments(Schema schema, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.capabilities = capabilities;
    }

    /**
     * A Json field takes only a filter object (no shorthand). {@code equals: null} means the JSON value null;
     * DbNull, JsonNull and AnyNull pick Prisma's nulls; a negation leaves out the rows whose column is NULL.
     * {@code path} (keys on PostgreSQL, a JSON path text on MySQL and SQLite) moves every operation to the value
     * under it, where DbNull means "nothing there". SQLite has no Json comparisons and no {@code array_contains}.
     */
    Filter parse(ScalarField field, JsonNode value, String path) {
        if (value.isNull()) throw QueryError.validation(path, "Argument `" + field.name() + "` must not be null.");
        if (!value.isObject() || isTagged(value)) {
            throw QueryError.validation(path, "Argument `" + field.name() + "`: Invalid value provided. Expected JsonNullableFilter, provided "
                    + value + ".");
        }
        boolean keys = capabilities.contains(ConnectorCapability.JSON_PATH_AS_KEYS);
        boolean noComparisons = !capabilities.contains(ConnectorCapability.JSON_COMPARISONS);
        List<String> jsonPath = value.has("path") ? jsonPath(value.get("path"), keys, join(path, "path")) : null;
        boolean insensitive = value.has("mode") && "insensitive".equals(WhereArguments.mode(value.get("mode"), join(path, "mode")));
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            JsonNode v = e.getValue();
            Values.JsonNullKind kind = v.isNull() ? Values.JsonNullKind.JSON_NULL : Values.jsonNullKind(v);
            String op = e.getKey();
            if (op.equals("path") || op.equals("mode")) continue;
            if (noComparisons && (op.equals("array_contains") || op.equals("lt") || op.equals("lte") || op.equals("gt") || op.equals("gte"))) {
                throw QueryError.validation(p, "Unknown argument `" + op + "` on Json field " + field.name() + " (SQLite has no such Json filter)");
            }
            if (jsonPath != null && (op.equals("equals") || op.equals("not"))) {
                parts.add(jsonPathEquality(field, jsonPath, op.equals("not"), kind, v, p));
                continue;
            }
            List<String> at = jsonPath == null ? List.of() : jsonPath;
            Filter isJsonNull = new Filter.Compare(field, Filter.CompareOp.EQUALS, JsonCodecs.NULL, false);
            switch (op) {
                case "equals" -> parts.add(kind == null ? new Filter.Compare(field, Filter.CompareOp.EQUALS, value(schema, field, v, p), false) : switch (kind) {
                    case DB_NULL -> new Filter.IsNull(field);
                    case JSON_NULL -> isJsonNull;
                    case ANY_NULL -> new Filter.Or(List.of(new Filter.IsNull(field), isJsonNull));
                });
                case "not" -> parts.add(kind == Values.JsonNullKind.DB_NULL ? new Filter.Not(new Filter.IsNull(field))
                        : new Filter.Compare(field, Filter.CompareOp.NOT_EQUALS, kind == null ? value(schema, field, v, p) : JsonCodecs.NULL, false));
                case "lt", "lte", "gt", "gte" -> parts.add(new Filter.JsonCondition(field, at, Filter.JsonOp.valueOf(op.toUpperCase(java.util.Locale.ROOT)),
                        jsonOperand(field, v, p), false));
                case "string_contains", "string_starts_with", "string_ends_with" -> {
                    if (!v.isTextual()) throw QueryError.validation(p, "Argument `" + op + "`: Invalid value provided. Expected String, provided " + v + ".");
                    parts.add(new Filter.JsonCondition(field, at, switch (op) {
                        case "string_contains" -> Filter.JsonOp.STRING_CONTAINS;
                        case "string_starts_with" -> Filter.JsonOp.STRING_STARTS_WITH;
                        default -> Filter.JsonOp.STRING_ENDS_WITH;
                    }, v.textValue(), insensitive));
                }
                case "array_contains", "array_starts_with", "array_ends_with" -> parts.add(new Filter.JsonCondition(field, at, switch (op) {
                    case "array_contains" -> Filter.JsonOp.ARRAY_CONTAINS;
                    case "array_starts_with" -> Filter.JsonOp.ARRAY_STARTS_WITH;
                    default -> Filter.JsonOp.ARRAY_ENDS_WITH;
                }, jsonOperand(field, v, p), false));
                default -> throw QueryError.validation(p, "Unknown argument `" + op + "` on Json field " + field.name()
                        + " (expected one of equals, not, path, mode, lt, lte, gt, gte, string_contains, string_starts_with, "
                        + "string_ends_with, array_contains, array_starts_with, array_ends_with)");
            }
        }
        return Filter.and(parts);
    }


    /** {@code equals}/{@code not} under a path: DbNull is "nothing under the path", AnyNull either null. */
    private Filter jsonPathEquality(ScalarField field, List<String> at, boolean not, Values.JsonNullKind kind, JsonNode v, String p) {
        Filter.JsonOp eq = not ? Filter.JsonOp.NOT_EQUALS : Filter.JsonOp.EQUALS;
        if (kind == null) return new Filter.JsonCondition(field, at, eq, jsonOperand(field, v, p), false);
        Filter jsonNull = new Filter.JsonCondition(field, at, eq, JsonCodecs.NULL, false);
        Filter nothing = new Filter.JsonCondition(field, at, not ? Filter.JsonOp.IS_NOT_NULL : Filter.JsonOp.IS_NULL, null, false);
        return switch (kind) {
            case JSON_NULL -> jsonNull;
            case DB_NULL -> nothing;
            case ANY_NULL -> not ? new Filter.And(List.of(jsonNull, nothing)) : new Filter.Or(List.of(jsonNull, nothing));
        };
    }

    /** A Json operand: any JSON value, a tagged value as its JSON form. */
    private Object jsonOperand(ScalarField field, JsonNode v, String p) {
        return v.isNull() ? JsonCodecs.NULL : value(schema, field, v, p);
    }

    /** PostgreSQL takes a path as a list of keys; MySQL and SQLite as one JSON path text such as {@code $.a[0]}. */
    private static List<String> jsonPath(JsonNode v, boolean keys, String path) {
        if (keys) {
            if (!v.isArray()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String[], provided " + v + ".");
            List<String> out = new ArrayList<>();
            for (JsonNode k : v) {
                if (!k.isTextual()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String[], provided " + v + ".");
                out.add(k.textValue());
            }
            return out;
        }
        if (!v.isTextual()) throw QueryError.validation(path, "Argument `path`: Invalid value provided. Expected String, provided " + v + ".");
        return List.of(v.textValue());
    }
}
