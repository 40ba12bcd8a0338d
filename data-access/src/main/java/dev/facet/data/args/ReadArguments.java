package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.facet.data.args.ArgumentChecks.integer;
import static dev.facet.data.args.ArgumentChecks.join;
import static dev.facet.data.args.ArgumentChecks.nonNegative;
import static dev.facet.data.args.ArgumentChecks.rejectUnknown;
import static dev.facet.data.args.ArgumentChecks.requireObject;

/**
 * Parses Prisma Client read arguments ({@code where}, {@code select}, {@code include}, {@code omit},
 * {@code orderBy}, {@code cursor}, {@code skip}, {@code take}, {@code distinct}) from JSON into the
 * neutral query model, checking them against the schema. Every problem is a P2009 error naming the
 * argument path and worded as Prisma 7 words it, e.g. {@code where.posts.some.titel: Unknown argument `titel`. Did you mean
 * `title`? Available options are marked with ?.}
 */
public final class ReadArguments {
    private static final Set<String> FIND_MANY_KEYS = Set.of("where", "select", "include", "omit", "orderBy", "cursor", "skip", "take",
            "distinct");

    private final WhereArguments where;
    private final UniqueArguments unique;
    private final OrderByArguments orderBy;
    private final SelectionArguments selection;

    /**
     * @param schema       the schema requests are checked against
     * @param capabilities what the database can do: which filters exist ({@code mode}, Json comparisons) and how a
     *                     Json path is written
     */
    public ReadArguments(Schema schema, Set<ConnectorCapability> capabilities) {
        this.where = new WhereArguments(schema, capabilities, this);
        this.unique = new UniqueArguments(schema, where);
        this.orderBy = new OrderByArguments(schema, capabilities);
        this.selection = new SelectionArguments(schema, this, where);
    }

    /** Parses the arguments of {@code findMany}, {@code findFirst} and nested to-many reads. */
    public ReadQuery findMany(Model model, JsonNode args, String path) {
        JsonNode a = args == null || args.isNull() ? JsonCodecs.EMPTY : requireObject(args, path);
        rejectUnknown(a, FIND_MANY_KEYS, path, model);
        Filter filter = a.has("where") ? where(model, a.get("where"), join(path, "where")) : Filter.ALL;
        List<Ordering> orderings = a.has("orderBy") ? orderBy(model, a.get("orderBy"), join(path, "orderBy")) : List.of();
        Map<ScalarField, Object> cursor = a.has("cursor") ? uniqueValues(model, a.get("cursor"), join(path, "cursor")) : null;
        Long skip = a.has("skip") ? nonNegative(a.get("skip"), join(path, "skip")) : null;
        Long take = a.has("take") ? integer(a.get("take"), join(path, "take")) : null;
        List<ScalarField> distinct = a.has("distinct") ? orderBy.distinct(model, a.get("distinct"), join(path, "distinct")) : List.of();
        return new ReadQuery(model, filter, orderings, cursor, skip, take, distinct, selection(model, a, path));
    }

    /**
     * Parses the arguments of {@code findUnique}: {@code where} must name a unique criterion (id, a
     * unique field, or a compound unique by its client name); other filters beside it are allowed.
     */
    public ReadQuery findUnique(Model model, JsonNode args, String path) {
        JsonNode a = requireObject(args == null || args.isNull() ? JsonCodecs.EMPTY : args, path);
        rejectUnknown(a, Set.of("where", "select", "include", "omit"), path, model);
        if (!a.has("where")) throw QueryError.validation(join(path, "where"), "Argument `where` is missing.");
        Filter filter = whereUnique(model, a.get("where"), join(path, "where"));
        return new ReadQuery(model, filter, List.of(), null, null, null, List.of(), selection(model, a, path));
    }

    /** Parses a where-unique input into a filter (the unique criterion and any further conditions). */
    public Filter whereUnique(Model model, JsonNode where, String path) { return unique.whereUnique(model, where, path); }

    /** The unique values of a cursor ({@code cursor: {id: 5}}), by field. */
    public Map<ScalarField, Object> uniqueValues(Model model, JsonNode where, String path) { return unique.uniqueValues(model, where, path); }

    /** Parses a {@code where} object. */
    public Filter where(Model model, JsonNode where, String path) { return this.where.where(model, where, path); }

    /** Parses an {@code orderBy} of a model's records (fields, to-one paths, relation counts). */
    List<Ordering> orderBy(Model model, JsonNode value, String path) { return orderBy.orderBy(model, value, path); }

    /** The selection from {@code select}, {@code include} and {@code omit}. */
    public Selection selection(Model model, JsonNode args, String path) { return selection.selection(model, args, path); }

    /** The scalars Prisma returns by default: all but relation, ignored and unsupported fields, in schema order. */
    public static List<ScalarField> defaultScalars(Model model) { return SelectionArguments.defaultScalars(model); }

    /** @return the field, or a P2009 naming the path and the model */
    public Field field(Model model, String name, String path) { return ArgumentChecks.field(model, name, path); }
}
