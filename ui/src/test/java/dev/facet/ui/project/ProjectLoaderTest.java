package dev.facet.ui.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.schema.config.ConnectionUrlResolver;
import dev.facet.schema.config.UrlResolution;
import dev.facet.ui.testing.TestFiles;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {
    @TempDir
    Path dir;

    private ProjectLoader loader() {
        return new ProjectLoader(new DataAccessConnector(), new ConnectionUrlResolver(Map.of(), dir));
    }

    private Path write(String relative, String text) throws Exception { return TestFiles.write(dir, relative, text); }

    @Test
    void inspectionFindsTheUrlInDotEnvAndNamesFilesAsPrismaDoes() throws Exception {
        Path schema = write("app/prisma/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"
                + "model User {\n  id Int @id\n}\n");
        write("app/prisma/.env", "DATABASE_URL=postgresql://me:pw@localhost:5432/app\n");

        ProjectLoader.Inspection i = loader().inspect(schema);

        assertThat(i.valid()).isTrue();
        assertThat(i.url()).isInstanceOfSatisfying(UrlResolution.Resolved.class,
                r -> assertThat(r.url()).isEqualTo("postgresql://me:pw@localhost:5432/app"));
    }

    @Test
    void anInvalidSchemaFailsWithItsDiagnosticsNamedRelativeToItsFolder() throws Exception {
        Path folder = dir.resolve("multi");
        write("multi/base.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./x.db\"\n}\n");
        write("multi/models/user.prisma", "model User {\n  id Int @id\n  posts Post[]\n}\n");

        assertThatThrownBy(() -> loader().open(folder, null, false))
                .isInstanceOfSatisfying(OpenFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(OpenFailure.Kind.INVALID_SCHEMA);
                    assertThat(f.getMessage()).endsWith("has 1 error");
                    assertThat(f.details()).contains("-->  models/user.prisma:3").contains("posts Post[]");
                });
    }

    @Test
    void aMissingUrlSaysWhereFacetLooked() throws Exception {
        Path schema = write("s/schema.prisma", "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"
                + "model User {\n  id Int @id\n}\n");

        assertThatThrownBy(() -> loader().open(schema, null, false))
                .isInstanceOfSatisfying(OpenFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(OpenFailure.Kind.NO_URL);
                    assertThat(f.getMessage()).startsWith("DATABASE_URL is not set: looked in the process environment");
                });
    }

    @Test
    void aMissingPathOrSqliteFileSaysSo() throws Exception {
        assertThatThrownBy(() -> loader().open(dir.resolve("nope.prisma"), null, false))
                .isInstanceOfSatisfying(OpenFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(OpenFailure.Kind.UNREADABLE);
                    assertThat(f.getMessage()).endsWith("nope.prisma does not exist");
                });
        Path schema = write("lite/schema.prisma", "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./missing.db\"\n}\n"
                + "model User {\n  id Int @id\n}\n");
        assertThatThrownBy(() -> loader().open(schema, null, false))
                .isInstanceOfSatisfying(OpenFailure.class, f -> {
                    // Not only an error: "create it and push the schema" is offered.
                    assertThat(f.kind()).isEqualTo(OpenFailure.Kind.NOT_CREATED);
                    assertThat(f.describe()).startsWith("P1003: ").contains("missing.db");
                    assertThat(f.offer().statements()).singleElement().asString().startsWith("CREATE TABLE \"User\" (");
                });
    }

    @Test
    void databaseLabelsAreShort() {
        assertThat(DatabaseLabel.of("file:./demo.db")).isEqualTo("demo.db");
        assertThat(DatabaseLabel.of("file:/var/data/shop.sqlite?connection_limit=1")).isEqualTo("shop.sqlite");
        assertThat(DatabaseLabel.of("postgresql://me:****@db.example.com:5432/shop?schema=public")).isEqualTo("shop on db.example.com:5432");
        assertThat(DatabaseLabel.of("mysql://root@localhost")).isEqualTo("localhost");
    }
}
