package dev.facet.schema.model;

/** Who enforces relations: the database's foreign keys, or Prisma (Facet) itself. */
public enum RelationMode {
    /** Foreign keys in the database. */
    FOREIGN_KEYS("foreignKeys"),
    /** No foreign keys; referential actions are emulated by the client. */
    PRISMA("prisma");

    private final String id;

    RelationMode(String id) { this.id = id; }

    /** @return the value as written in the schema */
    public String id() { return id; }
}
