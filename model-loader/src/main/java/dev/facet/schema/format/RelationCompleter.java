package dev.facet.schema.format;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Arity;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out what {@code prisma format} adds to relations: the missing side of a relation, the
 * {@code @relation(fields, references)} of the side that holds the foreign key, and the foreign-key
 * scalar fields, named after the referenced model's primary key ({@code postId}).
 *
 * <p>It only completes schemas whose names all resolve; on anything it cannot read with certainty it
 * adds nothing, so that formatting never guesses.
 */
final class RelationCompleter {
    private static final Set<String> SCALARS =
            Set.of("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes");

    /** A relation field: a field of a model whose type is a model. */
    private record RelationField(Block model, Member.Field field, Block target, String name, Attribute relation,
                                 List<String> fields, List<String> references) {
        boolean isList() { return field.type().arity() == Arity.LIST; }

        boolean isRequired() { return field.type().arity() == Arity.REQUIRED; }
    }

    private record GroupKey(String modelA, String modelB, String relationName) {}

    /** A field the foreign key is inferred from, and the name and arity of the scalar that holds it. */
    private record InferredScalar(String name, Arity arity, Member.Field blueprint, boolean exists) {}

    private final Map<String, Block> models = new LinkedHashMap<>();
    private final Set<String> datasources = new HashSet<>();
    private final Completions completions = new Completions();
    // Per block, computed once: looking fields up by scanning the block for every relation was quadratic.
    private final Map<Block, Map<String, Member.Field>> fieldsByName = new IdentityHashMap<>();
    private final Map<Block, List<List<Member.Field>>> uniqueCriteria = new IdentityHashMap<>();

    private RelationCompleter() {}

    /** @return what to add to complete the relations of these files (all files of one schema) */
    static Completions complete(List<SchemaAst> files) {
        RelationCompleter completer = new RelationCompleter();
        return completer.readable(files) ? completer.run() : Completions.none();
    }

    // ---------------------------------------------------------------- preflight

