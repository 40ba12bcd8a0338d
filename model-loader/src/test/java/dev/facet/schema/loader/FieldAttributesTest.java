package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Field attributes {@code @id}, {@code @unique}, {@code @map}, {@code @updatedAt}, {@code @ignore}, and the
 * attributes a relation field may not carry. {@code @default} and {@code @relation} have classes of their own.
 */
class FieldAttributesTest {

    @Test
    void idOnAField() {
        Schema schema = clean(datasource("postgresql") + """
                model Account {
                  id    String @id @default(cuid())
                  email String
                }
                """);
        Model account = schema.model("Account");
        PrimaryKey pk = account.primaryKey();
        assertThat(pk.fieldNames()).containsExactly("id");
        assertThat(pk.fromField()).isTrue();
        assertThat(pk.isCompound()).isFalse();
        assertThat(pk.name()).isNull();
        assertThat(pk.clientName()).isEqualTo("id");
        // Prisma's default constraint name for the primary key.
        assertThat(pk.databaseName()).isEqualTo("Account_pkey");
        assertThat(scalar(schema, "Account", "id").id()).isTrue();
        assertThat(scalar(schema, "Account", "email").id()).isFalse();
    }

    @Test
    void idWithAConstraintName() {
        PrimaryKey pk = clean(datasource("postgresql") + """
                model Account {
                  id Int @id(map: "account_pk")
                }
                """).model("Account").primaryKey();
        assertThat(pk.databaseName()).isEqualTo("account_pk");
    }

    @Test
    void idConstraintNamesAreNotSupportedOnMysql() {
        assertError(onlyError(datasource("mysql") + """
                model Account {
                  id Int @id(map: "account_pk")
                }
                """), "Error validating model \"Account\": You defined a database name for the primary key on the model. "
                + "This is not supported by the provider.", 6, "model Account {\n  id Int @id(map: \"account_pk\")\n}");
    }

    @Test
    void uniqueOnAField() {
        Schema schema = clean(datasource("postgresql") + """
                model Account {
                  id    Int    @id
                  email String @unique
                  login String @unique(map: "login_uq")
                }
                """);
        Model account = schema.model("Account");
        assertThat(account.uniqueIndexes()).hasSize(2);
        Index email = account.uniqueIndexes().getFirst();
        assertThat(email.kind()).isEqualTo(IndexKind.UNIQUE);
        assertThat(email.fromField()).isTrue();
        assertThat(email.fieldNames()).containsExactly("email");
        assertThat(email.databaseName()).isEqualTo("Account_email_key");
        assertThat(email.clientName()).isEqualTo("email");
        assertThat(account.uniqueIndexes().get(1).databaseName()).isEqualTo("login_uq");
        assertThat(scalar(schema, "Account", "email").unique()).isTrue();
    }

    @Test
    void uniqueWithSortAndLengthOnMysql() {
        Index index = clean(datasource("mysql") + """
                model Account {
                  id    Int    @id
                  email String @unique(length: 100, sort: Desc) @db.VarChar(255)
                }
                """).model("Account").uniqueIndexes().getFirst();
        assertThat(index.fields()).containsExactly(new IndexField("email", "Desc", 100, null));
    }

    @Test
    void mapNamesTheColumnAndConstraintNamesFollowIt() {
        Schema schema = clean(datasource("postgresql") + """
                model Account {
                  id        Int    @id @map("account_id")
                  email     String @unique @map("email_address")
                  firstName String @map("first_name")

                  @@map("accounts")
                }
                """);
        assertThat(scalar(schema, "Account", "id").databaseName()).isEqualTo("account_id");
        assertThat(scalar(schema, "Account", "firstName").databaseName()).isEqualTo("first_name");
        Model account = schema.model("Account");
        // Default constraint names are built from table and column names, not client names.
        assertThat(account.primaryKey().databaseName()).isEqualTo("accounts_pkey");
        assertThat(account.uniqueIndexes().getFirst().databaseName()).isEqualTo("accounts_email_address_key");
    }

    @Test
    void updatedAt() {
        ScalarField f = scalar(clean(datasource("postgresql") + """
                model Account {
                  id        Int      @id
                  updatedAt DateTime @updatedAt
                }
                """), "Account", "updatedAt");
        assertThat(f.updatedAt()).isTrue();
        assertThat(f.defaultValue()).isNull();
        assertThat(f.hasGeneratedValue()).isTrue();
    }

    @Test
    void ignoredField() {
        Schema schema = clean(datasource("postgresql") + """
                model Account {
                  id     Int    @id
                  legacy String @ignore
                }
                """);
        assertThat(scalar(schema, "Account", "legacy").ignored()).isTrue();
        assertThat(scalar(schema, "Account", "id").ignored()).isFalse();
    }

    // ---------------------------------------------------------------- errors

