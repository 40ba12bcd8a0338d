package dev.facet.schema.model;

import java.util.Optional;

/** The built-in scalar types of the Prisma schema language. */
public enum ScalarType {
    STRING("String"), BOOLEAN("Boolean"), INT("Int"), BIG_INT("BigInt"), FLOAT("Float"), DECIMAL("Decimal"),
    DATE_TIME("DateTime"), JSON("Json"), BYTES("Bytes");

    private final String id;

    ScalarType(String id) { this.id = id; }

    /** @return the name as written in the schema */
    public String id() { return id; }

    /** @return the scalar type with this schema name, if any */
    public static Optional<ScalarType> fromName(String name) {
        for (ScalarType t : values()) if (t.id.equals(name)) return Optional.of(t);
        return Optional.empty();
    }

    /** @return whether values of this type are numbers */
    public boolean isNumeric() { return this == INT || this == BIG_INT || this == FLOAT || this == DECIMAL; }

    @Override public String toString() { return id; }
}
