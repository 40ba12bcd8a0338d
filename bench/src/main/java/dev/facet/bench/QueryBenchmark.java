package dev.facet.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.DatabaseUrl;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

/**
 * The reads benchmark of docs/benchmarks.md. It builds the data set (1,000 users with 10 posts
 * each, 3 tags per post, a profile per user) on PostgreSQL (embedded, or {@code BENCH_POSTGRES_URL})
 * or SQLite, writes the request file of 2,000 {@code findMany} requests, and measures in this JVM:
 * Facet's QueryEngine and a hand-written JDBC baseline running the same four statements per request
 * and building the same JSON. The whole-process runs ({@code facet query}, Prisma 7) are timed by
 * scripts/bench-query.sh with the files this writes. It then measures pages of 100 by cursor on a
 * table of 1,000,000 rows.
 *
 * <p>Usage: {@code QueryBenchmark OUT_DIR postgres|sqlite [rows-for-cursor-table]}
 */
public final class QueryBenchmark {
    static final String SCHEMA = """
            datasource db {
              provider = "%s"
              url      = "%s"
            }

            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String
              age     Int
              posts   Post[]
              profile Profile?
            }

            model Profile {
              id     Int    @id @default(autoincrement())
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id])
            }

            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              views    Int
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
              tags     Tag[]

              @@index([authorId])
            }

            model Tag {
              id    Int    @id @default(autoincrement())
              name  String @unique
              posts Post[]
            }

            model Row {
              id    Int    @id @default(autoincrement())
              value String
            }
            """;

