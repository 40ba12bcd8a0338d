package dev.facet.schema.format;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.Member;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What formatting adds to make relations complete, as {@code prisma format} does: a missing
 * {@code @relation(fields: [...], references: [...])}, missing arguments of an existing
 * {@code @relation}, and missing relation and foreign-key fields. Keyed by AST node identity, since
 * the printer walks the same nodes.
 */
final class Completions {
    /** A field the formatter appends to a block: name, type as written, attributes as written. */
    record AddedField(String name, String type, List<String> attributes) {
        AddedField { attributes = List.copyOf(attributes); }
    }

    private final Map<Member.Field, String> relationAttributes = new IdentityHashMap<>();
    private final Map<Attribute, List<String>> relationArguments = new IdentityHashMap<>();
    private final Map<Block, List<AddedField>> addedFields = new IdentityHashMap<>();
    /** The names in {@link #addedFields}, so that {@link #adds} does not scan a block's whole list each time. */
    private final Map<Block, Set<String>> addedNames = new IdentityHashMap<>();

    /** @return completions that add nothing */
    static Completions none() { return new Completions(); }

    void addRelationAttribute(Member.Field field, String attribute) { relationAttributes.put(field, attribute); }

    void addRelationArguments(Attribute relation, List<String> arguments) {
        relationArguments.computeIfAbsent(relation, r -> new ArrayList<>()).addAll(arguments);
    }

    void addField(Block block, AddedField field) {
        addedFields.computeIfAbsent(block, b -> new ArrayList<>()).add(field);
        addedNames.computeIfAbsent(block, b -> new HashSet<>()).add(field.name());
    }

    /** @return the {@code @relation(...)} to add to this field, or null */
    String relationAttribute(Member.Field field) { return relationAttributes.get(field); }

    /** @return the arguments to append to this {@code @relation} attribute, possibly none */
    List<String> relationArguments(Attribute attribute) { return relationArguments.getOrDefault(attribute, List.of()); }

    /** @return the fields to append at the end of this block, possibly none */
    List<AddedField> addedFields(Block block) { return addedFields.getOrDefault(block, List.of()); }

    /** @return whether a field of this name is already being added to the block */
    boolean adds(Block block, String fieldName) {
        return addedNames.getOrDefault(block, Set.of()).contains(fieldName);
    }
}
