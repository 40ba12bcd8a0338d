package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.facet.schema.model.Datasource;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.RelationMode;
import dev.facet.schema.model.UrlSetting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PushCommandTest {
    private static final String MODELS = """
            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
              posts Post[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              author   User   @relation(fields: [authorId], references: [id])
              authorId Int
              tags     Tag[]
            }
            model Tag {
              name  String @id
              posts Post[]
            }
            """;

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path schema(String datasource) throws IOException {
        Path file = dir.resolve("schema.prisma");
        Files.writeString(file, datasource + MODELS);
        return file;
    }

    @Test
    void pushesToSqliteNextToTheSchemaAndSaysWhatItCreated() throws IOException {
        Path schema = schema("datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n");

        int status = run("push", "--schema", schema.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("Datasource \"db\": SQLite database \"dev.db\" at \"" + dir.resolve("dev.db") + "\"");
        assertThat(lines.get(1)).matches("Created 4 tables, 3 indexes, 3 foreign keys in \\d+ ms");
        assertThat(dir.resolve("dev.db")).isRegularFile();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void secondPushStopsWithOneLineNamingTheTables() throws IOException {
        Path schema = schema("datasource db {\n  provider = \"sqlite\"\n  url      = \"file:./dev.db\"\n}\n");
        assertThat(run("push", "--schema", schema.toString())).isZero();
        err.getBuffer().setLength(0);

        int status = run("push", "--schema", schema.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: The database already has 4 of the schema's tables: \"User\", \"Post\", \"Tag\", "
                + "\"_PostToTag\". facet push only creates tables in a database that does not have them yet; it never alters or "
                + "drops existing tables.\n");
    }

    @Test
    void unreachableServerIsOneLineWithoutPasswordOrStackTrace() throws IOException {
        Path schema = schema("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"FACET_TEST_NO_SUCH_VARIABLE\")\n}\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        int status = run("push", "--schema", schema.toString(), "--url", "postgresql://jane:s3cret-pw@127.0.0.1:" + port + "/shop");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: P1001: Can't reach database server at 127.0.0.1:" + port + ": connection refused\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void schemaErrorsArePrintedAsPrismaDoesAndExitIs1() throws IOException {
        Path file = dir.resolve("schema.prisma");
        Files.writeString(file, "datasource db {\n  provider = \"sqlite\"\n  url = \"file:./dev.db\"\n}\nmodel A {\n  id Int @id\n  b  Nope\n}\n");

        int status = run("push", "--schema", file.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: ").contains("-->  ").contains("Nope");
        assertThat(dir.resolve("dev.db")).doesNotExist();
    }

    @Test
    void unreadableSchemaIsExit2() {
        assertThat(run("push", "--schema", dir.resolve("missing.prisma").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Could not read ");
    }

    @Test
    void urlComesFromADotEnvBesideTheSchema() throws IOException {
        Path schema = schema("datasource db {\n  provider = \"sqlite\"\n  url      = env(\"FACET_PUSH_TEST_URL\")\n}\n");
        Files.writeString(dir.resolve(".env"), "FACET_PUSH_TEST_URL=\"file:./from-env.db\"\n");

        assertThat(run("push", "--schema", schema.toString())).as(err.toString()).isZero();
        assertThat(dir.resolve("from-env.db")).isRegularFile();
    }

    @Test
    void aMissingUrlSaysWhereFacetLooked() throws IOException {
        Path schema = schema("datasource db {\n  provider = \"sqlite\"\n  url      = env(\"FACET_PUSH_TEST_MISSING\")\n}\n");

        assertThat(run("push", "--schema", schema.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: FACET_PUSH_TEST_MISSING").contains("looked in the process environment");
    }
}
