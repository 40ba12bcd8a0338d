package dev.facet.schema.model;

import java.util.Optional;

/** What happens to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    CASCADE("Cascade"), RESTRICT("Restrict"), NO_ACTION("NoAction"), SET_NULL("SetNull"), SET_DEFAULT("SetDefault");

    private final String id;

    ReferentialAction(String id) { this.id = id; }

    /** @return the name as written in the schema */
    public String id() { return id; }

    /** @return the action named {@code name} in the schema, if any */
    public static Optional<ReferentialAction> fromName(String name) {
        for (ReferentialAction a : values()) if (a.id.equals(name)) return Optional.of(a);
        return Optional.empty();
    }
}
