package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.args.CompositeFilters;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.connector.Session;
import dev.facet.data.connector.Session.CompositeChange;
import dev.facet.data.connector.Session.FieldUpdate;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.value.Values;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prisma 6.19's write inputs for composite fields (MongoDB's embedded documents), checked against the type:
 * <ul>
 *   <li>a value to store (create input, {@code set}, {@code push}): an object of the type's fields, {@code {set: ...}}
 *       around it, and for a list an array or a single object; unknown fields and missing required fields without a
 *       default are refused, nested composites follow the same rules;</li>
 *   <li>an update: exactly one of {@code set}, {@code unset}, {@code update}, {@code upsert: {set, update}} on a single
 *       composite, of {@code set}, {@code push}, {@code updateMany: {where, data}}, {@code deleteMany: {where}} on a
 *       list, or a value as a shorthand for {@code set}.</li>
 * </ul>
 * The result is Prisma's JSON input (normalized: lists as arrays, no {@code set} wrappers) for values, and
 * {@link Session.CompositeChange} for the operations that change a stored composite in place.
 */
final class CompositeInputs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> SINGLE_OPS = Set.of("set", "unset", "update", "upsert");
    private static final Set<String> LIST_OPS = Set.of("set", "push", "updateMany", "deleteMany");

    /** The change of one field inside a composite (scalars through the write engine's own scalar updates). */
    interface FieldChanges {
        FieldUpdate change(ScalarField field, JsonNode value, String path);
    }

    private final Schema schema;
    private final ReadArguments reads;
    private final FieldChanges fields;

    CompositeInputs(Schema schema, ReadArguments reads, FieldChanges fields) {
        this.schema = schema;
        this.reads = reads;
        this.fields = fields;
    }

    // ---------------------------------------------------------------- values

    /** A composite value to store: an object (single), an array of objects (list), or null (Java's, for a stored null). */
    JsonNode value(ScalarField field, JsonNode v, String path) {
        CompositeType type = schema.compositeType(field.typeName());
        if (v.isObject() && v.size() == 1 && v.has("set") && type.field("set") == null) {
            return value(field, v.get("set"), InputShapes.join(path, "set"));
        }
        if (v.isNull()) {
            if (field.isRequired() || field.isList()) throw QueryError.validation(path, "Argument `" + field.name() + "` must not be null.");
            return null;
        }
        if (field.isList()) {
            ArrayNode out = JSON.arrayNode();
            if (v.isObject()) out.add(create(type, v, path));
            else if (v.isArray()) {
                int i = 0;
                for (JsonNode item : v) out.add(create(type, item, path + "." + i++));
            } else throw invalid(path, type.name() + "CreateInput[]", v);
            return out;
        }
        return create(type, v, path);
    }

    /** One embedded document: the type's fields only, each checked; required ones without a default must be given. */
    private ObjectNode create(CompositeType type, JsonNode v, String path) {
        if (!v.isObject()) throw invalid(path, type.name() + "CreateInput", v);
        ObjectNode out = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = InputShapes.join(path, e.getKey());
            ScalarField f = type.field(e.getKey());
            if (f == null) throw InputShapes.unknownArgument(p, e.getKey(), type.fields().stream().map(ScalarField::name).toList());
            JsonNode value = e.getValue();
            if (f.isComposite()) {
                JsonNode composite = value(f, value, p);
                out.set(f.name(), composite == null ? JSON.nullNode() : composite);
            } else if (value.isNull()) {
                if (f.isRequired() || f.isList()) throw QueryError.validation(p, "Argument `" + f.name() + "` must not be null.");
                out.set(f.name(), value);
            } else if (f.isList()) {
                JsonNode list = value.isObject() && value.has("set") ? value.get("set") : value;
                Values.listFromJson(f, schema.enumType(f.typeName()), list, p);
                out.set(f.name(), list);
            } else {
                Values.fromJson(f, schema.enumType(f.typeName()), value, p);
                out.set(f.name(), value);
            }
        }
        for (ScalarField f : type.fields()) {
            if (f.isRequired() && f.defaultValue() == null && !v.has(f.name())) {
                throw QueryError.validation(InputShapes.join(path, f.name()), "A value is required but not set.");
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- updates

    /** The update of composite field {@code field}: an envelope with one operation, or a value to set. */
    FieldUpdate change(ScalarField field, JsonNode v, String path) {
        Set<String> ops = field.isList() ? LIST_OPS : SINGLE_OPS;
        if (!v.isObject() || v.isEmpty() || !ops.containsAll(names(v))) return new FieldUpdate.Set(value(field, v, path));
        if (v.size() != 1) {
            throw QueryError.validation(path, "Expected exactly one field to be present, got " + v.size() + " (" + String.join(", ", ops) + ").");
        }
        Map.Entry<String, JsonNode> op = v.fields().next();
        String p = InputShapes.join(path, op.getKey());
        JsonNode arg = op.getValue();
        CompositeType type = schema.compositeType(field.typeName());
        return switch (op.getKey()) {
            case "set" -> new FieldUpdate.Set(value(field, arg, p));
            case "unset" -> {
                if (field.isRequired()) throw QueryError.validation(p, "Unknown argument `unset`: " + field.name() + " is required.");
                if (!arg.isBoolean() || !arg.booleanValue()) {
                    throw QueryError.validation(p, "Facet takes `unset: true` only (leave the field out to keep it), not " + arg + ".");
                }
                yield new FieldUpdate.Unset();
            }
            case "update" -> new FieldUpdate.Composite(new CompositeChange.Update(update(type, arg, p)));
            case "upsert" -> {
                JsonNode upsert = object(arg, p, type.name() + "UpsertInput");
                for (String key : names(upsert)) {
                    if (!key.equals("set") && !key.equals("update")) throw InputShapes.unknownArgument(InputShapes.join(p, key), key, List.of("set", "update"));
                }
                if (!upsert.has("set")) throw QueryError.validation(InputShapes.join(p, "set"), "A value is required but not set.");
                if (!upsert.has("update")) throw QueryError.validation(InputShapes.join(p, "update"), "A value is required but not set.");
                JsonNode set = value(field, upsert.get("set"), InputShapes.join(p, "set"));
                if (set == null) throw QueryError.validation(InputShapes.join(p, "set"), "Argument `set` must not be null.");
                yield new FieldUpdate.Composite(new CompositeChange.Upsert(set, update(type, upsert.get("update"), InputShapes.join(p, "update"))));
            }
            case "push" -> {
                List<Object> items = new ArrayList<>();
                value(field, arg, p).forEach(items::add);
                yield new FieldUpdate.Push(items);
            }
            case "updateMany" -> {
                JsonNode many = object(arg, p, type.name() + "UpdateManyInput");
                for (String key : names(many)) {
                    if (!key.equals("where") && !key.equals("data")) throw InputShapes.unknownArgument(InputShapes.join(p, key), key, List.of("where", "data"));
                }
                if (!many.has("data")) throw QueryError.validation(InputShapes.join(p, "data"), "A value is required but not set.");
                yield new FieldUpdate.Composite(new CompositeChange.UpdateMany(where(type, many, p), update(type, many.get("data"), InputShapes.join(p, "data"))));
            }
            default -> {
                JsonNode many = object(arg, p, type.name() + "DeleteManyInput");
                for (String key : names(many)) {
                    if (!key.equals("where")) throw InputShapes.unknownArgument(InputShapes.join(p, key), key, List.of("where"));
                }
                yield new FieldUpdate.Composite(new CompositeChange.DeleteMany(where(type, many, p)));
            }
        };
    }

    /** An update input of a composite type: at least one of its fields, each with its own update. */
    private Map<ScalarField, FieldUpdate> update(CompositeType type, JsonNode v, String path) {
        object(v, path, type.name() + "UpdateInput");
        if (v.isEmpty()) throw QueryError.validation(path, "Expected a minimum of 1 fields to be present, got 0.");
        Map<ScalarField, FieldUpdate> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = InputShapes.join(path, e.getKey());
            ScalarField f = type.field(e.getKey());
            if (f == null) throw InputShapes.unknownArgument(p, e.getKey(), type.fields().stream().map(ScalarField::name).toList());
            changes.put(f, fields.change(f, e.getValue(), p));
        }
        return changes;
    }

    private Filter where(CompositeType type, JsonNode args, String path) {
        JsonNode w = args.get("where");
        if (w == null) throw QueryError.validation(InputShapes.join(path, "where"), "A value is required but not set.");
        return reads.where(CompositeFilters.asModel(type), w, InputShapes.join(path, "where"));
    }

    private static JsonNode object(JsonNode v, String path, String expected) {
        if (!v.isObject()) throw invalid(path, expected, v);
        return v;
    }

    private static List<String> names(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static QueryError invalid(String path, String expected, JsonNode v) {
        return QueryError.validation(path, "Invalid value provided. Expected " + expected + ", provided " + v + ".");
    }
}
