package dev.facet.data.sql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.query.RelationLink;
import dev.facet.data.args.RequestLimits;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * Translates a neutral {@link Filter} into a SQL condition. Relation conditions become correlated
 * {@code EXISTS} subqueries, so a filter never multiplies rows and nests to any depth.
 */
final class FilterCompiler {
    private final Schema schema;
    private final SqlDialect dialect;
    private int aliasCounter;
    /** Under an odd number of NOTs, where Prisma turns a Json type check around (see {@link #json}). */
    private boolean negated;
    /** The relation filters being compiled, outermost first, to refuse nesting that would swamp the planner. */
    private final java.util.ArrayList<String> relations = new java.util.ArrayList<>();

    FilterCompiler(Schema schema, SqlDialect dialect) {
        this.schema = schema;
        this.dialect = dialect;
    }

    /** A fresh table alias, unique within one statement. */
    String nextAlias() { return "t" + (++aliasCounter); }

    String column(String alias, ScalarField field) { return alias + "." + dialect.quote(field.databaseName()); }

    String table(Model model) { return dialect.table(model.databaseName(), model.schema()); }

    /** Appends the condition for {@code filter} on rows of {@code model} aliased {@code alias}. */
    void compile(Filter filter, Model model, String alias, Sql out) {
        switch (filter) {
            case Filter.Constant c -> out.append(c.value() ? "1=1" : "1=0");
            case Filter.And and -> junction(and.filters(), " AND ", "1=1", model, alias, out);
            case Filter.Or or -> junction(or.filters(), " OR ", "1=0", model, alias, out);
            case Filter.Not not -> {
                out.append("NOT (");
                negated = !negated;
                compile(not.filter(), model, alias, out);
                negated = !negated;
                out.append(")");
            }
            case Filter.IsNull n -> out.append(column(alias, n.field())).append(" IS NULL");
            case Filter.IsSet s -> out.append(s.set() ? "1=1" : "1=0");
            case Filter.Compare c -> compare(c, alias, out);
            case Filter.In in -> in(in, alias, out);
            case Filter.ListCondition l -> listCondition(l, alias, out);
            case Filter.JsonCondition j -> json(j, alias, out);
            // Composite types exist on document databases only: the argument parser refuses them here.
            case Filter.Composite c -> throw new IllegalStateException("composite filter on a SQL database: " + c.field().name());
            case Filter.ToMany m -> toMany(m, model, alias, out);
            case Filter.ToOne o -> toOne(o, model, alias, out);
        }
    }

    private void junction(List<Filter> filters, String op, String empty, Model model, String alias, Sql out) {
        if (filters.isEmpty()) {
            out.append(empty);
            return;
        }
        out.append("(");
        for (int i = 0; i < filters.size(); i++) {
            if (i > 0) out.append(op);
            compile(filters.get(i), model, alias, out);
        }
        out.append(")");
    }

    private void compare(Filter.Compare c, String alias, Sql out) {
        String col = column(alias, c.field());
        if (c.insensitive() && !dialect.supportsInsensitiveMode()) {
            throw QueryError.validation("mode", "mode: 'insensitive' is not supported by this database");
        }
        switch (c.op()) {
            case CONTAINS, STARTS_WITH, ENDS_WITH -> {
                // Prisma 7 hands the text to LIKE as it is: % and _ are wildcards, and a backslash escapes where the
                // database's LIKE says so (PostgreSQL, MySQL), not on SQLite.
                String v = c.value().toString();
                String pattern = switch (c.op()) {
                    case CONTAINS -> "%" + v + "%";
                    case STARTS_WITH -> v + "%";
                    default -> "%" + v;
                };
                if (c.insensitive()) out.append(dialect.insensitive(col, "LIKE"));
                else out.append(col).append(" LIKE ?");
                out.params().add(new Sql.Param(null, pattern));
            }
            default -> {
                String op = switch (c.op()) {
                    case EQUALS -> "=";
                    case NOT_EQUALS -> "<>";
                    case LT -> "<";
                    case LTE -> "<=";
                    case GT -> ">";
                    case GTE -> ">=";
                    default -> throw new IllegalStateException();
                };
                if (c.insensitive()) {
                    out.append(dialect.insensitive(col, op));
                    out.params().add(new Sql.Param(c.field(), c.value()));
                } else {
                    out.append(col).append(" ").append(op).append(" ").param(c.field(), c.value(), dialect);
                }
            }
        }
    }

