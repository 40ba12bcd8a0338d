package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.EnumType;
import dev.facet.schema.model.EnumValue;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import org.junit.jupiter.api.Test;

/** Models, views, enums and composite types as blocks, with their comments and {@code ///} documentation. */
class EnumsViewsCompositeTypesTest {

    private static final String VIEWS = """
            generator client {
              provider        = "prisma-client-js"
              previewFeatures = ["views"]
            }

            """;

    // ---------------------------------------------------------------- models

    @Test
    void modelsKeepTheirWrittenOrderAndFields() {
        Schema schema = clean(datasource("postgresql") + """
                model Customer {
                  id    Int    @id
                  name  String
                }

                model Invoice {
                  number Int @id
                }
                """);
        assertThat(schema.models()).extracting(Model::name).containsExactly("Customer", "Invoice");
        Model customer = schema.model("Customer");
        assertThat(customer.view()).isFalse();
        assertThat(customer.databaseName()).isEqualTo("Customer");
        assertThat(customer.scalarFields()).extracting(ScalarField::name).containsExactly("id", "name");
        assertThat(customer.span().line()).isEqualTo(6);
        assertThat(schema.model("Nope")).isNull();
    }

    @Test
    void modelMapNamesTheTable() {
        Schema schema = clean(datasource("postgresql") + """
                model Customer {
                  id Int @id

                  @@map("customers")
                }
                """);
        assertThat(schema.model("Customer").databaseName()).isEqualTo("customers");
    }

    @Test
    void documentationOnModelsAndFieldsIsKeptButOrdinaryCommentsAreNot() {
        Schema schema = clean(datasource("postgresql") + """
                // An ordinary comment is not documentation.
                /// Someone who buys things.
                /// Spans two lines.
                model Customer {
                  /// The key.
                  id    Int    @id // trailing comments are not documentation either
                  // nor is this one
                  name  String
                }
                """);
        Model customer = schema.model("Customer");
        assertThat(customer.documentation()).isEqualTo("Someone who buys things.\nSpans two lines.");
        assertThat(customer.field("id").documentation()).isEqualTo("The key.");
        assertThat(customer.field("name").documentation()).isNull();
    }

    // ---------------------------------------------------------------- enums

    @Test
    void enumsWithValuesMapsAndDocumentation() {
        Schema schema = clean(datasource("postgresql") + """
                /// What a user may do.
                enum Role {
                  /// Reads only.
                  READER @map("reader")
                  EDITOR
                  // an ordinary comment between values
                  OWNER  @map("owner")

                  @@map("user_role")
                }

                model User {
                  id   Int  @id
                  role Role @default(READER)
                }
                """);
        EnumType role = schema.enumType("Role");
        assertThat(role.name()).isEqualTo("Role");
        assertThat(role.databaseName()).isEqualTo("user_role");
        assertThat(role.documentation()).isEqualTo("What a user may do.");
        assertThat(role.values()).containsExactly(
                new EnumValue("READER", "reader", "Reads only."),
                new EnumValue("EDITOR", "EDITOR", null),
                new EnumValue("OWNER", "owner", null));
        assertThat(role.value("OWNER").databaseName()).isEqualTo("owner");
        assertThat(role.value("ADMIN")).isNull();

        ScalarField field = scalar(schema, "User", "role");
        assertThat(field.kind()).isEqualTo(FieldKind.ENUM);
        assertThat(field.isEnum()).isTrue();
        assertThat(field.typeName()).isEqualTo("Role");
        assertThat(field.scalarType()).isNull();
    }

    @Test
    void enumWithoutMapKeepsItsName() {
        EnumType e = clean(datasource("mysql") + """
                enum Size {
                  S
                  M
                }
                """).enumType("Size");
        assertThat(e.databaseName()).isEqualTo("Size");
        assertThat(e.values()).extracting(EnumValue::name).containsExactly("S", "M");
    }

    @Test
    void enumsAreAcceptedOnSqlite() {
        // SQLite stores enum values as text; Prisma accepts enums there.
        assertThat(clean(datasource("sqlite") + """
                enum Size {
                  S
                  M
                }
                """).enums()).hasSize(1);
    }

    @Test
    void enumsAreRejectedOnSqlServer() {
        assertError(onlyError(datasource("sqlserver") + """
                enum Size {
                  S
                }
                """), "Error validating: You defined the enum `Size`. But the current connector does not support enums.", 6,
                "enum Size {\n  S\n}");
    }

    @Test
    void anEnumNeedsAValue() {
        assertError(onlyError(datasource("postgresql") + """
                enum Size {
                }
                """), "Error validating: An enum must have at least one value.", 6, "enum Size {\n}");
    }

