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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    }

    private static String relationName(FieldInfo f) {
        return f.relationAttribute == null ? null : f.relationAttribute.name;
    }

    private List<FieldInfo> opposites(ModelInfo m, FieldInfo f, ModelInfo target) {
        List<FieldInfo> out = new ArrayList<>();
        for (FieldInfo g : target.fields) {
            if (g == f || !g.relation || !m.name.equals(g.typeName)) continue;
            if (Objects.equals(relationName(f), relationName(g))) out.add(g);
        }
        return out;
    }

    /** Two relation fields of one model to the same model, without names telling them apart. */
    private void ambiguity(ModelInfo m) {
        Set<FieldInfo> reported = new HashSet<>();
        for (int i = 0; i < m.fields.size(); i++) {
            FieldInfo a = m.fields.get(i);
            if (!a.relation || reported.contains(a)) continue;
            for (int j = i + 1; j < m.fields.size(); j++) {
                FieldInfo b = m.fields.get(j);
                if (!b.relation || !a.typeName.equals(b.typeName) || !Objects.equals(relationName(a), relationName(b))) continue;
                boolean self = a.typeName.equals(m.name);
                if (self) {
                    long count = m.fields.stream().filter(x -> x.relation && x.typeName.equals(m.name)
                            && Objects.equals(relationName(x), relationName(a))).count();
                    if (count <= 2) continue;
                }
                reported.add(a);
                reported.add(b);
                paired.add(a);
                paired.add(b);
                String message = self ? Messages.ambiguousSelfRelation(a.name, b.name, m.name)
                        : Messages.ambiguousRelation(a.name, b.name, m.name, a.typeName);
                ctx.error(Messages.modelValidation(m.kindLabel(), m.name, message), b.span());
            }
        }
    }

    private void pair(ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo g) {
        boolean fList = f.arity == FieldArity.LIST;
        boolean gList = g.arity == FieldArity.LIST;
        boolean fHasArgs = hasFieldsOrReferences(f);
        boolean gHasArgs = hasFieldsOrReferences(g);
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
            if (hasFieldsOrReferences(list)) {
                ctx.error(Messages.fieldValidation(list.name, listModel.kindLabel(), listModel.name,
                        Messages.listSideMustNotHaveFields(list.name, listModel.name, single.name, singleModel.name)), list.span());
                return;
            }
            if (!hasFields(single) || !hasReferences(single)) {
                if (single.ignored || list.ignored) return;
                ctx.error(Messages.fieldValidation(single.name, singleModel.kindLabel(), singleModel.name,
                        !hasFields(single) ? Messages.relationMustSpecifyFields(single.name, singleModel.name)
                                : Messages.relationMustSpecifyReferences(single.name, singleModel.name)), single.span());
                return;
            }
            foreignKey(RelationKind.ONE_TO_MANY, singleModel, single, listModel, list);
            return;
        }
        // one-to-one
        if (fHasArgs && gHasArgs) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name,
                    Messages.bothSidesProvideReferences(f.name, m.name, g.name, t.name)), f.span());
            return;
        }
        if (!fHasArgs && !gHasArgs) {
            if (f.ignored || g.ignored) return;
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name,
                    Messages.neitherSideProvidesFields(f.name, m.name, g.name, t.name)), f.span());
            return;
        }
        ModelInfo holderModel = fHasArgs ? m : t;
        FieldInfo holder = fHasArgs ? f : g;
        ModelInfo otherModel = fHasArgs ? t : m;
        FieldInfo other = fHasArgs ? g : f;
        if (!hasFields(holder) || !hasReferences(holder)) {
            ctx.error(Messages.fieldValidation(holder.name, holderModel.kindLabel(), holderModel.name,
                    !hasFields(holder) ? Messages.relationMustSpecifyFields(holder.name, holderModel.name)
                            : Messages.relationMustSpecifyReferences(holder.name, holderModel.name)), holder.span());
            return;
        }
        if (other.arity == FieldArity.REQUIRED) {
            ctx.error(Messages.fieldValidation(other.name, otherModel.kindLabel(), otherModel.name,
                    Messages.backRelationMustBeOptional(other.name, otherModel.name, holderModel.name)), other.span());
            return;
        }
        foreignKey(RelationKind.ONE_TO_ONE, holderModel, holder, otherModel, other);
    }

    private static boolean hasFields(FieldInfo f) { return f.relationAttribute != null && f.relationAttribute.fields != null; }

    private static boolean hasReferences(FieldInfo f) { return f.relationAttribute != null && f.relationAttribute.references != null; }

    private static boolean hasFieldsOrReferences(FieldInfo f) { return hasFields(f) || hasReferences(f); }

    // ---------------------------------------------------------------- foreign key side

    private void foreignKey(RelationKind kind, ModelInfo m, FieldInfo f, ModelInfo t, FieldInfo back) {
        RelationAttribute r = f.relationAttribute;
        List<String> fields = r.fields;
        List<String> references = r.references;

        List<String> unknown = fields.stream().filter(n -> m.field(n) == null).toList();
        if (!unknown.isEmpty()) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.relationUnknownFields(unknown)), r.attribute.span());
            return;
        }
        List<String> relationFields = fields.stream().filter(n -> m.field(n).relation).toList();
        if (!relationFields.isEmpty()) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.relationFieldsNotScalar(relationFields)), r.attribute.span());
            return;
        }
        List<String> unknownRefs = references.stream().filter(n -> t.field(n) == null).toList();
        if (!unknownRefs.isEmpty()) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.relationUnknownReferences(t.name, unknownRefs)),
                    r.attribute.span());
            return;
        }
        if (fields.size() != references.size()) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.relationFieldCountMismatch()), r.attribute.span());
            return;
        }
        if (fields.isEmpty()) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.relationMustSpecifyFields(f.name, m.name)), f.span());
            return;
        }
        if (!t.view && !isUniqueCriterion(t, references)) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.referencesNotUnique(t.name, references)),
                    f.span());
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldInfo a = m.field(fields.get(i));
            FieldInfo b = t.field(references.get(i));
            if (!sameType(a, b)) {
                ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name,
                        Messages.relationTypeMismatch(a.name, m.name, b.name, t.name)), f.span());
                return;
            }
        }
        boolean anyOptional = fields.stream().anyMatch(n -> m.field(n).arity == FieldArity.OPTIONAL);
        if (f.arity == FieldArity.REQUIRED && anyOptional) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name,
                    Messages.relationMustBeOptional(f.name, fields)), f.span());
            return;
        }
        if (kind == RelationKind.ONE_TO_ONE && !m.view && !isUniqueCriterion(m, fields)) {
            ctx.error(Messages.fieldValidation(f.name, m.kindLabel(), m.name, Messages.oneToOneNotUnique(m.name, fields)), f.span());
            return;
        }

        ReferentialAction onDelete = checkAction(r.onDelete, r.onDeleteSpan, "onDelete", m, f, fields);
        ReferentialAction onUpdate = checkAction(r.onUpdate, r.onUpdateSpan, "onUpdate", m, f, fields);
        if (ctx.relationMode == RelationMode.PRISMA && ctx.isSql() && ctx.provider != null && !m.view && !hasIndexPrefix(m, fields)) {
            ctx.warning(Messages.relationModePrismaMissingIndex(), r.attribute.span());
        }

        ReferentialAction defaultOnDelete = f.arity == FieldArity.REQUIRED
                ? (ctx.has(Provider.SQLSERVER) ? ReferentialAction.NO_ACTION : ReferentialAction.RESTRICT)
                : ReferentialAction.SET_NULL;
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
            ctx.error(Messages.validation(Messages.invalidReferentialAction(action.id(), allowed)), span);
            return null;
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

    private List<ReferentialAction> allowedActions() {
        if (ctx.relationMode == RelationMode.PRISMA || ctx.has(Provider.MONGODB)) {
            if (ctx.has(Provider.SQLSERVER)) {
                return List.of(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL);
            }
            return List.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL);
        }
        if (ctx.has(Provider.SQLSERVER)) {
            return List.of(ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL, ReferentialAction.SET_DEFAULT);
        }
        return List.of(ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.NO_ACTION, ReferentialAction.SET_NULL,
                ReferentialAction.SET_DEFAULT);
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
