package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.assertWarning;
import static dev.facet.schema.loader.LoaderTestSupport.clean;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Generator;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.Schema;
import dev.facet.schema.model.UrlSetting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code datasource} block (providers, URLs, relation mode, schemas) and {@code generator} blocks. */
class DatasourceAndGeneratorTest {

    @ParameterizedTest(name = "provider \"{0}\"")
    @CsvSource({
            "postgresql, POSTGRESQL, FOREIGN_KEYS",
            "postgres, POSTGRESQL, FOREIGN_KEYS",
            "mysql, MYSQL, FOREIGN_KEYS",
            "sqlite, SQLITE, FOREIGN_KEYS",
            "sqlserver, SQLSERVER, FOREIGN_KEYS",
            "cockroachdb, COCKROACHDB, FOREIGN_KEYS",
            "mongodb, MONGODB, PRISMA",
    })
    void everyProviderIsKnownWithItsDefaultRelationMode(String written, Provider provider, RelationMode mode) {
        Schema schema = clean("""
                datasource db {
                  provider = "%s"
                  url      = "some://url"
                }
                """.formatted(written));

        Datasource ds = schema.datasource().orElseThrow();
        assertThat(ds.name()).isEqualTo("db");
        assertThat(ds.provider()).isEqualTo(provider);
        assertThat(schema.provider()).contains(provider);
        // MongoDB has no foreign keys, so Prisma enforces relations itself there.
        assertThat(ds.relationMode()).isEqualTo(mode);
    }

    @Test
    void urlIsALiteralOrAnEnvironmentVariable() {
        Datasource literal = clean("""
                datasource db {
                  provider = "postgresql"
                  url      = "postgresql://user:secret@localhost:5432/shop"
                }
                """).datasource().orElseThrow();
        assertThat(literal.url()).isEqualTo(UrlSetting.literal("postgresql://user:secret@localhost:5432/shop"));
        assertThat(literal.url().fromEnv()).isFalse();

        Datasource env = clean("""
                datasource db {
                  provider = "postgresql"
                  url      = env("SHOP_DATABASE_URL")
                }
                """).datasource().orElseThrow();
        assertThat(env.url()).isEqualTo(UrlSetting.env("SHOP_DATABASE_URL"));
        assertThat(env.url().fromEnv()).isTrue();
    }

    @Test
    void directAndShadowUrlsAreKept() {
        Datasource ds = clean("""
                datasource db {
                  provider          = "postgresql"
                  url               = env("POOLED_URL")
                  directUrl         = env("DIRECT_URL")
                  shadowDatabaseUrl = "postgresql://localhost/shadow"
                }
                """).datasource().orElseThrow();
        assertThat(ds.url()).isEqualTo(UrlSetting.env("POOLED_URL"));
        assertThat(ds.directUrl()).isEqualTo(UrlSetting.env("DIRECT_URL"));
        assertThat(ds.shadowDatabaseUrl()).isEqualTo(UrlSetting.literal("postgresql://localhost/shadow"));
    }

    @Test
    void aPrisma7DatasourceWithoutUrlIsAccepted() {
        // Deliberate: Prisma 7 moved the connection URL to prisma.config.ts, so the block may omit it.
        Datasource ds = clean("""
                datasource db {
                  provider = "sqlite"
                }
                """).datasource().orElseThrow();
        assertThat(ds.provider()).isEqualTo(Provider.SQLITE);
        assertThat(ds.url()).isNull();
        assertThat(ds.directUrl()).isNull();
    }

    @Test
    void relationModeCanBeSetExplicitly() {
        Datasource prisma = clean("""
                datasource db {
                  provider     = "mysql"
                  url          = env("DATABASE_URL")
                  relationMode = "prisma"
                }
                """).datasource().orElseThrow();
        assertThat(prisma.relationMode()).isEqualTo(RelationMode.PRISMA);

        Datasource foreignKeys = clean("""
                datasource db {
                  provider     = "postgresql"
                  url          = env("DATABASE_URL")
                  relationMode = "foreignKeys"
                }
                """).datasource().orElseThrow();
        assertThat(foreignKeys.relationMode()).isEqualTo(RelationMode.FOREIGN_KEYS);
    }

