package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Field types: every scalar, optional and list arity, {@code Unsupported("...")} and native types per provider. */
class FieldTypesTest {

    @Test
    void everyScalarType() {
        Schema schema = clean(datasource("postgresql") + """
                model Everything {
                  id        Int      @id
                  text      String
                  flag      Boolean
                  count     Int
                  big       BigInt
                  ratio     Float
                  price     Decimal
                  createdAt DateTime
                  payload   Json
                  blob      Bytes
                }
                """);
        List<ScalarType> types = schema.model("Everything").scalarFields().stream().skip(1).map(ScalarField::scalarType).toList();
        assertThat(types).containsExactly(ScalarType.STRING, ScalarType.BOOLEAN, ScalarType.INT, ScalarType.BIG_INT,
                ScalarType.FLOAT, ScalarType.DECIMAL, ScalarType.DATE_TIME, ScalarType.JSON, ScalarType.BYTES);
        for (ScalarField f : schema.model("Everything").scalarFields()) {
            assertThat(f.kind()).isEqualTo(FieldKind.SCALAR);
            assertThat(f.typeName()).isEqualTo(f.scalarType().id());
            assertThat(f.nativeType()).isNull();
        }
    }

    @Test
    void requiredOptionalAndListArity() {
        Schema schema = clean(datasource("postgresql") + """
                model Post {
                  id       Int      @id
                  title    String
                  subtitle String?
                  tags     String[]
                  scores   Int[]
                }
                """);
        ScalarField title = scalar(schema, "Post", "title");
        assertThat(title.arity()).isEqualTo(FieldArity.REQUIRED);
        assertThat(title.isRequired()).isTrue();
        ScalarField subtitle = scalar(schema, "Post", "subtitle");
        assertThat(subtitle.arity()).isEqualTo(FieldArity.OPTIONAL);
        assertThat(subtitle.isOptional()).isTrue();
        ScalarField tags = scalar(schema, "Post", "tags");
        assertThat(tags.arity()).isEqualTo(FieldArity.LIST);
        assertThat(tags.isList()).isTrue();
        assertThat(tags.scalarType()).isEqualTo(ScalarType.STRING);
        assertThat(scalar(schema, "Post", "scores").isList()).isTrue();
    }

    @Test
    void scalarListsOnMongodbAndCockroachdb() {
        assertThat(clean(datasource("cockroachdb") + """
                model Post {
                  id   Int      @id
                  tags String[]
                }
                """).model("Post").field("tags").isList()).isTrue();
        assertThat(clean(datasource("mongodb") + """
                model Post {
                  id   String   @id @map("_id") @db.ObjectId
                  tags String[]
                }
                """).model("Post").field("tags").isList()).isTrue();
    }

    @Test
    void unsupportedDatabaseTypes() {
        Schema schema = clean(datasource("postgresql") + """
                model Place {
                  id       Int                       @id
                  location Unsupported("point")?
                  search   Unsupported("tsvector")   @default(dbgenerated("to_tsvector('simple', '')"))
                }
                """);
        ScalarField location = scalar(schema, "Place", "location");
        assertThat(location.kind()).isEqualTo(FieldKind.UNSUPPORTED);
        assertThat(location.isUnsupported()).isTrue();
        assertThat(location.typeName()).isEqualTo("point");
        assertThat(location.scalarType()).isNull();
        assertThat(location.isOptional()).isTrue();
        assertThat(scalar(schema, "Place", "search").typeName()).isEqualTo("tsvector");
    }

    // ---------------------------------------------------------------- native types

    @ParameterizedTest(name = "{0}: {1} @db.{2}")
    @CsvSource(delimiter = '|', value = {
            "postgresql  | String   | VarChar(255)    | VarChar     | 255",
            "postgresql  | String   | Uuid            | Uuid        | ",
            "postgresql  | DateTime | Timestamptz(6)  | Timestamptz | 6",
            "postgresql  | Decimal  | Decimal(10, 2)  | Decimal     | 10;2",
            "postgresql  | Json     | JsonB           | JsonB       | ",
            "postgresql  | Int      | SmallInt        | SmallInt    | ",
            "postgresql  | Bytes    | ByteA           | ByteA       | ",
            "mysql       | String   | VarChar(191)    | VarChar     | 191",
            "mysql       | Boolean  | TinyInt         | TinyInt     | ",
            "mysql       | Int      | UnsignedInt     | UnsignedInt | ",
            "mysql       | String   | LongText        | LongText    | ",
            "mysql       | DateTime | DateTime(3)     | DateTime    | 3",
            "sqlserver   | String   | NVarChar(Max)   | NVarChar    | Max",
            "sqlserver   | String   | UniqueIdentifier| UniqueIdentifier | ",
            "sqlserver   | DateTime | DateTime2       | DateTime2   | ",
            "sqlserver   | Decimal  | Money           | Money       | ",
            "cockroachdb | String   | String(100)     | String      | 100",
            "cockroachdb | BigInt   | Int8            | Int8        | ",
            "cockroachdb | Boolean  | Bool            | Bool        | ",
            "mongodb     | String   | ObjectId        | ObjectId    | ",
            "mongodb     | DateTime | Date            | Date        | ",
            "mongodb     | BigInt   | Long            | Long        | ",
    })
    void nativeTypesPerProvider(String provider, String type, String written, String name, String args) {
        String id = provider.equals("mongodb") ? "String @id @map(\"_id\") @db.ObjectId" : "Int @id";
        Schema schema = clean(datasource(provider) + """
                model Thing {
                  id    %s
                  value %s @db.%s
                }
                """.formatted(id, type, written));
        NativeType nativeType = scalar(schema, "Thing", "value").nativeType();
        assertThat(nativeType.name()).isEqualTo(name);
        assertThat(nativeType.arguments()).isEqualTo(args == null ? List.of() : List.of(args.split(";")));
    }

