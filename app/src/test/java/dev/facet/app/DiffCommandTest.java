package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code facet diff} on SQLite files: the comparison the window shows, per model, with its exit status. */
class DiffCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path schema() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, """
                datasource db {
                  provider = "sqlite"
                  url      = "file:./shop.db"
                }

                model User {
                  id       Int     @id @default(autoincrement())
                  email    String  @unique
                  nickname String?
                  @@map("users")
                }

                model Tag {
                  id Int @id
                }
                """);
        return schema;
    }

    private void database(String... ddl) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("shop.db")); Statement s = c.createStatement()) {
            for (String statement : ddl) s.execute(statement);
        }
    }

    @Test
    void printsEachModelsDifferencesAndExitsWith3() throws Exception {
        Path schema = schema();
        database("CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL, age INTEGER)");

        int status = run("diff", "--schema", schema.toString());

        assertThat(status).as(err.toString()).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("""
                User (table "users"):
                  - column "nickname" of field nickname is missing in the database
                  - column "age" (Int) is not in the schema
                  - unique constraint "users_email_key" on email is missing in the database
                Tag:
                  - table "Tag" is missing in the database

                The database differs from the schema: 4 differences in 2 models.
                """);
    }

    @Test
    void aDatabaseInStepExitsWith0() throws Exception {
        Path schema = schema();
        database("CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL, nickname TEXT)",
                "CREATE UNIQUE INDEX users_email_key ON users(email)", "CREATE TABLE \"Tag\" (id INTEGER NOT NULL PRIMARY KEY)");

        assertThat(run("diff", "--schema", schema.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("The database is in step with the schema.\n");
    }

    @Test
    void aBadUrlIsAnErrorNotADifference() throws Exception {
        Path schema = schema();
        int status = run("diff", "--schema", schema.toString(), "--url", "postgresql://nobody@127.0.0.1:1/none");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: P1013");
        assertThat(out.toString()).isEmpty();
    }
}
