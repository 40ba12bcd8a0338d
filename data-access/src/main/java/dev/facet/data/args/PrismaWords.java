package dev.facet.data.args;

import dev.facet.data.error.QueryError;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * Prisma 7's words for request arguments it does not accept (the last paragraph of its validation message, after the
 * arguments it renders), measured with Prisma Client 7 ({@code tools/prisma-compare/suites/validation}).
 */
public final class PrismaWords {
    /** The largest edit distance at which Prisma suggests another name. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private PrismaWords() {}

    /** ``Unknown argument `x`. Did you mean `y`? Available options are marked with ?.`` */
    public static QueryError unknownArgument(String path, String name, List<String> options) {
        StringBuilder text = new StringBuilder("Unknown argument `").append(name).append("`.");
        String suggestion = suggestion(name, options);
        if (suggestion != null) text.append(" Did you mean `").append(suggestion).append("`?");
        if (!options.isEmpty()) text.append(" Available options are marked with ?.");
        return QueryError.validation(path, text.toString());
    }

    /** ``Argument `x`: Invalid value provided. Expected T, provided Kind.`` for a value where Prisma takes an input object of type T. */
    public static QueryError invalidValue(String path, String expected, com.fasterxml.jackson.databind.JsonNode value) {
        String argument = path.substring(path.lastIndexOf('.') + 1);
        return QueryError.validation(path, "Argument `" + argument + "`: Invalid value provided. Expected " + expected + ", provided "
                + dev.facet.data.value.TypeErrors.kind(value) + ".");
    }

    /** The first option at the smallest edit distance, if that distance is at most {@value #MAX_SUGGESTION_DISTANCE}. */
    public static String suggestion(String name, List<String> options) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String option : options) {
            int d = EditDistance.between(name, option);
            if (d <= MAX_SUGGESTION_DISTANCE && d < bestDistance) {
                bestDistance = d;
                best = option;
            }
        }
        return best;
    }

    /**
     * A name that is no field of the model, worded for where it stands (its path): a select, include or omit
     * statement names the model's output type; a where, orderBy or having lists its options with a suggestion.
     * Null where Prisma's wording is not known (Facet's own text is kept).
     */
    static QueryError unknownField(String path, String name, Model model) {
        String[] segments = path.split("\\.");
        String parent = segments.length > 1 ? segments[segments.length - 2] : "";
        String grandParent = segments.length > 2 ? segments[segments.length - 3] : "";
        switch (parent) {
            case "select", "include", "omit" -> {
                String type = parent.equals("select") && grandParent.equals("_count") ? model.name() + "CountOutputType" : model.name();
                String statement = grandParent.equals("_count") ? "select" : parent;
                return QueryError.validation(path, "Unknown field `" + name + "` for " + statement + " statement on model `" + type
                        + "`. Available options are marked with ?.");
            }
            default -> { }
        }
        List<String> fields = model.fields().stream().filter(f -> !f.ignored()).map(Field::name).toList();
        if (segments[0].equals("orderBy")) return unknownArgument(path, name, fields);
        if (path.contains(".deleteMany.")) {
            // A nested deleteMany filters by the related model's scalars only (its ScalarWhereInput).
            List<String> options = new ArrayList<>(List.of("AND", "OR", "NOT"));
            model.scalarFields().stream().filter(f -> !f.ignored()).map(Field::name).forEach(options::add);
            return unknownArgument(path, name, options);
        }
        if (segments[0].equals("where") || segments[0].equals("having") || path.contains(".where.")) {
            List<String> options = new ArrayList<>(List.of("AND", "OR", "NOT"));
            options.addAll(fields);
            return unknownArgument(path, name, options);
        }
        return null;
    }

    /** The operations of a scalar field's filter input type, in Prisma's order (for suggestions). */
    static List<String> filterOptions(ScalarField field, boolean withMode) {
        if (field.isEnum()) return List.of("equals", "in", "notIn", "not");
        ScalarType type = field.scalarType();
        if (type == ScalarType.BOOLEAN) return List.of("equals", "not");
        if (type == ScalarType.BYTES) return List.of("equals", "in", "notIn", "not");
        List<String> out = new ArrayList<>(List.of("equals", "in", "notIn", "lt", "lte", "gt", "gte"));
        if (type == ScalarType.STRING) {
            out.addAll(List.of("contains", "startsWith", "endsWith"));
            if (withMode) out.add("mode");
        }
        out.add("not");
        return out;
    }

    /** ``Argument `where` of type UserWhereUniqueInput needs at least one of `id` or `email` arguments. ...`` */
    static QueryError needsOneOf(String path, Model model, List<String> criteria) {
        String[] segments = path.split("\\.");
        String argument = segments[segments.length - 1];
        List<String> quoted = criteria.stream().map(c -> "`" + c + "`").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return QueryError.validation(path, "Argument `" + argument + "` of type " + model.name() + "WhereUniqueInput needs at least one of "
                + list + " arguments. Available options are marked with ?.");
    }

    /** ``Invalid value for argument `x`. Expected SortOrder.`` and the like: a value outside an enum of Prisma's. */
    static QueryError notInEnum(String path, String argument, String enumName) {
        return QueryError.validation(path, "Invalid value for argument `" + argument + "`. Expected " + enumName + ".");
    }
}
