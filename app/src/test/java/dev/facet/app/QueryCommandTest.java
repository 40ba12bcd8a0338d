package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code facet query}: one JSON line in, one JSON line out, and {@code --transaction} all or nothing. */
class QueryCommandTest {
    private static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
              url      = "file:./q.db"
            }
            model User {
              id    Int    @id @default(autoincrement())
              email String @unique
              posts Post[]
            }
            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
            }
            """;

    @TempDir Path dir;
    private Path schema;

    @BeforeEach
    void push() throws IOException {
        schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        assertThat(FacetCommand.commandLine().execute("push", "--schema", schema.toString())).isZero();
    }

    private record Run(int status, List<String> lines, String err) {}

    private Run query(String input, String... extra) { return query(input.getBytes(StandardCharsets.UTF_8), extra); }

    private Run query(byte[] input, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        QueryCommand command = cli.getSubcommands().get("query").getCommand();
        command.input = new ByteArrayInputStream(input);
        String[] args = new String[2 + extra.length + 1];
        args[0] = "query";
        args[1] = "--schema=" + schema;
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[args.length - 1] = "--url=file:./q.db";
        int status = cli.execute(args);
        return new Run(status, out.toString().lines().toList(), err.toString());
    }

    @Test
    void answersEachLineWithDataOrAnError() {
        Run run = query("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x", "posts": {"create": {"title": "Hi"}}}}}
                {"model": "User", "action": "findMany", "args": {"include": {"posts": {"select": {"title": true}}}}}
                {"model": "User", "action": "findUniqueOrThrow", "args": {"where": {"id": 42}}}
                not json
                """);
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0)).isEqualTo("{\"data\":{\"id\":1,\"email\":\"a@x\"}}");
        assertThat(run.lines().get(1)).isEqualTo("{\"data\":[{\"id\":1,\"email\":\"a@x\",\"posts\":[{\"title\":\"Hi\"}]}]}");
        assertThat(run.lines().get(2)).startsWith("{\"error\":{\"code\":\"P2025\"");
        assertThat(run.lines().get(3)).startsWith("{\"error\":{\"code\":\"P2009\",\"message\":\"line 4: invalid JSON");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aTransactionTakesEffectWhollyOrNotAtAll() {
        Run failed = query("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                """, "--transaction");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.lines()).hasSize(2);
        assertThat(failed.lines().get(0)).contains("\"code\":\"P2034\"").contains("\"line\":1");
        assertThat(failed.lines().get(1)).contains("\"code\":\"P2002\"").contains("\"line\":2");
        assertThat(query("{\"model\": \"User\", \"action\": \"count\"}").lines()).containsExactly("{\"data\":0}");

        Run ok = query("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                {"model": "Post", "action": "create", "args": {"data": {"title": "T", "author": {"connect": {"email": "a@x"}}}}}
                """, "--transaction");
        assertThat(ok.status()).isZero();
        assertThat(query("{\"model\": \"Post\", \"action\": \"count\"}").lines()).containsExactly("{\"data\":1}");
    }

    @Test
    void readsRunSideBySideButAnswersKeepTheirOrderAndSeeEveryWriteAbove() {
        StringBuilder input = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            input.append("{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"u").append(i).append("\"}}}\n");
            input.append("{\"model\": \"User\", \"action\": \"count\"}\n");
            input.append("{\"model\": \"User\", \"action\": \"findUnique\", \"args\": {\"where\": {\"email\": \"u").append(i).append("\"}, \"select\": {\"id\": true}}}\n");
            input.append("not json\n");
        }
        Run run = query(input.toString(), "--jobs=4");
        assertThat(run.lines()).hasSize(160);
        for (int i = 1; i <= 40; i++) {
            int at = (i - 1) * 4;
            assertThat(run.lines().get(at)).isEqualTo("{\"data\":{\"id\":" + i + ",\"email\":\"u" + i + "\"}}");
            assertThat(run.lines().get(at + 1)).isEqualTo("{\"data\":" + i + "}");
            assertThat(run.lines().get(at + 2)).isEqualTo("{\"data\":{\"id\":" + i + "}}");
            assertThat(run.lines().get(at + 3)).contains("\"line " + (at + 4) + ": invalid JSON");
        }
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void deepRequestsAreOneErrorLineEachAndTheStatementTimeoutIsAnOption() {
        String deep = "{\"id\": 1}";
        for (int i = 0; i < 600; i++) deep = "{\"AND\": " + deep + "}";
        Run run = query("{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"where\": " + deep + "}}\n"
                + "{\"model\": \"User\", \"action\": \"count\"}\n", "--statement-timeout=2.5");
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("{\"error\":{\"code\":\"P2009\",\"message\":\"where.AND.AND").contains("nests deeper than 123 levels");
        assertThat(run.lines().get(1)).isEqualTo("{\"data\":0}");
        assertThat(query("", "--statement-timeout=soon").status()).isEqualTo(2);
        assertThat(query("", "--statement-timeout=-1").status()).isEqualTo(2);
    }

    @Test
    void jobsMustBeAtLeastOne() {
        assertThat(query("", "--jobs=0").status()).isEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() throws IOException {
        Path pg = dir.resolve("pg.prisma");
        Files.writeString(pg, SCHEMA.replace("\"sqlite\"", "\"postgresql\""));
        StringWriter err = new StringWriter();
        CommandLine cli = FacetCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute("query", "--schema", pg.toString(), "--url", "postgresql://facet:secret@127.0.0.1:1/none?connect_timeout=2");
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: P1001").doesNotContain("secret").doesNotContain("\tat ");
    }

    private static String deepAnd(int depth) {
        StringBuilder where = new StringBuilder();
        where.append("{\"AND\": ".repeat(depth)).append("{\"email\": \"a@x\"}").append("}".repeat(depth));
        return "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"where\": " + where + "}}";
    }

    @Test
    void aRequestThatOverflowsTheStackIsAnsweredAndTheLinesAfterItStillRun() {
        // 900 levels overflow the stack of an engine not yet compiled by the JIT (the old code died with exit 2 and a
        // stack trace, losing the lines after it); once compiled, the same request may fit: either way it is answered.
        Run run = query(deepAnd(900) + "\n"
                + "{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"a@x\"}}}\n"
                + "{\"model\": \"User\", \"action\": \"count\"}\n");
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).matches("\\{\"error\":\\{\"code\":\"P2009\".*|\\{\"data\":\\[]}");
        assertThat(run.lines().get(1)).isEqualTo("{\"data\":{\"id\":1,\"email\":\"a@x\"}}");
        assertThat(run.lines().get(2)).isEqualTo("{\"data\":1}");
        assertThat(run.err()).isEmpty();

        Run inTransaction = query("{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"b@x\"}}}\n"
                + deepAnd(900) + "\n", "--transaction");
        assertThat(inTransaction.lines()).hasSize(2);
        assertThat(inTransaction.err()).isEmpty();
        boolean failed = inTransaction.lines().get(1).startsWith("{\"error\"");
        if (failed) {
            assertThat(inTransaction.lines().get(0)).contains("\"code\":\"P2034\"").contains("\"line\":1");
            assertThat(inTransaction.lines().get(1)).startsWith("{\"error\":{\"code\":\"P2009\"").contains("\"line\":2");
        }
        assertThat(query("{\"model\": \"User\", \"action\": \"count\"}").lines()).containsExactly("{\"data\":" + (failed ? 1 : 2) + "}");
    }

    @Test
    void eachLineIsExactlyOneRequestInStrictUtf8() {
        String count = "{\"model\": \"User\", \"action\": \"count\"}";
        java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
        input.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        input.writeBytes((count + "\r\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes((count + " " + count + "\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes((count + " xx\n").getBytes(StandardCharsets.UTF_8));
        input.writeBytes("{\"model\": \"User\", \"action\": \"count\", \"action\": \"deleteMany\"}\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes("{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"where\": {\"email\": \"".getBytes(StandardCharsets.UTF_8));
        input.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
        input.writeBytes("\"}}}\n".getBytes(StandardCharsets.UTF_8));
        input.writeBytes(("\n" + count + "\n").getBytes(StandardCharsets.UTF_8));
        Run run = query(input.toByteArray());
        assertThat(run.lines()).hasSize(6);
        assertThat(run.lines().get(0)).isEqualTo("{\"data\":0}");
        assertThat(run.lines().get(1)).startsWith("{\"error\":{\"code\":\"P2009\",\"message\":\"line 2: invalid JSON: Trailing token");
        assertThat(run.lines().get(2)).startsWith("{\"error\":{\"code\":\"P2009\",\"message\":\"line 3: invalid JSON");
        assertThat(run.lines().get(3)).startsWith("{\"error\":{\"code\":\"P2009\",\"message\":\"line 4: invalid JSON: Duplicate field 'action'");
        assertThat(run.lines().get(4)).isEqualTo("{\"error\":{\"code\":\"P2009\",\"message\":\"line 5: invalid UTF-8 at byte 70 of the line\"}}");
        assertThat(run.lines().get(5)).isEqualTo("{\"data\":0}");
        assertThat(run.status()).isEqualTo(1);
    }

    @Test
    void aTransactionWithBadLinesAnswersEveryLineAndRunsNothing() {
        Run run = query("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                {"model": "User", "action": "count"} {"model": "User", "action": "count"}
                {"model": "User", "action": "count"}
                """, "--transaction");
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).contains("\"code\":\"P2034\"").contains("line 2 is not a valid request").contains("\"line\":1");
        assertThat(run.lines().get(1)).contains("\"code\":\"P2009\"").contains("\"line\":2");
        assertThat(run.lines().get(2)).contains("\"code\":\"P2034\"").contains("\"line\":3");
        assertThat(query("{\"model\": \"User\", \"action\": \"count\"}").lines()).containsExactly("{\"data\":0}");
    }

    @Test
    void aTransactionWhoseCommitFailsAnswersEveryLine() throws Exception {
        // A deferred foreign key is checked at COMMIT: the commit itself fails, as it does on a full disk.
        Files.delete(dir.resolve("q.db"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("q.db"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("CREATE TABLE \"User\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"email\" TEXT NOT NULL UNIQUE)");
            st.execute("CREATE TABLE \"Post\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \"title\" TEXT NOT NULL, \"authorId\" INTEGER NOT NULL"
                    + " REFERENCES \"User\" (\"id\") DEFERRABLE INITIALLY DEFERRED)");
        }
        Run run = query("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                {"model": "Post", "action": "createMany", "args": {"data": [{"title": "t", "authorId": 99}]}}
                """, "--transaction");
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("{\"error\":{\"code\":").contains("Rolled back").contains("\"line\":1");
        assertThat(run.lines().get(1)).startsWith("{\"error\":{\"code\":").contains("Rolled back").contains("\"line\":2");
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        assertThat(query("{\"model\": \"User\", \"action\": \"count\"}").lines()).containsExactly("{\"data\":0}");
    }

    @Test
    void aLongAnswerIsPrintedAsItIsReadAndMatchesTheWholeAnswer() {
        StringBuilder input = new StringBuilder();
        String padding = "p".repeat(300);
        for (int batch = 0; batch < 5; batch++) {
            input.append("{\"model\": \"User\", \"action\": \"createMany\", \"args\": {\"data\": [");
            for (int i = 0; i < 700; i++) input.append(i > 0 ? "," : "").append("{\"email\": \"").append(batch * 700 + i).append(padding).append("\"}");
            input.append("]}}\n");
        }
        input.append("{\"model\": \"Post\", \"action\": \"createMany\", \"args\": {\"data\": [");
        for (int i = 1; i <= 3500; i += 2) input.append(i > 1 ? "," : "").append("{\"title\": \"t").append(i).append("\", \"authorId\": ").append(i).append("}");
        input.append("]}}\n");
        assertThat(query(input.toString()).status()).isZero();

        String read = "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"include\": {\"posts\": true}, \"orderBy\": {\"id\": \"desc\"}}}\n";
        String count = "{\"model\": \"Post\", \"action\": \"count\"}\n";
        Run streamed = query(read + count + read + count, "--jobs=2");
        Run whole = query(read, "--transaction");
        assertThat(streamed.lines()).hasSize(4);
        assertThat(streamed.lines().get(0).length()).as(streamed.lines().get(0).substring(0, 200)).isGreaterThan(RequestStream.HELD_BYTES);
        // Compared as booleans: a failure would print megabytes.
        assertThat(streamed.lines().get(0).equals(whole.lines().get(0))).as("streamed answer = whole answer").isTrue();
        assertThat(streamed.lines().get(2).equals(streamed.lines().get(0))).as("the same read twice").isTrue();
        assertThat(streamed.lines().get(1)).isEqualTo("{\"data\":1750}");
        assertThat(streamed.lines().get(3)).isEqualTo("{\"data\":1750}");
        assertThat(streamed.status()).isZero();
    }
}
