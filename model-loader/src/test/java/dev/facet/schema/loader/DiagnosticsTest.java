package dev.facet.schema.loader;

import static dev.facet.schema.loader.LoaderTestSupport.assertError;
import static dev.facet.schema.loader.LoaderTestSupport.assertWarning;
import static dev.facet.schema.loader.LoaderTestSupport.datasource;
import static dev.facet.schema.loader.LoaderTestSupport.load;
import static dev.facet.schema.loader.LoaderTestSupport.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.diagnostics.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Diagnostics as a whole: duplicate names, syntax errors, many problems reported in one load, the
 * order Prisma prints them in, never throwing, and the plain-text rendering.
 */
class DiagnosticsTest {

    @Test
    void duplicateModelNames() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id Int @id
                }

                model User {
                  id Int @id
                }
                """), "The model \"User\" cannot be defined because a model with that name already exists.", 10, "User");
    }

    @Test
    void modelAndEnumShareOneNamespace() {
        assertError(onlyError(datasource("postgresql") + """
                model Status {
                  id Int @id
                }

                enum Status {
                  ON
                }
                """), "The enum \"Status\" cannot be defined because a model with that name already exists.", 10, "Status");
    }

    @Test
    void duplicateFieldNames() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id    Int    @id
                  email String
                  email String
                }
                """), "Field \"email\" is already defined on model \"User\".", 9, "email");
    }

    @Test
    void duplicateEnumNamesAndValues() {
        LoadResult result = load(datasource("postgresql") + """
                enum Role {
                  ADMIN
                  ADMIN
                }

                enum Role {
                  GUEST
                }
                """);
        assertThat(result.errors()).hasSize(2);
        assertError(result.errors().get(0), "Value \"ADMIN\" is already defined on enum \"Role\".", 8, "ADMIN");
        assertError(result.errors().get(1), "The enum \"Role\" cannot be defined because a enum with that name already exists.",
                11, "Role");
    }

    @Test
    void reservedModelName() {
        assertError(onlyError(datasource("postgresql") + """
                model PrismaClient {
                  id Int @id
                }
                """), "The model name `PrismaClient` is invalid. It is a reserved name. Please change it. Read more at "
                + "https://pris.ly/d/naming-models", 6, "PrismaClient");
    }

    // ---------------------------------------------------------------- syntax errors

    @Test
    void aLineOutsideAnyBlock() {
        assertError(onlyError(datasource("postgresql") + """
                table User {
                }
                """), "Error validating: This block is invalid. It does not start with any known Prisma schema keyword. Valid "
                + "keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.", 6, "table User {\n}");
    }

    @Test
    void anInvalidLineInsideAModel() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id Int @id
                  ???
                }
                """), "Error validating: This line is not a valid field or attribute definition.", 8, "???");
    }

    @Test
    void aFieldWithoutType() {
        assertError(onlyError(datasource("postgresql") + """
                model User {
                  id Int @id
                  name
                }
                """), "Error validating model \"User\": This field declaration is invalid. It is either missing a name or a "
                + "type.", 8, "name");
    }

    @Test
    void aBlockWithoutClosingBrace() {
        Diagnostic d = onlyError(datasource("postgresql") + """
                model User {
                  id Int @id
                """);
        assertError(d, "Error validating: The model \"User\" is missing its closing brace `}`.", 6, "model User");
    }

    // ---------------------------------------------------------------- many problems at once

    @Test
    void everyProblemIsReportedInOneLoadWarningsFirst() {
        LoadResult result = load(datasource("postgresql") + """
                model User {
                  id    Int     @id
                  email Strng
                  name  String? @unique @unique
                  nick  String  @nickname
                  posts Post[]
                }

                model Post {
                  id       Int   @id
                  authorId Int
                  author   User  @relation(fields: [authorId], references: [id], onUpdate: SetNull)
                  score    Int   @default("high")
                }
                """);
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.schema()).isEmpty();
        // Warnings come first, then errors, each in the order found.
        assertThat(result.diagnostics()).extracting(Diagnostic::severity).containsExactly(Severity.WARNING, Severity.ERROR,
                Severity.ERROR, Severity.ERROR, Severity.ERROR, Severity.ERROR);
        assertThat(result.warnings()).hasSize(1);
        assertWarning(result.warnings().getFirst(), "The `onUpdate` referential action of a relation should not be set to "
                + "`SetNull` when a referenced field is required. We recommend either to choose another referential action, or "
                + "to make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null ", 17,
                "author   User  @relation(fields: [authorId], references: [id], onUpdate: SetNull)");
        assertThat(result.errors()).extracting(d -> d.span().line() + ": " + d.message()).containsExactly(
                "8: Type \"Strng\" is neither a built-in type, nor refers to another model, composite type, or enum.",
                "9: Attribute \"@unique\" can only be defined once.",
                "9: Attribute \"@unique\" can only be defined once.",
                "10: Attribute not known: \"@nickname\".",
                "18: Error parsing attribute \"@default\": Expected a Int value, but found `\"high\"`.");
    }

    @Test
    void warningsAloneLeaveTheSchemaUsable() {
        LoadResult result = load(datasource("mysql") + """
                model User {
                  id    Int    @id
                  posts Post[]
                }

                model Post {
                  id       Int   @id
                  authorId Int?
                  author   User? @relation(fields: [authorId], references: [id], onDelete: SetDefault)
                }
                """);
        assertThat(result.hasErrors()).isFalse();
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.schema()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "}",
            "model",
            "model {",
            "model User {\n  id Int @id @default(\n}",
            "datasource db {\n  provider = \n}",
            "model A {\n  b B @relation(fields: [, references: [)\n}",
            "enum {\n}\n\nmodel X { id Int @id }",
            "type = String",
            "generator g {\n  provider = env(\n}",
            "model A {\n  id Int @id\n  @@index([id(sort: ), ops: ])\n}",
            "\u0000\u0001 model \uFFFF",
    })
    void brokenInputNeverThrows(String text) {
        LoadResult result = load(text);
        assertThat(result.diagnostics()).allSatisfy(d -> assertThat(d.span().end()).isLessThanOrEqualTo(text.length()));
        assertThat(result.schema().isPresent()).isEqualTo(!result.hasErrors());
    }

    // ---------------------------------------------------------------- rendering

    @Test
    void rendersAsPrismaDoesWithoutColour() {
        LoadResult result = load(datasource("postgresql") + """
                model User {
                  id    Int   @id
                  email Strng
                }
                """);
        assertThat(new DiagnosticRenderer(false).render(result.diagnostics())).isEqualTo("""
                error: Type "Strng" is neither a built-in type, nor refers to another model, composite type, or enum.
                  -->  schema.prisma:8
                   |\s
                 7 |   id    Int   @id
                 8 |   email Strng
                   |\s
                """);
    }

    @Test
    void renderingAWarningAndAnErrorOnTheFirstLine() {
        LoadResult result = load("""
                generator client {
                  provider        = "prisma-client-js"
                  previewFeatures = ["fullTextIndex", "teleport"]
                }
                """);
        assertThat(new DiagnosticRenderer(false).render(result.diagnostics())).isEqualTo("""
                warning: Preview feature "fullTextIndex" is deprecated. The functionality can be used without specifying it as a \
                preview feature.
                  -->  schema.prisma:3
                   |\s
                 2 |   provider        = "prisma-client-js"
                 3 |   previewFeatures = ["fullTextIndex", "teleport"]
                   |\s
                error: The preview feature "teleport" is not known. Expected one of: metrics, nativeDistinct, \
                postgresqlExtensions, relationJoins, schemaEngineDriverAdapters, shardKeys, strictUndefinedChecks, views
                  -->  schema.prisma:3
                   |\s
                 2 |   provider        = "prisma-client-js"
                 3 |   previewFeatures = ["fullTextIndex", "teleport"]
                   |\s
                """);
    }

    @Test
    void renderingASpanOverSeveralLinesShowsThemAll() {
        LoadResult result = load("""
                model Log {
                  message String
                }
                """);
        assertThat(new DiagnosticRenderer(false).render(result.errors())).isEqualTo("""
                error: Error validating model "Log": Each model must have at least one unique criteria that has only required \
                fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or \
                `@@unique([])` to the model.
                  -->  schema.prisma:1
                   |\s
                   |\s
                 1 | model Log {
                 2 |   message String
                 3 | }
                   |\s
                """);
    }

    @Test
    void colourRenderingWrapsPartsInPrismasEscapes() {
        Diagnostic d = onlyError("model A {\n  id Int @id\n  b  Strng\n}\n");
        String coloured = new DiagnosticRenderer(true).render(List.of(d));
        assertThat(coloured).startsWith("\u001b[1;91merror\u001b[0m: \u001b[1mType \"Strng\"");
        assertThat(coloured).contains("\u001b[1;94m-->\u001b[0m  \u001b[4mschema.prisma:3\u001b[0m");
        assertThat(coloured).contains("  b  \u001b[1;91mStrng\u001b[0m");
    }

    @Test
    void diagnosticsKnowTheirPosition() {
        Diagnostic d = onlyError("model A {\n  id Int @id\n  b Strng\n}\n");
        assertThat(d.isError()).isTrue();
        assertThat(d.severity().label()).isEqualTo("error");
        assertThat(d.span().line()).isEqualTo(3);
        assertThat(d.span().column()).isEqualTo(5);
        assertThat(d.span().file().name()).isEqualTo("schema.prisma");
        assertThat(d.span()).hasToString("schema.prisma:3:5");
    }
}
