package dev.facet.data.behaviour;

/**
 * What a test's schema needs of a backend's Prisma schema language, beyond what the connector does. Whether a backend
 * has it is asked of the schema validator with a small probe schema ({@link Backend#allows}), never decided by name.
 */
enum SchemaFeature {
    /** {@code Int @id @default(autoincrement())}: ids the database numbers 1, 2, 3 (not on MongoDB). */
    AUTOINCREMENT("model Probe {\n  id Int @id @default(autoincrement())\n}\n"),
    /** {@code Decimal} fields (not on MongoDB). */
    DECIMAL("model Probe {\n  id Int @id\n  d  Decimal\n}\n"),
    /**
     * Implicit many-to-many relations, a join table the database keeps; on MongoDB the suite writes them as id arrays on
     * both sides ({@link MongoManyToMany}), so every backend has them.
     */
    IMPLICIT_MANY_TO_MANY("model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  as A[]\n}\n"),
    /** {@code NoAction} under Prisma's emulation of referential actions (MySQL and MongoDB; PostgreSQL and SQLite refuse it). */
    EMULATED_NO_ACTION("""
            model A {
              id Int @id
              bs B[]
            }
            model B {
              id  Int @id
              aId Int
              a   A   @relation(fields: [aId], references: [id], onDelete: NoAction)
            }
            """, true);

    /** The datasource of the probes. */
    static final String PROBE_DATASOURCE = """
            datasource db {
              provider = "%PROVIDER%"
              url      = "file:unused.db"
            }

            """;

    private final String probe;

    SchemaFeature(String models) { this(models, false); }

    SchemaFeature(String models, boolean emulated) {
        this.probe = (emulated ? PROBE_DATASOURCE.replace("\n}", "\n  relationMode = \"prisma\"\n}") : PROBE_DATASOURCE) + models;
    }

    /** @return a schema template that loads exactly where the feature exists */
    String probe() { return probe; }
}
