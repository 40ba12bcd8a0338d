package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.PrimaryKey;
import dev.facet.schema.model.Schema;
import org.junit.jupiter.api.Test;

/**
 * Block attributes: {@code @@id}, {@code @@unique}, {@code @@index}, {@code @@fulltext}, {@code @@map},
 * {@code @@ignore}, {@code @@schema}, with Prisma's default constraint names and their overrides.
 */
class BlockAttributesTest {

    /** A PostgreSQL datasource with two database schemas: lines 1 to 5, empty line 6. */
    private static final String MULTI_SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
              schemas  = ["billing", "audit"]
            }

            """;

    private static Model model(String provider, String body) {
        return clean(datasource(provider) + body).models().getFirst();
    }

    @Test
    void compoundId() {
        PrimaryKey pk = model("postgresql", """
                model Enrollment {
                  studentId Int
                  courseId  Int

                  @@id([studentId, courseId])
                }
                """).primaryKey();
        assertThat(pk.fieldNames()).containsExactly("studentId", "courseId");
        assertThat(pk.isCompound()).isTrue();
        assertThat(pk.fromField()).isFalse();
        assertThat(pk.name()).isNull();
        // Prisma Client addresses an unnamed compound id as the fields joined by underscores.
        assertThat(pk.clientName()).isEqualTo("studentId_courseId");
        assertThat(pk.databaseName()).isEqualTo("Enrollment_pkey");
    }

    @Test
    void compoundIdWithNameAndMap() {
        PrimaryKey pk = model("postgresql", """
                model Enrollment {
                  studentId Int
                  courseId  Int

                  @@id(name: "enrollmentKey", fields: [studentId, courseId], map: "enrollment_pk")
                }
                """).primaryKey();
        assertThat(pk.name()).isEqualTo("enrollmentKey");
        assertThat(pk.clientName()).isEqualTo("enrollmentKey");
        assertThat(pk.databaseName()).isEqualTo("enrollment_pk");
    }

    @Test
    void compoundUniqueWithAndWithoutName() {
        Model m = model("postgresql", """
                model Person {
                  id        Int    @id
                  firstName String
                  lastName  String
                  email     String
                  tenant    Int

                  @@unique([firstName, lastName])
                  @@unique(fields: [tenant, email], name: "tenantEmail", map: "person_tenant_email")
                }
                """);
        assertThat(m.uniqueIndexes()).hasSize(2);
        Index names = m.uniqueIndexes().getFirst();
        assertThat(names.kind()).isEqualTo(IndexKind.UNIQUE);
        assertThat(names.fromField()).isFalse();
        assertThat(names.fieldNames()).containsExactly("firstName", "lastName");
        assertThat(names.name()).isNull();
        assertThat(names.clientName()).isEqualTo("firstName_lastName");
        assertThat(names.databaseName()).isEqualTo("Person_firstName_lastName_key");
        Index tenant = m.uniqueIndexes().get(1);
        assertThat(tenant.name()).isEqualTo("tenantEmail");
        assertThat(tenant.clientName()).isEqualTo("tenantEmail");
        assertThat(tenant.databaseName()).isEqualTo("person_tenant_email");
    }

    @Test
    void indexesWithTypeSortAndDefaultNames() {
        Model m = model("postgresql", """
                model Event {
                  id      Int      @id
                  kind    String
                  at      DateTime
                  payload Json

                  @@index([kind])
                  @@index([kind, at(sort: Desc)], map: "event_kind_recent")
                  @@index([kind], type: Hash)
                  @@index([payload(ops: JsonbPathOps)], type: Gin)
                }
                """);
        assertThat(m.indexes()).hasSize(4).allMatch(i -> i.kind() == IndexKind.NORMAL);
        Index plain = m.indexes().getFirst();
        assertThat(plain.databaseName()).isEqualTo("Event_kind_idx");
        assertThat(plain.type()).isNull();
        Index recent = m.indexes().get(1);
        assertThat(recent.databaseName()).isEqualTo("event_kind_recent");
        assertThat(recent.fields()).containsExactly(IndexField.of("kind"), new IndexField("at", "Desc", null, null));
        assertThat(m.indexes().get(2).type()).isEqualTo("Hash");
        Index gin = m.indexes().get(3);
        assertThat(gin.type()).isEqualTo("Gin");
        assertThat(gin.fields()).containsExactly(new IndexField("payload", null, null, "JsonbPathOps"));
        assertThat(gin.databaseName()).isEqualTo("Event_payload_idx");
    }

    @Test
    void indexLengthOnMysql() {
        Index index = model("mysql", """
                model Article {
                  id   Int    @id
                  body String @db.Text

                  @@index([body(length: 100)])
                }
                """).indexes().getFirst();
        assertThat(index.fields()).containsExactly(new IndexField("body", null, 100, null));
    }

    @Test
    void fulltextOnMysql() {
        Index index = model("mysql", """
                model Article {
                  id    Int    @id
                  title String @db.VarChar(200)
                  body  String @db.Text

                  @@fulltext([title, body])
                }
                """).indexes().getFirst();
        assertThat(index.kind()).isEqualTo(IndexKind.FULLTEXT);
        assertThat(index.fieldNames()).containsExactly("title", "body");
        assertThat(index.databaseName()).isEqualTo("Article_title_body_idx");
    }

    @Test
    void constraintNamesAreCutToTheIdentifierLimit() {
        // PostgreSQL identifiers hold 63 characters; Prisma shortens the name before the suffix.
        Model m = model("postgresql", """
                model AVeryLongModelNameThatKeepsGoing {
                  id                                   Int @id
                  anotherQuiteLongColumnNameForTesting Int

                  @@index([anotherQuiteLongColumnNameForTesting])
                }
                """);
        String name = m.indexes().getFirst().databaseName();
        assertThat(name).hasSize(63).endsWith("_idx").startsWith("AVeryLongModelNameThatKeepsGoing_anotherQuite");
    }

    @Test
    void mapIgnoreAndSchema() {
        Schema schema = clean(MULTI_SCHEMA + """
                model Invoice {
                  id Int @id

                  @@map("invoices")
                  @@schema("billing")
                }

                model LegacyLog {
                  id Int @id

                  @@ignore
                  @@schema("audit")
                }

                enum Currency {
                  EUR

                  @@schema("billing")
                }
                """);
        Model invoice = schema.model("Invoice");
        assertThat(invoice.databaseName()).isEqualTo("invoices");
        assertThat(invoice.schema()).isEqualTo("billing");
        assertThat(invoice.ignored()).isFalse();
        Model log = schema.model("LegacyLog");
        assertThat(log.ignored()).isTrue();
        assertThat(log.schema()).isEqualTo("audit");
        assertThat(schema.enumType("Currency").schema()).isEqualTo("billing");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void indexOnUnknownFields() {
        assertError(onlyError(datasource("postgresql") + """
                model Event {
                  id Int @id

                  @@index([kind, at])
                }
                """), "Error validating model \"Event\": The index definition refers to the unknown fields: kind, at.", 9,
                "@@index([kind, at])");
    }

    @Test
    void uniqueOnUnknownField() {
        assertError(onlyError(datasource("postgresql") + """
                model Event {
                  id Int @id

                  @@unique([kind])
                }
                """), "Error validating model \"Event\": The unique index definition refers to the unknown fields: kind.", 9,
                "@@unique([kind])");
    }

    @Test
    void compoundIdOverAnOptionalField() {
        LoadResult result = load(datasource("postgresql") + """
                model Enrollment {
                  studentId Int
                  courseId  Int?

                  @@id([studentId, courseId])
                }
                """);
        // With its only key not strict, the model also lacks a unique criterion of required fields.
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().getFirst(), "Error validating model \"Enrollment\": The id definition refers to the optional "
                + "field `courseId`. ID definitions must reference only required fields.", 10, "@@id([studentId, courseId])");
        assertThat(result.errors().get(1).message()).contains("Each model must have at least one unique criteria");
    }

    @Test
    void indexOverARelationFieldSuggestsItsScalars() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id       Int  @id
                  authorId Int
                  author   User @relation(fields: [authorId], references: [id])

                  @@index([author])
                }
                """), "Error validating model \"Post\": The index definition refers to the relation fields author. Index "
                + "definitions must reference only scalar fields. Did you mean `@@index([authorId])`?", 16, "@@index([author])");
    }

    @Test
    void emptyFieldList() {
        assertError(onlyError(datasource("postgresql") + """
                model Event {
                  id Int @id

                  @@index([])
                }
                """), "Error parsing attribute \"@@index\": The list of fields in a `@@index()` attribute cannot be empty. "
                + "Please specify at least one field.", 9, "@@index([])");
    }

    @Test
    void fulltextIsNotSupportedOnPostgresql() {
        assertError(onlyError(datasource("postgresql") + """
                model Article {
                  id   Int    @id
                  body String

                  @@fulltext([body])
                }
                """), "Error parsing attribute \"@@fulltext\": Defining fulltext indexes is not supported with the current "
                + "connector.", 10, "@@fulltext([body])");
    }

    @Test
    void lengthIsOnlyForMysql() {
        assertError(onlyError(datasource("postgresql") + """
                model Article {
                  id   Int    @id
                  body String

                  @@index([body(length: 10)])
                }
                """), "Error parsing attribute \"@@index\": The length argument is not supported in an index definition with "
                + "the current connector", 10, "@@index([body(length: 10)])");
    }

    @Test
    void indexTypeTheProviderLacks() {
        assertError(onlyError(datasource("sqlite") + """
                model Article {
                  id   Int    @id
                  body String

                  @@index([body], type: Hash)
                }
                """), "Error parsing attribute \"@@index\": The given index type is not supported with the current connector",
                10, "Hash");
    }

    @Test
    void unknownIndexType() {
        assertError(onlyError(datasource("postgresql") + """
                model Article {
                  id   Int    @id
                  body String

                  @@index([body], type: Fancy)
                }
                """), "Error parsing attribute \"@@index\": Unknown index type: Fancy.", 10, "@@index([body], type: Fancy)");
    }

    @Test
    void unknownBlockAttribute() {
        assertError(onlyError(datasource("postgresql") + """
                model Article {
                  id Int @id

                  @@searchable
                }
                """), "Attribute not known: \"@@searchable\".", 9, "@@searchable");
    }

    @Test
    void mapMustNotRepeat() {
        assertError(onlyError(datasource("postgresql") + """
                model Article {
                  id Int @id

                  @@map("articles")
                }

                model Post {
                  id Int @id

                  @@map("articles")
                }
                """), "The model with database name \"articles\" could not be defined because another model or view with this "
                + "name exists: \"Article\"", 15, "@@map(\"articles\")");
    }

    @Test
    void schemaMustBeDeclared() {
        assertError(onlyError(MULTI_SCHEMA + """
                model Invoice {
                  id Int @id

                  @@schema("sales")
                }
                """), "This schema is not defined in the datasource. Read more on `@@schema` at https://pris.ly/d/multi-schema",
                10, "@@schema(\"sales\")");
    }

    @Test
    void everyModelNeedsASchemaOnceSchemasAreDeclared() {
        assertError(onlyError(MULTI_SCHEMA + """
                model Invoice {
                  id Int @id
                }
                """), "Error validating model \"Invoice\": This model is missing an `@@schema` attribute.", 7,
                "model Invoice {\n  id Int @id\n}");
    }

    @Test
    void schemaIsNotSupportedOnSqlite() {
        assertError(onlyError(datasource("sqlite") + """
                model Invoice {
                  id Int @id

                  @@schema("billing")
                }
                """), "Error parsing attribute \"@@schema\": @@schema is not supported on the current datasource provider", 9,
                "@@schema(\"billing\")");
    }
}