    @Test
    void schemasListTheDatabaseSchemas() {
        Schema schema = clean("""
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                  schemas  = ["sales", "inventory"]
                }

                model Order {
                  id Int @id

                  @@schema("sales")
                }
                """);
        assertThat(schema.datasource().orElseThrow().schemas()).containsExactly("sales", "inventory");
        assertThat(schema.model("Order").schema()).isEqualTo("sales");
    }

    @Test
    void datasourceDocumentationIsKept() {
        Datasource ds = clean("""
                /// The shop's main database.
                datasource main {
                  provider = "sqlite"
                  url      = "file:./shop.db"
                }
                """).datasource().orElseThrow();
        assertThat(ds.name()).isEqualTo("main");
        assertThat(ds.documentation()).isEqualTo("The shop's main database.");
    }

    @Test
    void aSchemaWithoutDatasourceHasNoProvider() {
        Schema schema = clean("""
                model Note {
                  id Int @id
                }
                """);
        assertThat(schema.datasource()).isEmpty();
        assertThat(schema.provider()).isEmpty();
    }

    // ---------------------------------------------------------------- datasource errors

    @Test
    void unknownProvider() {
        assertError(onlyError("""
                datasource db {
                  provider = "oracle"
                  url      = env("DATABASE_URL")
                }
                """), "Datasource provider not known: \"oracle\".", 2, "\"oracle\"");
    }

    @Test
    void missingProvider() {
        assertError(onlyError("""
                datasource db {
                  url = env("DATABASE_URL")
                }
                """), "Argument \"provider\" is missing in data source block \"db\".", 1,
                "datasource db {\n  url = env(\"DATABASE_URL\")\n}");
    }

    @Test
    void providerFromTheEnvironmentIsRejected() {
        assertError(onlyError("""
                datasource db {
                  provider = env("PROVIDER")
                }
                """), "A datasource must not use the env() function in the provider argument.", 2, "env(\"PROVIDER\")");
    }

    @Test
    void urlMustBeAString() {
        assertError(onlyError("""
                datasource db {
                  provider = "sqlite"
                  url      = 42
                }
                """), "Expected a string value, but received numeric value `42`.", 3, "42");
    }

    @Test
    void invalidRelationMode() {
        assertError(onlyError("""
                datasource db {
                  provider     = "mysql"
                  relationMode = "database"
                }
                """), "Invalid relation mode setting: \"database\". Supported values: \"prisma\", \"foreignKeys\"", 3,
                "\"database\"");
    }

    @Test
    void schemasAreNotSupportedOnMysql() {
        assertError(onlyError("""
                datasource db {
                  provider = "mysql"
                  schemas  = ["a"]
                }
                """), "The `schemas` property is not supported on the current connector.", 3, "schemas  = [\"a\"]");
    }

    @Test
    void duplicatedSchemaNames() {
        assertError(onlyError("""
                datasource db {
                  provider = "postgresql"
                  schemas  = ["a", "a"]
                }
                """), "Duplicated schema names are not allowed", 3, "[\"a\", \"a\"]");
    }

    @Test
    void unknownDatasourceProperty() {
        assertError(onlyError("""
                datasource db {
                  provider = "sqlite"
                  pool     = 5
                }
                """), "Property not known: \"pool\".", 3, "pool     = 5");
    }

    @Test
    void onlyOneDatasource() {
        assertError(onlyError("""
                datasource db {
                  provider = "sqlite"
                }

                datasource other {
                  provider = "sqlite"
                }
                """), "You defined more than one datasource. This is not allowed yet because support for multiple "
                + "databases has not been implemented yet.", 5, "datasource other {\n  provider = \"sqlite\"\n}");
    }