    /**
     * A Json condition as Prisma writes it: the value under the path, and for comparisons, string and array
     * operations a check of its JSON type (a number compares with numbers only). Under a NOT Prisma writes the
     * check as "or of another type", inside the negation, so a value of another type fails the negated filter too.
     */
    private void json(Filter.JsonCondition j, String alias, Sql out) {
        String col = column(alias, j.field());
        Sql target = dialect.jsonAt(col, j.path());
        switch (j.op()) {
            case EQUALS, NOT_EQUALS -> out.append(dialect.jsonEquals(target, (JsonNode) j.value(), j.op() == Filter.JsonOp.NOT_EQUALS));
            case IS_NULL -> out.append(target).append(" IS NULL");
            case IS_NOT_NULL -> out.append(target).append(" IS NOT NULL");
            case LT, LTE, GT, GTE -> {
                JsonNode v = (JsonNode) j.value();
                String op = switch (j.op()) {
                    case LT -> "<";
                    case LTE -> "<=";
                    case GT -> ">";
                    default -> ">=";
                };
                typed(dialect.jsonCompare(target, op, v), target, v, out);
            }
            case STRING_CONTAINS, STRING_STARTS_WITH, STRING_ENDS_WITH -> {
                // As for text fields, the text goes to LIKE as it is (% and _ are wildcards).
                String v = (String) j.value();
                String pattern = switch (j.op()) {
                    case STRING_CONTAINS -> "%" + v + "%";
                    case STRING_STARTS_WITH -> v + "%";
                    default -> "%" + v;
                };
                Sql like = new Sql();
                if (j.insensitive()) like.append("LOWER(").append(dialect.jsonTextAt(col, j.path(), true)).append(") LIKE LOWER(?)");
                else like.append(dialect.jsonTextAt(col, j.path(), false)).append(" LIKE ?");
                like.params().add(new Sql.Param(null, pattern));
                typed(like, target, com.fasterxml.jackson.databind.node.TextNode.valueOf(v), out);
            }
            case ARRAY_CONTAINS -> typed(dialect.jsonArrayContains(target, (JsonNode) j.value()), target, ARRAY, out);
            case ARRAY_STARTS_WITH, ARRAY_ENDS_WITH -> typed(dialect.jsonEquals(dialect.jsonElement(target, j.op() == Filter.JsonOp.ARRAY_ENDS_WITH),
                    (JsonNode) j.value(), false), target, ARRAY, out);
        }
    }

    private static final JsonNode ARRAY = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();

    private void typed(Sql condition, Sql target, JsonNode typeOf, Sql out) {
        out.append("(").append(condition).append(negated ? " OR " : " AND ").append(dialect.jsonTypeCheck(target, typeOf, !negated)).append(")");
    }

    /** The number of values above which an {@code in} list goes as one array where the dialect can. */
    static final int LONG_LIST = 1000;

    private void in(Filter.In in, String alias, Sql out) {
        if (in.values().isEmpty()) {
            out.append("1=0");
            return;
        }
        String col = column(alias, in.field());
        if (in.insensitive()) {
            if (!dialect.supportsInsensitiveMode()) throw QueryError.validation("mode", "mode: 'insensitive' is not supported by this database");
            if (in.values().size() > LONG_LIST && dialect.appendInsensitiveValuesIn(out, col, in.field(), in.values())) return;
            out.append("LOWER(").append(col).append("::text) IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) out.append(", ");
                out.append("LOWER(?)");
                out.params().add(new Sql.Param(in.field(), in.values().get(i)));
            }
            out.append(")");
            return;
        }
        // A long list as one parameter where the database takes arrays: PostgreSQL refuses statements with more than
        // 65,535 parameters.
        if (in.values().size() > LONG_LIST && dialect.appendValuesIn(out, col, in.field(), in.values())) return;
        out.append(col).append(" IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) out.append(", ");
            out.param(in.field(), in.values().get(i), dialect);
        }
        out.append(")");
    }

    private void listCondition(Filter.ListCondition l, String alias, Sql out) {
        if (!dialect.supportsScalarLists()) throw QueryError.validation(l.field().name(), "scalar lists are not supported by this database");
        String col = column(alias, l.field());
        switch (l.op()) {
            case HAS -> {
                out.param(elementField(l.field()), l.value(), dialect).append(" = ANY(").append(col).append(")");
            }
            case HAS_SOME -> out.append(col).append(" && ").param(l.field(), l.value(), dialect);
            case HAS_EVERY -> out.append(col).append(" @> ").param(l.field(), l.value(), dialect);
            // A NULL list (never written) is neither empty nor not: Prisma compares cardinality without COALESCE.
            case IS_EMPTY -> out.append("cardinality(").append(col).append(") = 0");
            case EQUALS -> out.append(col).append(" = ").param(l.field(), l.value(), dialect);
        }
    }

