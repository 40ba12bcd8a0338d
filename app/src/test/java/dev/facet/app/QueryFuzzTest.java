package dev.facet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fuzz test of {@code facet query} in its own process, on SQLite: random and mutated requests, deep nesting, huge
 * values and broken envelopes. Whatever comes in, every request line gets exactly one answer line (one JSON object
 * with {@code data} or {@code error}), standard error stays empty (no stack trace, no library log) and the process
 * lives to the end of its input. Seeded, so a failure is reproducible: {@code -Dfacet.fuzz.seed=S}; more requests
 * with {@code -Dfacet.fuzz.requests=N} (default 300).
 */
class QueryFuzzTest {
    private static final int REQUESTS = Integer.getInteger("facet.fuzz.requests", 300);
    private static final long SEED = Long.getLong("facet.fuzz.seed", 18L);

    private static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
              url      = "file:./fuzz.db"
            }
            enum Role {
              USER
              ADMIN
            }
            model User {
              id    Int       @id @default(autoincrement())
              email String    @unique
              name  String?
              age   Int?
              score Float?
              born  DateTime?
              bio   Bytes?
              big   BigInt?
              dec   Decimal?
              role  Role      @default(USER)
              posts Post[]
              tags  Tag[]
            }
            model Post {
              id        Int     @id @default(autoincrement())
              title     String
              published Boolean @default(false)
              authorId  Int?
              author    User?   @relation(fields: [authorId], references: [id], onDelete: Cascade)
            }
            model Tag {
              id    Int    @id @default(autoincrement())
              name  String @unique
              users User[]
            }
            """;

    private static final String[] MODELS = {"User", "Post", "Tag", "Nope", ""};
    private static final String[] ACTIONS = {"findMany", "findFirst", "findUnique", "findUniqueOrThrow", "findFirstOrThrow", "count",
            "aggregate", "groupBy", "create", "createMany", "update", "updateMany", "upsert", "delete", "deleteMany", "previewDelete",
            "createManyAndReturn", "explode", "", "__proto__"};
    private static final String[] FIELDS = {"id", "email", "name", "age", "score", "born", "bio", "big", "dec", "role", "posts", "tags",
            "title", "published", "authorId", "author", "users", "_count", "nope"};
    private static final String[] OPERATORS = {"equals", "not", "in", "notIn", "lt", "lte", "gt", "gte", "contains", "startsWith",
            "endsWith", "mode", "some", "every", "none", "is", "isNot", "has", "search"};
    private static final String[] ARGUMENTS = {"where", "select", "include", "omit", "orderBy", "skip", "take", "cursor", "distinct",
            "data", "create", "update", "by", "_count", "_sum", "_avg", "_min", "_max", "having", "skipDuplicates", "limit"};

    @TempDir Path dir;

    @Test
    void everyLineGetsOneAnswerAndTheProcessLivesToTheEnd() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        assertThat(FacetCommand.commandLine().execute("push", "--schema", schema.toString())).isZero();

        Random random = new Random(SEED);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) lines.add(seedLine(i));
        List<byte[]> valid = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            byte[] line = switch (random.nextInt(10)) {
                case 0, 1, 2 -> request(random).getBytes(StandardCharsets.UTF_8);
                case 3, 4 -> valid.isEmpty() ? request(random).getBytes(StandardCharsets.UTF_8) : mutate(random, valid.get(random.nextInt(valid.size())));
                case 5 -> deep(random).getBytes(StandardCharsets.UTF_8);
                case 6 -> huge(random).getBytes(StandardCharsets.UTF_8);
                case 7 -> envelope(random, request(random));
                default -> request(random).getBytes(StandardCharsets.UTF_8);
            };
            if (isBlank(line)) line = "{}".getBytes(StandardCharsets.UTF_8);
            lines.add(line);
            if (line.length < 2000 && random.nextInt(3) == 0) valid.add(line);
        }
        Path input = dir.resolve("input.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            bytes.writeBytes(line);
            bytes.write('\n');
        }
        Files.write(input, bytes.toByteArray());

        Process process = facetQuery("-Xmx256m", schema, input, dir.resolve("out.jsonl"), dir.resolve("err.txt"));
        // Bounded only so that a hung process fails the build instead of holding it.
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) process.destroyForcibly();
        assertThat(ended).as("facet query ended").isTrue();

        List<String> answers = Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"));
        int errors = 0;
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer;
            try {
                answer = JsonCodec.parse(answers.get(i));
            } catch (IllegalArgumentException e) {
                malformed.add((i + 1) + ": " + abbreviate(answers.get(i)));
                continue;
            }
            boolean ok = answer.isObject() && (answer.has("data") || answer.path("error").path("code").isTextual()
                    && answer.path("error").path("message").isTextual());
            if (!ok) malformed.add((i + 1) + ": " + abbreviate(answers.get(i)));
            if (answer.has("error")) errors++;
        }
        System.out.printf("facet query fuzz (seed %d): %d request lines, %d answers, %d errors, %d malformed answers, exit %d, "
                + "stderr %d chars%n", SEED, lines.size(), answers.size(), errors, malformed.size(), process.exitValue(), err.length());
        assertThat(err).as("standard error").isEmpty();
        assertThat(process.exitValue()).as("exit status").isIn(0, 1);
        assertThat(answers).as("one answer per request line").hasSize(lines.size());
        assertThat(malformed).as("answers that are not {data} or {error}").isEmpty();
    }

    /** {@code java -cp <test class path> dev.facet.app.FacetCommand query}, with facet.jar's logging configuration. */
    private Process facetQuery(String heap, Path schema, Path input, Path out, Path err) throws IOException {
        URL logback = null;
        for (URL u : java.util.Collections.list(getClass().getClassLoader().getResources("logback.xml"))) {
            if (logback == null || u.toString().contains("/app/")) logback = u;
        }
        assertThat(logback).as("facet.jar's logback.xml").isNotNull();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, heap, "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback, "-Dfacet.log.dir=" + dir.resolve("log"),
                "--enable-native-access=ALL-UNNAMED", "dev.facet.app.FacetCommand", "query", "--schema", schema.toString());
        pb.redirectInput(input.toFile());
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        return pb.start();
    }

    @Test
    void anAnswerThatExhaustsTheHeapIsAnErrorLineAndTheProcessGoesOn() throws Exception {
        Path schema = dir.resolve("schema.prisma");
        Files.writeString(schema, SCHEMA);
        assertThat(FacetCommand.commandLine().execute("push", "--schema", schema.toString())).isZero();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("fuzz.db"))) {
            c.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO \"User\" (\"email\", \"name\") VALUES (?, ?)")) {
                for (int i = 0; i < 300_000; i++) {
                    ps.setString(1, "user" + i + "@example.com");
                    ps.setString(2, "name of user " + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        // distinct is applied in memory, so the 300,000 records are held at once: more than a 32 MB heap has.
        Path input = dir.resolve("input.jsonl");
        Files.writeString(input, """
                {"model": "User", "action": "findMany", "args": {"distinct": ["name"], "include": {"posts": true}}}
                {"model": "User", "action": "create", "args": {"data": {"email": "after@x"}, "select": {"email": true}}}
                {"model": "User", "action": "count"}
                """);
        Process process = facetQuery("-Xmx32m", schema, input, dir.resolve("out.jsonl"), dir.resolve("err.txt"));
        boolean ended = process.waitFor(10, TimeUnit.MINUTES);
        if (!ended) process.destroyForcibly();
        assertThat(ended).as("facet query ended").isTrue();
        List<String> answers = Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8);
        assertThat(Files.readString(dir.resolve("err.txt"))).as("standard error").isEmpty();
        assertThat(answers).hasSize(3);
        // The JVM's heap runs out (P2010), or the SQLite driver's own allocation does first (its error, P2039).
        assertThat(answers.get(0)).startsWith("{\"error\":{\"code\":\"P20").containsIgnoringCase("memory");
        assertThat(answers.get(1)).isEqualTo("{\"data\":{\"email\":\"after@x\"}}");
        assertThat(answers.get(2)).isEqualTo("{\"data\":300001}");
        assertThat(process.exitValue()).isEqualTo(1);
    }

    private static byte[] seedLine(int i) {
        String line = i % 3 == 0
                ? "{\"model\": \"Tag\", \"action\": \"create\", \"args\": {\"data\": {\"name\": \"t" + i + "\"}}}"
                : "{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"u" + i + "@x\", \"age\": " + i
                + ", \"posts\": {\"create\": [{\"title\": \"p" + i + "\"}]}, \"tags\": {\"connectOrCreate\": {\"where\": {\"name\": \"t0\"}, "
                + "\"create\": {\"name\": \"t0\"}}}}}}";
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(Random r, String[] options) { return options[r.nextInt(options.length)]; }

    /** A request that is often valid and often not: the engine's own checks get exercised too. */
    private static String request(Random r) {
        StringBuilder args = new StringBuilder("{");
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (i > 0) args.append(", ");
            args.append('"').append(r.nextInt(4) == 0 ? pick(r, ARGUMENTS) : List.of("where", "data", "select", "include", "take").get(r.nextInt(5)))
                    .append("\": ").append(value(r, 3));
        }
        args.append('}');
        String model = r.nextInt(8) == 0 ? pick(r, MODELS) : MODELS[r.nextInt(3)];
        return "{\"model\": \"" + model + "\", \"action\": \"" + pick(r, ACTIONS) + "\", \"args\": " + args + "}";
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 6 : 10);
        return switch (kind) {
            case 0 -> Integer.toString(r.nextInt(40) - 5);
            case 1 -> "\"" + List.of("u1@x", "t0", "p3", "ADMIN", "2024-01-01T00:00:00.000Z", "AAEC", "", "it's \\\"q\\\"", "😀",
                    "\\ud800", "\\u0000", "1e1000000000", "12345678901234567890").get(r.nextInt(13)) + "\"";
            case 2 -> r.nextBoolean() ? "true" : "null";
            case 3 -> List.of("1.5", "-0", "1e309", "2147483648", "9223372036854775808", "-1", "0.1").get(r.nextInt(7));
            case 4 -> "[]";
            case 5 -> "{}";
            case 6, 7 -> {
                StringBuilder o = new StringBuilder("{");
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    if (i > 0) o.append(", ");
                    String key = r.nextBoolean() ? pick(r, FIELDS) : r.nextBoolean() ? pick(r, OPERATORS) : pick(r, ARGUMENTS);
                    if (r.nextInt(6) == 0) key = List.of("AND", "OR", "NOT", "create", "connect", "set", "increment").get(r.nextInt(7));
                    o.append('"').append(key).append("\": ").append(value(r, depth - 1));
                }
                yield o.append('}').toString();
            }
            default -> {
                StringBuilder a = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) a.append(i > 0 ? ", " : "").append(value(r, depth - 1));
                yield a.append(']').toString();
            }
        };
    }

    /** Bytes changed, removed, repeated or cut: most results are not JSON, some are other requests. */
    private static byte[] mutate(Random r, byte[] line) {
        byte[] out = line.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && out.length > 1; e++) {
            int at = r.nextInt(out.length);
            switch (r.nextInt(5)) {
                case 0 -> {
                    String noise = "{}[]\",:0a\\ \u007f";
                    out[at] = (byte) noise.charAt(r.nextInt(noise.length()));
                }
                case 1 -> out[at] = (byte) (0x80 + r.nextInt(0x80));
                case 2 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    out = shorter;
                }
                case 3 -> out = java.util.Arrays.copyOf(out, at + 1);
                default -> {
                    ByteArrayOutputStream twice = new ByteArrayOutputStream();
                    twice.writeBytes(out);
                    twice.writeBytes(java.util.Arrays.copyOfRange(out, at, out.length));
                    out = twice.toByteArray();
                }
            }
        }
        for (int i = 0; i < out.length; i++) if (out[i] == '\n') out[i] = ' ';
        return out;
    }

    /** Filters, selections and nested writes nested hundreds to thousands deep. */
    private static String deep(Random r) {
        int kind = r.nextInt(5);
        // JSON nesting per step of each kind; most requests stay just under the parser's limit of 1,000 levels, where
        // the engine's own recursion is deepest, the others go anywhere up to far beyond it.
        int perStep = new int[] {1, 2, 4, 4, 4}[kind];
        int jsonDepth = r.nextInt(3) > 0 ? 600 + r.nextInt(390) : 20 + r.nextInt(4000);
        int depth = Math.max(1, jsonDepth / perStep);
        return switch (kind) {
            case 0 -> "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"where\": " + "{\"AND\": ".repeat(depth) + "{\"id\": 1}"
                    + "}".repeat(depth) + "}}";
            case 1 -> "{\"model\": \"User\", \"action\": \"count\", \"args\": {\"where\": " + "{\"NOT\": [".repeat(depth) + "{\"age\": 1}"
                    + "]}".repeat(depth) + "}}";
            case 2 -> "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"include\": "
                    + "{\"posts\": {\"include\": {\"author\": {\"include\": ".repeat(depth) + "true" + "}}}}".repeat(depth) + "}}";
            case 3 -> "{\"model\": \"Post\", \"action\": \"findMany\", \"args\": {\"where\": "
                    + "{\"author\": {\"is\": {\"posts\": {\"some\": ".repeat(depth) + "{}" + "}}}}".repeat(depth) + "}}";
            default -> "{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"deep" + r.nextInt() + "\", \"posts\": "
                    + "{\"create\": {\"title\": \"x\", \"author\": {\"create\": {\"email\": \"d\", \"posts\": ".repeat(depth) + "{}"
                    + "}}}}".repeat(depth) + "}}}";
        };
    }

    /** Megabytes of string, thousands of digits, long lists. */
    private static String huge(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "{\"model\": \"User\", \"action\": \"create\", \"args\": {\"data\": {\"email\": \"" + "x".repeat(1 + r.nextInt(3 << 20)) + "\"}}}";
            case 1 -> "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"take\": " + "9".repeat(1 + r.nextInt(100_000)) + "}}";
            case 2 -> {
                StringBuilder in = new StringBuilder();
                int n = 1 + r.nextInt(200_000);
                for (int i = 0; i < n; i++) in.append(i > 0 ? "," : "").append(i);
                yield "{\"model\": \"User\", \"action\": \"findMany\", \"args\": {\"where\": {\"id\": {\"in\": [" + in + "]}}}}";
            }
            case 3 -> "{\"model\": \"User\", \"action\": \"update\", \"args\": {\"where\": {\"id\": 1}, \"data\": {\"dec\": \"1e" + r.nextInt() + "\", "
                    + "\"big\": \"" + "7".repeat(1 + r.nextInt(5000)) + "\"}}}";
            default -> {
                StringBuilder data = new StringBuilder();
                int n = 1 + r.nextInt(20_000);
                for (int i = 0; i < n; i++) data.append(i > 0 ? "," : "").append("{\"name\": \"h").append(r.nextInt()).append("\"}");
                yield "{\"model\": \"Tag\", \"action\": \"createMany\", \"args\": {\"skipDuplicates\": true, \"data\": [" + data + "]}}";
            }
        };
    }

    /** The line around a request broken: not an object, two objects, garbage after, bad bytes, a BOM in the middle. */
    private static byte[] envelope(Random r, String request) {
        String text = switch (r.nextInt(9)) {
            case 0 -> "[" + request + "]";
            case 1 -> request + " " + request;
            case 2 -> request + " garbage";
            case 3 -> request.replace("\"action\"", "\"action\": \"count\", \"action\"");
            case 4 -> "{\"model\": 1, \"action\": null}";
            case 5 -> "\"just a string\"";
            case 6 -> request.substring(0, request.length() / 2);
            case 7 -> "\uFEFF" + request;
            default -> null;
        };
        if (text != null) return text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        bytes[r.nextInt(bytes.length)] = (byte) 0xFF;
        return bytes;
    }

    private static boolean isBlank(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString().isBlank();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    private static String abbreviate(String s) { return s.length() <= 300 ? s : s.substring(0, 300) + "..."; }
}