    /** Indexes the schema; false when something does not resolve, in which case Prisma adds nothing either. */
    private boolean readable(List<SchemaAst> files) {
        Set<String> typeNames = new HashSet<>(SCALARS);
        List<Block> blocks = new ArrayList<>();
        for (SchemaAst ast : files) {
            for (TopItem item : ast.items()) {
                switch (item) {
                    case Block b when b.kind() == BlockKind.DATASOURCE -> datasources.add(b.name().name());
                    case Block b when b.kind() == BlockKind.GENERATOR -> { }
                    case Block b -> {
                        if (!typeNames.add(b.name().name())) return false;
                        if (b.kind() == BlockKind.MODEL || b.kind() == BlockKind.VIEW) models.put(b.name().name(), b);
                        blocks.add(b);
                    }
                    case TopItem.TypeAlias alias -> {
                        if (!typeNames.add(alias.name().name())) return false;
                    }
                    default -> { }
                }
            }
        }
        for (Block b : blocks) {
            if (b.kind() == BlockKind.ENUM) continue;
            Set<String> fieldNames = new HashSet<>();
            for (Member.Field f : b.fields()) {
                if (!fieldNames.add(f.name().name()) || f.type() == null) return false;
                String type = f.type().name();
                if (!f.type().isUnsupported() && !typeNames.contains(type)) return false;
                if (b.kind() == BlockKind.TYPE && models.containsKey(type)) return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- relations

    private Completions run() {
        Map<GroupKey, List<RelationField>> groups = new LinkedHashMap<>();
        for (Block model : models.values()) {
            for (Member.Field f : model.fields()) {
                Block target = models.get(f.type().name());
                if (target == null) continue;
                RelationField rf = relationField(model, f, target);
                if (rf == null) return Completions.none();
                String a = model.name().name();
                String b = target.name().name();
                GroupKey key = a.compareTo(b) <= 0 ? new GroupKey(a, b, rf.name()) : new GroupKey(b, a, rf.name());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(rf);
            }
        }
        for (List<RelationField> group : groups.values()) completeGroup(group);
        return completions;
    }

    /** @return the relation field, or null when its {@code @relation} cannot be read with certainty */
    private RelationField relationField(Block model, Member.Field field, Block target) {
        Attribute relation = null;
        for (Attribute a : field.attributes()) if (a.name().equals("relation")) relation = a;
        String name = null;
        List<String> fields = null;
        List<String> references = null;
        if (relation != null) {
            for (Argument arg : relation.args()) {
                String argName = arg.isNamed() ? arg.name().name() : "name";
                switch (argName) {
                    case "name" -> {
                        if (!(arg.value() instanceof Expression.StringValue s)) return null;
                        name = s.value();
                    }
                    case "fields" -> fields = fieldNames(arg.value(), model);
                    case "references" -> references = fieldNames(arg.value(), target);
                    default -> { }
                }
                if ((argName.equals("fields") && fields == null) || (argName.equals("references") && references == null)) {
                    return null;
                }
            }
        }
        return new RelationField(model, field, target, name, relation, fields, references);
    }

    /** {@code [a, b]} or a bare {@code a}, each naming a field of {@code owner}; null when not so. */
    private List<String> fieldNames(Expression value, Block owner) {
        List<Expression> items = value instanceof Expression.ArrayValue array ? array.items()
                : value == null ? null : List.of(value);
        if (items == null) return null;
        List<String> names = new ArrayList<>();
        for (Expression e : items) {
            if (!(e instanceof Expression.ConstantValue c) || field(owner, c.name()) == null) return null;
            names.add(c.name());
        }
        return names;
    }

    private void completeGroup(List<RelationField> group) {
        RelationField forward;
        RelationField back;
        if (group.size() == 1) {
            RelationField only = group.getFirst();
            forward = only.isList() ? null : only;
            back = only.isList() ? only : null;
        } else if (group.size() == 2) {
            RelationField a = group.get(0);
            RelationField b = group.get(1);
            boolean selfRelation = a.model() == a.target();
            // Two fields on the same side of a two-model relation are ambiguous: Prisma reports it.
            if (!selfRelation && a.model() == b.model()) return;
            if (a.isList() && b.isList()) return; // implicit many-to-many: nothing to add
            if (a.isList() != b.isList()) {
                forward = a.isList() ? b : a;
            } else {
                forward = oneToOneForward(a, b);
            }
            back = forward == a ? b : a;
        } else {
            return;
        }
        Block referencing = forward != null ? forward.model() : back.target();
        Block referenced = forward != null ? forward.target() : back.model();
        List<InferredScalar> inferred = inferScalars(referencing, referenced, forward);
        String fieldsArg = "fields: [" + String.join(", ", inferred.stream().map(InferredScalar::name).toList()) + "]";
        List<String> referencedNames = forward != null && forward.references() != null ? forward.references()
                : uniqueCriteria(referenced).stream().findFirst().orElse(List.of()).stream().map(f -> f.name().name()).toList();
        String referencesArg = "references: [" + String.join(", ", referencedNames) + "]";

        if (back == null) addBackField(forward, referencing, referenced);
        if (forward == null) {
            boolean optional = inferred.stream().anyMatch(s -> s.arity() == Arity.OPTIONAL);
            String name = Inflector.camelCase(referenced.name().name());
            addField(referencing, name, referenced.name().name() + (optional ? "?" : ""),
                    List.of("@relation(" + fieldsArg + ", " + referencesArg + ")"));
        } else if (forward.relation() == null) {
            completions.addRelationAttribute(forward.field(), "@relation(" + fieldsArg + ", " + referencesArg + ")");
        } else {
            List<String> extra = new ArrayList<>();
            if (forward.fields() == null) extra.add(fieldsArg);
            if (forward.references() == null) extra.add(referencesArg);
            if (!extra.isEmpty()) completions.addRelationArguments(forward.relation(), extra);
        }
        if (forward == null || forward.fields() == null) addScalars(referencing, inferred);
    }

    /**
     * Which side of a one-to-one holds the foreign key: the required side, else the side that names
     * its {@code fields}, else the side in the model whose name sorts first (or the field written first).
     */
    private static RelationField oneToOneForward(RelationField a, RelationField b) {
        if (a.isRequired() != b.isRequired()) return a.isRequired() ? a : b;
        if ((a.fields() != null) != (b.fields() != null)) return a.fields() != null ? a : b;
        int byModel = a.model().name().name().compareTo(b.model().name().name());
        if (byModel != 0) return byModel < 0 ? a : b;
        return a.field().span().start() <= b.field().span().start() ? a : b;
    }

    private void addBackField(RelationField forward, Block referencing, Block referenced) {
        boolean oneToOne = forward.fields() != null && uniqueCriteria(referencing).stream()
                .anyMatch(c -> Set.copyOf(c.stream().map(f -> f.name().name()).toList()).equals(Set.copyOf(forward.fields())));
        String referencingName = referencing.name().name();
        String name = Inflector.camelCase(referencingName);
        if (!oneToOne) name = Inflector.plural(name);
        boolean ignored = referencing.blockAttributes().stream().anyMatch(a -> a.name().equals("ignore"));
        addField(referenced, name, referencingName + (oneToOne ? "?" : "[]"), ignored ? List.of("@ignore") : List.of());
    }

    /** One scalar per field of the referenced model's first unique criterion: {@code camelModel + PascalField}. */
    private List<InferredScalar> inferScalars(Block referencing, Block referenced, RelationField forward) {
        List<List<Member.Field>> criteria = uniqueCriteria(referenced);
        if (criteria.isEmpty()) return List.of();
        List<InferredScalar> inferred = new ArrayList<>();
        String modelName = referenced.name().name();
        String prefix = Character.toLowerCase(modelName.charAt(0)) + modelName.substring(1);
        for (Member.Field f : criteria.getFirst()) {
            String fieldName = f.name().name();
            String name = prefix + Character.toUpperCase(fieldName.charAt(0)) + fieldName.substring(1);
            Member.Field existing = field(referencing, name);
            if (existing != null && !models.containsKey(existing.type().name())) {
                inferred.add(new InferredScalar(name, existing.type().arity(), f, true));
            } else {
                Arity arity = forward != null ? forward.field().type().arity() : Arity.OPTIONAL;
                inferred.add(new InferredScalar(name, arity, f, false));
            }
        }
        return inferred;
    }

    private void addScalars(Block referencing, List<InferredScalar> inferred) {
        for (InferredScalar s : inferred) {
            if (s.exists()) continue;
            var blueprintType = s.blueprint().type();
            // Prisma stops here too: a key on an enum or composite field has no scalar to copy.
            if (!SCALARS.contains(blueprintType.name())) return;
            List<String> attributes = new ArrayList<>();
            for (Attribute a : s.blueprint().attributes()) {
                int dot = a.name().indexOf('.');
                if (dot > 0 && datasources.contains(a.name().substring(0, dot))) attributes.add(a.span().text());
            }
            String arity = s.arity() == Arity.OPTIONAL ? "?" : "";
            addField(referencing, s.name(), blueprintType.name() + arity, attributes);
        }
    }

    /** Adds a field unless one of that name exists or is already being added (Prisma would duplicate it). */
    private void addField(Block block, String name, String type, List<String> attributes) {
        if (field(block, name) != null || completions.adds(block, name)) return;
        completions.addField(block, new Completions.AddedField(name, type, attributes));
    }

    /** The primary key first, then each unique constraint: field-level ones, then {@code @@unique}. */
    private List<List<Member.Field>> uniqueCriteria(Block model) {
        return uniqueCriteria.computeIfAbsent(model, this::readUniqueCriteria);
    }

    private List<List<Member.Field>> readUniqueCriteria(Block model) {
        List<List<Member.Field>> ids = new ArrayList<>();
        List<List<Member.Field>> uniques = new ArrayList<>();
        for (Member.Field f : model.fields()) {
            for (Attribute a : f.attributes()) {
                if (a.name().equals("id")) ids.add(List.of(f));
                if (a.name().equals("unique")) uniques.add(List.of(f));
            }
        }
        for (Attribute a : model.blockAttributes()) {
            if (!a.name().equals("id") && !a.name().equals("unique")) continue;
            List<Member.Field> fields = blockAttributeFields(model, a);
            if (fields == null) continue;
            (a.name().equals("id") ? ids : uniques).add(fields);
        }
        List<List<Member.Field>> all = new ArrayList<>(ids);
        all.addAll(uniques);
        return List.copyOf(all);
    }

    /** The fields of {@code @@id([a, b(sort: Desc)])}; null when they do not all resolve. */
    private List<Member.Field> blockAttributeFields(Block model, Attribute attribute) {
        Argument arg = attribute.arguments() == null ? null
                : attribute.arguments().named("fields") != null ? attribute.arguments().named("fields")
                : attribute.arguments().unnamed();
        if (arg == null || !(arg.value() instanceof Expression.ArrayValue array)) return null;
        List<Member.Field> fields = new ArrayList<>();
        for (Expression e : array.items()) {
            String name = switch (e) {
                case Expression.ConstantValue c -> c.name();
                case Expression.FunctionCall call -> call.name();
                default -> null;
            };
            Member.Field f = name == null ? null : field(model, name);
            if (f == null) return null;
            fields.add(f);
        }
        return fields;
    }

    /** The first field of that name in the block, or null. */
    private Member.Field field(Block block, String name) {
        return fieldsByName.computeIfAbsent(block, b -> {
            Map<String, Member.Field> byName = new HashMap<>();
            for (Member.Field f : b.fields()) byName.putIfAbsent(f.name().name(), f);
            return byName;
        }).get(name);
    }
}
