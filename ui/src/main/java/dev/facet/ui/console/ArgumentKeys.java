package dev.facet.ui.console;

import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys Prisma Client takes at a path of its arguments ({@code ["where", "posts", "some"]} of
 * {@code user.findMany}): a small walk over the argument shapes of Prisma's generated types, from the schema.
 */
final class ArgumentKeys {
    /** What kind of object the path leads to. */
    private enum Kind { ARGS, WHERE, SCALAR_FILTER, MANY_FILTER, ONE_FILTER, SELECT, INCLUDE, RELATION_ARGS, ORDER_BY, CREATE,
        UPDATE, SCALAR_UPDATE, NESTED, NESTED_LIST_UPDATE, UPSERT, CONNECT_OR_CREATE, CREATE_MANY, COUNT, OMIT, AGGREGATE,
        COMPOSITE_FILTER, COMPOSITE_UPDATE, COMPOSITE_SELECT }

    /**
     * Where a path leads: the kind of object, its model (or the composite type inside it, on MongoDB), and the field or
     * action it is about.
     */
    private record Place(Kind kind, Model model, CompositeType type, Field field, String action, boolean list) {
        Place(Kind kind, Model model, Field field, String action, boolean list) { this(kind, model, null, field, action, list); }

        Place with(Kind k, Model m) { return new Place(k, m, null, null, null, false); }

        /** The same model, inside a composite type (or still inside the one it is in). */
        Place within(Kind k, CompositeType t, Field f) { return new Place(k, model, t, f, null, f != null && f.isList()); }

        List<? extends Field> fields() { return type != null ? type.fields() : model.fields().stream().filter(x -> !x.ignored()).toList(); }

        Field field(String name) { return type != null ? type.field(name) : model.field(name); }
    }

    private static final Map<String, List<String>> ACTION_ARGS = Map.ofEntries(
            Map.entry("findMany", List.of("where", "select", "include", "omit", "orderBy", "cursor", "take", "skip", "distinct")),
            Map.entry("findFirst", List.of("where", "select", "include", "omit", "orderBy", "cursor", "take", "skip", "distinct")),
            Map.entry("findFirstOrThrow", List.of("where", "select", "include", "omit", "orderBy", "cursor", "take", "skip", "distinct")),
            Map.entry("findUnique", List.of("where", "select", "include", "omit")),
            Map.entry("findUniqueOrThrow", List.of("where", "select", "include", "omit")),
            Map.entry("count", List.of("where", "orderBy", "cursor", "take", "skip", "select")),
            Map.entry("aggregate", List.of("where", "orderBy", "cursor", "take", "skip", "_count", "_avg", "_sum", "_min", "_max")),
            Map.entry("groupBy", List.of("by", "where", "orderBy", "having", "take", "skip", "_count", "_avg", "_sum", "_min", "_max")),
            Map.entry("create", List.of("data", "select", "include", "omit")),
            Map.entry("createMany", List.of("data", "skipDuplicates")),
            Map.entry("createManyAndReturn", List.of("data", "skipDuplicates", "select", "include", "omit")),
            Map.entry("update", List.of("where", "data", "select", "include", "omit")),
            Map.entry("updateMany", List.of("where", "data", "limit")),
            Map.entry("updateManyAndReturn", List.of("where", "data", "limit", "select", "include", "omit")),
            Map.entry("upsert", List.of("where", "create", "update", "select", "include", "omit")),
            Map.entry("delete", List.of("where", "select", "include", "omit")),
            Map.entry("deleteMany", List.of("where", "limit")));

    private final Schema schema;

    private ArgumentKeys(Schema schema) { this.schema = schema; }

    /** @return the keys at {@code path} of the arguments of {@code model.action(...)}, or none when the path leads nowhere known */
    static List<ConsoleCompletion.Item> at(Schema schema, Model model, String action, List<String> path) {
        ArgumentKeys k = new ArgumentKeys(schema);
        Place p = new Place(Kind.ARGS, model, null, action, false);
        for (String key : path) {
            p = k.step(p, key);
            if (p == null) return List.of();
        }
        return k.keys(p);
    }