    @Test
    void nativeTypeToStringShowsItsArguments() {
        assertThat(new NativeType("Decimal", List.of("10", "2"))).hasToString("Decimal(10, 2)");
        assertThat(new NativeType("Uuid", List.of())).hasToString("Uuid");
    }

    @Test
    void nativeTypesUseTheDatasourceNameAsPrefix() {
        Schema schema = clean("""
                datasource pg {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }

                model Thing {
                  id   Int    @id
                  name String @pg.VarChar(40)
                }
                """);
        assertThat(scalar(schema, "Thing", "name").nativeType()).isEqualTo(new NativeType("VarChar", List.of("40")));
    }

    @Test
    void nativeTypeWithTheWrongPrefix() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id   Int    @id
                  name String @pg.Text
                }
                """), "The prefix pg is invalid. It must be equal to the name of an existing datasource e.g. db. "
                + "Did you mean to use db.Text?", 8, "@pg.Text");
    }

    @Test
    void nativeTypeOfAnotherProvider() {
        assertError(onlyError(datasource("mysql") + """
                model Thing {
                  id  Int    @id
                  key String @db.Uuid
                }
                """), "Native type Uuid is not supported for mysql connector.", 8, "@db.Uuid");
    }

    @Test
    void sqliteHasNoNativeTypes() {
        assertError(onlyError(datasource("sqlite") + """
                model Thing {
                  id   Int    @id
                  name String @db.VarChar(10)
                }
                """), "Native type VarChar is not supported for sqlite connector.", 8, "@db.VarChar(10)");
    }

    @Test
    void nativeTypeForAnotherScalarType() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id    Int @id
                  count Int @db.VarChar(3)
                }
                """), "Native type VarChar is not compatible with declared field type Int, expected field type String.", 8,
                "@db.VarChar(3)");
    }

    @Test
    void nativeTypeWithTooManyArguments() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id   Int    @id
                  body String @db.Text(5)
                }
                """), "Native type Text takes 0 arguments, but received 1.", 8, "@db.Text(5)");
    }

    @Test
    void nativeTypeWithANegativeArgument() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id   Int    @id
                  name String @db.VarChar(-1)
                }
                """), "Expected a nonnegative integer, but found (-1).", 8, "@db.VarChar(-1)");
    }

    @Test
    void nativeTypeWithoutDatasource() {
        assertError(onlyError("""
                model Thing {
                  id   Int    @id
                  name String @db.Text
                }
                """), "Attribute not known: \"@db.Text\".", 3, "@db.Text");
    }

    // ---------------------------------------------------------------- type errors

    @Test
    void unknownType() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id   Int    @id
                  name Strng?
                }
                """), "Type \"Strng\" is neither a built-in type, nor refers to another model, composite type, or enum.", 8,
                "Strng");
    }

    @Test
    void scalarListsAreNotSupportedOnMysql() {
        assertError(onlyError(datasource("mysql") + """
                model Post {
                  id   Int      @id
                  tags String[]
                }
                """), "Error validating field `tags` in model `Post`: Field is a scalar list, which the current connector "
                + "does not support.", 8, "tags String[]");
    }

    @Test
    void decimalIsNotSupportedOnMongodb() {
        // Prisma's psl: MongoDB's connector has no Decimal type.
        assertError(onlyError(datasource("mongodb") + """
                model Price {
                  id     Int     @id @map("_id")
                  amount Decimal
                }
                """), "Error validating field `amount` in model `Price`: Field `amount` in model `Price` can't be of type Decimal. "
                + "The current connector does not support the Decimal type.", 8, "amount Decimal");
    }

    @Test
    void optionalListsDoNotExist() {
        LoadResult result = load(datasource("postgresql") + """
                model Post {
                  id   Int       @id
                  tags String[]?
                }
                """);
        assertThat(result.errors()).hasSize(1);
        assertError(result.errors().getFirst(), "Error validating: Optional lists are not supported. Use either `Type[]` or "
                + "`Type?`.", 8, "String[]?");
    }

    @Test
    void jsonIsNotSupportedOnSqlServer() {
        assertError(onlyError(datasource("sqlserver") + """
                model Event {
                  id      Int  @id
                  payload Json
                }
                """), "Error validating field `payload` in model `Event`: Field `payload` in model `Event` can't be of type "
                + "Json. The current connector does not support the Json type.", 8, "payload Json");
    }

    @Test
    void jsonIsSupportedOnSqlite() {
        assertThat(scalar(clean(datasource("sqlite") + """
                model Event {
                  id      Int  @id
                  payload Json
                }
                """), "Event", "payload").scalarType()).isEqualTo(ScalarType.JSON);
    }
}
