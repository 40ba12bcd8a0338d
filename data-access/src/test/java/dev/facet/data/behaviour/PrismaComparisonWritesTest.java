package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writes where Facet differed from Prisma Client 7 on the same data (found with {@code tools/prisma-compare}); each
 * expectation is Prisma's answer. On every backend (the schema is numbered by {@code autoincrement()}: not MongoDB),
 * with foreign keys and with emulated relations.
 */
@SuiteRequires(schema = SchemaFeature.AUTOINCREMENT)
class PrismaComparisonWritesTest {
    static final String SCHEMA = """
            datasource db {
              provider     = "%PROVIDER%"
              relationMode = "%MODE%"
            }

            model User {
              id       Int       @id @default(autoincrement())
              email    String    @unique
              name     String?
              age      Int       @default(0)
              profile  Profile?
              badge    Badge?
              posts    Post[]
              comments Comment[]
              groups   Group[]
              notes    Note[]
            }

            model Note {
              id        Int     @id @default(autoincrement())
              userEmail String?
              user      User?   @relation(fields: [userEmail], references: [email], onUpdate: SetNull)

              @@index([userEmail])
            }

            model Profile {
              id     Int    @id @default(autoincrement())
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id], onDelete: Cascade)
            }

            model Badge {
              id      Int    @id @default(autoincrement())
              label   String
              ownerId Int?   @unique
              owner   User?  @relation(fields: [ownerId], references: [id])
            }

            model Post {
              id       Int    @id @default(autoincrement())
              slug     String @unique
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])

              @@index([authorId])
            }

            model Comment {
              id       Int    @id @default(autoincrement())
              text     String
              authorId Int?
              author   User?  @relation(fields: [authorId], references: [id], onDelete: SetNull)

              @@index([authorId])
            }

            model Group {
              id      Int    @id @default(autoincrement())
              name    String @unique
              members User[]
            }

            model Doc {
              id      Int      @id @default(autoincrement())
              data    Json?
              payload Json     @default("{}")
              n       Int?
              amount  Decimal?
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();

    QueryEngine engine;

    void open(Backend backend, String mode) {
        engine = backend.open(DBS, SCHEMA.replace("%MODE%", mode), null);
    }

    @AfterEach
    void tearDown() {
        if (engine != null) engine.close();
    }

    JsonNode run(String model, String action, String args) { return engine.execute(model, action, JsonCodec.parse(args)); }

    static String code(Throwable t) { return WritesTest.code(t); }

    @EveryBackend(modes = true)
    void anUpsertPrismaRunsAsOneStatementUsesTheDatabasesUpsert(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\"}}");
        String upsert = "{\"where\": {\"email\": \"a@x\"}, \"create\": {\"email\": \"a@x\"}, \"update\": {\"age\": {\"increment\": 2}}, \"select\": {\"id\": true, \"age\": true}}";
        assertThat(run("User", "upsert", upsert)).isEqualTo(JsonCodec.parse("{\"id\":1,\"age\":2}"));
        assertThat(run("User", "upsert", upsert)).isEqualTo(JsonCodec.parse("{\"id\":1,\"age\":4}"));
        // INSERT ... ON CONFLICT DO UPDATE draws an id even when it updates (PostgreSQL and SQLite, foreign keys only:
        // Prisma reads first and then writes under emulation, and always on MySQL).
        boolean nativeUpsert = backend.supports(ConnectorCapability.NATIVE_UPSERT) && mode.equals("foreignKeys");
        assertThat(run("User", "create", "{\"data\": {\"email\": \"b@x\"}, \"select\": {\"id\": true}}").get("id").asInt()).isEqualTo(nativeUpsert ? 4 : 2);
        // Not one statement: an empty update, extra filters, another create value, or a relation in the result.
        run("User", "upsert", "{\"where\": {\"email\": \"a@x\"}, \"create\": {\"email\": \"a@x\"}, \"update\": {}}");
        run("User", "upsert", "{\"where\": {\"email\": \"a@x\", \"age\": 4}, \"create\": {\"email\": \"a@x\"}, \"update\": {\"age\": 5}}");
        run("User", "upsert", "{\"where\": {\"email\": \"a@x\"}, \"create\": {\"email\": \"c@x\"}, \"update\": {\"age\": 6}}");
        run("User", "upsert", "{\"where\": {\"email\": \"a@x\"}, \"create\": {\"email\": \"a@x\"}, \"update\": {\"age\": 7}, \"include\": {\"posts\": true}}");
        assertThat(run("User", "create", "{\"data\": {\"email\": \"d@x\"}, \"select\": {\"id\": true}}").get("id").asInt()).isEqualTo(nativeUpsert ? 5 : 3);
        assertThat(run("User", "findUnique", "{\"where\": {\"email\": \"a@x\"}, \"select\": {\"age\": true}}").get("age").asInt()).isEqualTo(7);
    }

    @EveryBackend(modes = true)
    void anUpdateOfAMissingRecordIsReportedByTheNestedWriteThatNeedsIt(Backend backend, String mode) {
        open(backend, mode);
        run("Group", "create", "{\"data\": {\"name\": \"g\"}}");
        String connect = "{\"where\": {\"id\": 9}, \"data\": {\"groups\": {\"connect\": {\"name\": \"g\"}}}}";
        String create = "{\"where\": {\"id\": 9}, \"data\": {\"posts\": {\"create\": {\"slug\": \"s\"}}}}";
        // With foreign keys where writes return their rows (PostgreSQL, SQLite) Prisma runs the nested write first; it reads
        // the record first otherwise.
        boolean nestedFirst = mode.equals("foreignKeys") && backend.supports(ConnectorCapability.RETURNING);
        fails("P2025", "User", "update", connect)
                .hasMessageEndingWith(nestedFirst ? "No 'User' record was found for a connect on many-to-many relation 'GroupToUser'."
                        : "No record was found for an update.");
        fails("P2025", "User", "update", create)
                .hasMessageEndingWith(nestedFirst ? "No 'User' record (needed to inline the relation on 'User' record(s)) was found for a nested "
                        + "create on one-to-many relation 'PostToUser'." : "No record was found for an update.");
        // Disconnecting a required relation is refused before anything is read.
        fails("P2014", "User", "update", "{\"where\": {\"id\": 9}, \"data\": {\"profile\": {\"disconnect\": true}}}");
    }

    @EveryBackend(modes = true)
    void aCreateIsValidatedBeforeAnythingIsWrittenAndALimitMustNotBeNegative(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\"}}");
        // The email is taken: still a validation error, as `set` has no place in a create, also in a nested one.
        fails("P2009", "User", "create", "{\"data\": {\"email\": \"a@x\", \"groups\": {\"set\": []}}}");
        fails("P2009", "Group", "create", "{\"data\": {\"name\": \"g\", \"members\": {\"create\": {\"email\": \"a@x\", "
                + "\"posts\": {\"deleteMany\": {}}}}}}");
        fails("P2019", "User", "deleteMany", "{\"limit\": -1}")
                .hasMessageEndingWith("Input error. Provided limit (-1) must be a positive integer.");
        assertThat(count("User")).isEqualTo(1);
    }

    int count(String model) { return run(model, "count", "{}").asInt(); }

    /** The request fails with Prisma's {@code code}; the message is for the caller to check. */
    org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> fails(String code, String model, String action, String args) {
        return assertThatThrownBy(() -> run(model, action, args)).satisfies(e -> assertThat(code(e)).isEqualTo(code));
    }

    @EveryBackend(modes = true)
    void connectingAMissingRecordSaysSoAsPrismaDoes(Backend backend, String mode) {
        open(backend, mode);
        assertThatThrownBy(() -> run("User", "create", "{\"data\": {\"email\": \"a@x\", \"profile\": {\"connect\": {\"id\": 9}}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025"))
                .hasMessageEndingWith("No 'Profile' record (needed to create or connect inlined relation for 'User' record(s)) was found for a nested "
                        + "connect on one-to-one relation 'ProfileToUser'.");
        // The lookup comes before the insert: no id was drawn.
        assertThat(run("User", "create", "{\"data\": {\"email\": \"a@x\"}, \"select\": {\"id\": true}}").get("id").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 1}, \"data\": {\"profile\": {\"connect\": {\"id\": 9}}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2025"))
                .hasMessageEndingWith("No 'Profile' record was found for a nested connect on one-to-one relation 'ProfileToUser'.");
    }

    @EveryBackend(modes = true)
    void disconnectRules(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\", \"posts\": {\"create\": {\"slug\": \"p\"}}, \"comments\": {\"create\": {\"text\": \"c\"}}}}");
        run("User", "create", "{\"data\": {\"email\": \"b@x\"}}");
        // A required relation cannot be disconnected, even from a record that is not connected.
        assertThatThrownBy(() -> run("User", "update", "{\"where\": {\"id\": 2}, \"data\": {\"posts\": {\"disconnect\": {\"slug\": \"p\"}}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2014"));
        // On the side holding the foreign key, a filter given to disconnect does not hold it back.
        assertThat(run("Comment", "update", "{\"where\": {\"id\": 1}, \"data\": {\"author\": {\"disconnect\": {\"email\": \"nobody@x\"}}}, \"select\": {\"authorId\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"authorId\":null}"));
    }

    @EveryBackend(modes = true)
    void connectingAOneToOneFromTheForeignKeySideMovesIt(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\", \"badge\": {\"create\": {\"label\": \"first\"}}}}");
        run("Badge", "create", "{\"data\": {\"label\": \"second\"}}");
        assertThat(run("Badge", "update", "{\"where\": {\"id\": 2}, \"data\": {\"owner\": {\"connect\": {\"id\": 1}}}, \"select\": {\"ownerId\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"ownerId\":1}"));
        assertThat(run("Badge", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"ownerId\": true}}")).isEqualTo(JsonCodec.parse("{\"ownerId\":null}"));
    }

    @EveryBackend(modes = true)
    void aNestedUpdateOfTheRelatedRecordLeavesTheForeignKeyToItsOnUpdateAction(Backend backend, String mode) {
        open(backend, mode);
        run("Note", "create", "{\"data\": {\"user\": {\"create\": {\"email\": \"a@x\"}}}}");
        // onUpdate: SetNull, so changing the referenced email clears this note's key rather than following it.
        assertThat(run("Note", "update", "{\"where\": {\"id\": 1}, \"data\": {\"user\": {\"update\": {\"email\": \"b@x\"}}}, \"include\": {\"user\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"id\":1,\"userEmail\":null,\"user\":null}"));
    }

    @EveryBackend(modes = true)
    void andReturnSelectsToOneRelationsButNotToManyOnes(Backend backend, String mode) {
        open(backend, mode);
        if (!backend.supports(ConnectorCapability.RETURNING)) {
            assertThatThrownBy(() -> run("Post", "createManyAndReturn", "{\"data\": []}"))
                    .hasMessage("Operation 'createManyAndReturn' for model 'Post' does not match any query.");
            return;
        }
        run("User", "create", "{\"data\": {\"email\": \"a@x\"}}");
        assertThat(run("Post", "createManyAndReturn", "{\"data\": [{\"slug\": \"p\", \"authorId\": 1}], \"select\": {\"slug\": true, \"author\": {\"select\": {\"email\": true}}}}"))
                .isEqualTo(JsonCodec.parse("[{\"slug\":\"p\",\"author\":{\"email\":\"a@x\"}}]"));
        assertThatThrownBy(() -> run("User", "updateManyAndReturn", "{\"data\": {\"age\": 1}, \"include\": {\"posts\": true}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
    }

    @EveryBackend(modes = true)
    void jsonWritesFollowPrisma(Backend backend, String mode) {
        open(backend, mode);
        assertThat(run("Doc", "create", "{\"data\": {\"data\": null, \"payload\": {\"set\": 1}}, \"select\": {\"data\": true, \"payload\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"data\":null,\"payload\":{\"set\":1}}"));
        assertThat(run("Doc", "count", "{\"where\": {\"data\": {\"equals\": {\"$type\": \"Enum\", \"value\": \"JsonNull\"}}}}").asInt()).isEqualTo(1);
        // The default of a Json field is written by Facet (MySQL has no defaults for JSON columns).
        assertThat(run("Doc", "create", "{\"data\": {}, \"select\": {\"payload\": true}}")).isEqualTo(JsonCodec.parse("{\"payload\":{}}"));
        assertThatThrownBy(() -> run("Doc", "create", "{\"data\": {\"payload\": {\"$type\": \"Enum\", \"value\": \"DbNull\"}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        assertThatThrownBy(() -> run("Doc", "create", "{\"data\": {\"data\": {\"$type\": \"Enum\", \"value\": \"AnyNull\"}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
    }

    @EveryBackend(modes = true)
    void missingArgumentsAndMixedCheckedAndUncheckedUpdatesAreRefused(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\", \"posts\": {\"create\": {\"slug\": \"p\"}}}}");
        for (String[] request : new String[][] {{"update", "{\"data\": {\"age\": 1}}"}, {"update", "{\"where\": {\"id\": 1}}"},
                {"upsert", "{\"where\": {\"id\": 1}, \"create\": {\"email\": \"b@x\"}}"}, {"delete", "{}"}}) {
            assertThatThrownBy(() -> run("User", request[0], request[1])).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"))
                    .hasMessageContaining("is missing.");
        }
        assertThatThrownBy(() -> run("Post", "update", "{\"where\": {\"id\": 1}, \"data\": {\"authorId\": 1, \"author\": {\"connect\": {\"id\": 1}}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
    }

    @EveryBackend(modes = true)
    void arithmeticAsPrismaDoesIt(Backend backend, String mode) {
        open(backend, mode);
        run("Doc", "create", "{\"data\": {\"n\": 3, \"amount\": \"100.1\"}}");
        JsonNode divided = run("Doc", "update", "{\"where\": {\"id\": 1}, \"data\": {\"n\": {\"divide\": 4}, \"amount\": {\"divide\": 3}}, \"select\": {\"n\": true, \"amount\": true}}");
        JsonNode times = run("Doc", "update", "{\"where\": {\"id\": 1}, \"data\": {\"n\": {\"multiply\": -3}}, \"select\": {\"n\": true}}");
        if (backend.has(DatabaseTrait.INT_ARITHMETIC_IN_FLOATING_POINT)) {
            // SQLite through Prisma's libsql adapter divides in floating point and keeps 0.75 (read as 0); -2.25 reads as -2.
            assertThat(divided).isEqualTo(JsonCodec.parse("{\"n\":0,\"amount\":\"33.36666666666667\"}"));
            assertThat(times).isEqualTo(JsonCodec.parse("{\"n\":-2}"));
        } else if (backend.has(DatabaseTrait.INT_DIVISION_ROUNDED)) {
            // MySQL divides exactly and rounds into the Int (1); a Decimal operand goes as text, so in floating point.
            assertThat(divided).isEqualTo(JsonCodec.parse("{\"n\":1,\"amount\":\"33.36666666666667\"}"));
            assertThat(times).isEqualTo(JsonCodec.parse("{\"n\":-3}"));
        } else {
            assertThat(divided.get("n").asInt()).isZero();
            assertThat(times).isEqualTo(JsonCodec.parse("{\"n\":0}"));
        }
    }

    @EveryBackend(modes = true)
    void nestedDeleteManyOnManyToManyDeletesTheRecords(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\", \"groups\": {\"create\": [{\"name\": \"g1\"}, {\"name\": \"g2\"}]}}}");
        run("User", "update", "{\"where\": {\"id\": 1}, \"data\": {\"groups\": {\"deleteMany\": {\"name\": \"g2\"}}}}");
        assertThat(run("Group", "findMany", "{\"select\": {\"name\": true}}")).isEqualTo(JsonCodec.parse("[{\"name\":\"g1\"}]"));
    }

    @EveryBackend(modes = true)
    void anIntBeyond32BitsIsTheDatabasesBusiness(Backend backend, String mode) {
        open(backend, mode);
        String create = "{\"data\": {\"email\": \"a@x\", \"age\": 2147483648}, \"select\": {\"age\": true}}";
        if (backend.has(DatabaseTrait.INT_COLUMNS_OF_32_BITS)) {
            // PostgreSQL's words, or MySQL's.
            assertThatThrownBy(() -> run("User", "create", create)).satisfies(e -> assertThat(code(e)).isEqualTo("P2020"))
                    .hasMessageMatching("Value out of range for the type: (Out of range value for column 'age' at row 1|.*integer.*)");
        } else {
            assertThat(run("User", "create", create)).isEqualTo(JsonCodec.parse("{\"age\":2147483648}"));
        }
        assertThat(run("User", "create", "{\"data\": {\"email\": \"b@x\", \"age\": 2.5}, \"select\": {\"age\": true}}")).isEqualTo(JsonCodec.parse("{\"age\":2}"));
    }

    @EveryBackend(modes = true)
    void constraintErrorsAreWordedAsPrismasAdaptersWordThem(Backend backend, String mode) {
        open(backend, mode);
        run("User", "create", "{\"data\": {\"email\": \"a@x\"}}");
        assertThatThrownBy(() -> run("User", "create", "{\"data\": {\"email\": \"a@x\"}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2002"))
                .hasMessage("Unique constraint failed on the " + (backend.has(DatabaseTrait.UNIQUE_VIOLATION_NAMES_FIELDS) ? "fields: (`email`)" : "constraint: `User_email_key`"));
        if (mode.equals("prisma")) return;
        assertThatThrownBy(() -> run("Post", "create", "{\"data\": {\"slug\": \"p\", \"authorId\": 9}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2003"))
                .hasMessage(backend.foreignKeyViolation("Post", "authorId"));
    }
}