    /**
     * @return the values that fit the value of {@code key} at {@code path} (an enum's values, {@code 'asc'}/{@code 'desc'}
     *         in an orderBy, a string filter's modes, true/false), as they are written
     */
    static List<ConsoleCompletion.Item> valuesAt(Schema schema, Model model, String action, List<String> path, String key) {
        ArgumentKeys k = new ArgumentKeys(schema);
        Place p = new Place(Kind.ARGS, model, null, action, false);
        for (String step : path) {
            p = k.step(p, step);
            if (p == null) return List.of();
        }
        Field f = p.kind() == Kind.SCALAR_FILTER || p.kind() == Kind.SCALAR_UPDATE ? p.field() : p.field(key);
        if (p.kind() == Kind.ORDER_BY && f instanceof ScalarField) return quoted(List.of("asc", "desc"), "order");
        if (p.kind() == Kind.SCALAR_FILTER && key.equals("mode")) return quoted(List.of("insensitive", "default"), "mode");
        boolean valuePlace = switch (p.kind()) {
            case WHERE, CREATE, UPDATE -> true;
            case SCALAR_FILTER -> key.equals("equals") || key.equals("not");
            case SCALAR_UPDATE -> key.equals("set");
            default -> false;
        };
        if (!valuePlace || !(f instanceof ScalarField s)) return List.of();
        if (s.kind() == FieldKind.ENUM && schema.enumType(s.typeName()) != null) {
            return quoted(schema.enumType(s.typeName()).values().stream().map(v -> v.name()).toList(), s.typeName());
        }
        if (s.scalarType() == ScalarType.BOOLEAN) {
            return List.of(new ConsoleCompletion.Item("true", "Boolean"), new ConsoleCompletion.Item("false", "Boolean"));
        }
        return List.of();
    }

    private static List<ConsoleCompletion.Item> quoted(List<String> values, String detail) {
        return values.stream().map(v -> new ConsoleCompletion.Item("'" + v + "'", detail)).toList();
    }

    private Model related(RelationField r) { return schema.model(r.relatedModel()); }

    private CompositeType compositeOf(Field f) {
        return f instanceof ScalarField s && s.kind() == FieldKind.COMPOSITE ? schema.compositeType(s.typeName()) : null;
    }