    @Test
    void shadowDatabaseMustDifferFromUrl() {
        assertError(onlyError("""
                datasource db {
                  provider          = "postgresql"
                  url               = "postgresql://localhost/app"
                  shadowDatabaseUrl = "postgresql://localhost/app"
                }
                """), "shadowDatabaseUrl is the same as url for datasource \"db\". Please specify a different database as "
                + "shadow database to avoid data loss.", 3, "\"postgresql://localhost/app\"");
    }

    // ---------------------------------------------------------------- generators

    @Test
    void generatorsAreKeptAsWritten() {
        Schema schema = clean("""
                generator client {
                  provider        = "prisma-client"
                  output          = "../src/generated"
                  previewFeatures = ["views", "relationJoins"]
                  moduleFormat    = "esm"
                }

                /// Draws the ER diagram.
                generator erd {
                  provider = "prisma-erd-generator"
                }
                """);
        assertThat(schema.generators()).extracting(Generator::name).containsExactly("client", "erd");

        Generator client = schema.generators().getFirst();
        assertThat(client.provider()).isEqualTo("prisma-client");
        assertThat(client.output()).isEqualTo("../src/generated");
        assertThat(client.previewFeatures()).containsExactly("views", "relationJoins");
        // Every property, known or not, is kept as source text in written order.
        assertThat(client.properties()).containsExactly(
                org.assertj.core.api.Assertions.entry("provider", "\"prisma-client\""),
                org.assertj.core.api.Assertions.entry("output", "\"../src/generated\""),
                org.assertj.core.api.Assertions.entry("previewFeatures", "[\"views\", \"relationJoins\"]"),
                org.assertj.core.api.Assertions.entry("moduleFormat", "\"esm\""));
        assertThat(client.documentation()).isNull();

        Generator erd = schema.generators().get(1);
        assertThat(erd.output()).isNull();
        assertThat(erd.previewFeatures()).isEmpty();
        assertThat(erd.documentation()).isEqualTo("Draws the ER diagram.");
    }

    @Test
    void generatorProviderMayComeFromTheEnvironment() {
        Generator g = clean("""
                generator client {
                  provider = env("GENERATOR")
                  output   = env("OUTPUT_DIR")
                }
                """).generators().getFirst();
        assertThat(g.provider()).isEqualTo("env(\"GENERATOR\")");
        assertThat(g.output()).isEqualTo("env(\"OUTPUT_DIR\")");
    }

    @Test
    void generatorWithoutProvider() {
        assertError(onlyError("""
                generator client {
                  output = "./generated"
                }
                """), "Argument \"provider\" is missing in generator block \"client\".", 1,
                "generator client {\n  output = \"./generated\"\n}");
    }

    @Test
    void duplicateGeneratorNames() {
        assertError(onlyError("""
                generator client {
                  provider = "prisma-client-js"
                }

                generator client {
                  provider = "prisma-client"
                }
                """), "The generator \"client\" cannot be defined because a generator with that name already exists.", 5,
                "client");
    }

    @Test
    void unknownPreviewFeature() {
        assertError(onlyError("""
                generator client {
                  provider        = "prisma-client-js"
                  previewFeatures = ["teleportation"]
                }
                """), "The preview feature \"teleportation\" is not known. Expected one of: metrics, nativeDistinct, "
                + "postgresqlExtensions, relationJoins, schemaEngineDriverAdapters, shardKeys, strictUndefinedChecks, views",
                3, "[\"teleportation\"]");
    }

    @Test
    void stabilizedPreviewFeatureIsOnlyAWarning() {
        LoadResult result = load("""
                generator client {
                  provider        = "prisma-client-js"
                  previewFeatures = ["fullTextIndex"]
                }
                """);
        assertThat(result.schema()).isPresent();
        assertThat(result.diagnostics()).hasSize(1);
        assertWarning(result.diagnostics().getFirst(), "Preview feature \"fullTextIndex\" is deprecated. The functionality can "
                + "be used without specifying it as a preview feature.", 3, "[\"fullTextIndex\"]");
    }
}