    /** The same field seen as one element of its list, for binding a single value. */
    private static ScalarField elementField(ScalarField f) {
        return new ScalarField(f.name(), f.databaseName(), f.kind(), f.scalarType(), f.typeName(), dev.facet.schema.model.FieldArity.REQUIRED,
                f.nativeType(), null, null, false, false, false, false, null, f.span());
    }

    private void toMany(Filter.ToMany m, Model model, String alias, Sql out) {
        enterRelation(m.field().name(), m.quantifier().name().toLowerCase(java.util.Locale.ROOT));
        toManyCondition(m, model, alias, out);
        leaveRelation();
    }

    /** Counts one more level of relation filters, refusing more than {@link RequestLimits#MAX_RELATION_FILTER_DEPTH}. */
    private void enterRelation(String field, String operation) {
        relations.add(field);
        relations.add(operation);
        if (relations.size() / 2 > RequestLimits.MAX_RELATION_FILTER_DEPTH) {
            List<String> path = new java.util.ArrayList<>(relations);
            path.addFirst("where");
            throw RequestLimits.relationFiltersTooDeep(path);
        }
    }

    private void leaveRelation() {
        relations.removeLast();
        relations.removeLast();
    }

    private void toManyCondition(Filter.ToMany m, Model model, String alias, Sql out) {
        RelationLink link = RelationLink.of(schema, model, m.field());
        String prefix = switch (m.quantifier()) {
            case SOME -> "EXISTS (";
            case NONE, EVERY -> "NOT EXISTS (";
        };
        out.append(prefix);
        String child = related(link, alias, out);
        if (!(m.filter() instanceof Filter.Constant c && c.value() && m.quantifier() != Filter.Quantifier.EVERY)) {
            out.append(" AND ");
            if (m.quantifier() == Filter.Quantifier.EVERY) {
                // every = no related row fails the condition (an unknown outcome does not fail it, as in Prisma's SQL).
                out.append("NOT (");
                compile(m.filter(), link.child(), child, out);
                out.append(")");
            } else {
                compile(m.filter(), link.child(), child, out);
            }
        }
        out.append(")");
    }

    /**
     * {@code is: F} holds when the related record exists and F holds on it. As in Prisma's join, F keeps SQL's
     * unknown: {@code isNot} (or a NOT above) leaves out a record whose related record makes F unknown, while a
     * record without a related record passes a negation.
     */
    private void toOne(Filter.ToOne o, Model model, String alias, Sql out) {
        enterRelation(o.field().name(), o.negated() ? "isNot" : "is");
        toOneCondition(o, model, alias, out);
        leaveRelation();
    }

    private void toOneCondition(Filter.ToOne o, Model model, String alias, Sql out) {
        RelationLink link = RelationLink.of(schema, model, o.field());
        if (o.filter() == null) {
            out.append(o.negated() ? "NOT EXISTS (" : "EXISTS (");
            related(link, alias, out);
            out.append(")");
            return;
        }
        out.append(o.negated() ? "NOT (EXISTS (" : "(EXISTS (");
        related(link, alias, out);
        out.append(") AND (SELECT ");
        String child = nextAlias();
        compile(o.filter(), link.child(), child, out);
        out.append(" FROM ").append(table(link.child())).append(" ").append(child).append(" WHERE ");
        joinCondition(link, alias, child, out);
        out.append("))");
    }

    private void joinCondition(RelationLink link, String parentAlias, String child, Sql out) {
        for (int i = 0; i < link.parentKeys().size(); i++) {
            if (i > 0) out.append(" AND ");
            out.append(column(child, link.childKeys().get(i))).append(" = ").append(column(parentAlias, link.parentKeys().get(i)));
        }
    }

    /**
     * Appends {@code SELECT 1 FROM related WHERE <joined to the parent>} and returns the related alias,
     * so that the caller can add conditions on it.
     */
    String related(RelationLink link, String parentAlias, Sql out) {
        String child = nextAlias();
        if (link.viaJoinTable()) {
            String jt = nextAlias();
            out.append("SELECT 1 FROM ").append(dialect.table(link.joinTable().tableName(), link.child().schema())).append(" ").append(jt)
                    .append(" JOIN ").append(table(link.child())).append(" ").append(child)
                    .append(" ON ").append(column(child, link.childKeys().getFirst())).append(" = ").append(jt).append(".")
                    .append(dialect.quote(link.childJoinColumn()))
                    .append(" WHERE ").append(jt).append(".").append(dialect.quote(link.parentJoinColumn())).append(" = ")
                    .append(column(parentAlias, link.parentKeys().getFirst()));
            return child;
        }
        out.append("SELECT 1 FROM ").append(table(link.child())).append(" ").append(child).append(" WHERE ");
        joinCondition(link, parentAlias, child, out);
        return child;
    }
}
