package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Filter.CompositeCondition;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses Prisma's filters on composite fields (MongoDB's embedded documents) into {@link Filter.Composite}, as Prisma
 * 6.19's input types take them: on a single composite {@code equals}, {@code is}, {@code isNot} and (optional ones)
 * {@code isSet}, or an object of the type's fields as a shorthand for {@code equals}; on a list {@code equals},
 * {@code some}, {@code every}, {@code none}, {@code isEmpty}, {@code isSet}, or an array as a shorthand for
 * {@code equals}. The filters inside {@code is}, {@code some}... are ordinary where inputs on the type's fields, so
 * they nest to any depth. Where the connector has no composite types, every composite filter is refused.
 */
public final class CompositeFilters {
    private static final Set<String> SINGLE_OPS = Set.of("equals", "is", "isNot", "isSet");
    private static final Set<String> LIST_OPS = Set.of("equals", "some", "every", "none", "isEmpty", "isSet");
    private static final Map<CompositeType, Model> MODELS = new ConcurrentHashMap<>();

    private final Schema schema;
    private final ReadArguments reads;
    private final Set<ConnectorCapability> capabilities;

    CompositeFilters(Schema schema, ReadArguments reads, Set<ConnectorCapability> capabilities) {
        this.schema = schema;
        this.reads = reads;
        this.capabilities = capabilities;
    }

    /**
     * A composite type seen as a model without relations or keys, so that where inputs, selections and update inputs on
     * its fields go through the same parsing as a model's.
     */
    public static Model asModel(CompositeType type) {
        return MODELS.computeIfAbsent(type, t -> new Model(t.name(), t.name(), false, List.<Field>copyOf(t.fields()), null, List.of(), false,
                null, t.documentation(), t.span()));
    }

