package dev.facet.schema.validation;

import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.JoinTable;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationKind;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.source.Span;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import dev.facet.schema.validation.Context.RelationAttribute;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Fifth pass: pairs every relation field with its opposite, decides the relation's kind and which
 * side holds the foreign key, checks {@code fields}/{@code references}, and works out the effective
 * referential actions with Prisma's defaults.
 */
final class RelationsPass {
    private final Context ctx;
    private final Set<FieldInfo> paired = new HashSet<>();
    /** Per model, its relation fields grouped by target model and relation name, in written order. */
    private final Map<ModelInfo, Map<List<String>, List<FieldInfo>>> relationGroups = new IdentityHashMap<>();

    RelationsPass(Context ctx) { this.ctx = ctx; }

    void run() {
        for (ModelInfo m : ctx.models) ambiguity(m);
        for (ModelInfo m : ctx.models) {
            for (FieldInfo f : m.fields) {
                if (!f.relation || paired.contains(f)) continue;
                ModelInfo target = ctx.modelsByName.get(f.typeName);
                if (target == null) continue;
                List<FieldInfo> opposites = opposites(m, f, target);
                if (opposites.isEmpty()) {
                    paired.add(f);
                    ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name,
                            Messages.missingOppositeRelationField(f.name, m.kindLabel(), m.name, target.kindLabel(), target.name)), f.span());
                    continue;
                }
                if (opposites.size() > 1) continue; // reported by ambiguity()
                FieldInfo g = opposites.getFirst();
                paired.add(f);
                paired.add(g);
                pair(m, f, target, g);
            }
        }
        cycles();
    }

    private static String relationName(FieldInfo f) {
        return f.relationAttribute == null ? null : f.relationAttribute.name;
    }

    /** The relation fields of {@code target} that point back to {@code m} under the same relation name as {@code f}. */
    private List<FieldInfo> opposites(ModelInfo m, FieldInfo f, ModelInfo target) {
        // Looked up in the groups ambiguity() made: scanning the target's fields for every relation field was quadratic.
        List<FieldInfo> group = relationGroups.getOrDefault(target, Map.of()).getOrDefault(Arrays.asList(m.name, relationName(f)), List.of());
        List<FieldInfo> out = new ArrayList<>(group.size());
        for (FieldInfo g : group) if (g != f) out.add(g);
        return out;
    }

    /**
     * Relation fields of one model to the same model that no name tells apart. Prisma reports each such
     * group once, on its first field; a named self-relation may have exactly two fields.
     */
    private void ambiguity(ModelInfo m) {
        Map<List<String>, List<FieldInfo>> groups = new LinkedHashMap<>();
        relationGroups.put(m, groups);
        for (FieldInfo f : m.fields) {
            if (f.relation) groups.computeIfAbsent(Arrays.asList(f.typeName, relationName(f)), k -> new ArrayList<>()).add(f);
        }
        for (List<FieldInfo> group : groups.values()) {
            if (group.size() < 2) continue;
            FieldInfo first = group.getFirst();
            boolean self = first.typeName.equals(m.name);
            boolean named = relationName(first) != null;
            if (self && named && group.size() == 2) continue;
            List<String> names = group.stream().map(f -> f.name).toList();
            String message;
            if (!named) {
                message = !self ? Messages.ambiguousRelation(names, m.name, first.typeName)
                        : group.size() == 2 ? Messages.ambiguousSelfRelation(names, m.name) : Messages.unnamedSelfRelation(names, m.name);
            } else {
                message = self ? Messages.wronglyNamedSelfRelation(names, m.name) : Messages.wronglyNamedRelation(names, m.name);
            }
            ctx.error(Messages.modelValidation(m.kindLabel(), m.name, message), first.span());
            paired.addAll(group);
        }
    }

    private void pair(ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo g) {
        boolean fList = f.arity == FieldArity.LIST;
        boolean gList = g.arity == FieldArity.LIST;
        if (fList && gList) {
            manyToMany(m, f, t, g);
            return;
        }
        if (fList || gList) {
            // one-to-many: the singular side holds the key
            ModelInfo singleModel = fList ? t : m;
            FieldInfo single = fList ? g : f;
            ModelInfo listModel = fList ? m : t;
            FieldInfo list = fList ? f : g;
            boolean incomplete = !hasFields(single) || !hasReferences(single);
            if (incomplete && (single.ignored || list.ignored)) return;
            int before = ctx.diagnostics.size();
            if (!hasFields(single)) {
                relationError(Messages.relationMustSpecifyFields(single.name, singleModel.name), single.span());
            }
            if (!hasReferences(single)) {
                relationError(Messages.relationMustSpecifyReferences(single.name, singleModel.name), single.span());
            }
            if (hasFieldsOrReferences(list)) {
                relationError(Messages.listSideMustNotHaveFields(list.name, listModel.name, single.name, singleModel.name), list.span());
            }
            actionsOnTheBackSide(singleModel, single, listModel, list);
            if (ctx.diagnostics.size() == before) foreignKey(RelationKind.ONE_TO_MANY, singleModel, single, listModel, list);
            return;
        }
        oneToOne(m, f, t, g);
    }

    /**
     * One-to-one: the side with {@code fields} (else with {@code references}, else the first declared) is the
     * forward side; Prisma reports each missing or doubled argument on both fields.
     */
    private void oneToOne(ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo g) {
        if (!hasFieldsOrReferences(f) && !hasFieldsOrReferences(g) && (f.ignored || g.ignored)) return;
        boolean gForward = hasFields(g) && !hasFields(f) || !hasFields(f) && !hasFields(g) && !hasReferences(f) && hasReferences(g);
        ModelInfo fwdModel = gForward ? t : m;
        FieldInfo fwd = gForward ? g : f;
        ModelInfo backModel = gForward ? m : t;
        FieldInfo back = gForward ? f : g;
        int before = ctx.diagnostics.size();
        if (!hasFields(fwd) && !hasFields(back)) {
            relationError(Messages.neitherSideProvides("fields", fwd.name, fwdModel.name, back.name, backModel.name), fwd.span());
            relationError(Messages.neitherSideProvides("fields", back.name, backModel.name, fwd.name, fwdModel.name), back.span());
        }
        if (!hasReferences(fwd) && !hasReferences(back)) {
            relationError(Messages.neitherSideProvides("references", fwd.name, fwdModel.name, back.name, backModel.name), fwd.span());
            relationError(Messages.neitherSideProvides("references", back.name, backModel.name, fwd.name, fwdModel.name), back.span());
        }
        if (hasReferences(fwd) && hasReferences(back)) {
            String message = Messages.bothSidesProvide("references", fwd.name, fwdModel.name, back.name, backModel.name);
            relationError(message, fwd.span());
            relationError(message, back.span());
        }
        if (hasFields(fwd) && hasFields(back)) {
            String message = Messages.bothSidesProvide("fields", fwd.name, fwdModel.name, back.name, backModel.name);
            relationError(message, fwd.span());
            relationError(message, back.span());
        }
        actionsOnTheBackSide(fwdModel, fwd, backModel, back);
        if (ctx.diagnostics.size() != before) return;
        if (hasFields(fwd) && hasReferences(back)) {
            String message = Messages.fieldsAndReferencesSplit(fwd.name, fwdModel.name, back.name, backModel.name);
            relationError(message, fwd.span());
            relationError(message, back.span());
            return;
        }
        if (back.arity == FieldArity.REQUIRED) {
            relationError(Messages.backRelationMustBeOptional(back.name, backModel.name, fwdModel.name), back.span());
            return;
        }
        foreignKey(RelationKind.ONE_TO_ONE, fwdModel, fwd, backModel, back);
    }

    /** Referential actions belong on the side holding the foreign key. */
    private void actionsOnTheBackSide(ModelInfo fwdModel, FieldInfo fwd, ModelInfo backModel, FieldInfo back) {
        if (!hasActions(back)) return;
        if (hasActions(fwd)) {
            relationError(Messages.bothSidesProvideActions(back.name, backModel.name, fwd.name, fwdModel.name), back.span());
            relationError(Messages.bothSidesProvideActions(fwd.name, fwdModel.name, back.name, backModel.name), fwd.span());
        } else {
            relationError(Messages.actionsOnTheBackSide(back.name, backModel.name, fwd.name, fwdModel.name), back.span());
        }
    }

    private static boolean hasActions(FieldInfo f) {
        return f.relationAttribute != null && (f.relationAttribute.onDeleteSpan != null || f.relationAttribute.onUpdateSpan != null);
    }

    /** Prisma words relation rules as errors of the {@code @relation} attribute, pointing at the field. */
    private void relationError(String message, Span span) {
        ctx.error(Messages.attributeValidation("@relation", message), span);
    }

    /** Whether {@code fields} lists something; an empty list counts as absent, as in Prisma. */
    private static boolean hasFields(FieldInfo f) {
        return f.relationAttribute != null && f.relationAttribute.fields != null && !f.relationAttribute.fields.isEmpty();
    }

    private static boolean hasReferences(FieldInfo f) {
        return f.relationAttribute != null && f.relationAttribute.references != null && !f.relationAttribute.references.isEmpty();
    }

    private static boolean hasFieldsOrReferences(FieldInfo f) { return hasFields(f) || hasReferences(f); }

    // ---------------------------------------------------------------- foreign key side

    private void foreignKey(RelationKind kind, ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo back) {
        RelationAttribute r = f.relationAttribute;
        List<String> fields = r.fields;
        List<String> references = r.references;
        Span fieldsSpan = r.fieldsSpan != null ? r.fieldsSpan : r.attribute.span();

        List<String> unknown = fields.stream().filter(n -> m.field(n) == null).toList();
        if (!unknown.isEmpty()) {
            ctx.error(Messages.validation(Messages.relationUnknownFields(unknown)), fieldsSpan);
            return;
        }
        List<String> relationFields = fields.stream().filter(n -> m.field(n).relation).toList();
        if (!relationFields.isEmpty()) {
            ctx.error(Messages.validation(Messages.relationFieldsNotScalar(relationFields)), fieldsSpan);
            return;
        }
        List<String> unknownRefs = references.stream().filter(n -> t.field(n) == null).toList();
        if (!unknownRefs.isEmpty()) {
            ctx.error(Messages.validation(Messages.relationUnknownReferences(t.name, unknownRefs)), r.attribute.span());
            return;
        }
        if (fields.size() != references.size()) {
            ctx.error(Messages.validation(Messages.relationFieldCountMismatch()), r.attribute.span());
            return;
        }
        if (!t.view && !isUniqueCriterion(t, references)) {
            relationError(Messages.referencesNotUnique(t.name, references), f.span());
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldInfo a = m.field(fields.get(i));
            FieldInfo b = t.field(references.get(i));
            if (!sameType(a, b)) {
                relationError(Messages.relationTypeMismatch(a.name, m.name, b.name, t.name), f.span());
                return;
            }
        }
        boolean anyOptional = fields.stream().anyMatch(n -> m.field(n).arity == FieldArity.OPTIONAL);
        if (f.arity == FieldArity.REQUIRED && anyOptional) {
            ctx.error(Messages.validation(Messages.relationMustBeOptional(f.name, fields)), f.span());
            return;
        }
        if (kind == RelationKind.ONE_TO_ONE && !m.view && !isUniqueCriterion(m, fields)) {
            relationError(Messages.oneToOneNotUnique(fields), f.span());
            return;
        }
        if (r.map != null && (ctx.has(Provider.SQLITE) || ctx.has(Provider.MONGODB))) {
            relationError(Messages.namedForeignKeysNotSupported(), r.attribute.span());
        }

        ReferentialAction onDelete = checkAction(r.onDelete, r.onDeleteSpan, "onDelete", m, f, fields);
        ReferentialAction onUpdate = checkAction(r.onUpdate, r.onUpdateSpan, "onUpdate", m, f, fields);
        if (ctx.relationMode == RelationMode.PRISMA && ctx.isSql() && ctx.provider != null && !m.view && !hasIndexPrefix(m, fields)) {
            ctx.warning(Messages.relationModePrismaMissingIndex(), r.attribute.span());
        }

        // Prisma counts a relation as required when any of its scalar fields is, whatever the relation field says.
        boolean required = fields.stream().anyMatch(n -> m.field(n).arity == FieldArity.REQUIRED);
        ReferentialAction defaultOnDelete = !required ? ReferentialAction.SET_NULL
                : allowedActions().contains(ReferentialAction.RESTRICT) ? ReferentialAction.RESTRICT : ReferentialAction.NO_ACTION;
        String name = relationName(f) != null ? relationName(f) : generatedName(m.name, t.name);
        String fkName = r.map != null ? r.map
                : ConstraintNames.foreignKey(ctx, m.tableName(), fields.stream().map(n -> m.field(n).columnName()).toList());
        ctx.relations.add(new Relation(name, kind, m.name, f.name, t.name, back == null ? null : back.name, fields, references,
                onDelete != null ? onDelete : defaultOnDelete, onUpdate != null ? onUpdate : ReferentialAction.CASCADE,
                onDelete != null, onUpdate != null, fkName, null));
        f.relationName = name;
        if (back != null) back.relationName = name;
    }

    private ReferentialAction checkAction(ReferentialAction action, Span span, String which, ModelInfo m, FieldInfo f,
                                          List<String> fields) {
        if (action == null) return null;
        List<ReferentialAction> allowed = allowedActions();
        if (!allowed.contains(action)) {
            String message = Messages.invalidReferentialAction(action.id(), allowed);
            if (action == ReferentialAction.NO_ACTION && ctx.relationMode == RelationMode.PRISMA
                    && allowed.contains(ReferentialAction.RESTRICT) && ctx.provider != null) {
                message += Messages.noActionNotEmulated(ctx.provider);
            }
            ctx.error(Messages.validation(message), span);
            // Kept as written, as Prisma does: the cycle check must not see a rejected NoAction as a cascading default.
            return action;
        }
        if (action == ReferentialAction.SET_NULL) {
            boolean anyRequired = fields.stream().anyMatch(n -> m.field(n).arity == FieldArity.REQUIRED);
            if (anyRequired) {
                if (ctx.has(Provider.POSTGRESQL) && ctx.relationMode == RelationMode.FOREIGN_KEYS) {
                    ctx.warning(Messages.setNullOnRequiredWarning(which), f.span());
                } else {
                    ctx.error(Messages.attributeValidation("@relation", Messages.setNullOnRequired(which)), f.span());
                }
            }
        }
        if (action == ReferentialAction.SET_DEFAULT && ctx.has(Provider.MYSQL) && ctx.relationMode == RelationMode.FOREIGN_KEYS) {
            ctx.warning(Messages.mysqlSetDefault(), span);
        }
        return action;
    }

    /**
     * The actions the database (foreign keys) or Prisma's emulation ({@code relationMode = "prisma"},
     * MongoDB) supports. The emulation has no SetDefault, and no NoAction on PostgreSQL and SQLite, where
     * NoAction's deferred check cannot be emulated.
     */
    private List<ReferentialAction> allowedActions() {
        if (ctx.relationMode == RelationMode.PRISMA || ctx.has(Provider.MONGODB)) {
            if (ctx.has(Provider.POSTGRESQL) || ctx.has(Provider.SQLITE)) {
                return List.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.SET_NULL);
            }
            return List.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL);
        }
        if (ctx.has(Provider.SQLSERVER)) {
            return List.of(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL, ReferentialAction.SET_DEFAULT);
        }
        return List.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL,
                ReferentialAction.SET_DEFAULT);
    }

    // ---------------------------------------------------------------- cascade cycles

    /**
     * Where the actions run in a loop they could cascade forever: SQL Server refuses such foreign keys, and
     * Prisma's own emulation ({@code relationMode = "prisma"}, MongoDB) would not stop. Walks, from each
     * relation, the relations whose actions modify rows; reaching a self-relation or the starting model is an
     * error on the starting relation, as Prisma reports it.
     */
    private void cycles() {
        if (!ctx.has(Provider.SQLSERVER) && ctx.relationMode != RelationMode.PRISMA && !ctx.has(Provider.MONGODB)) return;
        List<Relation> inline = ctx.relations.stream()
                .filter(r -> r.kind() == RelationKind.ONE_TO_ONE || r.kind() == RelationKind.ONE_TO_MANY)
                .filter(r -> r.referencingField() != null && r.referencedField() != null)
                .toList();
        Map<String, List<Relation>> byReferencingModel = new HashMap<>();
        for (Relation r : inline) byReferencingModel.computeIfAbsent(r.referencingModel(), k -> new ArrayList<>()).add(r);
        for (Relation start : inline) {
            cycle(start, byReferencingModel);
            // SQL Server also refuses two cascading paths between the same tables; the emulation does not mind.
            if (ctx.has(Provider.SQLSERVER) && ctx.relationMode == RelationMode.FOREIGN_KEYS) multiplePaths(start, byReferencingModel);
        }
    }

    private void cycle(Relation start, Map<String, List<Relation>> byReferencingModel) {
        Set<Relation> visited = new HashSet<>();
        Deque<List<Relation>> paths = new ArrayDeque<>();
        paths.push(List.of(start));
        while (!paths.isEmpty()) {
            List<Relation> path = paths.pop();
            Relation next = path.getLast();
            visited.add(next);
            if (!modifies(next)) continue;
            if (next.isSelfRelation()) {
                cascadeError(start, Messages.selfRelationCascade());
                return;
            }
            if (next.referencedModel().equals(start.referencingModel())) {
                String cycle = path.stream().map(r -> r.referencingModel() + "." + r.referencingField())
                        .collect(java.util.stream.Collectors.joining(" → "));
                cascadeError(start, Messages.cascadeCycle(cycle));
                return;
            }
            for (Relation r : byReferencingModel.getOrDefault(next.referencedModel(), List.of())) {
                if (visited.contains(r)) continue;
                List<Relation> longer = new ArrayList<>(path);
                longer.add(r);
                paths.push(longer);
            }
        }
    }

    /**
     * Follows every modifying path out of the starting relation's model to its end; models reached both
     * through the starting relation field and through another of the model's relation fields are reached
     * on several paths.
     */
    private void multiplePaths(Relation start, Map<String, List<Relation>> byReferencingModel) {
        if (!modifies(start)) return;
        String parent = start.referencingModel();
        List<List<Relation>> complete = new ArrayList<>();
        Deque<List<Relation>> open = new ArrayDeque<>();
        for (Relation r : byReferencingModel.getOrDefault(parent, List.of())) if (modifies(r)) open.push(List.of(r));
        while (!open.isEmpty()) {
            List<Relation> path = open.pop();
            Relation next = path.getLast();
            // Self-relations and cycles back to the start are reported by cycle().
            if (next.isSelfRelation() || next.referencedModel().equals(parent)) continue;
            List<Relation> onward = byReferencingModel.getOrDefault(next.referencedModel(), List.of()).stream()
                    .filter(this::modifies).filter(r -> !path.contains(r)).toList();
            if (onward.isEmpty()) {
                complete.add(path);
                continue;
            }
            for (Relation r : onward) {
                List<Relation> longer = new ArrayList<>(path);
                longer.add(r);
                open.push(longer);
            }
        }
        Map<String, Set<String>> reachedThrough = new HashMap<>();
        for (List<Relation> path : complete) {
            Set<String> reached = reachedThrough.computeIfAbsent(path.getFirst().referencingField(), k -> new HashSet<>());
            for (Relation r : path) reached.add(r.referencedModel());
        }
        Set<String> fromStart = reachedThrough.remove(start.referencingField());
        if (fromStart == null) return;
        java.util.TreeSet<String> twice = new java.util.TreeSet<>();
        for (Set<String> other : reachedThrough.values()) {
            for (String model : fromStart) if (other.contains(model)) twice.add(model);
        }
        if (!twice.isEmpty()) cascadeError(start, Messages.multipleCascadePaths(List.copyOf(twice), parent));
    }

    private boolean modifies(Relation r) { return modifies(r.onDelete()) || modifies(r.onUpdate()); }

    private static boolean modifies(ReferentialAction action) {
        return action != ReferentialAction.NO_ACTION && action != ReferentialAction.RESTRICT;
    }

    /** Reported on the starting relation's field, naming its implicit defaults that take part. */
    private void cascadeError(Relation r, String message) {
        ReferentialAction onDelete = !r.onDeleteExplicit() && modifies(r.onDelete()) ? r.onDelete() : null;
        ReferentialAction onUpdate = !r.onUpdateExplicit() && modifies(r.onUpdate()) ? r.onUpdate() : null;
        FieldInfo field = ctx.modelsByName.get(r.referencingModel()).field(r.referencingField());
        ctx.error(Messages.validation(Messages.cascadeWithDefaults(message, onDelete, onUpdate)), field.span());
    }

    /** Whether the fields are, as a set, the primary key or a unique constraint of the model. */
    static boolean isUniqueCriterion(ModelInfo m, List<String> fields) {
        Set<String> wanted = new HashSet<>(fields);
        if (m.primaryKey != null && new HashSet<>(m.primaryKey.fieldNames()).equals(wanted)) return true;
        for (Index i : m.indexes) {
            if (i.kind() == dev.facet.schema.model.IndexKind.UNIQUE && new HashSet<>(i.fieldNames()).equals(wanted)) return true;
        }
        return false;
    }

    /** Whether some index, unique or primary key starts with exactly these fields (in any order). */
    private static boolean hasIndexPrefix(ModelInfo m, List<String> fields) {
        Set<String> wanted = new HashSet<>(fields);
        List<List<String>> candidates = new ArrayList<>();
        if (m.primaryKey != null) candidates.add(m.primaryKey.fieldNames());
        for (Index i : m.indexes) candidates.add(i.fieldNames());
        for (List<String> c : candidates) {
            if (c.size() >= fields.size() && new HashSet<>(c.subList(0, fields.size())).equals(wanted)) return true;
        }
        return false;
    }

    private static boolean sameType(FieldInfo a, FieldInfo b) {
        if (a.kind != b.kind) return false;
        if (a.scalarType != b.scalarType) return false;
        return a.scalarType != null || Objects.equals(a.typeName, b.typeName);
    }

    /** MongoDB many-to-many: both sides hold a list of the other side's ids. */
    private void embeddedManyToMany(ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo g) {
        for (var side : List.of(new Object[] {m, f, t}, new Object[] {t, g, m})) {
            ModelInfo owner = (ModelInfo) side[0];
            FieldInfo field = (FieldInfo) side[1];
            ModelInfo other = (ModelInfo) side[2];
            if (!hasFields(field) || !hasReferences(field)) {
                ctx.error(Messages.fieldValidation(field.name, owner.kindLabel(), owner.name,
                        !hasFields(field) ? Messages.relationMustSpecifyFields(field.name, owner.name)
                                : Messages.relationMustSpecifyReferences(field.name, owner.name)), field.span());
                return;
            }
            RelationAttribute r = field.relationAttribute;
            List<String> unknown = r.fields.stream().filter(n -> owner.field(n) == null).toList();
            if (!unknown.isEmpty()) {
                ctx.error(Messages.fieldValidation(field.name, owner.kindLabel(), owner.name, Messages.relationUnknownFields(unknown)),
                        r.attribute.span());
                return;
            }
            List<String> unknownRefs = r.references.stream().filter(n -> other.field(n) == null).toList();
            if (!unknownRefs.isEmpty()) {
                ctx.error(Messages.fieldValidation(field.name, owner.kindLabel(), owner.name,
                        Messages.relationUnknownReferences(other.name, unknownRefs)), r.attribute.span());
                return;
            }
        }
        String name = relationName(f) != null ? relationName(f) : generatedName(m.name, t.name);
        boolean mFirst = m.name.compareTo(t.name) <= 0 || m == t && f.name.compareTo(g.name) <= 0;
        ModelInfo a = mFirst ? m : t;
        FieldInfo aField = mFirst ? f : g;
        ModelInfo b = mFirst ? t : m;
        FieldInfo bField = mFirst ? g : f;
        ctx.relations.add(new Relation(name, RelationKind.EMBEDDED_MANY_TO_MANY, a.name, aField.name, b.name, bField.name,
                aField.relationAttribute.fields, aField.relationAttribute.references, ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, false, false, null, null));
        f.relationName = name;
        g.relationName = name;
    }

    static String generatedName(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "To" + b : b + "To" + a;
    }

    // ---------------------------------------------------------------- implicit many-to-many

    private void manyToMany(ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo g) {
        if (ctx.has(Provider.MONGODB)) {
            embeddedManyToMany(m, f, t, g);
            return;
        }
        if (hasFieldsOrReferences(f) || hasFieldsOrReferences(g)) {
            FieldInfo bad = hasFieldsOrReferences(f) ? f : g;
            ModelInfo badModel = bad == f ? m : t;
            ctx.error(Messages.fieldValidation(bad.name, badModel.kindLabel(), badModel.name, Messages.manyToManyWithFields()), bad.span());
            return;
        }
        boolean views = m.view || t.view;
        if (views) {
            if (t.view) ctx.error(Messages.validation(Messages.implicitManyToManyViews()), g.span());
            if (m.view || t.view) ctx.error(Messages.validation(Messages.implicitManyToManyViews()), f.span());
        }
        boolean ok = !views;
        for (var side : List.of(new Object[] {m, f, t}, new Object[] {t, g, m})) {
            ModelInfo owner = (ModelInfo) side[0];
            FieldInfo field = (FieldInfo) side[1];
            ModelInfo other = (ModelInfo) side[2];
            if (other.primaryKey == null || other.primaryKey.isCompound()) {
                ctx.error(Messages.fieldValidation(field.name, owner.kindLabel(), owner.name,
                        Messages.manyToManyWithoutId(field.name, owner.kindLabel(), owner.name, other.name)), field.span());
                ok = false;
            }
        }
        if (!ok) return;
        String name = relationName(f) != null ? relationName(f) : generatedName(m.name, t.name);
        boolean mFirst = m.name.compareTo(t.name) <= 0;
        ModelInfo a = mFirst ? m : t;
        ModelInfo b = mFirst ? t : m;
        FieldInfo aField = mFirst ? f : g;
        FieldInfo bField = mFirst ? g : f;
        if (m == t) {
            // self many-to-many: A is the field that comes first in alphabetical order
            boolean fFirst = f.name.compareTo(g.name) <= 0;
            aField = fFirst ? f : g;
            bField = fFirst ? g : f;
        }
        ctx.relations.add(new Relation(name, RelationKind.IMPLICIT_MANY_TO_MANY, a.name, aField.name, b.name, bField.name,
                List.of(), List.of(), ReferentialAction.CASCADE, ReferentialAction.CASCADE, false, false, null,
                new JoinTable("_" + name, a.name, b.name)));
        f.relationName = name;
        g.relationName = name;
    }
}
