package dev.facet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.mongo.MongoConnection;
import dev.facet.data.mongo.MongoPusher;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;

/**
 * The reads benchmark of docs/benchmarks.md on MongoDB: the data set of {@link QueryBenchmark} (1,000 users with 10
 * posts each, 3 tags per post through id arrays on both sides, a profile per user) and its 2,000 {@code findMany}
 * requests with a three-level include, on the in-process {@code mongo-java-server} (or {@code BENCH_MONGO_URL}, a server
 * URL without a database). It counts the commands the 2,000 requests send (the driver's command listener) at 1,000
 * users and again at 2,000, with the CPU time the test server and Facet spent on them; times Facet's QueryEngine
 * against {@link MongoDriverBaseline}, which sends the same four commands per request and writes the same JSON (it must
 * write as many bytes, or the benchmark stops), on the first {@code timed} requests; and writes, for
 * scripts/bench-query.sh, the schema, the URL, the request file and the first answers of the 1,000-user database.
 *
 * <p>Usage: {@code MongoQueryBenchmark OUT_DIR [timed [counted]]} ({@code timed}: how many of the requests are timed
 * against the baseline, 200 by default: the test server scans a collection for each {@code $in}, 10 to 20 ms a request
 * even on a quiet machine, so five rounds of both on all 2,000 would take minutes; {@code counted}: how many requests
 * are counted and written to the request file, all 2,000 by default, fewer for a quick try)
 */
public final class MongoQueryBenchmark {
    static final String SCHEMA = """
            datasource db {
              provider = "mongodb"
              url      = "%s"
            }

            model User {
              id      Int      @id @map("_id")
              email   String   @unique
              name    String
              age     Int
              posts   Post[]
              profile Profile?
            }

            model Post {
              id       Int    @id @map("_id")
              title    String
              views    Int
              authorId Int
              author   User   @relation(fields: [authorId], references: [id])
              tagIds   Int[]
              tags     Tag[]  @relation(fields: [tagIds], references: [id])

              @@index([authorId])
            }

            model Tag {
              id      Int    @id @map("_id")
              name    String @unique
              postIds Int[]
              posts   Post[] @relation(fields: [postIds], references: [id])
            }

            model Profile {
              id     Int    @id @map("_id")
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id])
            }
            """;

    static final int REQUESTS = QueryBenchmark.REQUESTS;
    /** Each tag is on this many posts: {@code Tag.postIds} is in every answer, so its length sets the answers' size. */
    static final int POSTS_PER_TAG = 3;
    static final int ROUNDS = 5;

