package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PullCommandTest {
    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path database(String... ddl) throws SQLException {
        Path file = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String statement : ddl) s.execute(statement);
        }
        return file;
    }

    @Test
    void printsTheSchemaOfASqliteDatabaseFormatted() throws Exception {
        Path db = database("CREATE TABLE \"User\" (id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL)",
                "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(email)",
                "CREATE TABLE \"Post\" (id INTEGER NOT NULL PRIMARY KEY, \"authorId\" INTEGER NOT NULL,"
                        + " CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\" (id) ON DELETE RESTRICT ON UPDATE CASCADE)");

        int status = run("pull", "--url", "file:" + db);

        assertThat(status).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("""
                datasource db {
                  provider = "sqlite"
                }

                model Post {
                  id       Int  @id @default(autoincrement())
                  authorId Int
                  User     User @relation(fields: [authorId], references: [id])
                }

                model User {
                  id    Int    @id @default(autoincrement())
                  email String @unique
                  Post  Post[]
                }
                """);
    }

    @Test
    void writesTheSchemaToOutAndSaysWhatItDid() throws Exception {
        Path db = database("CREATE TABLE tag (name TEXT NOT NULL PRIMARY KEY)");
        Path file = dir.resolve("schema.prisma");

        assertThat(run("pull", "--url", "file:" + db, "--out", file.toString())).as(err.toString()).isZero();

        assertThat(Files.readString(file)).contains("model tag {\n  name String @id\n}\n");
        assertThat(out.toString()).startsWith("Introspected SQLite database").contains(": 1 model and wrote them into " + file + " in ");
    }

    @Test
    void anEmptyDatabaseIsPrismasP4001() throws Exception {
        Path db = database("CREATE TABLE t (x INTEGER)", "DROP TABLE t");

        assertThat(run("pull", "--url", "file:" + db)).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: P4001: The introspected database was empty: ");
    }

    @Test
    void unreachableServerIsOneLineWithoutPasswordOrStackTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int status = run("pull", "--url", "postgresql://jane:s3cret-pw@127.0.0.1:" + port + "/shop");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: P1001: Can't reach database server at 127.0.0.1:" + port + ": connection refused\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingSqliteFileIsNotCreated() {
        Path missing = dir.resolve("missing.db");

        assertThat(run("pull", "--url", "file:" + missing)).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: P1003");
        assertThat(missing).doesNotExist();
    }

    @Test
    void aUrlIsRequired() {
        assertThat(run("pull")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--url=U'");
    }
}
