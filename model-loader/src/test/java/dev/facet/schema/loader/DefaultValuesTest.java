package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static dev.facet.schema.loader.LoaderTestSupport.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.DefaultValue.EnumValueRef;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code @default(...)}: every generator function, literal values and lists, and the errors for bad ones. */
class DefaultValuesTest {

    private static DefaultValue defaultOf(Schema schema, String field) {
        return scalar(schema, "Thing", field).defaultValue();
    }

    @Test
    void generatorFunctions() {
        Schema schema = clean(datasource("postgresql") + """
                model Thing {
                  id      Int      @id @default(autoincrement())
                  cuid1   String   @default(cuid())
                  cuid2   String   @default(cuid(2))
                  uuid    String   @default(uuid())
                  uuid4   String   @default(uuid(4))
                  uuid7   String   @default(uuid(7))
                  nano    String   @default(nanoid())
                  nano10  String   @default(nanoid(10))
                  ulid    String   @default(ulid())
                  created DateTime @default(now())
                  dbNone  String   @default(dbgenerated())
                  dbExpr  String   @default(dbgenerated("gen_random_uuid()"))
                }
                """);
        assertThat(defaultOf(schema, "id")).isEqualTo(new DefaultValue.Autoincrement());
        assertThat(defaultOf(schema, "cuid1")).isEqualTo(new DefaultValue.Cuid(1));
        assertThat(defaultOf(schema, "cuid2")).isEqualTo(new DefaultValue.Cuid(2));
        assertThat(defaultOf(schema, "uuid")).isEqualTo(new DefaultValue.Uuid(4));
        assertThat(defaultOf(schema, "uuid4")).isEqualTo(new DefaultValue.Uuid(4));
        assertThat(defaultOf(schema, "uuid7")).isEqualTo(new DefaultValue.Uuid(7));
        assertThat(defaultOf(schema, "nano")).isEqualTo(new DefaultValue.Nanoid(21));
        assertThat(defaultOf(schema, "nano10")).isEqualTo(new DefaultValue.Nanoid(10));
        assertThat(defaultOf(schema, "ulid")).isEqualTo(new DefaultValue.Ulid());
        assertThat(defaultOf(schema, "created")).isEqualTo(new DefaultValue.Now());
        assertThat(defaultOf(schema, "dbNone")).isEqualTo(new DefaultValue.DbGenerated(null));
        assertThat(defaultOf(schema, "dbExpr")).isEqualTo(new DefaultValue.DbGenerated("gen_random_uuid()"));
        assertThat(scalar(schema, "Thing", "created").hasGeneratedValue()).isTrue();
    }

    @Test
    void autoOnMongodb() {
        Schema schema = clean(datasource("mongodb") + """
                model Thing {
                  id String @id @default(auto()) @map("_id") @db.ObjectId
                }
                """);
        assertThat(defaultOf(schema, "id")).isEqualTo(new DefaultValue.Auto());
    }

    @Test
    void sequenceOnCockroachdb() {
        Schema schema = clean(datasource("cockroachdb") + """
                model Thing {
                  id      BigInt @id @default(autoincrement())
                  counter Int    @default(sequence())
                  ticket  Int    @default(sequence(start: 100, increment: 5))
                }
                """);
        assertThat(defaultOf(schema, "id")).isEqualTo(new DefaultValue.Autoincrement());
        assertThat(defaultOf(schema, "counter")).isEqualTo(new DefaultValue.Sequence(List.of()));
        assertThat(defaultOf(schema, "ticket")).isEqualTo(new DefaultValue.Sequence(List.of("start: 100", "increment: 5")));
    }

    @Test
    void literals() {
        Schema schema = clean(datasource("postgresql") + """
                enum Color {
                  RED
                  GREEN
                }

                model Thing {
                  id      Int      @id
                  name    String   @default("unnamed")
                  empty   String   @default("")
                  count   Int      @default(-5)
                  big     BigInt   @default(9007199254740993)
                  ratio   Float    @default(1.5)
                  price   Decimal  @default(10.25)
                  exact   Decimal  @default("0.1")
                  active  Boolean  @default(true)
                  color   Color    @default(GREEN)
                  meta    Json     @default("{\\"tags\\": []}")
                  since   DateTime @default("2024-03-01T12:00:00Z")
                  blob    Bytes    @default("aGVsbG8=")
                }
                """);
        assertThat(defaultOf(schema, "name")).isEqualTo(new DefaultValue.Literal("unnamed"));
        assertThat(defaultOf(schema, "empty")).isEqualTo(new DefaultValue.Literal(""));
        // Numbers keep their written text, so no precision is lost.
        assertThat(defaultOf(schema, "count")).isEqualTo(new DefaultValue.Literal("-5"));
        assertThat(defaultOf(schema, "big")).isEqualTo(new DefaultValue.Literal("9007199254740993"));
        assertThat(defaultOf(schema, "ratio")).isEqualTo(new DefaultValue.Literal("1.5"));
        assertThat(defaultOf(schema, "price")).isEqualTo(new DefaultValue.Literal("10.25"));
        assertThat(defaultOf(schema, "exact")).isEqualTo(new DefaultValue.Literal("0.1"));
        assertThat(defaultOf(schema, "active")).isEqualTo(new DefaultValue.Literal(true));
        assertThat(defaultOf(schema, "color")).isEqualTo(new DefaultValue.Literal(new EnumValueRef("GREEN")));
        assertThat(defaultOf(schema, "meta")).isEqualTo(new DefaultValue.Literal("{\"tags\": []}"));
        assertThat(defaultOf(schema, "since")).isEqualTo(new DefaultValue.Literal("2024-03-01T12:00:00Z"));
        assertThat(defaultOf(schema, "blob")).isEqualTo(new DefaultValue.Literal("aGVsbG8="));
    }