    /**
     * A composite field selected with its own {@code select} ({@code address: {select: {city: true}}}), nested to any
     * depth; {@code {}} or {@code {select: null}} selects the whole value.
     */
    dev.facet.data.query.Selection.Scalar selection(ScalarField field, JsonNode value, String path) {
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("select")) {
                throw QueryError.validation(ArgumentChecks.join(path, key), "Unknown argument `" + key + "` on composite field " + field.name()
                        + " (it takes `select` only).");
            }
        }
        JsonNode select = value.get("select");
        if (select == null || select.isNull()) return new dev.facet.data.query.Selection.Scalar(field);
        return new dev.facet.data.query.Selection.Scalar(field, reads.selection(asModel(schema.compositeType(field.typeName())), value, path));
    }

    /** The filter on composite field {@code field} given as {@code value} at {@code path}. */
    Filter parse(ScalarField field, JsonNode value, String path) {
        if (!capabilities.contains(ConnectorCapability.COMPOSITE_TYPES)) {
            throw QueryError.validation(path, "Composite type filters exist on MongoDB only (field " + field.name() + ").");
        }
        CompositeType type = schema.compositeType(field.typeName());
        return field.isList() ? list(field, type, value, path) : single(field, type, value, path);
    }

    private Filter single(ScalarField field, CompositeType type, JsonNode value, String path) {
        if (value.isNull()) return equalsNull(field, field.name(), path);
        if (!value.isObject()) throw mismatch(path, field, type.name() + "CompositeFilter or " + type.name() + "ObjectEqualityInput", value);
        if (value.isEmpty() || !SINGLE_OPS.containsAll(names(value))) {
            return new Filter.Composite(field, new CompositeCondition.Equals(equality(type, value, path)));
        }
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = ArgumentChecks.join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "equals" -> parts.add(v.isNull() ? equalsNull(field, "equals", p)
                        : new Filter.Composite(field, new CompositeCondition.Equals(equality(type, object(v, p, type), p))));
                case "is" -> parts.add(v.isNull() ? equalsNull(field, "is", p) : is(field, type, v, p));
                case "isNot" -> {
                    if (v.isNull()) parts.add(new Filter.Not(equalsNull(field, "isNot", p)));
                    else {
                        Filter is = is(field, type, v, p);
                        // `isNot: {}` matches every record, as `is: {}` does (Prisma negates the conditions inside, and there are none).
                        parts.add(is.equals(Filter.ALL) ? Filter.ALL : new Filter.Not(is));
                    }
                }
                default -> parts.add(isSet(field, v, p));
            }
        }
        return Filter.and(parts);
    }

    private Filter list(ScalarField field, CompositeType type, JsonNode value, String path) {
        if (value.isArray()) return new Filter.Composite(field, new CompositeCondition.Equals(equalityList(type, value, path)));
        if (!value.isObject() || value.isEmpty() || !LIST_OPS.containsAll(names(value))) {
            throw mismatch(path, field, type.name() + "CompositeListFilter or " + type.name() + "ObjectEqualityInput[]", value);
        }
        List<Filter> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = ArgumentChecks.join(path, e.getKey());
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "equals" -> {
                    if (!v.isArray()) throw mismatch(p, field, type.name() + "ObjectEqualityInput[]", v);
                    parts.add(new Filter.Composite(field, new CompositeCondition.Equals(equalityList(type, v, p))));
                }
                case "some", "every", "none" -> {
                    Filter.Quantifier q = Filter.Quantifier.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT));
                    parts.add(new Filter.Composite(field, new CompositeCondition.Elements(q, reads.where(asModel(type), object(v, p, type), p))));
                }
                case "isEmpty" -> {
                    if (!v.isBoolean()) throw QueryError.validation(p, "Invalid value provided. Expected Boolean, provided " + v + ".");
                    parts.add(new Filter.Composite(field, new CompositeCondition.Empty(v.booleanValue())));
                }
                default -> parts.add(isSet(field, v, p));
            }
        }
        return Filter.and(parts);
    }

    private Filter is(ScalarField field, CompositeType type, JsonNode v, String path) {
        Filter inner = reads.where(asModel(type), object(v, path, type), path);
        return inner.equals(Filter.ALL) ? Filter.ALL : new Filter.Composite(field, new CompositeCondition.Is(inner));
    }

    private static Filter equalsNull(ScalarField field, String argument, String path) {
        if (field.isRequired()) throw QueryError.validation(path, "Argument `" + argument + "` must not be null.");
        return new Filter.Composite(field, new CompositeCondition.Equals(JsonCodecs.NULL));
    }

    private static Filter isSet(ScalarField field, JsonNode v, String path) {
        // Prisma offers isSet on optional composites and on lists, never on a required single composite.
        if (field.isRequired()) {
            throw QueryError.validation(path, "Unknown argument `isSet` on field " + field.name() + ": a required composite is always set.");
        }
        if (!v.isBoolean()) throw QueryError.validation(path, "Invalid value provided. Expected Boolean, provided " + v + ".");
        return new Filter.IsSet(field, v.booleanValue());
    }

    /**
     * An object equality input: the type's fields only, each required field without a default given, kept in the
     * order written (Prisma compares field order too). Values are checked here; the connector converts them.
     */
    private JsonNode equality(CompositeType type, JsonNode value, String path) {
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            ScalarField f = type.field(name);
            String p = ArgumentChecks.join(path, name);
            if (f == null) throw QueryError.validation(p, "Unknown argument `" + name + "` in " + type.name() + "ObjectEqualityInput.");
            JsonNode v = value.get(name);
            if (v.isNull()) {
                if (f.isRequired()) throw QueryError.validation(p, "Argument `" + name + "` must not be null.");
                continue;
            }
            if (f.isComposite()) {
                CompositeType inner = schema.compositeType(f.typeName());
                if (f.isList()) {
                    if (!v.isArray()) throw mismatch(p, f, inner.name() + "ObjectEqualityInput[]", v);
                    equalityList(inner, v, p);
                } else {
                    equality(inner, object(v, p, inner), p);
                }
            } else if (f.isList()) {
                dev.facet.data.value.Values.listFromJson(f, schema.enumType(f.typeName()), v, p);
            } else {
                dev.facet.data.value.Values.fromJson(f, schema.enumType(f.typeName()), v, p);
            }
        }
        for (ScalarField f : type.fields()) {
            if (f.isRequired() && f.defaultValue() == null && !value.has(f.name())) {
                throw QueryError.validation(ArgumentChecks.join(path, f.name()), "Argument `" + f.name() + "` is missing.");
            }
        }
        return value;
    }

    private JsonNode equalityList(CompositeType type, JsonNode array, String path) {
        int i = 0;
        for (JsonNode item : array) {
            String p = path + "." + i++;
            equality(type, object(item, p, type), p);
        }
        return array;
    }

    private static JsonNode object(JsonNode v, String path, CompositeType type) {
        if (!v.isObject()) {
            throw QueryError.validation(path, "Invalid value provided. Expected " + type.name() + " input (an object), provided " + v + ".");
        }
        return v;
    }

    private static List<String> names(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static QueryError mismatch(String path, ScalarField field, String expected, JsonNode value) {
        String provided = value.isArray() ? "List" : value.isObject() ? "Object" : value.isTextual() ? "String" : value.isNumber() ? "Int"
                : value.isBoolean() ? "Boolean" : "null";
        return QueryError.validation(path, "Argument `" + field.name() + "`: Invalid value provided. Expected " + expected + ", provided "
                + provided + ".");
    }
}