    private Place step(Place p, String key) {
        Field f = p.field(key);
        CompositeType composite = compositeOf(f);
        if (composite != null) {
            Kind k = switch (p.kind()) {
                case WHERE -> Kind.COMPOSITE_FILTER;
                case CREATE -> Kind.CREATE;
                case UPDATE -> Kind.COMPOSITE_UPDATE;
                case SELECT -> Kind.COMPOSITE_SELECT;
                default -> null;
            };
            return k == null ? null : p.within(k, composite, f);
        }
        return switch (p.kind()) {
            case ARGS, RELATION_ARGS -> switch (key) {
                case "where", "having", "cursor" -> p.with(Kind.WHERE, p.model());
                case "select" -> p.with(Kind.SELECT, p.model());
                case "include" -> p.with(Kind.INCLUDE, p.model());
                case "omit" -> p.with(Kind.OMIT, p.model());
                case "orderBy" -> p.with(Kind.ORDER_BY, p.model());
                case "data" -> p.with(p.action() != null && p.action().startsWith("update") ? Kind.UPDATE : Kind.CREATE, p.model());
                case "create" -> p.with(Kind.CREATE, p.model());
                case "update" -> p.with(Kind.UPDATE, p.model());
                case "_count", "_avg", "_sum", "_min", "_max" -> new Place(Kind.AGGREGATE, p.model(), null, key, false);
                default -> null;
            };
            case WHERE -> switch (f) {
                case null -> key.equals("AND") || key.equals("OR") || key.equals("NOT") ? p : null;
                case ScalarField s -> new Place(Kind.SCALAR_FILTER, p.model(), s, null, s.isList());
                case RelationField r -> p.with(r.isList() ? Kind.MANY_FILTER : Kind.ONE_FILTER, related(r));
            };
            case SCALAR_FILTER -> key.equals("not") ? p : null;
            case MANY_FILTER -> p.with(Kind.WHERE, p.model());
            case ONE_FILTER -> key.equals("is") || key.equals("isNot") ? p.with(Kind.WHERE, p.model()) : step(p.with(Kind.WHERE, p.model()), key);
            case SELECT, INCLUDE -> f instanceof RelationField r ? new Place(Kind.RELATION_ARGS, related(r), r, "findMany", r.isList())
                    : key.equals("_count") ? p.with(Kind.COUNT, p.model()) : null;
            case COUNT -> key.equals("select") ? p.with(Kind.COUNT, p.model()) : f instanceof RelationField r && r.isList()
                    ? new Place(Kind.RELATION_ARGS, related(r), r, "count", true) : null;
            case ORDER_BY -> f instanceof RelationField r ? p.with(Kind.ORDER_BY, related(r)) : null;
            case CREATE -> f instanceof RelationField r ? new Place(Kind.NESTED, related(r), r, "create", r.isList()) : null;
            case UPDATE -> switch (f) {
                case ScalarField s -> new Place(Kind.SCALAR_UPDATE, p.model(), s, null, s.isList());
                case RelationField r -> new Place(Kind.NESTED, related(r), r, "update", r.isList());
                case null -> null;
            };
            case NESTED -> switch (key) {
                case "create" -> p.with(Kind.CREATE, p.model());
                case "connect", "set", "disconnect", "delete", "deleteMany" -> p.with(Kind.WHERE, p.model());
                case "update" -> p.list() ? p.with(Kind.NESTED_LIST_UPDATE, p.model()) : p.with(Kind.UPDATE, p.model());
                case "updateMany" -> p.with(Kind.NESTED_LIST_UPDATE, p.model());
                case "upsert" -> p.with(Kind.UPSERT, p.model());
                case "connectOrCreate" -> p.with(Kind.CONNECT_OR_CREATE, p.model());
                case "createMany" -> p.with(Kind.CREATE_MANY, p.model());
                default -> null;
            };
            case NESTED_LIST_UPDATE -> key.equals("where") ? p.within(Kind.WHERE, p.type(), null)
                    : key.equals("data") ? p.within(Kind.UPDATE, p.type(), null) : null;
            case UPSERT -> key.equals("where") ? p.within(Kind.WHERE, p.type(), null) : key.equals("create") ? p.within(Kind.CREATE, p.type(), null)
                    : key.equals("update") || key.equals("set") ? p.within(p.type() != null ? Kind.CREATE : Kind.UPDATE, p.type(), null) : null;
            case CONNECT_OR_CREATE -> key.equals("where") ? p.with(Kind.WHERE, p.model()) : key.equals("create") ? p.with(Kind.CREATE, p.model()) : null;
            case CREATE_MANY -> key.equals("data") ? p.with(Kind.CREATE, p.model()) : null;
            case COMPOSITE_FILTER -> switch (key) {
                case "equals", "is", "isNot", "some", "every", "none" -> p.within(Kind.WHERE, p.type(), null);
                default -> null;
            };
            case COMPOSITE_UPDATE -> switch (key) {
                case "set", "push" -> p.within(Kind.CREATE, p.type(), null);
                case "update" -> p.within(Kind.UPDATE, p.type(), null);
                case "updateMany" -> p.within(Kind.NESTED_LIST_UPDATE, p.type(), null);
                case "deleteMany" -> p.within(Kind.WHERE, p.type(), null);
                case "upsert" -> p.within(Kind.UPSERT, p.type(), null);
                default -> null;
            };
            case COMPOSITE_SELECT -> key.equals("select") ? p.within(Kind.SELECT, p.type(), null) : null;
            case SCALAR_UPDATE, OMIT, AGGREGATE -> null;
        };
    }

