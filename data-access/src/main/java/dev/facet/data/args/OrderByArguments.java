package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Ordering;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.args.ArgumentChecks.*;

/** Parses {@code orderBy} (fields, paths through to-one relations, relation counts) and {@code distinct}. */
final class OrderByArguments {
    private final Schema schema;
    /** Whether an ordering may be {@code {sort, nulls}} (not on MongoDB). */
    private final boolean nullsOrder;

    OrderByArguments(Schema schema, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.nullsOrder = capabilities.contains(ConnectorCapability.NULLS_ORDER);
    }

    /** Parses an {@code orderBy} of a model's records (fields, to-one paths, relation counts). */
    List<Ordering> orderBy(Model model, JsonNode value, String path) {
        List<Ordering> out = new ArrayList<>();
        List<JsonNode> items = listOf(value);
        for (int i = 0; i < items.size(); i++) {
            String p = value.isArray() ? join(path, Integer.toString(i)) : path;
            JsonNode item = requireObject(items.get(i), p);
            // Prisma reads an empty orderBy object as no ordering.
            if (item.isEmpty()) continue;
            if (item.size() != 1) {
                // Prisma's orderBy takes an object or a list of them, each of one field: the arm that fails on the kind wins.
                throw PrismaWords.invalidValue(path, model.name() + "OrderByWithRelationInput" + (value.isArray() ? "" : "[]"), value);
            }
            Map.Entry<String, JsonNode> e = item.fields().next();
            out.add(ordering(model, List.of(), e.getKey(), e.getValue(), join(p, e.getKey())));
        }
        return out;
    }

    private Ordering ordering(Model model, List<RelationField> through, String key, JsonNode value, String path) {
        Field field = field(model, key, path);
        if (field instanceof ScalarField sf) {
            if (value.isTextual()) return new Ordering.ByField(through, sf, direction(value, path), null);
            // Without SortOrderInput (MongoDB) an ordering is only `asc` or `desc`, as Prisma's words say.
            if (!nullsOrder) throw PrismaWords.notInEnum(path, lastSegment(path), "SortOrder");
            requireObject(value, path);
            if (!value.has("sort")) throw QueryError.validation(join(path, "sort"), "A value is required but not set");
            Ordering.Nulls nulls = null;
            if (value.has("nulls")) {
                nulls = switch (value.get("nulls").asText()) {
                    case "first" -> Ordering.Nulls.FIRST;
                    case "last" -> Ordering.Nulls.LAST;
                    default -> throw PrismaWords.notInEnum(join(path, "nulls"), "nulls", "NullsOrder");
                };
                if (sf.isRequired()) throw QueryError.validation(join(path, "nulls"), "nulls can only be given for optional fields");
            }
            return new Ordering.ByField(through, sf, direction(value.get("sort"), join(path, "sort")), nulls);
        }
        RelationField rf = (RelationField) field;
        if (!value.isObject()) {
            throw PrismaWords.invalidValue(path, rf.relatedModel() + (rf.isList() ? "OrderByRelationAggregateInput" : "OrderByWithRelationInput"), value);
        }
        if (value.size() != 1) throw QueryError.validation(path, "expected exactly one field to order by");
        Map.Entry<String, JsonNode> e = value.fields().next();
        if (rf.isList()) {
            if (!e.getKey().equals("_count")) {
                throw QueryError.validation(join(path, e.getKey()), "a to-many relation can only be ordered by _count");
            }
            return new Ordering.ByRelationCount(through, rf, direction(e.getValue(), join(path, "_count")));
        }
        List<RelationField> next = new ArrayList<>(through);
        next.add(rf);
        return ordering(schema.model(rf.relatedModel()), next, e.getKey(), e.getValue(), join(path, e.getKey()));
    }

    private static boolean direction(JsonNode v, String path) {
        return switch (v.asText()) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw PrismaWords.notInEnum(path, lastSegment(path), "SortOrder");
        };
    }

    List<ScalarField> distinct(Model model, JsonNode value, String path) {
        List<ScalarField> out = new ArrayList<>();
        for (JsonNode item : listOf(value)) {
            if (!item.isTextual() || model.field(item.asText()) == null) throw PrismaWords.notInEnum(path, "distinct", model.name() + "ScalarFieldEnum");
            Field f = field(model, item.asText(), path);
            if (!(f instanceof ScalarField sf)) throw QueryError.validation(path, "distinct takes scalar fields, but " + item.asText() + " is a relation");
            out.add(sf);
        }
        return out;
    }
}
