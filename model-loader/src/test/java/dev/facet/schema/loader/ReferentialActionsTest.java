package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.assertWarning;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.onlyWarning;
import static dev.facet.schema.loader.LoaderTestSupport.relation;
import static dev.facet.schema.loader.LoaderTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.ReferentialAction;
import dev.facet.schema.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Effective referential actions: Prisma's defaults (onDelete SetNull for optional relations, Restrict for
 * required ones, NoAction on SQL Server; onUpdate Cascade), explicit actions, the actions each provider
 * and relation mode allows, and the SetNull rules.
 */
class ReferentialActionsTest {

    /** User 1-n Post; the author field's arity, its scalar's arity and the @relation arguments are filled in. */
    private static String blog(String authorArity, String authorIdArity, String actions) {
        return """
                model User {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id       Int   @id
                  authorId Int%s
                  author   User%s @relation(fields: [authorId], references: [id]%s)
                }
                """.formatted(authorIdArity, authorArity, actions);
    }

    private static Relation author(String schemaText) {
        return relation(valid(schemaText), "Post", "author");
    }

    @ParameterizedTest(name = "{0}, relationMode {1}: required -> {2}, optional -> {3}")
    @CsvSource({
            "postgresql,  foreignKeys, RESTRICT,  SET_NULL",
            "mysql,       foreignKeys, RESTRICT,  SET_NULL",
            "sqlite,      foreignKeys, RESTRICT,  SET_NULL",
            "cockroachdb, foreignKeys, RESTRICT,  SET_NULL",
            "sqlserver,   foreignKeys, NO_ACTION, SET_NULL",
            "postgresql,  prisma,      RESTRICT,  SET_NULL",
            "mysql,       prisma,      RESTRICT,  SET_NULL",
            "sqlserver,   prisma,      RESTRICT,  SET_NULL",
    })
    void defaults(String provider, String mode, ReferentialAction required, ReferentialAction optional) {
        String header = datasource(provider, mode);
        // Under relationMode = "prisma" Prisma recommends an index on the foreign key; give it one.
        String index = "\n  @@index([authorId])\n}\n";
        Relation req = author(header + blog("", "", "").replaceFirst("\n}\n$", index));
        assertThat(req.onDelete()).isEqualTo(required);
        assertThat(req.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(req.onDeleteExplicit()).isFalse();
        assertThat(req.onUpdateExplicit()).isFalse();

        Relation opt = author(header + blog("?", "?", "").replaceFirst("\n}\n$", index));
        assertThat(opt.onDelete()).isEqualTo(optional);
        assertThat(opt.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    }

    @Test
    void defaultsOnMongodb() {
        Relation r = relation(clean(datasource("mongodb") + """
                model User {
                  id    String @id @default(auto()) @map("_id") @db.ObjectId
                  posts Post[]
                }

                model Post {
                  id       String  @id @default(auto()) @map("_id") @db.ObjectId
                  authorId String  @db.ObjectId
                  author   User    @relation(fields: [authorId], references: [id])
                  editorId String? @db.ObjectId
                  editor   User?   @relation("Edits", fields: [editorId], references: [id])
                }
                """.replace("posts Post[]", "posts Post[]\n  edits Post[] @relation(\"Edits\")")), "Post", "author");
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
        assertThat(r.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    }

    @Test
    void anOptionalRelationOverARequiredScalarCountsAsRequired() {
        // Prisma takes the arity of the scalar fields for the default: a required scalar means Restrict.
        Relation r = author(datasource("postgresql") + blog("?", "", ""));
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
    }

    @Test
    void explicitActions() {
        Relation r = author(datasource("postgresql") + blog("", "", ", onDelete: Cascade, onUpdate: NoAction"));
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(r.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
        assertThat(r.onDeleteExplicit()).isTrue();
        assertThat(r.onUpdateExplicit()).isTrue();

        Relation setDefault = author(datasource("postgresql") + blog("?", "?", ", onDelete: SetDefault, onUpdate: Restrict"));
        assertThat(setDefault.onDelete()).isEqualTo(ReferentialAction.SET_DEFAULT);
        assertThat(setDefault.onUpdate()).isEqualTo(ReferentialAction.RESTRICT);
    }

    @Test
    void implicitManyToManyAlwaysCascades() {
        Relation r = relation(clean(datasource("postgresql") + """
                model Post {
                  id   Int   @id
                  tags Tag[]
                }

                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """), "Post", "tags");
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(r.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    }

    // ---------------------------------------------------------------- actions the provider does not have

    @Test
    void restrictIsNotAvailableOnSqlServer() {
        assertError(onlyError(datasource("sqlserver") + blog("", "", ", onDelete: Restrict")),
                "Error validating: Invalid referential action: `Restrict`. Allowed values: (`Cascade`, `NoAction`, `SetNull`, "
                        + "`SetDefault`)", 14, "onDelete: Restrict");
    }

    @Test
    void setDefaultIsNotEmulatedUnderRelationModePrisma() {
        assertError(onlyError(datasource("postgresql", "prisma") + blog("?", "?", ", onDelete: SetDefault")
                .replaceFirst("\n}\n$", "\n  @@index([authorId])\n}\n")),
                "Error validating: Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`, "
                        + "`SetNull`)", 15, "onDelete: SetDefault");
    }

    @Test
    void noActionIsNotEmulatedOnPostgresqlUnderRelationModePrisma() {
        assertError(onlyError(datasource("postgresql", "prisma") + blog("", "", ", onUpdate: NoAction")
                .replaceFirst("\n}\n$", "\n  @@index([authorId])\n}\n")),
                "Error validating: Invalid referential action: `NoAction`. Allowed values: (`Cascade`, `Restrict`, "
                        + "`SetNull`). `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you "
                        + "could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode", 15, "onUpdate: NoAction");
    }

    @Test
    void noActionIsEmulatedOnMysqlUnderRelationModePrisma() {
        Relation r = author(datasource("mysql", "prisma") + blog("", "", ", onDelete: NoAction")
                .replaceFirst("\n}\n$", "\n  @@index([authorId])\n}\n"));
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
    }

    @Test
    void setDefaultOnMongodb() {
        assertError(onlyError(datasource("mongodb") + """
                model User {
                  id    String @id @map("_id") @db.ObjectId
                  posts Post[]
                }

                model Post {
                  id       String  @id @map("_id") @db.ObjectId
                  authorId String? @db.ObjectId
                  author   User?   @relation(fields: [authorId], references: [id], onDelete: SetDefault)
                }
                """), "Error validating: Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`, "
                + "`NoAction`, `SetNull`)", 14, "onDelete: SetDefault");
    }

    @Test
    void setDefaultOnMysqlIsAWarning() {
        assertWarning(onlyWarning(datasource("mysql") + blog("?", "?", ", onDelete: SetDefault")),
                "MySQL does not actually support the `SetDefault` referential action, so using it may result in unexpected "
                        + "errors. Read more at https://pris.ly/d/mysql-set-default", 14, "onDelete: SetDefault");
    }

    @Test
    void unknownReferentialAction() {
        assertError(onlyError(datasource("postgresql") + blog("", "", ", onDelete: Explode")),
                "Error parsing attribute \"@relation\": Invalid referential action: `Explode`", 14, "Explode");
    }

    // ---------------------------------------------------------------- SetNull on a required field

    @Test
    void setNullOnARequiredFieldIsAnError() {
        assertError(onlyError(datasource("mysql") + blog("", "", ", onDelete: SetNull")),
                "Error parsing attribute \"@relation\": The `onDelete` referential action of a relation must not be set to "
                        + "`SetNull` when a referenced field is required.\nEither choose another referential action, or make the "
                        + "referenced fields optional.\n", 14,
                "author   User @relation(fields: [authorId], references: [id], onDelete: SetNull)");
    }

    @Test
    void setNullOnARequiredFieldIsOnlyAWarningOnPostgresqlWithForeignKeys() {
        assertWarning(onlyWarning(datasource("postgresql") + blog("", "", ", onUpdate: SetNull")),
                "The `onUpdate` referential action of a relation should not be set to `SetNull` when a referenced field is "
                        + "required. We recommend either to choose another referential action, or to make the referenced fields "
                        + "optional. Read more at https://pris.ly/d/postgres-set-null ", 14,
                "author   User @relation(fields: [authorId], references: [id], onUpdate: SetNull)");
    }

    @Test
    void setNullOnAnOptionalField() {
        Relation r = author(datasource("mysql") + blog("?", "?", ", onDelete: SetNull, onUpdate: SetNull"));
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
        assertThat(r.onUpdate()).isEqualTo(ReferentialAction.SET_NULL);
    }

    // ---------------------------------------------------------------- relationMode = "prisma"

    @Test
    void relationModePrismaRecommendsAnIndexOnTheForeignKey() {
        assertWarning(onlyWarning(datasource("mysql", "prisma") + blog("", "", "")),
                "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from the index "
                        + "usually created by the relational database under the hood. This can lead to poor performance when "
                        + "querying these fields. We recommend adding an index manually. Learn more at "
                        + "https://pris.ly/d/relation-mode-prisma-indexes\" ", 15,
                "@relation(fields: [authorId], references: [id])");
    }

    @Test
    void selfRelationsMustBreakTheCascadeUnderRelationModePrisma() {
        // Prisma emulates the actions itself and would loop: one side must use NoAction for both.
        assertError(onlyError(datasource("mysql", "prisma") + """
                model Employee {
                  id        Int        @id
                  managerId Int?
                  manager   Employee?  @relation("Reports", fields: [managerId], references: [id])
                  reports   Employee[] @relation("Reports")

                  @@index([managerId])
                }
                """), "Error validating: A self-relation must have `onDelete` and `onUpdate` referential actions set to "
                + "`NoAction` in one of the @relation attributes. (Implicit default `onDelete`: `SetNull`, and `onUpdate`: "
                + "`Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions", 10,
                "manager   Employee?  @relation(\"Reports\", fields: [managerId], references: [id])");
    }

    @Test
    void selfRelationWithNoActionIsFineUnderRelationModePrisma() {
        Relation r = relation(clean(datasource("mysql", "prisma") + """
                model Employee {
                  id        Int        @id
                  managerId Int?
                  manager   Employee?  @relation("Reports", fields: [managerId], references: [id], onDelete: NoAction, onUpdate: NoAction)
                  reports   Employee[] @relation("Reports")

                  @@index([managerId])
                }
                """), "Employee", "manager");
        assertThat(r.onDelete()).isEqualTo(ReferentialAction.NO_ACTION);
    }

    /** A self-relation and a relation into it, every action written NoAction. */
    private static final String NO_ACTION_EVERYWHERE = """
            model Employee {
              id        Int        @id
              managerId Int?
              manager   Employee?  @relation("Reports", fields: [managerId], references: [id], onDelete: NoAction, onUpdate: NoAction)
              reports   Employee[] @relation("Reports")
              posts     Post[]

              @@index([managerId])
            }

            model Post {
              id       Int      @id
              authorId Int
              author   Employee @relation(fields: [authorId], references: [id], onDelete: NoAction)

              @@index([authorId])
            }
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"postgresql, Postgres", "sqlite, sqlite"})
    void noActionRejectedUnderRelationModePrismaDoesNotAlsoCountAsCascading(String provider, String connector) {
        // Prisma keeps the written NoAction for its cycle check, so only the NoAction errors are reported (Prisma 7.10.1).
        LoadResult result = load(datasource(provider, "prisma") + NO_ACTION_EVERYWHERE);
        String message = "Error validating: Invalid referential action: `NoAction`. Allowed values: (`Cascade`, `Restrict`, "
                + "`SetNull`). `NoAction` is not implemented for " + connector + " when using `relationMode = \"prisma\"`, "
                + "you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode";
        assertThat(result.errors()).hasSize(3);
        assertError(result.errors().get(0), message, 10, "onDelete: NoAction");
        assertError(result.errors().get(1), message, 10, "onUpdate: NoAction");
        assertError(result.errors().get(2), message, 20, "onDelete: NoAction");
    }

    @Test
    void noActionEverywhereIsFineOnMysqlUnderRelationModePrisma() {
        clean(datasource("mysql", "prisma") + NO_ACTION_EVERYWHERE);
    }

    @Test
    void selfRelationsCascadingOnSqlServer() {
        assertError(onlyError(datasource("sqlserver") + """
                model Employee {
                  id        Int        @id
                  managerId Int?
                  manager   Employee?  @relation("Reports", fields: [managerId], references: [id])
                  reports   Employee[] @relation("Reports")
                }
                """), "Error validating: A self-relation must have `onDelete` and `onUpdate` referential actions set to "
                + "`NoAction` in one of the @relation attributes. (Implicit default `onDelete`: `SetNull`, and `onUpdate`: "
                + "`Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions", 9,
                "manager   Employee?  @relation(\"Reports\", fields: [managerId], references: [id])");
    }

    @Test
    void cascadeCyclesOnSqlServer() {
        LoadResult result = load(datasource("sqlserver") + """
                model A {
                  id  Int @id
                  bId Int
                  b   B   @relation(fields: [bId], references: [id])
                  cs  C[]
                }

                model B {
                  id  Int @id
                  cId Int
                  c   C   @relation(fields: [cId], references: [id])
                  as  A[]
                }

                model C {
                  id  Int @id
                  aId Int
                  a   A   @relation(fields: [aId], references: [id])
                  bs  B[]
                }
                """);
        // Every relation of the loop is reported, each naming the path from itself.
        assertThat(result.errors()).hasSize(3);
        assertError(result.errors().getFirst(), "Error validating: Reference causes a cycle. One of the @relation attributes in "
                + "this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: A.b → B.c → "
                + "C.a. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions", 9,
                "b   B   @relation(fields: [bId], references: [id])");
    }

    private static final String COMMENTS = """
            model User {
              id       Int       @id
              posts    Post[]
              comments Comment[]
            }

            model Post {
              id       Int       @id
              authorId Int
              author   User      @relation(fields: [authorId], references: [id])
              comments Comment[]
            }

            model Comment {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
              postId   Int
              post     Post @relation(fields: [postId], references: [id]%s)
            }
            """;

    @Test
    void multipleCascadePathsOnSqlServer() {
        // Comment reaches User directly and through Post, and both cascade on update.
        LoadResult result = load(datasource("sqlserver") + COMMENTS.formatted(""));
        String message = "Error validating: When any of the records in model `User` is updated or deleted, the referential "
                + "actions on the relations cascade to model `Comment` through multiple paths. Please break one of these paths "
                + "by setting the `onUpdate` and `onDelete` to `NoAction`. (Implicit default `onUpdate`: `Cascade`) Read more "
                + "at https://pris.ly/d/cyclic-referential-actions";
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().get(0), message, 22, "author   User @relation(fields: [authorId], references: [id])");
        assertError(result.errors().get(1), message, 24, "post     Post @relation(fields: [postId], references: [id])");

        // Breaking one path is enough.
        valid(datasource("sqlserver") + COMMENTS.formatted(", onUpdate: NoAction"));
    }
}