    @Test
    void listLiterals() {
        Schema schema = clean(datasource("postgresql") + """
                enum Color {
                  RED
                  GREEN
                }

                model Thing {
                  id     Int      @id
                  tags   String[] @default(["new", "sale"])
                  sizes  Int[]    @default([1, 2, 3])
                  colors Color[]  @default([RED, GREEN])
                  flags  Boolean[] @default([])
                }
                """);
        assertThat(defaultOf(schema, "tags")).isEqualTo(new DefaultValue.Literal(List.of("new", "sale")));
        assertThat(defaultOf(schema, "sizes")).isEqualTo(new DefaultValue.Literal(List.of("1", "2", "3")));
        assertThat(defaultOf(schema, "colors"))
                .isEqualTo(new DefaultValue.Literal(List.of(new EnumValueRef("RED"), new EnumValueRef("GREEN"))));
        assertThat(defaultOf(schema, "flags")).isEqualTo(new DefaultValue.Literal(List.of()));
    }

    @Test
    void namedDefaultsOnSqlServer() {
        ScalarField f = scalar(clean(datasource("sqlserver") + """
                model Thing {
                  id     Int    @id
                  status String @default("open", map: "DF_Thing_status")
                }
                """), "Thing", "status");
        assertThat(f.defaultValue()).isEqualTo(new DefaultValue.Literal("open"));
        assertThat(f.defaultName()).isEqualTo("DF_Thing_status");
    }

    @Test
    void noDefault() {
        ScalarField f = scalar(clean(datasource("postgresql") + """
                model Thing {
                  id Int @id
                }
                """), "Thing", "id");
        assertThat(f.defaultValue()).isNull();
        assertThat(f.defaultName()).isNull();
        assertThat(f.hasGeneratedValue()).isFalse();
    }

    // ---------------------------------------------------------------- errors

