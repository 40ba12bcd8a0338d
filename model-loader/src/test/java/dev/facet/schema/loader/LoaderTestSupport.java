package dev.facet.schema.loader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.diagnostics.Diagnostic;
import dev.facet.schema.diagnostics.DiagnosticRenderer;
import dev.facet.schema.diagnostics.Severity;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Relation;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;

/**
 * Shared helpers for the loader's own tests: load a single-file schema, insist on a valid model, or
 * pick out diagnostics and compare message, line and spanned text exactly.
 */
final class LoaderTestSupport {
    private LoaderTestSupport() {}

    /** A four-line datasource block (lines 1 to 4) followed by an empty line 5. */
    static String datasource(String provider) {
        return """
                datasource db {
                  provider = "%s"
                  url      = env("DATABASE_URL")
                }

                """.formatted(provider);
    }

    /** Like {@link #datasource(String)} with a {@code relationMode} line: lines 1 to 5, empty line 6. */
    static String datasource(String provider, String relationMode) {
        return """
                datasource db {
                  provider     = "%s"
                  url          = env("DATABASE_URL")
                  relationMode = "%s"
                }

                """.formatted(provider, relationMode);
    }

    static LoadResult load(String text) {
        return SchemaLoader.load(new SourceFile("schema.prisma", text));
    }

    /** Loads a schema that must be valid, and fails with Prisma-style rendered diagnostics if it is not. */
    static Schema valid(String text) {
        LoadResult result = load(text);
        assertThat(result.errors())
                .as(() -> "unexpected errors:\n" + new DiagnosticRenderer(false).render(result.diagnostics()))
                .isEmpty();
        assertThat(result.schema()).isPresent();
        return result.schema().orElseThrow();
    }

    /** Loads a schema that must be valid and give no warning either. */
    static Schema clean(String text) {
        LoadResult result = load(text);
        assertThat(result.diagnostics())
                .as(() -> "unexpected diagnostics:\n" + new DiagnosticRenderer(false).render(result.diagnostics()))
                .isEmpty();
        return result.schema().orElseThrow();
    }

    /** The single error of a schema that must have exactly one (warnings are allowed). */
    static Diagnostic onlyError(String text) {
        LoadResult result = load(text);
        assertThat(result.schema()).isEmpty();
        assertThat(result.errors())
                .as(() -> "expected exactly one error:\n" + new DiagnosticRenderer(false).render(result.diagnostics()))
                .hasSize(1);
        return result.errors().getFirst();
    }

    /** The single warning of a schema that must be valid and have exactly one warning. */
    static Diagnostic onlyWarning(String text) {
        LoadResult result = load(text);
        assertThat(result.diagnostics())
                .as(() -> "expected exactly one warning:\n" + new DiagnosticRenderer(false).render(result.diagnostics()))
                .hasSize(1);
        assertThat(result.schema()).isPresent();
        return result.diagnostics().getFirst();
    }

    /** Asserts a diagnostic's severity, exact message, 1-based line and exact spanned text. */
    static void assertDiagnostic(Diagnostic d, Severity severity, String message, int line, String spanText) {
        assertThat(d.severity()).as("severity of: " + d.message()).isEqualTo(severity);
        assertThat(d.message()).isEqualTo(message);
        assertThat(d.span().line()).as("line of: " + d.message()).isEqualTo(line);
        assertThat(d.span().text()).as("span of: " + d.message()).isEqualTo(spanText);
    }

    static void assertError(Diagnostic d, String message, int line, String spanText) {
        assertDiagnostic(d, Severity.ERROR, message, line, spanText);
    }

    static void assertWarning(Diagnostic d, String message, int line, String spanText) {
        assertDiagnostic(d, Severity.WARNING, message, line, spanText);
    }

    static ScalarField scalar(Schema schema, String model, String field) {
        Model m = schema.model(model);
        assertThat(m).as("model " + model).isNotNull();
        assertThat(m.field(field)).as(model + "." + field).isInstanceOf(ScalarField.class);
        return (ScalarField) m.field(field);
    }

    static RelationField relationField(Schema schema, String model, String field) {
        Model m = schema.model(model);
        assertThat(m).as("model " + model).isNotNull();
        assertThat(m.field(field)).as(model + "." + field).isInstanceOf(RelationField.class);
        return (RelationField) m.field(field);
    }

    static Relation relation(Schema schema, String model, String field) {
        Relation r = schema.relationOf(model, field);
        assertThat(r).as("relation of " + model + "." + field).isNotNull();
        return r;
    }
}