    private List<ConsoleCompletion.Item> keys(Place p) {
        List<ConsoleCompletion.Item> out = new ArrayList<>();
        List<? extends Field> fields = p.fields();
        switch (p.kind()) {
            case ARGS -> ACTION_ARGS.getOrDefault(p.action(), List.of()).forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
            case RELATION_ARGS -> (p.list() ? ACTION_ARGS.get("findMany") : List.of("select", "include", "omit"))
                    .forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
            case WHERE -> {
                fields.forEach(f -> out.add(field(f)));
                for (String k : List.of("AND", "OR", "NOT")) out.add(new ConsoleCompletion.Item(k, "condition"));
            }
            case SCALAR_FILTER -> filterKeys((ScalarField) p.field()).forEach(k -> out.add(new ConsoleCompletion.Item(k, "filter")));
            case MANY_FILTER -> List.of("some", "every", "none").forEach(k -> out.add(new ConsoleCompletion.Item(k, "filter")));
            case ONE_FILTER -> {
                List.of("is", "isNot").forEach(k -> out.add(new ConsoleCompletion.Item(k, "filter")));
                fields.forEach(f -> out.add(field(f)));
            }
            case ORDER_BY, CREATE, UPDATE -> fields.forEach(f -> out.add(field(f)));
            case SELECT, INCLUDE -> {
                fields.stream().filter(f -> p.kind() == Kind.SELECT || f instanceof RelationField).forEach(f -> out.add(field(f)));
                if (fields.stream().anyMatch(f -> f instanceof RelationField && f.isList())) out.add(new ConsoleCompletion.Item("_count", "relation counts"));
            }
            case OMIT, AGGREGATE -> fields.stream().filter(f -> f instanceof ScalarField).forEach(f -> out.add(field(f)));
            case COUNT -> {
                out.add(new ConsoleCompletion.Item("select", "argument"));
                fields.stream().filter(f -> f instanceof RelationField && f.isList()).forEach(f -> out.add(field(f)));
            }
            case SCALAR_UPDATE -> updateKeys((ScalarField) p.field()).forEach(k -> out.add(new ConsoleCompletion.Item(k, "operation")));
            case NESTED -> nestedKeys(p).forEach(k -> out.add(new ConsoleCompletion.Item(k, "nested write")));
            case NESTED_LIST_UPDATE -> List.of("where", "data").forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
            case COMPOSITE_FILTER -> (p.list() ? List.of("equals", "some", "every", "none", "isEmpty", "isSet") : List.of("equals", "is", "isNot", "isSet"))
                    .forEach(k -> out.add(new ConsoleCompletion.Item(k, "filter")));
            case COMPOSITE_UPDATE -> (p.list() ? List.of("set", "push", "updateMany", "deleteMany", "unset") : List.of("set", "update", "upsert", "unset"))
                    .forEach(k -> out.add(new ConsoleCompletion.Item(k, "operation")));
            case COMPOSITE_SELECT -> out.add(new ConsoleCompletion.Item("select", "argument"));
            case UPSERT -> (p.type() != null ? List.of("set", "update") : List.of("where", "create", "update")).forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
            case CONNECT_OR_CREATE -> List.of("where", "create").forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
            case CREATE_MANY -> List.of("data", "skipDuplicates").forEach(k -> out.add(new ConsoleCompletion.Item(k, "argument")));
        }
        return out;
    }

    private static ConsoleCompletion.Item field(Field f) {
        String type = switch (f) {
            case ScalarField s -> s.typeName();
            case RelationField r -> r.relatedModel();
        };
        return new ConsoleCompletion.Item(f.name(), type + f.arity().suffix());
    }

    private static List<String> filterKeys(ScalarField s) {
        if (s.isList()) return List.of("equals", "has", "hasEvery", "hasSome", "isEmpty");
        List<String> keys = new ArrayList<>(List.of("equals", "not", "in", "notIn"));
        ScalarType t = s.scalarType();
        if (t != null && t != ScalarType.BOOLEAN && t != ScalarType.JSON && t != ScalarType.BYTES) keys.addAll(List.of("lt", "lte", "gt", "gte"));
        if (t == ScalarType.STRING) keys.addAll(List.of("contains", "startsWith", "endsWith", "mode"));
        return keys;
    }

    private static List<String> updateKeys(ScalarField s) {
        if (s.isList()) return List.of("set", "push");
        ScalarType t = s.scalarType();
        if (t == ScalarType.INT || t == ScalarType.BIG_INT || t == ScalarType.FLOAT || t == ScalarType.DECIMAL) {
            return List.of("set", "increment", "decrement", "multiply", "divide");
        }
        return List.of("set");
    }

    private static List<String> nestedKeys(Place p) {
        if (p.action().equals("create")) return p.list() ? List.of("create", "connect", "connectOrCreate", "createMany") : List.of("create", "connect", "connectOrCreate");
        return p.list() ? List.of("create", "connect", "connectOrCreate", "createMany", "set", "disconnect", "delete", "update", "updateMany", "deleteMany", "upsert")
                : List.of("create", "connect", "connectOrCreate", "disconnect", "delete", "update", "upsert");
    }
}
