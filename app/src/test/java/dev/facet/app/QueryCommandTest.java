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

    private Run query(String input, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = FacetCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        QueryCommand command = cli.getSubcommands().get("query").getCommand();
        command.input = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
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
}