    /** Each row: the field's type, the written default, and Prisma's message after the attribute prefix. */
    @ParameterizedTest(name = "{0} @default({1})")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "String   | autoincrement()  | The function `autoincrement()` cannot be used on fields of type `String`.",
            "String   | now()            | The function `now()` cannot be used on fields of type `String`.",
            "Int      | uuid()           | The function `uuid()` cannot be used on fields of type `Int`.",
            "DateTime | cuid()           | The function `cuid()` cannot be used on fields of type `DateTime`.",
            "String   | cuid(3)          | `cuid()` takes either no argument, or a single integer argument which is either 1 or 2.",
            "String   | uuid(5)          | `uuid()` takes either no argument, or a single integer argument which is either 4 or 7.",
            "String   | uuid(\"v7\")       | `uuid()` takes a single Int argument.",
            "String   | nanoid(1)        | `nanoid()` takes either no argument, or a single integer argument between 2 and 255.",
            "String   | nanoid(300)      | `nanoid()` takes either no argument, or a single integer argument between 2 and 255.",
            "String   | nanoid(\"x\")      | `nanoid()` takes a single Int argument.",
            "DateTime | now(1)           | The `now` function does not take any argument. Consider changing this default to `now()`.",
            "Int      | autoincrement(1) | The `autoincrement` function does not take any argument. Consider changing this default to `autoincrement()`.",
            "String   | dbgenerated(\"\")  | dbgenerated() takes either no argument, or a single nonempty string argument.",
            "String   | dbgenerated(1)   | `dbgenerated()` takes a single String argument",
            "Int      | \"seven\"          | Expected a Int value, but found `\"seven\"`.",
            "String   | 7                | Expected a String value, but found `7`.",
            "Float    | \"1.5\"            | Expected a Float value, but found `\"1.5\"`.",
            "DateTime | 0                | Expected a DateTime value, but found `0`.",
            "String   | [\"a\"]            | The default value of a non-list field cannot be a list.",
            "String[] | \"a\"              | The default value of a list field must be a list.",
    })
    void badDefaults(String type, String written, String message) {
        String line = "  value " + type + " @default(" + written + ")";
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id    Int @id
                %s
                }
                """.formatted(line)), "Error parsing attribute \"@default\": " + message, 8, "@default(" + written + ")");
    }

    @Test
    void booleanLiteralMustBeTrueOrFalse() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id     Int     @id
                  active Boolean @default(yes)
                }
                """), "Error parsing attribute \"@default\": A boolean literal must be `true` or `false`.", 8, "yes");
    }

    @Test
    void enumDefaultMustBeAValueOfTheEnum() {
        assertError(onlyError(datasource("postgresql") + """
                enum Color {
                  RED
                }

                model Thing {
                  id    Int   @id
                  color Color @default(PURPLE)
                }
                """), "Error parsing attribute \"@default\": The defined default value `PURPLE` is not a valid value of the "
                + "enum specified for the field.", 12, "@default(PURPLE)");
    }

    @Test
    void enumDefaultMustBeAConstant() {
        assertError(onlyError(datasource("postgresql") + """
                enum Color {
                  RED
                }

                model Thing {
                  id    Int   @id
                  color Color @default("RED")
                }
                """), "Error parsing attribute \"@default\": Expected an enum value, but found `\"RED\"`.", 12,
                "@default(\"RED\")");
    }

    /** sequence() belongs to CockroachDB; on other providers it is as unknown as any other name. */
    @ParameterizedTest(name = "{0}()")
    @CsvSource({"random", "sequence"})
    void unknownFunction(String function) {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id    Int @id
                  value Int @default(%s())
                }
                """.formatted(function)), "Unknown function in @default(): `" + function + "` is not known. You can read "
                + "about the available functions here: https://pris.ly/d/attribute-functions", 8, function + "()");
    }

    @Test
    void autoincrementOnIntIsRejectedOnCockroachdb() {
        assertError(onlyError(datasource("cockroachdb") + """
                model Thing {
                  id Int @id @default(autoincrement())
                }
                """), "Error parsing attribute \"@default\": The `autoincrement()` default function is defined only on BigInt "
                + "fields on CockroachDB. Use sequence() if you want an autoincrementing Int field.", 7,
                "@default(autoincrement())");
    }

    @Test
    void autoIsOnlyForMongodb() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id String @id @default(auto())
                }
                """), "Error parsing attribute \"@default\": The current connector does not support the `auto()` function.", 7,
                "auto()");
    }

    @Test
    void autoOnMongodbNeedsAnObjectId() {
        assertError(onlyError(datasource("mongodb") + """
                model Thing {
                  id String @id @default(auto()) @map("_id")
                }
                """), "Error validating field `id` in model `Thing`: MongoDB `@default(auto())` fields must have `ObjectId` "
                + "native type.", 7, "id String @id @default(auto()) @map(\"_id\")");
    }

    @Test
    void autoOnMongodbMustBeTheId() {
        assertError(onlyError(datasource("mongodb") + """
                model Thing {
                  id    String @id @map("_id") @db.ObjectId
                  other String @default(auto()) @db.ObjectId
                }
                """), "Error validating field `other` in model `Thing`: MongoDB `@default(auto())` fields must have the `@id` "
                + "attribute.", 8, "other String @default(auto()) @db.ObjectId");
    }

    @Test
    void namedDefaultsOnlyOnSqlServer() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id     Int    @id
                  status String @default("open", map: "DF_status")
                }
                """), "Error parsing attribute \"@default\": You defined a database name for the default value of a field on "
                + "the model. This is not supported by the provider.", 8, "@default(\"open\", map: \"DF_status\")");
    }

    @Test
    void unsupportedFieldsOnlyTakeDbgenerated() {
        assertError(onlyError(datasource("postgresql") + """
                model Thing {
                  id    Int                   @id
                  point Unsupported("point")  @default("(0,0)")
                }
                """), "Error parsing attribute \"@default\": Only @default(dbgenerated(\"...\")) can be used for Unsupported "
                + "types.", 8, "@default(\"(0,0)\")");
    }

    @Test
    void compositeFieldsTakeNoDefault() {
        assertError(onlyError(datasource("mongodb") + """
                type Address {
                  street String
                }

                model Thing {
                  id      String  @id @map("_id") @db.ObjectId
                  address Address @default("{}")
                }
                """), "Error validating field `address` in composite type `Address`: Defaults on fields of type composite are "
                + "not supported. Please remove the `@default` attribute.", 12, "@default(\"{}\")");
    }
}
