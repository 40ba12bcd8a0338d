package dev.facet.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.facet.data.value.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * The hand-written baseline of {@link MongoQueryBenchmark}: the four commands Facet sends per request (the users page,
 * their posts by {@code authorId $in}, the posts' tags by {@code _id $in}, the profiles by {@code userId $in}), sent with
 * the driver with the same filters, sorts and projections, and the same JSON written with a generator in Prisma's shape. It times each command's round trip apart
 * from the JSON, to show where the time goes.
 */
final class MongoDriverBaseline {
    /** Nanoseconds of the last run: the users, posts, tags and profiles round trips, then the JSON. */
    final long[] phases = new long[5];
    /** The JSON written in the last run: the same answers have the same length. */
    long bytes;

    // The fields Facet asks for: the selected ones and the keys of the relations.
    private static final Document USER = fields("_id", "email", "name", "age");
    private static final Document POST = fields("_id", "title", "views", "authorId", "tagIds");
    private static final Document TAG = fields("_id", "name", "postIds");
    private static final Document PROFILE = fields("_id", "bio", "userId");

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> posts;
    private final MongoCollection<Document> tags;
    private final MongoCollection<Document> profiles;

    MongoDriverBaseline(MongoDatabase db) {
        users = db.getCollection("User");
        posts = db.getCollection("Post");
        tags = db.getCollection("Tag");
        profiles = db.getCollection("Profile");
    }

    /** @return the nanoseconds the requests took */
    long run(List<JsonNode> requests) throws IOException {
        java.util.Arrays.fill(phases, 0);
        long start = System.nanoTime();
        long written = 0;
        for (JsonNode r : requests) {
            long gt = r.get("args").get("where").get("id").get("gt").asLong();
            long t0 = System.nanoTime();
            List<Document> page = users.find(new Document("_id", new Document("$gt", gt))).sort(new Document("_id", 1)).projection(USER).limit(20).into(new ArrayList<>());
            List<Long> authorKeys = page.stream().map(d -> ((Number) d.get("_id")).longValue()).toList();
            long t1 = System.nanoTime();
            List<Document> ps = posts.find(new Document("authorId", new Document("$in", authorKeys))).sort(new Document("_id", 1)).projection(POST).into(new ArrayList<>());
            long t2 = System.nanoTime();
            Set<Object> tagKeys = new LinkedHashSet<>();
            for (Document p : ps) for (Object t : p.getList("tagIds", Object.class)) tagKeys.add(((Number) t).intValue());
            Map<Integer, Document> tagById = new LinkedHashMap<>();
            for (Document t : tags.find(new Document("_id", new Document("$in", new ArrayList<>(tagKeys)))).projection(TAG)) tagById.put(((Number) t.get("_id")).intValue(), t);
            long t3 = System.nanoTime();
            Map<Long, Document> profileOf = new LinkedHashMap<>();
            for (Document p : profiles.find(new Document("userId", new Document("$in", authorKeys))).projection(PROFILE)) profileOf.put(((Number) p.get("userId")).longValue(), p);
            long t4 = System.nanoTime();
            Map<Long, List<Document>> postsOf = new LinkedHashMap<>();
            for (Document p : ps) postsOf.computeIfAbsent(((Number) p.get("authorId")).longValue(), k -> new ArrayList<>()).add(p);
            ByteArrayBuilder out = new ByteArrayBuilder(4096);
            try (JsonGenerator g = JsonCodec.MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartArray();
                for (Document u : page) writeUser(g, u, postsOf, tagById, profileOf);
                g.writeEndArray();
            }
            written += out.size();
            long t5 = System.nanoTime();
            phases[0] += t1 - t0;
            phases[1] += t2 - t1;
            phases[2] += t3 - t2;
            phases[3] += t4 - t3;
            phases[4] += t5 - t4;
        }
        bytes = written;
        return System.nanoTime() - start;
    }

    private static Document fields(String... names) {
        Document d = new Document();
        for (String n : names) d.append(n, 1);
        return d;
    }

    private static void writeUser(JsonGenerator g, Document u, Map<Long, List<Document>> postsOf, Map<Integer, Document> tagById,
                                  Map<Long, Document> profileOf) throws IOException {
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
            for (int t : ids.stream().map(t -> ((Number) t).intValue()).sorted().toList()) {
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
}
