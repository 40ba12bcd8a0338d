package dev.facet.ui.project;

import dev.facet.schema.model.Field;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of a schema, in the terms a user browsing it cares about: models and views
 * added or removed, and fields added, removed or retyped in the models that stayed.
 *
 * @param addedModels   models and views only in the new schema, in its order
 * @param removedModels models and views only in the old schema, in its order
 * @param changedModels per model present in both, its field changes (only models with changes)
 */
public record SchemaDiff(List<String> addedModels, List<String> removedModels, Map<String, FieldChanges> changedModels) {
    public SchemaDiff {
        addedModels = List.copyOf(addedModels);
        removedModels = List.copyOf(removedModels);
        changedModels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changedModels));
    }

    /**
     * @param added   fields only in the new model
     * @param removed fields only in the old model
     * @param retyped fields whose type or arity changed
     */
    public record FieldChanges(List<String> added, List<String> removed, List<String> retyped) {
        public FieldChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            retyped = List.copyOf(retyped);
        }

        boolean isEmpty() { return added.isEmpty() && removed.isEmpty() && retyped.isEmpty(); }
    }

    /** Compares two schemas by model and field names. */
    public static SchemaDiff between(Schema before, Schema after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, FieldChanges> changed = new LinkedHashMap<>();
        for (Model m : after.models()) if (before.model(m.name()) == null) added.add(m.name());
        for (Model m : before.models()) {
            Model now = after.model(m.name());
            if (now == null) {
                removed.add(m.name());
                continue;
            }
            FieldChanges fields = fieldChanges(m, now);
            if (!fields.isEmpty()) changed.put(m.name(), fields);
        }
        return new SchemaDiff(added, removed, changed);
    }

    private static FieldChanges fieldChanges(Model before, Model after) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> retyped = new ArrayList<>();
        for (Field f : after.fields()) if (before.field(f.name()) == null) added.add(f.name());
        for (Field f : before.fields()) {
            Field now = after.field(f.name());
            if (now == null) removed.add(f.name());
            else if (!typeOf(f).equals(typeOf(now))) retyped.add(f.name());
        }
        return new FieldChanges(added, removed, retyped);
    }

    /** The type as written in the schema, with its arity: {@code String?}, {@code Post[]}. */
    private static String typeOf(Field f) {
        String base = switch (f) {
            case dev.facet.schema.model.ScalarField s -> s.typeName();
            case dev.facet.schema.model.RelationField r -> r.relatedModel();
        };
        return base + (f.isList() ? "[]" : f.isOptional() ? "?" : "");
    }

    /** @return whether nothing a user would see changed */
    public boolean isEmpty() { return addedModels.isEmpty() && removedModels.isEmpty() && changedModels.isEmpty(); }

    /**
     * @return one line, e.g. {@code added model Coupon; removed model Review; Order: added note, removed placedAt},
     *         or {@code no model or field changed}
     */
    public String summary() {
        if (isEmpty()) return "no model or field changed";
        List<String> parts = new ArrayList<>();
        if (!addedModels.isEmpty()) parts.add("added " + noun(addedModels.size(), "model") + " " + String.join(", ", addedModels));
        if (!removedModels.isEmpty()) parts.add("removed " + noun(removedModels.size(), "model") + " " + String.join(", ", removedModels));
        for (var e : changedModels.entrySet()) {
            FieldChanges c = e.getValue();
            List<String> what = new ArrayList<>();
            if (!c.added().isEmpty()) what.add("added " + String.join(", ", c.added()));
            if (!c.removed().isEmpty()) what.add("removed " + String.join(", ", c.removed()));
            if (!c.retyped().isEmpty()) what.add("changed the type of " + String.join(", ", c.retyped()));
            parts.add(e.getKey() + ": " + String.join(", ", what));
        }
        return String.join("; ", parts);
    }

    private static String noun(int n, String word) { return n == 1 ? word : word + "s"; }
}
