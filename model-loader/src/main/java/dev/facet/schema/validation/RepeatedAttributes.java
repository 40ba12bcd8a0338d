package dev.facet.schema.validation;

import dev.facet.schema.ast.Attribute;
import dev.facet.schema.diagnostics.Messages;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attributes of one field or block grouped by name, so that a repeated attribute is reported (every
 * occurrence, as Prisma does) in time linear in the number of attributes: scanning the whole list again
 * at each repetition made 10,000 repeated {@code @@map} lines take seconds.
 */
final class RepeatedAttributes {
    private final Map<String, List<Attribute>> byName = new HashMap<>();
    private final Set<String> reportedNames = new HashSet<>();
    // By identity: records hash their whole argument tree, and two equal attributes are still two lines.
    private final Set<Attribute> reported = Collections.newSetFromMap(new IdentityHashMap<>());

    RepeatedAttributes(List<Attribute> attributes) {
        for (Attribute a : attributes) byName.computeIfAbsent(a.name(), k -> new ArrayList<>(1)).add(a);
    }

    /** Reports every occurrence of {@code name} as defined more than once, the first time it is asked. */
    void report(Context ctx, String name) {
        if (!reportedNames.add(name)) return;
        for (Attribute a : byName.getOrDefault(name, List.of())) {
            reported.add(a);
            ctx.error(Messages.attributeDefinedOnce("@" + name), a.span());
        }
    }

    /** @return whether {@code a} was reported as a repetition */
    boolean isReported(Attribute a) { return reported.contains(a); }
}
