package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** What every read argument parser shares: argument paths, the checks of an input's shape, and Prisma's texts for unknown names. */
final class ArgumentChecks {
    /** The order in which Prisma's read actions list their arguments (it decides which is suggested). */
    static final List<String> ARGUMENT_ORDER = List.of("select", "include", "omit", "where", "orderBy", "cursor", "take", "skip", "distinct");

    private ArgumentChecks() { }

    /** A field's value from its JSON input, checked against the field's type. */
    static Object value(Schema schema, ScalarField field, JsonNode v, String path) {
        return Values.fromJson(field, schema.enumType(field.typeName()), v, path);
    }

    /** @return the field, or a P2009 naming the path and the model */
    static Field field(Model model, String name, String path) {
        Field f = model.field(name);
        if (f == null || f.ignored() || f instanceof ScalarField sf && sf.kind() == FieldKind.UNSUPPORTED) throw unknownField(path, name, model);
        return f;
    }

    static QueryError unknownField(String path, String name, Model model) {
        QueryError worded = PrismaWords.unknownField(path, name, model);
        if (worded != null) return worded;
        String suggestion = closest(name, model.fields().stream().map(Field::name).toList());
        return QueryError.validation(path, "unknown field '" + name + "' on model " + model.name()
                + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : ""));
    }

    static void rejectUnknown(JsonNode args, Set<String> allowed, String path, Model model) {
        for (Iterator<String> it = args.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                List<String> options = new ArrayList<>(ARGUMENT_ORDER.stream().filter(allowed::contains).toList());
                allowed.stream().filter(k -> !ARGUMENT_ORDER.contains(k)).sorted().forEach(options::add);
                throw PrismaWords.unknownArgument(join(path, key), key, options);
            }
        }
    }

    static String closest(String name, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String c : candidates) {
            int d = EditDistance.between(name.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) { bestDistance = d; best = c; }
        }
        return best;
    }

    static boolean isTagged(JsonNode v) { return v.isObject() && v.has("$type"); }

    static List<JsonNode> listOf(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) v.forEach(out::add);
        else out.add(v);
        return out;
    }

    static JsonNode requireObject(JsonNode v, String path) {
        if (!v.isObject()) throw QueryError.validation(path, "expected an object, but received " + v);
        return v;
    }

    /** skip and take: any number, without its fraction, at most 64 bits (as Prisma 7 reads them). */
    static long integer(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw QueryError.validation(path, "Argument `" + lastSegment(path) + "`: Invalid value provided. Expected Int, provided " + TypeErrors.kind(v) + ".");
        }
        return Values.wholeNumber(v, path);
    }

    static long nonNegative(JsonNode v, String path) {
        long n = integer(v, path);
        if (n < 0) throw QueryError.validation(path, "expected a non-negative integer, but received " + n);
        return n;
    }

    static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static List<String> iterable(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
