package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.connector.Session;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.RelationLink;
import dev.facet.data.value.Generated;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.write.WriteInput.join;
import static dev.facet.data.write.WriteInput.requireObject;

/**
 * The scalar side of write data: values to insert (with client-side defaults and the check of required fields),
 * changes to apply ({@code set}, arithmetic, {@code push}, {@code unset}) and {@code @updatedAt}.
 */
final class ScalarInputs {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WriteContext ctx;

    ScalarInputs(WriteContext ctx) { this.ctx = ctx; }

    // ---------------------------------------------------------------- values to insert

    /** The row of a createMany record (scalars only), with {@code preset} values fixed by a parent. */
    Map<ScalarField, Object> scalarRow(Model model, JsonNode data, String path, Map<ScalarField, Object> preset) {
        requireObject(data, path);
        Map<ScalarField, Object> values = new LinkedHashMap<>(preset);
        QueryError unknown = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            if (!(model.field(e.getKey()) instanceof ScalarField sf) || sf.ignored() || sf.kind() == FieldKind.UNSUPPORTED) {
                if (unknown == null) unknown = InputShapes.unknownArgument(p, e.getKey(), ctx.errors.scalarOptions(model, preset.keySet(), true));
                continue;
            }
            values.put(sf, scalarValue(sf, e.getValue(), p));
        }
        addDefaults(model, values);
        // Prisma reports a missing argument before an unknown one.
        checkRequired(model, values, path, false);
        if (unknown != null) throw unknown;
        return values;
    }

    Object scalarValue(ScalarField f, JsonNode v, String path) {
        return scalarValue(f, v, path, TypeErrors.Place.CREATE);
    }

    private Object scalarValue(ScalarField f, JsonNode v, String path, TypeErrors.Place place) {
        if (f.isComposite()) return ctx.composites.value(f, v, path);
        if (f.scalarType() == ScalarType.JSON && !f.isList()) return jsonValue(f, v, path);
        if (v.isNull()) {
            if (f.isRequired()) throw QueryError.validation(path, "Argument `" + path.substring(path.lastIndexOf('.') + 1) + "` must not be null.");
            return null;
        }
        if (f.isList()) {
            JsonNode list = v.isObject() && v.has("set") ? v.get("set") : v;
            return Values.listFromJson(f, ctx.schema.enumType(f.typeName()), list, path);
        }
        return Values.fromJson(f, ctx.schema.enumType(f.typeName()), v, path, place);
    }

    /** A Json value to store: {@code null} and JsonNull are the JSON value null, DbNull (optional fields only) the database's NULL. */
    private Object jsonValue(ScalarField f, JsonNode v, String path) {
        Values.JsonNullKind kind = v.isNull() ? Values.JsonNullKind.JSON_NULL : Values.jsonNullKind(v);
        if (kind == null) return Values.fromJson(f, null, v, path);
        return switch (kind) {
            case JSON_NULL -> JSON.nullNode();
            case DB_NULL -> {
                if (f.isRequired()) throw QueryError.validation(path, "Invalid value for argument `" + f.name() + "`. Expected JsonNullValueInput.");
                yield null;
            }
            case ANY_NULL -> throw QueryError.validation(path, "Invalid value for argument `" + f.name() + "`. Expected "
                    + (f.isRequired() ? "JsonNullValueInput." : "NullableJsonNullValueInput."));
        };
    }

    void addDefaults(Model model, Map<ScalarField, Object> values) {
        for (ScalarField f : model.scalarFields()) {
            // Prisma Client does not know ignored fields: it writes no default to them.
            if (values.containsKey(f) || f.ignored()) continue;
            if (f.updatedAt()) {
                values.put(f, Generated.now());
            } else if (f.defaultValue() instanceof dev.facet.schema.model.DefaultValue.Literal l && f.scalarType() == ScalarType.JSON && !f.isList()) {
                // Prisma writes a Json default itself: MySQL cannot hold one in the column.
                values.put(f, dev.facet.data.value.JsonCodec.parse(l.value().toString()));
            } else if (f.defaultValue() != null) {
                Object generated = Generated.valueFor(f.defaultValue());
                if (generated != null) values.put(f, generated);
            }
        }
    }

    /**
     * Whether Prisma offers a create of {@code model} two input types, one with relations and one with
     * their foreign keys: it does when the model holds a foreign key (other than the one to the parent
     * of a nested create). A missing required value then fails to match either type, which Prisma
     * reports as P2009 rather than P2012.
     */
    boolean hasCheckedAndUncheckedInputs(Model model, RelationField backField) {
        for (RelationField rf : model.relationFields()) {
            if (rf != backField && RelationLink.of(ctx.schema, model, rf).parentHoldsKey()) return true;
        }
        return false;
    }

    void checkRequired(Model model, Map<ScalarField, Object> values, String path, boolean union) {
        for (ScalarField f : model.scalarFields()) {
            if (values.containsKey(f) || !f.isRequired() || f.defaultValue() != null || f.ignored() || f.kind() == FieldKind.UNSUPPORTED) continue;
            RelationField owner = null;
            for (RelationField rf : model.relationFields()) if (rf.fields().contains(f.name())) owner = rf;
            String missing = owner != null ? owner.name() : f.name();
            if (union) throw InputShapes.missing(join(path, missing), missing);
            throw new QueryError("P2012", join(path, missing) + ": Argument `" + missing + "` is missing.");
        }
    }

    // ---------------------------------------------------------------- changes to apply

    /** The changes of an updateMany-style data object (scalars only). */
    Map<ScalarField, Session.FieldUpdate> scalarChanges(Model model, JsonNode data, String path, boolean scalarsOnly) {
        Map<ScalarField, Session.FieldUpdate> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = join(path, e.getKey());
            Field f = ctx.errors.field(model, e.getKey(), p);
            if (!(f instanceof ScalarField sf)) throw InputShapes.unknownArgument(p, e.getKey(), ctx.errors.scalarOptions(model, Set.of(), false));
            changes.put(sf, scalarChange(sf, e.getValue(), p));
        }
        return changes;
    }

    Session.FieldUpdate scalarChange(ScalarField f, JsonNode v, String path) {
        // Prisma's update inputs have no id field where ids cannot change (MongoDB's `_id` is immutable).
        if (f.id() && !ctx.capabilities.contains(ConnectorCapability.UPDATABLE_ID)) throw InputShapes.unknownArgument(path, f.name(), List.of());
        if (f.isComposite()) return ctx.composites.change(f, v, path);
        // A Json field has no update operations: an object is the value to store.
        if (v.isObject() && !v.has("$type") && !(f.scalarType() == ScalarType.JSON && !f.isList())) {
            // Prisma's operations input takes exactly one; otherwise the object is read as a value of the field's type.
            if (v.size() != 1) throw QueryError.validation(path, TypeErrors.wrongKind(f, f.name(), v, TypeErrors.Place.CREATE));
            Map.Entry<String, JsonNode> op = v.fields().next();
            String p = join(path, op.getKey());
            return switch (op.getKey()) {
                case "set" -> new Session.FieldUpdate.Set(scalarValue(f, op.getValue(), p));
                case "increment", "decrement", "multiply", "divide" -> {
                    if (f.scalarType() == null || !f.scalarType().isNumeric() || f.isList()) {
                        throw QueryError.validation(p, "`" + op.getKey() + "` is only available on numeric fields");
                    }
                    if (op.getValue().isNull()) throw QueryError.validation(p, "Argument `" + op.getKey() + "` must not be null.");
                    Session.FieldUpdate.Op kind = switch (op.getKey()) {
                        case "increment" -> Session.FieldUpdate.Op.ADD;
                        case "decrement" -> Session.FieldUpdate.Op.SUBTRACT;
                        case "multiply" -> Session.FieldUpdate.Op.MULTIPLY;
                        default -> Session.FieldUpdate.Op.DIVIDE;
                    };
                    yield new Session.FieldUpdate.Arithmetic(kind, Values.fromJson(f, null, op.getValue(), p));
                }
                case "push" -> {
                    if (!f.isList()) throw QueryError.validation(p, "`push` is only available on list fields");
                    yield new Session.FieldUpdate.Push(Values.listFromJson(f, ctx.schema.enumType(f.typeName()), op.getValue(), p));
                }
                case "unset" -> {
                    // Prisma has `unset` on MongoDB only, for fields that may be absent (optional ones and lists).
                    if (!ctx.capabilities.contains(ConnectorCapability.ABSENT_FIELDS) || f.isRequired()) {
                        throw QueryError.validation(p, "unknown operation 'unset' (expected set, increment, decrement, multiply, divide or push)");
                    }
                    if (!op.getValue().isBoolean() || !op.getValue().asBoolean()) {
                        throw QueryError.validation(p, "Facet takes `unset: true` only (leave the field out to keep it), not " + op.getValue() + ".");
                    }
                    yield new Session.FieldUpdate.Unset();
                }
                default -> throw InputShapes.unknownArgument(p, op.getKey(), InputShapes.updateOperations(f));
            };
        }
        return new Session.FieldUpdate.Set(scalarValue(f, v, path, TypeErrors.Place.UPDATE));
    }

    /** Sets every {@code @updatedAt} field the changes leave alone to now (when there are changes at all). */
    void touchUpdatedAt(Model model, Map<ScalarField, Session.FieldUpdate> changes) {
        if (changes.isEmpty()) return;
        for (ScalarField f : model.scalarFields()) {
            if (f.updatedAt() && !f.ignored() && !changes.containsKey(f)) changes.put(f, new Session.FieldUpdate.Set(Generated.now()));
        }
    }
}