    static final int USERS = 1000;
    static final int REQUESTS = 2000;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String kind = args[1];
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Files.createDirectories(out);
        EmbeddedPostgres pg = null;
        String url;
        if (kind.equals("postgres")) {
            String given = System.getenv("BENCH_POSTGRES_URL");
            if (given != null) {
                url = given;
            } else {
                pg = EmbeddedPostgres.builder().setDataDirectory(out.resolve("pgdata")).setCleanDataDirectory(true).start();
                url = "postgresql://postgres@localhost:" + pg.getPort() + "/postgres";
            }
        } else {
            Files.deleteIfExists(out.resolve("bench.db"));
            url = "file:./bench.db";
        }
        String provider = kind.equals("postgres") ? "postgresql" : "sqlite";
        String schemaText = SCHEMA.formatted(provider, url);
        Files.writeString(out.resolve("schema.prisma"), schemaText);
        Files.writeString(out.resolve("url.txt"), url);
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", schemaText)).schema().orElseThrow();
        try (SqlDatabase db = SqlDatabase.open(schema.provider().orElseThrow(), DatabaseUrl.parse(url, out), true)) {
            SchemaPusher.push(schema, db);
            QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, db.dataSource(), null, null));
            long t0 = System.nanoTime();
            seed(engine, rows);
            System.out.printf("seeded %d users, %d posts, %d tags links, %d profiles, %d rows in %d ms%n", USERS, USERS * 10, USERS * 30, USERS, rows,
                    (System.nanoTime() - t0) / 1_000_000);
            if (kind.equals("postgres")) {
                // Settle the database before anything is timed: otherwise autovacuum and the checkpoint of the load run
                // during the first timed runs (seen: 0.15 to 1.1 s more per run for a minute or two).
                try (Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE");
                    s.execute("CHECKPOINT");
                }
            }
            List<JsonNode> requests = requests();
            writeRequests(out, requests);
            writeExpected(out, engine, requests);

            // Warm up both, then measure each three times and keep the best.
            for (int i = 0; i < 3; i++) {
                runFacet(engine, requests);
                runJdbc(db.dataSource(), requests, kind);
            }
            if (facetBytes != jdbcBytes) {
                throw new IllegalStateException("the baseline wrote " + jdbcBytes + " bytes of JSON, Facet " + facetBytes + ": not the same answers");
            }
            long facet = Long.MAX_VALUE;
            long jdbc = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                facet = Math.min(facet, runFacet(engine, requests));
                jdbc = Math.min(jdbc, runJdbc(db.dataSource(), requests, kind));
            }
            if (CPU_CLOCK) System.out.println("(in-process times below are the thread's CPU time)");
            System.out.printf("in-process, %d requests: Facet %.3f ms/request, JDBC baseline %.3f ms/request, ratio %.2f (%,d bytes per answer)%n", REQUESTS,
                    facet / 1e6 / REQUESTS, jdbc / 1e6 / REQUESTS, (double) facet / jdbc, facetBytes / REQUESTS);
            cursorPages(engine, rows);
            holdIfAsked();
        } finally {
            if (pg != null) pg.close();
        }
    }

    private static void seed(QueryEngine engine, int rows) {
        Random random = new Random(42);
        List<String> words = List.of("alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "lambda");
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        for (String w : words) tags.addObject().put("name", w);
        engine.execute("Tag", "createMany", object("data", tags));
        ArrayNode users = JsonNodeFactory.instance.arrayNode();
        ArrayNode profiles = JsonNodeFactory.instance.arrayNode();
        for (int u = 1; u <= USERS; u++) {
            users.addObject().put("email", "user" + u + "@example.com").put("name", words.get(u % words.size()) + " " + u).put("age", 18 + u % 60);
            profiles.addObject().put("bio", "Bio of user " + u).put("userId", u);
        }
        engine.execute("User", "createMany", object("data", users));
        engine.execute("Profile", "createMany", object("data", profiles));
        ArrayNode posts = JsonNodeFactory.instance.arrayNode();
        for (int u = 1; u <= USERS; u++) {
            for (int p = 0; p < 10; p++) posts.addObject().put("title", "Post " + p + " of " + u).put("views", random.nextInt(1000)).put("authorId", u);
        }
        engine.execute("Post", "createMany", object("data", posts));
        // Tags per post through the implicit join table: connect three tags to each post, in batches of one transaction.
        List<QueryEngine.Request> batch = new ArrayList<>();
        for (int post = 1; post <= USERS * 10; post++) {
            ObjectNode args = JsonNodeFactory.instance.objectNode();
            args.putObject("where").put("id", post);
            ArrayNode connect = args.putObject("data").putObject("tags").putArray("connect");
            for (int t = 0; t < 3; t++) connect.addObject().put("id", 1 + (post + t) % words.size());
            args.putObject("select").put("id", true);
            batch.add(new QueryEngine.Request("Post", "update", args));
        }
        engine.executeInTransaction(batch);
        for (int from = 0; from < rows; from += 20_000) {
            ArrayNode chunk = JsonNodeFactory.instance.arrayNode();
            for (int i = from; i < Math.min(rows, from + 20_000); i++) chunk.addObject().put("value", "row " + i);
            engine.execute("Row", "createMany", object("data", chunk));
        }
    }

    private static ObjectNode object(String key, JsonNode value) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(key, value);
        return o;
    }

    /** 2,000 findMany requests with a varying where, as the issue describes. */
    static List<JsonNode> requests() {
        List<JsonNode> out = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < REQUESTS; i++) {
            ObjectNode r = JsonNodeFactory.instance.objectNode();
            r.put("model", "User").put("action", "findMany");
            ObjectNode args = r.putObject("args");
            args.putObject("where").putObject("id").put("gt", random.nextInt(USERS - 20));
            args.put("take", 20);
            args.putObject("orderBy").put("id", "asc");
            ObjectNode include = args.putObject("include");
            ObjectNode posts = include.putObject("posts");
            posts.putObject("include").put("tags", true);
            posts.putObject("orderBy").put("id", "asc");
            include.put("profile", true);
            out.add(r);
        }
        return out;
    }

    /** The request file that scripts/bench-query.sh feeds to {@code facet query}, one request per line. */
    static void writeRequests(Path out, List<JsonNode> requests) throws IOException {
        StringBuilder file = new StringBuilder();
        for (JsonNode r : requests) file.append(JsonCodec.write(r)).append('\n');
        Files.writeString(out.resolve("requests.jsonl"), file);
    }

    /** How many answers {@link #writeExpected} writes: enough to compare, small on any database. */
    static final int EXPECTED = 20;

    /**
     * The first answers as {@code facet query} prints them ({@code {"data": ...}}, one line each), written by this
     * JVM's engine: scripts/bench-query.sh checks that the whole process prints the same bytes.
     */
    static void writeExpected(Path out, QueryEngine engine, List<JsonNode> requests) throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(1 << 16);
        for (JsonNode r : requests.subList(0, Math.min(EXPECTED, requests.size()))) {
            try (JsonGenerator g = JsonCodec.MAPPER.createGenerator(bytes, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeFieldName("data");
                engine.write(r.get("model").asText(), r.get("action").asText(), r.get("args"), g);
                g.writeEndObject();
            }
            bytes.write('\n');
        }
        Files.write(out.resolve("expected.jsonl"), bytes.toByteArray());
    }

    /**
     * With {@code -Dfacet.bench.hold=true} (scripts/bench-query.sh), says so and keeps the database up, so that the
     * script can time whole {@code facet query} processes against it; the script ends this JVM when done.
     */
    static void holdIfAsked() throws InterruptedException {
        if (!Boolean.getBoolean("facet.bench.hold")) return;
        System.out.println("ready: holding the database for the whole-process runs");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static long runFacet(QueryEngine engine, List<JsonNode> requests) throws IOException {
        long start = now();
        long bytes = 0;
        for (JsonNode r : requests) {
            // As facet query answers: written straight to UTF-8.
            ByteArrayBuilder out = new ByteArrayBuilder(4096);
            try (JsonGenerator g = JsonCodec.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                engine.write("User", "findMany", r.get("args"), g);
            }
            bytes += out.size();
        }
        if (bytes == 0) throw new IllegalStateException();
        facetBytes = bytes;
        return now() - start;
    }

    /**
     * The clock of the in-process runs: wall time, or with {@code -Dfacet.bench.clock=cpu} the thread's CPU time (the
     * database work of SQLite included, it runs on the calling thread), which a machine busy with other work disturbs far less.
     */
    private static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("facet.bench.clock"));

    private static long now() {
        return CPU_CLOCK ? java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** The JSON each side wrote in its last run: the same answers have the same length. */
    static long facetBytes;
    private static long jdbcBytes;

    private record Post(int id, String title, int views, int authorId, List<Object[]> tags) {}

    /**
     * The same four statements Facet runs per request, written by hand, writing the same JSON. Parents' keys go as
     * Facet sends them: one array on PostgreSQL ({@code = ANY(?)}), an IN list elsewhere.
     */
    private static long runJdbc(DataSource ds, List<JsonNode> requests, String kind) throws SQLException, IOException {
        long start = now();
        long bytes = 0;
        boolean array = kind.equals("postgres");
        try (Connection c = ds.getConnection();
             PreparedStatement users = c.prepareStatement("SELECT t0.\"id\", t0.\"email\", t0.\"name\", t0.\"age\" FROM \"User\" t0 WHERE t0.\"id\" > ? ORDER BY t0.\"id\" ASC LIMIT 20")) {
            for (JsonNode r : requests) {
                users.setInt(1, r.get("args").get("where").get("id").get("gt").asInt());
                List<Object[]> userRows = new ArrayList<>();
                List<Integer> ids = new ArrayList<>();
                try (ResultSet rs = users.executeQuery()) {
                    while (rs.next()) {
                        int age = rs.getInt(4);
                        userRows.add(new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : age});
                        ids.add(rs.getInt(1));
                    }
                }
                Map<Integer, List<Post>> postsByUser = new HashMap<>();
                Map<Integer, Post> postById = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT t0.\"id\", t0.\"title\", t0.\"views\", t0.\"authorId\" FROM \"Post\" t0 WHERE "
                        + keysIn("t0.\"authorId\"", ids.size(), array) + " ORDER BY t0.\"id\" ASC")) {
                    bindKeys(c, ps, ids, array);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Post p = new Post(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4), new ArrayList<>());
                            postsByUser.computeIfAbsent(p.authorId(), k -> new ArrayList<>()).add(p);
                            postById.put(p.id(), p);
                        }
                    }
                }
                if (!postById.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT t0.\"id\", t0.\"name\", j0.\"A\" FROM \"Tag\" t0 JOIN \"_PostToTag\" j0 ON j0.\"B\" = t0.\"id\" WHERE "
                            + keysIn("j0.\"A\"", postById.size(), array))) {
                        bindKeys(c, ps, new ArrayList<>(postById.keySet()), array);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) postById.get(rs.getInt(3)).tags().add(new Object[] {rs.getInt(1), rs.getString(2)});
                        }
                    }
                }
                Map<Integer, Object[]> profiles = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT t0.\"id\", t0.\"bio\", t0.\"userId\" FROM \"Profile\" t0 WHERE "
                        + keysIn("t0.\"userId\"", ids.size(), array))) {
                    bindKeys(c, ps, ids, array);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) profiles.put(rs.getInt(3), new Object[] {rs.getInt(1), rs.getString(2), rs.getInt(3)});
                    }
                }
                ByteArrayBuilder out = new ByteArrayBuilder(4096);
                try (JsonGenerator g = JsonCodec.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                    g.writeStartArray();
                    for (Object[] u : userRows) {
                        g.writeStartObject();
                        g.writeNumberField("id", (Integer) u[0]);
                        g.writeStringField("email", (String) u[1]);
                        g.writeStringField("name", (String) u[2]);
                        g.writeFieldName("age");
                        if (u[3] == null) g.writeNull(); else g.writeNumber((Integer) u[3]);
                        g.writeArrayFieldStart("posts");
                        for (Post p : postsByUser.getOrDefault((Integer) u[0], List.of())) {
                            g.writeStartObject();
                            g.writeNumberField("id", p.id());
                            g.writeStringField("title", p.title());
                            g.writeNumberField("views", p.views());
                            g.writeNumberField("authorId", p.authorId());
                            g.writeArrayFieldStart("tags");
                            for (Object[] t : p.tags()) {
                                g.writeStartObject();
                                g.writeNumberField("id", (Integer) t[0]);
                                g.writeStringField("name", (String) t[1]);
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        Object[] profile = profiles.get((Integer) u[0]);
                        g.writeFieldName("profile");
                        if (profile == null) {
                            g.writeNull();
                        } else {
                            g.writeStartObject();
                            g.writeNumberField("id", (Integer) profile[0]);
                            g.writeStringField("bio", (String) profile[1]);
                            g.writeNumberField("userId", (Integer) profile[2]);
                            g.writeEndObject();
                        }
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                bytes += out.size();
            }
        }
        if (bytes == 0) throw new IllegalStateException();
        jdbcBytes = bytes;
        return now() - start;
    }

    private static String keysIn(String column, int n, boolean array) {
        if (array) return column + " = ANY(?)";
        String[] q = new String[n];
        Arrays.fill(q, "?");
        return column + " IN (" + String.join(", ", q) + ")";
    }

    private static void bindKeys(Connection c, PreparedStatement ps, List<Integer> keys, boolean array) throws SQLException {
        if (array) {
            ps.setArray(1, c.createArrayOf("int4", keys.toArray()));
        } else {
            for (int i = 0; i < keys.size(); i++) ps.setInt(i + 1, keys.get(i));
        }
    }

    /** Pages of 100 by cursor from anywhere in the 1,000,000-row table. */
    private static void cursorPages(QueryEngine engine, int rows) {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) page(engine, 1 + random.nextInt(rows));
        long[] times = new long[1000];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            page(engine, 1 + random.nextInt(rows));
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("cursor pages of 100 on %d rows: median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", rows,
                times[times.length / 2] / 1e6, times[(int) (times.length * 0.95)] / 1e6, times[(int) (times.length * 0.99)] / 1e6,
                times[times.length - 1] / 1e6);
    }

    private static void page(QueryEngine engine, int cursor) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.putObject("cursor").put("id", cursor);
        args.put("take", 100);
        args.putObject("orderBy").put("id", "asc");
        JsonNode rows = engine.execute("Row", "findMany", args);
        if (rows.isEmpty()) throw new IllegalStateException("empty page at " + cursor);
    }

}