    private MongoQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out/query-mongodb");
        int counted = Math.min(REQUESTS, args.length > 2 ? Integer.parseInt(args[2]) : REQUESTS);
        int timed = Math.min(counted, args.length > 1 ? Integer.parseInt(args[1]) : 200);
        Files.createDirectories(out);
        String serverUrl = System.getenv("BENCH_MONGO_URL");
        MongoServer server = null;
        if (serverUrl == null) {
            server = new MongoServer(new MemoryBackend());
            var address = server.bind();
            serverUrl = "mongodb://" + address.getHostString() + ":" + address.getPort();
        }
        try {
            List<JsonNode> requests = QueryBenchmark.requests().subList(0, counted);
            QueryBenchmark.writeRequests(out, requests);
            // 2,000 users first, counted and dropped, so that the database left for the whole-process runs has 1,000.
            try (Setup twice = Setup.open(serverUrl, 2 * QueryBenchmark.USERS)) {
                twice.countAll(requests);
                twice.client.getDatabase(twice.dbName).drop();
            }
            Setup setup = Setup.open(serverUrl, QueryBenchmark.USERS);
            setup.countAll(requests);
            Files.writeString(out.resolve("schema.prisma"), setup.schemaText);
            Files.writeString(out.resolve("url.txt"), setup.url);
            QueryBenchmark.writeExpected(out, setup.engine, requests);
            setup.time(requests.subList(0, timed), counted);
            QueryBenchmark.holdIfAsked();
            setup.close();
        } finally {
            if (server != null) server.shutdown();
        }
    }

    /** One database of the data set, with Facet's engine and a driver client on it. */
    private record Setup(int users, String dbName, String url, String schemaText, Schema schema, MongoClient client, QueryEngine engine,
                         List<String> commands)
            implements AutoCloseable {
        static Setup open(String serverUrl, int users) {
            String dbName = "bench_" + users;
            String url = serverUrl.replaceFirst("/?(\\?|$)", "/" + dbName + "$1");
            String text = SCHEMA.formatted(url);
            Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", text)).schema().orElseThrow();
            MongoClient client = MongoClients.create(serverUrl);
            client.getDatabase(dbName).drop();
            // The collections and indexes facet push makes, as the PostgreSQL benchmark pushes its tables (the test
            // server ignores the non-unique index on Post.authorId; a real server uses it).
            try (MongoConnection connection = MongoConnection.open(url, null)) {
                MongoPusher.push(schema, connection);
            }
            long t0 = System.nanoTime();
            seed(client.getDatabase(dbName), users);
            System.out.printf("seeded %,d users, %,d posts, %,d tags, %,d profiles in %d ms%n", users, users * 10, tags(users), users,
                    (System.nanoTime() - t0) / 1_000_000);
            List<String> commands = new CopyOnWriteArrayList<>();
            QueryEngine engine = Engines.open(schema, url, null, commands::add, (java.time.Duration) null, false);
            return new Setup(users, dbName, url, text, schema, client, engine, commands);
        }

        /** All 2,000 requests through Facet once: the commands they send, and where the CPU went. */
        void countAll(List<JsonNode> requests) throws IOException {
            QueryBenchmark.runFacet(engine, requests.subList(0, Math.min(10, requests.size())));
            commands.clear();
            long[] cpu0 = cpu();
            long nanos = QueryBenchmark.runFacet(engine, requests);
            long[] cpu1 = cpu();
            long sent = commands.stream().filter(c -> c.startsWith("find") || c.startsWith("aggregate") || c.startsWith("distinct")).count();
            int n = requests.size();
            System.out.printf("commands per request, %,d users (%,d documents): %.2f (%,d commands for %,d requests)%n", users,
                    users * (1 + 10 + 1) + tags(users), sent / (double) n, sent, n);
            System.out.printf("Facet over all %,d requests, %,d users: %.1f s (%.2f ms/request, %,d bytes per answer); CPU: test server %s, this JVM's other threads %.1f s%n",
                    n, users, nanos / 1e9, nanos / 1e6 / n, QueryBenchmark.facetBytes / n,
                    cpu0[0] < 0 ? "not in this JVM" : String.format("%.1f s", (cpu1[0] - cpu0[0]) / 1e9), (cpu1[1] - cpu0[1]) / 1e9);
        }

        /**
         * Facet against the driver baseline on the same requests, alternately, after one warm-up round of each. Facet's
         * engine here has no command listener, as in {@code facet query}: the baseline has none either.
         */
        void time(List<JsonNode> requests, int counted) throws IOException {
            try (QueryEngine engine = Engines.open(schema, url, null, null, (java.time.Duration) null, false)) {
                time(engine, requests, counted);
            }
        }

        private void time(QueryEngine engine, List<JsonNode> requests, int counted) throws IOException {
            MongoDriverBaseline baseline = new MongoDriverBaseline(client.getDatabase(dbName));
            QueryBenchmark.runFacet(engine, requests);
            baseline.run(requests);
            long[] facet = new long[ROUNDS];
            long[] driver = new long[ROUNDS];
            long[] phases = new long[5];
            // The calling thread's CPU: Facet's own work and the driver's (the sync driver reads on this thread), without
            // the server's, and far steadier than the wall clock on a busy machine.
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long[] facetCpu = new long[ROUNDS];
            long[] driverCpu = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                facet[i] = QueryBenchmark.runFacet(engine, requests);
                long c1 = threads.getCurrentThreadCpuTime();
                driver[i] = baseline.run(requests);
                long c2 = threads.getCurrentThreadCpuTime();
                facetCpu[i] = c1 - c0;
                driverCpu[i] = c2 - c1;
                for (int p = 0; p < phases.length; p++) phases[p] += baseline.phases[p];
                if (QueryBenchmark.facetBytes != baseline.bytes) {
                    throw new IllegalStateException("the baseline wrote " + baseline.bytes + " bytes, Facet " + QueryBenchmark.facetBytes + ": not the same answers");
                }
            }
            Arrays.sort(facet);
            Arrays.sort(driver);
            Arrays.sort(facetCpu);
            Arrays.sort(driverCpu);
            int n = requests.size();
            System.out.printf("in-process, %,d of the %,d requests, %,d users, best of %d: Facet %.3f ms/request, driver baseline %.3f ms/request, ratio %.2f"
                    + " (medians %.3f and %.3f, ratio %.2f)%n", n, counted, users, ROUNDS, facet[0] / 1e6 / n, driver[0] / 1e6 / n, facet[0] / (double) driver[0],
                    facet[ROUNDS / 2] / 1e6 / n, driver[ROUNDS / 2] / 1e6 / n, facet[ROUNDS / 2] / (double) driver[ROUNDS / 2]);
            System.out.printf("in-process CPU of the calling thread (Facet or the baseline, and the driver), median of %d: Facet %.3f ms/request, driver baseline %.3f ms/request, ratio %.2f%n",
                    ROUNDS, facetCpu[ROUNDS / 2] / 1e6 / n, driverCpu[ROUNDS / 2] / 1e6 / n, facetCpu[ROUNDS / 2] / (double) driverCpu[ROUNDS / 2]);
            double per = 1e6 * n * ROUNDS;
            System.out.printf("driver baseline, where its time goes, ms/request: users %.3f, posts %.3f, tags %.3f, profiles %.3f (round trips), JSON %.3f%n",
                    phases[0] / per, phases[1] / per, phases[2] / per, phases[3] / per, phases[4] / per);
        }

        @Override
        public void close() {
            engine.close();
            client.close();
        }
    }

    /**
     * CPU nanoseconds so far of the in-process test server's threads and of this JVM's other threads (Facet, the driver),
     * or -1 for the server when it runs elsewhere.
     */
    private static long[] cpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long server = 0;
        long other = 0;
        boolean seen = false;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long t = threads.getThreadCpuTime(info.getThreadId());
            if (t < 0) continue;
            if (info.getThreadName().startsWith("mongo-server")) {
                server += t;
                seen = true;
            } else {
                other += t;
            }
        }
        return new long[] {seen ? server : -1, other};
    }

    private static int tags(int users) { return users * 10 * 3 / POSTS_PER_TAG; }

    /** The data set, written with the driver: posts and tags hold each other's ids, each tag on {@link #POSTS_PER_TAG} posts. */
    private static void seed(MongoDatabase db, int users) {
        int tags = tags(users);
        List<Document> us = new ArrayList<>();
        List<Document> profiles = new ArrayList<>();
        List<Document> posts = new ArrayList<>();
        List<List<Long>> postsOfTag = new ArrayList<>();
        for (int t = 0; t < tags; t++) postsOfTag.add(new ArrayList<>());
        int postId = 1;
        for (int u = 1; u <= users; u++) {
            us.add(new Document("_id", u).append("email", "user" + u + "@example.com").append("name", "User " + u).append("age", (long) (18 + u % 60)));
            profiles.add(new Document("_id", u).append("bio", "Bio of user " + u).append("userId", (long) u));
            for (int p = 0; p < 10; p++, postId++) {
                List<Long> tagIds = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    // For each t a bijection of the posts onto the tags (7 is prime to the tag count): three distinct tags
                    // per post, three posts per tag.
                    int tag = 1 + (int) ((postId * 7L + t * 13L) % tags);
                    tagIds.add((long) tag);
                    postsOfTag.get(tag - 1).add((long) postId);
                }
                posts.add(new Document("_id", postId).append("title", "Post " + postId).append("views", (long) (postId % 1000))
                        .append("authorId", (long) u).append("tagIds", tagIds));
            }
        }
        List<Document> tagDocs = new ArrayList<>();
        for (int t = 1; t <= tags; t++) tagDocs.add(new Document("_id", t).append("name", "tag" + t).append("postIds", postsOfTag.get(t - 1)));
        db.getCollection("User").insertMany(us);
        db.getCollection("Profile").insertMany(profiles);
        db.getCollection("Post").insertMany(posts);
        db.getCollection("Tag").insertMany(tagDocs);
    }
}
