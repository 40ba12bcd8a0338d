package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code facet push} and {@code facet query} on a MongoDB schema, against an in-process MongoDB test server. */
class MongoCommandsTest {
    private static final String SCHEMA = """
            datasource db {
              provider = "mongodb"
              url      = env("DATABASE_URL")
            }

            model User {
              id    String @id @default(auto()) @map("_id") @db.ObjectId
              email String @unique
            }
            """;

    private static MongoServer server;
    private static String url;

    @TempDir Path dir;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress a = server.bind();
        url = "mongodb://127.0.0.1:" + a.getPort() + "/shop";
    }

    @AfterAll
    static void stop() { server.shutdownNow(); }

    private record Run(int status, String out, String err) {}

    private Run facet(String stdin, String... args) {
        CommandLine cli = FacetCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        if (stdin != null) {
            QueryCommand q = (QueryCommand) cli.getSubcommands().get("query").getCommand();
            q.input = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    @Test
    void pushThenQuery() throws IOException {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Run push = facet(null, "push", "--schema", schema.toString(), "--url", url);
        assertThat(push.status()).as(push.err()).isZero();
        assertThat(push.out()).contains("MongoDB database \"shop\" at 127.0.0.1:").contains("Created 1 collection, 1 index");
        Run again = facet(null, "push", "--schema", schema.toString(), "--url", url);
        assertThat(again.out()).contains("already there, left as they are: 1 collection (User), 1 index (User_email_key)");

        Run q = facet("""
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}, "select": {"email": true}}}
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}}}
                {"model": "User", "action": "findMany", "args": {"select": {"email": true}}}
                """, "query", "--schema", schema.toString(), "--url", url, "--jobs=1");
        assertThat(q.out().lines().toList()).containsExactly("{\"data\":{\"email\":\"a@x\"}}",
                "{\"error\":{\"code\":\"P2002\",\"message\":\"Unique constraint failed on the constraint: `User_email_key`\"}}",
                "{\"data\":[{\"email\":\"a@x\"}]}");
    }

    @Test
    void allowNonAtomicRunsAWriteOfSeveralDocumentsOnAServerWithoutTransactions() throws IOException {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        String other = url.replace("/shop", "/atomic");
        assertThat(facet(null, "push", "--schema", schema.toString(), "--url", other).status()).isZero();
        String seed = """
                {"model": "User", "action": "create", "args": {"data": {"email": "a@x"}, "select": {"email": true}}}
                {"model": "User", "action": "create", "args": {"data": {"email": "b@x"}, "select": {"email": true}}}
                """;
        String deleteBoth = "{\"model\": \"User\", \"action\": \"deleteMany\", \"args\": {}}\n";
        Run refused = facet(seed + deleteBoth, "query", "--schema", schema.toString(), "--url", other, "--jobs=1");
        assertThat(refused.out().lines().toList().getLast()).startsWith("{\"error\":{\"code\":\"P2031\"");
        Run allowed = facet(deleteBoth, "query", "--schema", schema.toString(), "--url", other, "--allow-non-atomic");
        assertThat(allowed.out().lines().toList()).containsExactly("{\"data\":{\"count\":2}}");
    }

    @Test
    void anUnreachableServerIsP1001NamingTheHostAndNotThePassword() throws IOException {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        Run q = facet("", "query", "--schema", schema.toString(), "--url", "mongodb://me:hunter2@127.0.0.1:1/shop?serverSelectionTimeoutMS=300");
        assertThat(q.status()).isEqualTo(1);
        assertThat(q.err()).startsWith("error: P1001: Can't reach database server at 127.0.0.1:1").doesNotContain("hunter2");
    }
}
