package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * onDelete and onUpdate, explicit and by default, with foreign keys in the database (errors P2003 in
 * each database's words) and emulated by Facet (P2014, nothing changed): multi-level cascades, SetNull
 * down a chain of keys, onUpdate following a changed key, self-relations; and the delete preview
 * agreeing with the delete it previews (query-semantics.md, sections A and B).
 */
class ReferentialActionsTest extends EngineSuite {

    /**
     * One parent model, one child model per action. The emulation has no SetDefault, and refuses
     * NoAction on PostgreSQL and SQLite, so those children exist only where Prisma allows them.
     */
    static String schema(Backend backend, String mode) {
        boolean prisma = mode.equals("prisma");
        boolean noAction = !prisma || backend.allows(SchemaFeature.EMULATED_NO_ACTION);
        StringBuilder s = new StringBuilder(DATASOURCE + """
                model Parent {
                  id        Int             @id
                  uniq      String          @unique
                  name      String          @default("")
                  cascades  CascadeChild[]
                  restricts RestrictChild[]
                  setNulls  SetNullChild[]
                  required  RequiredChild[]
                  optional  OptionalChild[]
                """);
        if (noAction) s.append("  noActions NoActionChild[]\n");
        if (!prisma) s.append("  setDefaults SetDefaultChild[]\n");
        s.append("""
                }

                model CascadeChild {
                  id       Int    @id
                  parentId Int
                  parent   Parent @relation(fields: [parentId], references: [id], onDelete: Cascade, onUpdate: Cascade)
                  toys     Toy[]

                  @@index([parentId])
                }

                model Toy {
                  id      Int          @id
                  childId Int
                  child   CascadeChild @relation(fields: [childId], references: [id], onDelete: Cascade)

                  @@index([childId])
                }

                model RestrictChild {
                  id         Int    @id
                  parentUniq String
                  parent     Parent @relation(fields: [parentUniq], references: [uniq], onDelete: Restrict, onUpdate: Restrict)

                  @@index([parentUniq])
                }

                model SetNullChild {
                  id       Int     @id
                  parentId Int?
                  parent   Parent? @relation(fields: [parentId], references: [id], onDelete: SetNull, onUpdate: SetNull)

                  @@index([parentId])
                }

                /// Prisma's defaults for a required relation: onDelete Restrict, onUpdate Cascade.
                model RequiredChild {
                  id       Int    @id
                  parentId Int
                  parent   Parent @relation(fields: [parentId], references: [id])

                  @@index([parentId])
                }

                /// Prisma's defaults for an optional relation: onDelete SetNull, onUpdate Cascade.
                model OptionalChild {
                  id       Int     @id
                  parentId Int?
                  parent   Parent? @relation(fields: [parentId], references: [id])

                  @@index([parentId])
                }
                """);
        if (noAction) s.append("""

                model NoActionChild {
                  id       Int    @id
                  parentId Int
                  parent   Parent @relation(fields: [parentId], references: [id], onDelete: NoAction, onUpdate: NoAction)

                  @@index([parentId])
                }
                """);
        if (!prisma) s.append("""

                model SetDefaultChild {
                  id       Int    @id
                  parentId Int    @default(99)
                  parent   Parent @relation(fields: [parentId], references: [id], onDelete: SetDefault, onUpdate: SetDefault)

                  @@index([parentId])
                }
                """);
        return s.toString();
    }

    /** Three models whose keys are chained: Line's key to Station is what Stop references. */
    static String chain(String stopOnUpdate) {
        return DATASOURCE + """
                model Station {
                  id   Int   @id
                  code Int?  @unique
                  line Line?
                }

                model Line {
                  id          Int      @id
                  stationCode Int?     @unique
                  station     Station? @relation(fields: [stationCode], references: [code], onDelete: SetNull, onUpdate: Cascade)
                  stop        Stop?
                }

                model Stop {
                  id       Int   @id
                  lineCode Int?  @unique
                  line     Line? @relation(fields: [lineCode], references: [stationCode], onUpdate: STOP)
                }
                """.replace("STOP", stopOnUpdate);
    }

    /** A tree: Cascade where the database does it, Restrict in the emulation (Prisma refuses cascading self-relations there). */
    static final String TREE = DATASOURCE + """
            model Folder {
              id       Int      @id
              name     String
              parentId Int?
              parent   Folder?  @relation("Tree", fields: [parentId], references: [id], onDelete: ON_DELETE, onUpdate: ON_UPDATE)
              children Folder[] @relation("Tree")

              @@index([parentId])
            }
            """;

    boolean prisma;
    Backend backend;

    void openParents(Backend backend, String mode) {
        this.backend = backend;
        this.prisma = mode.equals("prisma");
        open(backend, mode, schema(backend, mode));
    }

    boolean hasNoAction() { return !prisma || backend.allows(SchemaFeature.EMULATED_NO_ACTION); }

    /** Parent {@code id} with {@code uniq} "u{id}". */
    void parent(int id) { run("Parent", "create", "{\"data\": {\"id\": " + id + ", \"uniq\": \"u" + id + "\"}}"); }

    void child(String model, int id, int parentId) {
        run(model, "create", "{\"data\": {\"id\": " + id + ", \"parentId\": " + parentId + "}}");
    }

    /** The foreign key text Prisma gives for a failed constraint on {@code model}'s relation to Parent, per database. */
    String foreignKeyText(String model, String column) { return backend.foreignKeyViolation(model, column); }

    /** The error a blocked delete or update gives: the database's P2003, or the emulation's P2014. */
    void blocked(String model, String column, String relation, String action, String args) {
        if (prisma) {
            fails("P2014", "The change you are trying to make would violate the required relation '" + relation + "' between the `" + model
                    + "` and `Parent` models.", "Parent", action, args);
        } else {
            fails("P2003", foreignKeyText(model, column), "Parent", action, args);
        }
    }

    @EveryBackend(modes = true)
    void onDelete(Backend backend, String mode) {
        openParents(backend, mode);
        for (int p = 1; p <= 6; p++) parent(p);
        parent(99);
        // Cascade, two levels.
        child("CascadeChild", 1, 1);
        child("CascadeChild", 2, 1);
        run("Toy", "createMany", "{\"data\": [{\"id\": 1, \"childId\": 1}, {\"id\": 2, \"childId\": 1}, {\"id\": 3, \"childId\": 2}]}");
        run("Parent", "delete", "{\"where\": {\"id\": 1}}");
        assertThat(count("CascadeChild")).isZero();
        assertThat(count("Toy")).isZero();
        // Restrict, and the default for a required relation, refuse while a child exists: nothing changes.
        child("CascadeChild", 3, 2);
        run("Toy", "create", "{\"data\": {\"id\": 4, \"childId\": 3}}");
        run("RestrictChild", "create", "{\"data\": {\"id\": 1, \"parentUniq\": \"u2\"}}");
        blocked("RestrictChild", "parentUniq", "ParentToRestrictChild", "delete", "{\"where\": {\"id\": 2}}");
        blocked("RestrictChild", "parentUniq", "ParentToRestrictChild", "deleteMany", "{\"where\": {\"id\": {\"in\": [2, 3]}}}");
        assertThat(all("Parent", "id")).containsExactly("2", "3", "4", "5", "6", "99");
        assertThat(count("CascadeChild")).isEqualTo(1);
        assertThat(count("Toy")).isEqualTo(1);
        child("RequiredChild", 1, 3);
        blocked("RequiredChild", "parentId", "ParentToRequiredChild", "delete", "{\"where\": {\"id\": 3}}");
        if (hasNoAction()) {
            child("NoActionChild", 1, 4);
            blocked("NoActionChild", "parentId", "NoActionChildToParent", "delete", "{\"where\": {\"id\": 4}}");
        }
        // SetNull, and the default for an optional relation.
        child("SetNullChild", 1, 5);
        child("OptionalChild", 1, 5);
        run("Parent", "delete", "{\"where\": {\"id\": 5}}");
        assertThat(all("SetNullChild", "parentId")).containsExactly((String) null);
        assertThat(all("OptionalChild", "parentId")).containsExactly((String) null);
        if (!prisma) {
            // SetDefault moves the child to the default parent; MySQL's foreign keys take it as NoAction.
            child("SetDefaultChild", 1, 6);
            if (!backend.supports(ConnectorCapability.FOREIGN_KEY_SET_DEFAULT)) {
                blocked("SetDefaultChild", "parentId", "ParentToSetDefaultChild", "delete", "{\"where\": {\"id\": 6}}");
            } else {
                run("Parent", "delete", "{\"where\": {\"id\": 6}}");
                assertThat(all("SetDefaultChild", "parentId")).containsExactly("99");
            }
        }
        // Once the blocking children are gone, the delete goes through and cascades.
        run("RestrictChild", "deleteMany", "{}");
        assertThat(run("Parent", "deleteMany", "{\"where\": {\"id\": 2}}").get("count").asInt()).isEqualTo(1);
        assertThat(count("Toy")).isZero();
    }

    @EveryBackend(modes = true)
    void anIdChangesOnlyWhereTheDatabaseLetsIt(Backend backend, String mode) {
        openParents(backend, mode);
        parent(1);
        if (backend.supports(ConnectorCapability.UPDATABLE_ID)) {
            run("Parent", "update", "{\"where\": {\"id\": 1}, \"data\": {\"id\": 10}}");
            assertThat(all("Parent", "id")).containsExactly("10");
        } else {
            // MongoDB's Prisma has no id in its update inputs: refused before anything is sent.
            fails("P2009", "Unknown argument `id`", "Parent", "update", "{\"where\": {\"id\": 1}, \"data\": {\"id\": 10}}");
            fails("P2009", "Unknown argument `id`", "Parent", "updateMany", "{\"where\": {}, \"data\": {\"id\": {\"increment\": 1}}}");
            assertThat(all("Parent", "id")).containsExactly("1");
        }
    }

    @EveryBackend(modes = true, requires = ConnectorCapability.UPDATABLE_ID)
    void onUpdate(Backend backend, String mode) {
        openParents(backend, mode);
        parent(1);
        parent(2);
        parent(3);
        child("CascadeChild", 1, 1);
        run("Toy", "create", "{\"data\": {\"id\": 1, \"childId\": 1}}");
        child("RequiredChild", 1, 1);
        child("OptionalChild", 1, 1);
        child("SetNullChild", 1, 1);
        // A changed id: Cascade (explicit and by default) follows it, SetNull clears it.
        run("Parent", "update", "{\"where\": {\"id\": 1}, \"data\": {\"id\": 10}}");
        assertThat(all("CascadeChild", "parentId")).containsExactly("10");
        assertThat(all("RequiredChild", "parentId")).containsExactly("10");
        assertThat(all("OptionalChild", "parentId")).containsExactly("10");
        assertThat(all("SetNullChild", "parentId")).containsExactly((String) null);
        assertThat(all("Toy", "childId")).containsExactly("1");
        // The same through updateMany, upsert and an arithmetic change.
        run("Parent", "updateMany", "{\"where\": {\"id\": 10}, \"data\": {\"id\": 11}}");
        run("Parent", "upsert", "{\"where\": {\"id\": 11}, \"create\": {\"id\": 0, \"uniq\": \"never\"}, \"update\": {\"id\": 12}}");
        JsonNode incremented = run("Parent", "update", "{\"where\": {\"id\": 12}, \"data\": {\"id\": {\"increment\": 100}}}");
        assertThat(incremented.get("id").asInt()).isEqualTo(112);
        assertThat(all("CascadeChild", "parentId")).containsExactly("112");
        assertThat(all("RequiredChild", "parentId")).containsExactly("112");
        // Restrict refuses only when a referenced field changes and a child is connected.
        run("RestrictChild", "create", "{\"data\": {\"id\": 1, \"parentUniq\": \"u2\"}}");
        blocked("RestrictChild", "parentUniq", "ParentToRestrictChild", "update", "{\"where\": {\"id\": 2}, \"data\": {\"uniq\": \"v2\"}}");
        blocked("RestrictChild", "parentUniq", "ParentToRestrictChild", "updateMany", "{\"where\": {\"id\": 2}, \"data\": {\"uniq\": \"v2\"}}");
        blocked("RestrictChild", "parentUniq", "ParentToRestrictChild", "upsert",
                "{\"where\": {\"id\": 2}, \"create\": {\"id\": 2, \"uniq\": \"x\"}, \"update\": {\"uniq\": \"v2\"}}");
        run("Parent", "update", "{\"where\": {\"id\": 2}, \"data\": {\"name\": \"renamed\"}}");
        run("Parent", "update", "{\"where\": {\"id\": 3}, \"data\": {\"uniq\": \"v3\"}}");
        assertThat(all("Parent", "uniq")).containsExactly("u2", "v3", "u1");
        if (hasNoAction()) {
            child("NoActionChild", 1, 3);
            blocked("NoActionChild", "parentId", "NoActionChildToParent", "update", "{\"where\": {\"id\": 3}, \"data\": {\"id\": 30}}");
            assertThat(all("NoActionChild", "parentId")).containsExactly("3");
        }
    }

    @EveryBackend(modes = true)
    void setNullAndCascadeDownAChainOfKeys(Backend backend, String mode) {
        this.backend = backend;
        prisma = mode.equals("prisma");
        String seed = "{\"data\": {\"id\": 1, \"code\": 1, \"line\": {\"create\": {\"id\": 1, \"stop\": {\"create\": {\"id\": 1}}}}}}";
        // Deleting the station nulls Line's key, which Stop references: its onUpdate SetNull clears Stop's too.
        open(backend, mode, chain("SetNull"));
        run("Station", "create", seed);
        run("Station", "delete", "{\"where\": {\"id\": 1}}");
        assertThat(all("Line", "stationCode")).containsExactly((String) null);
        assertThat(all("Stop", "lineCode")).containsExactly((String) null);
        closeEngine();
        // A changed code cascades two hops.
        open(backend, mode, chain("Cascade"));
        run("Station", "create", seed);
        run("Station", "update", "{\"where\": {\"id\": 1}, \"data\": {\"code\": 5}}");
        assertThat(all("Line", "stationCode")).containsExactly("5");
        assertThat(all("Stop", "lineCode")).containsExactly("5");
        closeEngine();
        // Stop's onUpdate Restrict refuses the nulling: only its onUpdate counts, since Line is updated, not deleted.
        open(backend, mode, chain("Restrict"));
        run("Station", "create", seed);
        Throwable t = catchThrowable(() -> run("Station", "delete", "{\"where\": {\"id\": 1}}"));
        assertThat(t).isInstanceOf(QueryError.class);
        if (prisma) {
            assertThat(((QueryError) t).code()).isEqualTo("P2014");
            assertThat(t).hasMessageContaining("The change you are trying to make would violate the required relation 'LineToStop' between the `Stop` and `Line` models.");
        } else {
            assertThat(((QueryError) t).code()).isEqualTo("P2003");
        }
        assertThat(count("Station")).isEqualTo(1);
        assertThat(all("Line", "stationCode")).containsExactly("1");
        assertThat(all("Stop", "lineCode")).containsExactly("1");
    }

    @EveryBackend(modes = true)
    void selfRelations(Backend backend, String mode) {
        this.backend = backend;
        prisma = mode.equals("prisma");
        // MySQL cannot cascade an update into the table it is updating.
        open(backend, mode, TREE.replace("ON_DELETE", prisma ? "Restrict" : "Cascade").replace("ON_UPDATE", prisma ? "Restrict" : "NoAction"));
        run("Folder", "create", """
                {"data": {"id": 1, "name": "root", "children": {"create": [
                   {"id": 2, "name": "a", "children": {"create": {"id": 4, "name": "a1", "children": {"create": {"id": 5, "name": "a11"}}}}},
                   {"id": 3, "name": "b"}]}}}""");
        run("Folder", "create", "{\"data\": {\"id\": 6, \"name\": \"other\"}}");
        JsonNode preview = run("Folder", "previewDelete", "{\"where\": {\"id\": 1}}");
        if (prisma) {
            assertThat(preview.get("blocked").asBoolean()).isTrue();
            fails("P2014", "The change you are trying to make would violate the required relation 'Tree' between the `Folder` and `Folder` models.",
                    "Folder", "delete", "{\"where\": {\"id\": 2}}");
            assertThat(count("Folder")).isEqualTo(6);
            run("Folder", "delete", "{\"where\": {\"id\": 5}}");
            assertThat(all("Folder", "name")).containsExactly("root", "a", "b", "a1", "other");
        } else {
            assertThat(preview.get("blocked").asBoolean()).isFalse();
            assertThat(preview.get("totals").get("Folder").get("delete").asInt()).isEqualTo(5);
            run("Folder", "delete", "{\"where\": {\"id\": 1}}");
            assertThat(all("Folder", "name")).containsExactly("other");
        }
    }

    /** Two models cascading into each other: Prisma refuses it in the emulation, the databases run it. */
    static final String CYCLE = DATASOURCE.replace("%MODE%", "foreignKeys") + """
            model A {
              id  Int  @id
              bId Int?
              b   B?   @relation("AB", fields: [bId], references: [id], onDelete: Cascade)
              bs  B[]  @relation("BA")

              @@index([bId])
            }

            model B {
              id  Int  @id
              aId Int?
              a   A?   @relation("BA", fields: [aId], references: [id], onDelete: Cascade)
              as  A[]  @relation("AB")

              @@index([aId])
            }
            """;

    @EveryBackend(requires = ConnectorCapability.FOREIGN_KEYS)
    void aCycleOfCascadesWithForeignKeys(Backend backend) {
        open(backend, "foreignKeys", CYCLE);
        // a1 <- b1 <- a2 <- b2 <- a3, then a1 -> b2 closes a loop in the data; a9 and b9 stand apart.
        run("A", "createMany", "{\"data\": [{\"id\": 1}, {\"id\": 9}]}");
        run("B", "createMany", "{\"data\": [{\"id\": 1, \"aId\": 1}, {\"id\": 9}]}");
        run("A", "create", "{\"data\": {\"id\": 2, \"bId\": 1}}");
        run("B", "create", "{\"data\": {\"id\": 2, \"aId\": 2}}");
        run("A", "create", "{\"data\": {\"id\": 3, \"bId\": 2}}");
        run("A", "update", "{\"where\": {\"id\": 1}, \"data\": {\"bId\": 2}}");
        JsonNode preview = run("A", "previewDelete", "{\"where\": {\"id\": 1}}");
        assertThat(preview.get("blocked").asBoolean()).isFalse();
        assertThat(total(preview, "A", "delete")).isEqualTo(3);
        assertThat(total(preview, "B", "delete")).isEqualTo(2);
        run("A", "delete", "{\"where\": {\"id\": 1}}");
        assertThat(all("A", "id")).containsExactly("9");
        assertThat(all("B", "id")).containsExactly("9");
    }

    // ---------------------------------------------------------------- the preview agrees with the delete

    /** Rows per model, and rows whose key to Parent is null or points at the default parent 99. */
    Map<String, Integer> state() {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> models = List.of("Parent", "CascadeChild", "Toy", "RestrictChild", "SetNullChild", "RequiredChild", "OptionalChild");
        for (String m : models) out.put(m, count(m));
        if (hasNoAction()) out.put("NoActionChild", count("NoActionChild"));
        out.put("SetNullChild.null", run("SetNullChild", "count", "{\"where\": {\"parentId\": null}}").asInt());
        out.put("OptionalChild.null", run("OptionalChild", "count", "{\"where\": {\"parentId\": null}}").asInt());
        if (!prisma) {
            out.put("SetDefaultChild", count("SetDefaultChild"));
            out.put("SetDefaultChild.default", run("SetDefaultChild", "count", "{\"where\": {\"parentId\": 99}}").asInt());
        }
        return out;
    }

    static int total(JsonNode preview, String model, String kind) {
        return preview.path("totals").path(model).path(kind).asInt(0);
    }

    /** Previews deleting the parents a filter selects, deletes them, and checks that the preview said what happened. */
    void previewAgrees(String where) {
        JsonNode preview = run("Parent", "previewDelete", "{\"where\": " + where + "}");
        Map<String, Integer> before = state();
        Throwable failure = catchThrowable(() -> run("Parent", "deleteMany", "{\"where\": " + where + "}"));
        Map<String, Integer> after = state();
        assertThat(failure != null).as("delete of %s failed (%s) as previewed: %s", where, failure, preview).isEqualTo(preview.get("blocked").asBoolean());
        if (failure != null) {
            assertThat(((QueryError) failure).code()).isEqualTo(preview.get("blockedBy").get(0).get("code").asText());
            assertThat(after).isEqualTo(before);
            return;
        }
        for (String model : before.keySet()) {
            if (model.contains(".")) continue;
            assertThat(before.get(model) - after.get(model)).as("%s deleted, previewed %s", model, preview).isEqualTo(total(preview, model, "delete"));
        }
        assertThat(after.get("SetNullChild.null") - before.get("SetNullChild.null")).isEqualTo(total(preview, "SetNullChild", "setNull"));
        assertThat(after.get("OptionalChild.null") - before.get("OptionalChild.null")).isEqualTo(total(preview, "OptionalChild", "setNull"));
        if (!prisma) {
            assertThat(after.get("SetDefaultChild.default") - before.get("SetDefaultChild.default")).isEqualTo(total(preview, "SetDefaultChild", "setDefault"));
        }
    }

    @EveryBackend(modes = true)
    void thePreviewAgreesWithTheDelete(Backend backend, String mode) {
        openParents(backend, mode);
        for (int p = 1; p <= 8; p++) parent(p);
        parent(99);
        int id = 0;
        // 1: cascades two levels deep, sets to null, and (with foreign keys) to the default.
        for (int c = 0; c < 3; c++) {
            child("CascadeChild", ++id, 1);
            for (int t = 0; t < 4; t++) run("Toy", "create", "{\"data\": {\"id\": " + (id * 10 + t) + ", \"childId\": " + id + "}}");
        }
        child("SetNullChild", 1, 1);
        child("SetNullChild", 2, 1);
        child("OptionalChild", 1, 1);
        if (!prisma) child("SetDefaultChild", 1, 1);
        // 2: blocked by Restrict; 3: by the default of a required relation; 4: by NoAction.
        child("CascadeChild", ++id, 2);
        run("RestrictChild", "create", "{\"data\": {\"id\": 1, \"parentUniq\": \"u2\"}}");
        child("RequiredChild", 1, 3);
        if (hasNoAction()) child("NoActionChild", 1, 4);
        // 5 and 6: cascade and set null together; 7: nothing related.
        child("CascadeChild", ++id, 5);
        child("CascadeChild", ++id, 6);
        child("OptionalChild", 2, 6);

        previewAgrees("{\"id\": 2}");
        previewAgrees("{\"id\": 3}");
        previewAgrees("{\"id\": 4}");
        previewAgrees("{\"id\": {\"in\": [2, 5]}}");
        previewAgrees("{\"id\": 1}");
        previewAgrees("{\"id\": {\"in\": [5, 6, 7]}}");
        previewAgrees("{\"cascades\": {\"some\": {}}}");
        JsonNode nothing = run("Parent", "previewDelete", "{\"where\": {\"id\": 42}}");
        assertThat(nothing.get("count").asInt()).isZero();
        assertThat(nothing.get("effects")).isEmpty();
    }
}
