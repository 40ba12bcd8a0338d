package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.facet.data.args.ArgumentChecks.*;

/** Parses where-unique inputs and cursors: one of the model's unique criteria (id, unique field, compound key by client name). */
final class UniqueArguments {
    private final Schema schema;
    private final WhereArguments where;

    UniqueArguments(Schema schema, WhereArguments where) {
        this.schema = schema;
        this.where = where;
    }

    /** Parses a where-unique input into a filter (the unique criterion and any further conditions). */
    Filter whereUnique(Model model, JsonNode where, String path) {
        requireObject(where, path);
        List<String> criteria = uniqueCriteria(model);
        requireCriterion(model, where, criteria, path);
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ScalarField> compound = compoundFields(model, e.getKey());
            if (compound != null) {
                if (!e.getValue().isObject()) {
                    // Prisma's type is named by the compound's own name, or else by its fields, each capitalized.
                    List<String> names = compound.stream().map(ScalarField::name).toList();
                    List<String> parts2 = e.getKey().equals(String.join("_", names)) ? names : List.of(e.getKey());
                    String type = parts2.stream().map(n -> Character.toUpperCase(n.charAt(0)) + n.substring(1)).collect(java.util.stream.Collectors.joining());
                    throw PrismaWords.invalidValue(join(path, e.getKey()), model.name() + type + "CompoundUniqueInput", e.getValue());
                }
                JsonNode value = e.getValue();
                rejectOutside(value, compound, join(path, e.getKey()));
                for (ScalarField f : compound) {
                    String p = join(join(path, e.getKey()), f.name());
                    if (!value.has(f.name())) throw QueryError.validation(p, "Argument `" + f.name() + "` is missing.");
                    parts.add(this.where.equalsFilter(f, value.get(f.name()), p));
                }
                continue;
            }
            // A unique criterion takes the value itself (no filter): Prisma names only the field's type.
            if (criteria.contains(e.getKey()) && model.field(e.getKey()) instanceof ScalarField sf && !e.getValue().isObject() && !e.getValue().isNull()) {
                Values.fromJson(sf, schema.enumType(sf.typeName()), e.getValue(), join(path, e.getKey()), TypeErrors.Place.CREATE);
            }
            parts.add(this.where.whereEntry(model, e.getKey(), e.getValue(), path));
        }
        return Filter.and(parts);
    }

    /** A where-unique names one of the model's unique criteria, not as null (Prisma's texts). */
    private static void requireCriterion(Model model, JsonNode where, List<String> criteria, String path) {
        // A required field takes no null; a nullable unique field's null is a condition, not a criterion.
        for (String c : criteria) {
            if (where.has(c) && where.get(c).isNull() && model.field(c) instanceof ScalarField f && f.isRequired()) {
                throw QueryError.validation(join(path, c), "Argument `" + c + "` must not be null.");
            }
        }
        if (criteria.stream().noneMatch(c -> where.has(c) && !where.get(c).isNull())) throw PrismaWords.needsOneOf(path, model, criteria);
    }

    /** A compound unique's input takes its fields only. */
    private static void rejectOutside(JsonNode value, List<ScalarField> compound, String path) {
        List<String> names = compound.stream().map(ScalarField::name).toList();
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!names.contains(key)) throw PrismaWords.unknownArgument(join(path, key), key, names);
        }
    }

    /** The unique values of a cursor ({@code cursor: {id: 5}}), by field. */
    Map<ScalarField, Object> uniqueValues(Model model, JsonNode where, String path) {
        requireObject(where, path);
        // A cursor is a where-unique input: it must name the id or a unique criterion.
        List<String> criteria = uniqueCriteria(model);
        requireCriterion(model, where, criteria, path);
        Map<ScalarField, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<ScalarField> compound = compoundFields(model, e.getKey());
            if (compound != null) {
                for (ScalarField f : compound) {
                    String p = join(join(path, e.getKey()), f.name());
                    JsonNode v = e.getValue().get(f.name());
                    if (v == null) throw QueryError.validation(p, "Argument `" + f.name() + "` is missing.");
                    if (v.isNull()) throw QueryError.validation(p, "Argument `" + f.name() + "` must not be null.");
                    values.put(f, value(schema, f, v, p));
                }
                continue;
            }
            Field field = field(model, e.getKey(), join(path, e.getKey()));
            if (!(field instanceof ScalarField sf)) throw unknownField(join(path, e.getKey()), e.getKey(), model);
            values.put(sf, value(schema, sf, e.getValue(), join(path, e.getKey())));
        }
        if (values.isEmpty()) throw QueryError.validation(path, "Expected a minimum of 1 fields to be present, got 0.");
        return values;
    }


    /** The names a where-unique accepts: the id, unique fields, and compound keys by client name. */
    static List<String> uniqueCriteria(Model model) {
        List<String> out = new ArrayList<>();
        PrimaryKey pk = model.primaryKey();
        if (pk != null) out.add(pk.clientName());
        for (Index i : model.uniqueIndexes()) if (!out.contains(i.clientName())) out.add(i.clientName());
        return out;
    }

    private static List<ScalarField> compoundFields(Model model, String key) {
        List<List<String>> candidates = new ArrayList<>();
        if (model.primaryKey() != null && model.primaryKey().isCompound() && model.primaryKey().clientName().equals(key)) {
            candidates.add(model.primaryKey().fieldNames());
        }
        for (Index i : model.uniqueIndexes()) {
            if (i.fields().size() > 1 && i.clientName().equals(key)) candidates.add(i.fieldNames());
        }
        if (candidates.isEmpty()) return null;
        return candidates.getFirst().stream().map(n -> (ScalarField) model.field(n)).toList();
    }
}