    @Test
    void idOnAnOptionalField() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id Int? @id
                }
                """), "Error parsing attribute \"@id\": Fields that are marked as id must be required.", 7, "@id");
    }

    @Test
    void twoIdFields() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id  Int @id
                  key Int @id
                }
                """), "Error validating model \"Account\": At most one field must be marked as the id field with the `@id` "
                + "attribute.", 6, "model Account {\n  id  Int @id\n  key Int @id\n}");
    }

    @Test
    void idAndCompoundId() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id  Int @id
                  key Int

                  @@id([id, key])
                }
                """), "Error validating model \"Account\": Each model must have at most one id criteria. You can't have `@id` "
                + "and `@@id` at the same time.", 10, "@@id([id, key])");
    }

    @Test
    void updatedAtOnAString() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id      Int    @id
                  changed String @updatedAt
                }
                """), "Error parsing attribute \"@updatedAt\": Fields that are marked with @updatedAt must be of type "
                + "DateTime.", 8, "@updatedAt");
    }

    @Test
    void updatedAtOnAList() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id      Int        @id
                  changes DateTime[] @updatedAt
                }
                """), "Error parsing attribute \"@updatedAt\": Fields that are marked with @updatedAt cannot be lists.", 8,
                "@updatedAt");
    }

    @Test
    void unknownFieldAttribute() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id    Int    @id
                  email String @email
                }
                """), "Attribute not known: \"@email\".", 8, "@email");
    }

    @Test
    void repeatedAttributeIsReportedOnEveryOccurrence() {
        LoadResult result = load(datasource("postgresql") + """
                model Account {
                  id    Int    @id
                  email String @unique @unique
                }
                """);
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().get(0), "Attribute \"@unique\" can only be defined once.", 8, "@unique");
        assertError(result.errors().get(1), "Attribute \"@unique\" can only be defined once.", 8, "@unique");
        assertThat(result.errors().get(0).span().column()).isLessThan(result.errors().get(1).span().column());
    }

    @Test
    void ignoredModelDoesNotNeedAUniqueCriterionButOthersDo() {
        assertThat(clean(datasource("postgresql") + """
                model Log {
                  message String

                  @@ignore
                }
                """).model("Log").ignored()).isTrue();

        assertError(onlyError(datasource("postgresql") + """
                model Log {
                  message String
                }
                """), "Error validating model \"Log\": Each model must have at least one unique criteria that has only "
                + "required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with "
                + "`@@id([])` or `@@unique([])` to the model.", 6, "model Log {\n  message String\n}");
    }

    @Test
    void ignoreIsRedundantInAnIgnoredModel() {
        assertError(onlyError(datasource("postgresql") + """
                model Log {
                  id      Int    @id
                  message String @ignore

                  @@ignore
                }
                """), "Error parsing attribute \"@ignore\": Fields on an already ignored Model do not need an `@ignore` "
                + "annotation.", 8, "message String @ignore");
    }

    @Test
    void aRelationToAnIgnoredModelMustBeIgnoredToo() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  posts Post[]

                  @@ignore
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])
                }
                """), "Error parsing attribute \"@ignore\": The relation field `author` on Model `Post` must specify the "
                + "`@ignore` attribute, because the model User it is pointing to is marked ignored.", 16,
                "author   User @relation(fields: [authorId], references: [id])");
    }

    // ---------------------------------------------------------------- attributes a relation field cannot carry

    private static final String RELATION_SCHEMA = """
            model User {
              id    Int    @id
              posts Post[]
            }

            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id]) %s
            }
            """;

    private static void relationFieldAttribute(String attribute, String message) {
        LoadResult result = load(datasource("postgresql") + RELATION_SCHEMA.formatted(attribute));
        assertThat(result.errors()).as(result.errors().toString()).hasSize(1);
        assertError(result.errors().getFirst(), message, 14, attribute);
    }

    @Test
    void idOnARelationField() {
        relationFieldAttribute("@id", "Error parsing attribute \"@id\": The field `author` is a relation field and cannot be "
                + "marked with `@id`. Only scalar fields can be declared as id.");
    }

    @Test
    void uniqueOnARelationFieldSuggestsItsScalarField() {
        relationFieldAttribute("@unique", "Error parsing attribute \"@unique\": The field `author` is a relation field and "
                + "cannot be marked with `unique`. Only scalar fields can be made unique. Did you mean to put it on `authorId`?");
    }

    @Test
    void defaultOnARelationField() {
        relationFieldAttribute("@default(1)", "Error parsing attribute \"@default\": Cannot set a default value on a relation "
                + "field.");
    }

    @Test
    void mapOnARelationField() {
        relationFieldAttribute("@map(\"author_id\")", "Error parsing attribute \"@map\": The attribute `@map` cannot be used "
                + "on relation fields.");
    }

    @Test
    void updatedAtIsUnknownOnARelationField() {
        relationFieldAttribute("@updatedAt", "Attribute not known: \"@updatedAt\".");
    }

    @Test
    void relationAttributeOnAScalarField() {
        assertError(onlyError(datasource("postgresql") + """
                model Account {
                  id    Int @id
                  owner Int @relation("Owner")
                }
                """), "Error parsing attribute \"@relation\": Invalid field type, not a relation.", 8, "@relation(\"Owner\")");
    }

    @Test
    void compoundUniqueFieldsKeepTheirOrder() {
        Model m = clean(datasource("postgresql") + """
                model Slot {
                  day  Int
                  hour Int

                  @@unique([hour, day])
                }
                """).model("Slot");
        assertThat(m.uniqueIndexes().getFirst().fieldNames()).isEqualTo(List.of("hour", "day"));
    }
}
