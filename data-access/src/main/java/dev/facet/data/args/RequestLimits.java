package dev.facet.data.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How deep a request may nest, so that parsing it, compiling it and planning its SQL stay bounded: deep input is
 * refused with a P2009 naming the path before any recursive parser sees it (see ADR 0010).
 */
public final class RequestLimits {
    /**
     * The deepest the arguments of one request may nest, counting the {@code args} object as level 1: filters,
     * selections and nested writes alike. Prisma Client 7 refuses what its query compiler cannot read with
     * serde_json's limit of 128 levels for the whole JSON-protocol request; measured through Prisma Client 7, its
     * arguments may then nest 123 levels ({@code where} plus 121 nested {@code AND} objects), so this is Prisma's
     * own limit in Facet's request shape.
     */
    public static final int MAX_ARGUMENT_DEPTH = 123;

    /**
     * The deepest relation filters ({@code some}, {@code every}, {@code none}, {@code is}, {@code isNot}) may nest in
     * one filter. Prisma has no such limit below {@link #MAX_ARGUMENT_DEPTH}; this one protects the database:
     * PostgreSQL's planner needs about twice the memory for every further pair of to-many and to-one relations (32
     * nested relations took 1.5 GB and more killed the server), while 16 take about 45 MB and under a second.
     */
    public static final int MAX_RELATION_FILTER_DEPTH = 16;

    private RequestLimits() {}

    /**
     * Checks that {@code args} nests at most {@link #MAX_ARGUMENT_DEPTH} levels.
     *
     * @throws QueryError P2009 naming the path of the first value too deep
     */
    public static void checkDepth(JsonNode args) {
        if (args == null) return;
        List<String> path = tooDeep(args, 1);
        if (path != null) {
            throw QueryError.validation(abbreviate(path), "The request nests deeper than " + MAX_ARGUMENT_DEPTH
                    + " levels, which Prisma Client does not accept either (its limit is 128 levels of JSON for the whole request).");
        }
    }

    /** @return the path below {@code node} to a container deeper than the limit (reversed), or null; recursion is bounded by the limit */
    private static List<String> tooDeep(JsonNode node, int depth) {
        if (!node.isContainerNode()) return null;
        if (depth > MAX_ARGUMENT_DEPTH) return new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<String> p = tooDeep(e.getValue(), depth + 1);
                if (p != null) {
                    p.add(e.getKey());
                    return p;
                }
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                List<String> p = tooDeep(node.get(i), depth + 1);
                if (p != null) {
                    p.add(Integer.toString(i));
                    return p;
                }
            }
        }
        return null;
    }

    /** The path with its middle left out: {@code where.AND.AND.AND.AND.AND.…(122 more).AND}. */
    static String abbreviate(List<String> reversed) {
        List<String> path = reversed.reversed();
        if (path.size() <= 12) return String.join(".", path);
        return String.join(".", path.subList(0, 8)) + ".…(" + (path.size() - 10) + " more)." + String.join(".", path.subList(path.size() - 2, path.size()));
    }

    /** The path of nested relation filters, for the error when they nest deeper than {@link #MAX_RELATION_FILTER_DEPTH}. */
    public static QueryError relationFiltersTooDeep(List<String> path) {
        return QueryError.validation(abbreviate(path.reversed()), "Relation filters nest deeper than " + MAX_RELATION_FILTER_DEPTH
                + " levels. Facet refuses deeper ones, whose SQL takes the database's planner exponential time and memory.");
    }
}
