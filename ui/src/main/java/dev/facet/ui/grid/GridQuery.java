package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.ui.ViewModelPart;
import dev.facet.ui.grid.ModelGridViewModel.SortKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the Prisma Client arguments of a grid's view: {@code findMany} with its where, order (stable
 * by key, so that paging by skip/take is), page and include; {@code count}; a where naming records by key.
 * Plain values in, JSON out: no JavaFX, no database.
 */
@ViewModelPart
final class GridQuery {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Model model;
    private final List<GridColumn> columns;
    private final List<ScalarField> keyFields;
    private final ObjectNode include;

    GridQuery(Model model, List<GridColumn> columns) {
        this.model = model;
        this.columns = columns;
        this.keyFields = RowKey.fields(model);
        this.include = includeArguments(columns);
    }

    /** @return the include of every row: to-one relations with their key and display field, to-many counted */
    ObjectNode include() { return include; }

    /** @return {@code findMany} arguments for a page of the view */
    ObjectNode findMany(ObjectNode where, List<SortKey> sort, int skip, int take) {
        ObjectNode args = JSON.objectNode();
        if (where != null) args.set("where", where);
        args.set("orderBy", orderBy(sort));
        if (skip > 0) args.put("skip", skip);
        args.put("take", take);
        if (!include.isEmpty()) args.set("include", include.deepCopy());
        return args;
    }

    /**
     * @return {@code findMany} arguments for the {@code take} rows after the record {@code after} (before it when take is
     *         negative): Prisma's cursor, which pages by the sort's values in SQL (keyset) instead of skipping rows
     */
    ObjectNode findManyAfter(ObjectNode where, List<SortKey> sort, RowKey after, int take) {
        ObjectNode args = findMany(where, sort, 0, take);
        args.set("cursor", after.values());
        args.put("skip", 1);
        return args;
    }

    /**
     * @return whether a cursor pages this sort in SQL: one key field, and only required scalar sort columns (a cursor
     *         on a nullable or related column is applied in memory, as Prisma does, which reads the whole result)
     */
    boolean keysetSafe(List<SortKey> sort) {
        if (keyFields.size() != 1) return false;
        for (SortKey k : sort) {
            GridColumn c = column(k.field());
            if (c.isRelation() || c.scalar() == null || c.nullable() || c.isList()) return false;
        }
        return true;
    }

    /** @return {@code count} arguments for the view */
    static ObjectNode count(ObjectNode where) {
        ObjectNode args = JSON.objectNode();
        if (where != null) args.set("where", where.deepCopy());
        return args;
    }

    /** The sort keys, then the key fields, so that paging by skip/take is stable. */
    ArrayNode orderBy(List<SortKey> sort) {
        ArrayNode out = JSON.arrayNode();
        Set<String> sortedScalars = new HashSet<>();
        for (SortKey k : sort) {
            GridColumn c = column(k.field());
            String dir = k.descending() ? "desc" : "asc";
            ObjectNode o = out.addObject();
            switch (c.kind()) {
                case TO_ONE -> o.putObject(c.name()).put(c.displayField().name(), dir);
                case TO_MANY -> o.putObject(c.name()).put("_count", dir);
                default -> {
                    o.put(c.name(), dir);
                    sortedScalars.add(c.name());
                }
            }
        }
        for (ScalarField f : keyFields) if (!sortedScalars.contains(f.name())) out.addObject().put(f.name(), "asc");
        return out;
    }

    /** @return a plain where (not where-unique) matching exactly these records */
    ObjectNode whereAnyOf(List<RowKey> keys) {
        ObjectNode where = JSON.objectNode();
        if (keyFields.size() == 1) {
            ArrayNode in = where.putObject(keyFields.getFirst().name()).putArray("in");
            keys.forEach(k -> in.add(k.values().get(keyFields.getFirst().name())));
        } else {
            ArrayNode or = where.putArray("OR");
            keys.forEach(k -> or.add(k.values()));
        }
        return where;
    }

    private GridColumn column(String name) {
        for (GridColumn c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException("no column " + name + " on " + model.name());
    }

    private static ObjectNode includeArguments(List<GridColumn> columns) {
        ObjectNode inc = JSON.objectNode();
        ObjectNode counts = JSON.objectNode();
        for (GridColumn c : columns) {
            if (c.kind() == GridColumn.Kind.TO_ONE && c.related() != null) {
                ObjectNode select = inc.putObject(c.name()).putObject("select");
                for (ScalarField k : RowKey.fields(c.related())) select.put(k.name(), true);
                if (c.displayField() != null) select.put(c.displayField().name(), true);
                if (select.isEmpty()) inc.put(c.name(), true);
            } else if (c.kind() == GridColumn.Kind.TO_MANY) {
                counts.put(c.name(), true);
            }
        }
        if (!counts.isEmpty()) inc.putObject("_count").set("select", counts);
        return inc;
    }
}