    @Test
    void unknownAttributeOnAnEnumValue() {
        assertError(onlyError(datasource("postgresql") + """
                enum Size {
                  S @default
                }
                """), "Attribute not known: \"@default\".", 7, "@default");
    }

    // ---------------------------------------------------------------- views

    @Test
    void viewsNeedThePreviewFeatureAndAreModelsMarkedAsViews() {
        Schema schema = clean(VIEWS + datasource("postgresql") + """
                /// Totals per customer.
                view CustomerTotal {
                  customerId Int     @unique
                  total      Decimal

                  @@map("customer_totals")
                }
                """);
        Model view = schema.model("CustomerTotal");
        assertThat(view.view()).isTrue();
        assertThat(view.databaseName()).isEqualTo("customer_totals");
        assertThat(view.primaryKey()).isNull();
        assertThat(view.documentation()).isEqualTo("Totals per customer.");
        assertThat(view.uniqueIndexes()).hasSize(1);
    }

    @Test
    void viewWithoutThePreviewFeature() {
        assertError(onlyError(datasource("postgresql") + """
                view CustomerTotal {
                  customerId Int @unique
                }
                """), "Error validating: View definitions are only available with the `views` preview feature.", 6,
                "view CustomerTotal {\n  customerId Int @unique\n}");
    }

    @Test
    void viewsCannotHavePrimaryKeys() {
        assertError(onlyError(VIEWS + datasource("postgresql") + """
                view CustomerTotal {
                  customerId Int @id
                }
                """), "Error validating: Views cannot have primary keys.", 12, "@id");
    }

    @Test
    void viewsCannotHaveIndexes() {
        assertError(onlyError(VIEWS + datasource("postgresql") + """
                view CustomerTotal {
                  customerId Int @unique
                  total      Int

                  @@index([total])
                }
                """), "Error validating: Views cannot have indexes.", 15, "@@index([total])");
    }

    // ---------------------------------------------------------------- composite types

    @Test
    void compositeTypesOnMongodb() {
        Schema schema = clean(datasource("mongodb") + """
                /// A postal address.
                type Address {
                  street String
                  city   String  @map("town")
                  zip    String? @default("00000")
                  geo    Point?
                }

                type Point {
                  lat Float
                  lng Float
                }

                model Shop {
                  id        String    @id @default(auto()) @map("_id") @db.ObjectId
                  address   Address
                  branches  Address[]
                }
                """);
        assertThat(schema.compositeTypes()).extracting(CompositeType::name).containsExactly("Address", "Point");
        CompositeType address = schema.compositeType("Address");
        assertThat(address.documentation()).isEqualTo("A postal address.");
        assertThat(address.fields()).extracting(ScalarField::name).containsExactly("street", "city", "zip", "geo");
        assertThat(address.field("city").databaseName()).isEqualTo("town");
        assertThat(address.field("zip").isOptional()).isTrue();
        assertThat(address.field("geo").kind()).isEqualTo(FieldKind.COMPOSITE);
        assertThat(schema.compositeType("Point").field("lat").scalarType()).isEqualTo(ScalarType.FLOAT);

        ScalarField shopAddress = scalar(schema, "Shop", "address");
        assertThat(shopAddress.isComposite()).isTrue();
        assertThat(shopAddress.typeName()).isEqualTo("Address");
        assertThat(scalar(schema, "Shop", "branches").arity()).isEqualTo(FieldArity.LIST);
    }

    @Test
    void compositeTypesAreOnlyForMongodb() {
        assertError(onlyError(datasource("postgresql") + """
                type Address {
                  street String
                }
                """), "Error validating: Composite types are not supported on Postgres.", 6,
                "type Address {\n  street String\n}");
    }

    @Test
    void compositeTypeFieldsCannotBeIds() {
        LoadResult result = load(datasource("mongodb") + """
                type Address {
                  street String @id
                }
                """);
        // Prisma rejects the field as a whole, then the attribute it does not know there.
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().getFirst(),
                "Error validating: Defining `@id` attribute for a field in a composite type is not allowed.", 7,
                "street String @id");
        assertError(result.errors().get(1), "Attribute not known: \"@id\".", 7, "@id");
    }

    @Test
    void compositeTypesCannotDeclareBlockIds() {
        assertError(onlyError(datasource("mongodb") + """
                type Address {
                  street String

                  @@id([street])
                }
                """), "Error validating: A composite type cannot define an id.", 9, "@@id([street])");
    }

    @Test
    void compositeTypesCannotPointAtModels() {
        assertError(onlyError(datasource("mongodb") + """
                type Address {
                  owner Owner
                }

                model Owner {
                  id String @id @map("_id") @db.ObjectId
                }
                """), "Error validating composite type \"Address\": Owner refers to a model, making this a relation field. "
                + "Relation fields inside composite types are not supported.", 7, "Owner");
    }
}
