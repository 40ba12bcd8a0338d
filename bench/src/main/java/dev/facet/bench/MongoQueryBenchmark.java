package dev.facet.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.facet.data.Engines;
import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;

/**
 * The reads benchmark of docs/benchmarks.md on MongoDB: the same data set as {@link QueryBenchmark} (1,000 users with
 * 10 posts each, 3 tags per post through id arrays on both sides, a profile per user) and the same 2,000 {@code findMany}
 * requests with a three-level include, on the in-process {@code mongo-java-server} (or {@code BENCH_MONGO_URL}, a
 * server URL without a database). It counts the commands each request sends (the driver's command listener), at 1,000
 * users and again at 2,000, and times Facet's QueryEngine against a hand-written driver baseline that sends the same
 * four commands per request and writes the same JSON (it must write as many bytes, or the benchmark stops).
 *
 * <p>Usage: {@code MongoQueryBenchmark [requests]} (the first {@code requests} of the 2,000; all by default: the
 * in-process test server scans a collection for each {@code $in}, which takes long on a loaded machine)
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

    static final int REQUESTS = 2_000;
    static final int TAGS = 50;

    private MongoQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        String given = System.getenv("BENCH_MONGO_URL");
        MongoServer server = null;
        String serverUrl = given;
        if (serverUrl == null) {
            server = new MongoServer(new MemoryBackend());
            var address = server.bind();
            serverUrl = "mongodb://" + address.getHostString() + ":" + address.getPort();
        }
        try {
            int n = args.length > 0 ? Integer.parseInt(args[0]) : REQUESTS;
            for (int users : new int[] {1_000, 2_000}) run(serverUrl, users, users == 1_000, n);
        } finally {
            if (server != null) server.shutdown();
        }
    }

    private static void run(String serverUrl, int users, boolean time, int n) throws IOException {
        String dbName = "bench_" + users;
        String url = serverUrl.replaceFirst("/?(\\?|$)", "/" + dbName + "$1");
        try (MongoClient client = MongoClients.create(serverUrl)) {
            MongoDatabase db = client.getDatabase(dbName);
            db.drop();
            seed(db, users);
            Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.formatted(url))).schema().orElseThrow();
            List<String> commands = new CopyOnWriteArrayList<>();
            List<JsonNode> requests = QueryBenchmark.requests().subList(0, n);
            try (QueryEngine engine = Engines.open(schema, url, null, commands::add, (java.time.Duration) null, false)) {
                runFacet(engine, requests.subList(0, Math.min(10, n)));
                commands.clear();
                runFacet(engine, requests);
                long sent = commands.stream().filter(c -> c.startsWith("find") || c.startsWith("aggregate") || c.startsWith("distinct")).count();
                System.out.printf("%,d users, %,d documents: %d requests sent %d commands (%.2f per request)%n", users,
                        users * (1 + 10 + 1) + TAGS, n, sent, sent / (double) n);
                if (!time) return;
                runDriver(db, requests);
                long facet = Long.MAX_VALUE;
                long driver = Long.MAX_VALUE;
                for (int i = 0; i < 2; i++) {
                    facet = Math.min(facet, runFacet(engine, requests));
                    driver = Math.min(driver, runDriver(db, requests));
                }
                if (QueryBenchmark.facetBytes != driverBytes) {
                    throw new IllegalStateException("the baseline wrote " + driverBytes + " bytes, Facet " + QueryBenchmark.facetBytes + ": not the same answers");
                }
                System.out.printf("in-process, %d requests (best of 2): Facet %.3f ms/request, driver baseline %.3f ms/request, ratio %.2f%n", n,
                        facet / 1e6 / n, driver / 1e6 / n, facet / (double) driver);
            }
        }
    }

    /** The data set, written with the driver: posts and tags hold each other's ids. */
    private static void seed(MongoDatabase db, int users) {
        List<Document> us = new ArrayList<>();
        List<Document> profiles = new ArrayList<>();
        List<Document> posts = new ArrayList<>();
        Map<Integer, List<Integer>> postsOfTag = new LinkedHashMap<>();
        int postId = 1;
        for (int u = 1; u <= users; u++) {
            us.add(new Document("_id", u).append("email", "user" + u + "@example.com").append("name", "User " + u).append("age", (long) (18 + u % 60)));
            profiles.add(new Document("_id", u).append("bio", "Bio of user " + u).append("userId", (long) u));
            for (int p = 0; p < 10; p++, postId++) {
                List<Long> tagIds = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    int tag = 1 + (postId * 7 + t * 13) % TAGS;
                    if (!tagIds.contains((long) tag)) tagIds.add((long) tag);
                    postsOfTag.computeIfAbsent(tag, k -> new ArrayList<>()).add(postId);
                }
                posts.add(new Document("_id", postId).append("title", "Post " + postId).append("views", (long) (postId % 1000))
                        .append("authorId", (long) u).append("tagIds", tagIds));
            }
        }
        List<Document> tags = new ArrayList<>();
        for (int t = 1; t <= TAGS; t++) {
            List<Long> ids = postsOfTag.getOrDefault(t, List.of()).stream().distinct().map(Integer::longValue).toList();
            tags.add(new Document("_id", t).append("name", "tag" + t).append("postIds", ids));
        }
        db.getCollection("User").insertMany(us);
        db.getCollection("Profile").insertMany(profiles);
        db.getCollection("Post").insertMany(posts);
        db.getCollection("Tag").insertMany(tags);
    }

    private static long driverBytes;

    /** Facet answering the requests as {@code facet query} writes them (the PostgreSQL benchmark's own loop). */
    private static long runFacet(QueryEngine engine, List<JsonNode> requests) throws IOException {
        return QueryBenchmark.runFacet(engine, requests);
    }

    /**
     * The same four commands per request, by hand: the users page, their posts by author, the posts' tags by id, the
     * profiles by user; the JSON written with a generator in Prisma's shape.
     */
    private static long runDriver(MongoDatabase db, List<JsonNode> requests) throws IOException {
        MongoCollection<Document> users = db.getCollection("User");
        MongoCollection<Document> posts = db.getCollection("Post");
        MongoCollection<Document> tags = db.getCollection("Tag");
        MongoCollection<Document> profiles = db.getCollection("Profile");
        long start = System.nanoTime();
        long bytes = 0;
        for (JsonNode r : requests) {
            JsonNode args = r.get("args");
            long gt = args.get("where").get("id").get("gt").asLong();
            List<Document> page = users.find(new Document("_id", new Document("$gt", gt))).sort(new Document("_id", 1)).limit(20).into(new ArrayList<>());
            List<Object> userIds = page.stream().map(d -> d.get("_id")).toList();
            List<Long> authorKeys = userIds.stream().map(id -> ((Number) id).longValue()).toList();
            List<Document> ps = posts.find(new Document("authorId", new Document("$in", authorKeys))).sort(new Document("_id", 1)).into(new ArrayList<>());
            Set<Object> tagKeys = new LinkedHashSet<>();
            for (Document p : ps) for (Object t : p.getList("tagIds", Object.class)) tagKeys.add(((Number) t).intValue());
            Map<Integer, Document> tagById = new LinkedHashMap<>();
            for (Document t : tags.find(new Document("_id", new Document("$in", new ArrayList<>(tagKeys))))) tagById.put(((Number) t.get("_id")).intValue(), t);
            Map<Long, Document> profileOf = new LinkedHashMap<>();
            for (Document p : profiles.find(new Document("userId", new Document("$in", authorKeys)))) profileOf.put(((Number) p.get("userId")).longValue(), p);
            Map<Long, List<Document>> postsOf = new LinkedHashMap<>();
            for (Document p : ps) postsOf.computeIfAbsent(((Number) p.get("authorId")).longValue(), k -> new ArrayList<>()).add(p);
            ByteArrayBuilder out = new ByteArrayBuilder(4096);
            try (JsonGenerator g = JsonCodec.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (Document u : page) {
                    long id = ((Number) u.get("_id")).longValue();
                    g.writeStartObject();
                    g.writeNumberField("id", (int) id);
                    g.writeStringField("email", u.getString("email"));
                    g.writeStringField("name", u.getString("name"));
                    g.writeNumberField("age", ((Number) u.get("age")).intValue());
                    g.writeArrayFieldStart("posts");
                    for (Document p : postsOf.getOrDefault(id, List.of())) {
                        g.writeStartObject();
                        g.writeNumberField("id", ((Number) p.get("_id")).intValue());
                        g.writeStringField("title", p.getString("title"));
                        g.writeNumberField("views", ((Number) p.get("views")).intValue());
                        g.writeNumberField("authorId", ((Number) p.get("authorId")).intValue());
                        List<Object> ids = p.getList("tagIds", Object.class);
                        g.writeArrayFieldStart("tagIds");
                        for (Object t : ids) g.writeNumber(((Number) t).intValue());
                        g.writeEndArray();
                        g.writeArrayFieldStart("tags");
                        List<Integer> sorted = ids.stream().map(t -> ((Number) t).intValue()).sorted().toList();
                        for (int t : sorted) {
                            Document tag = tagById.get(t);
                            g.writeStartObject();
                            g.writeNumberField("id", t);
                            g.writeStringField("name", tag.getString("name"));
                            g.writeArrayFieldStart("postIds");
                            for (Object pid : tag.getList("postIds", Object.class)) g.writeNumber(((Number) pid).intValue());
                            g.writeEndArray();
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    Document profile = profileOf.get(id);
                    if (profile == null) {
                        g.writeNullField("profile");
                    } else {
                        g.writeObjectFieldStart("profile");
                        g.writeNumberField("id", ((Number) profile.get("_id")).intValue());
                        g.writeStringField("bio", profile.getString("bio"));
                        g.writeNumberField("userId", ((Number) profile.get("userId")).intValue());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            bytes += out.size();
        }
        driverBytes = bytes;
        return System.nanoTime() - start;
    }
}
