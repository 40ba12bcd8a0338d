package dev.facet.data.bench;

import dev.facet.data.QueryEngine;
import dev.facet.data.sql.SqlConnector;
import dev.facet.data.sql.connect.SqlDatabase;
import dev.facet.data.sql.ddl.SchemaPusher;
import dev.facet.data.testdb.DbKind;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.LoadResult;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Deleting a user with 10,000 posts of 10 comments each (and another user's 1,000 posts that stay):
 * the cascade emulated by Facet ({@code relationMode = "prisma"}) against the database's own
 * foreign-key cascade ({@code onDelete: Cascade}), through the same {@code delete} request, on
 * PostgreSQL and SQLite. Prints the median and the best time of several rounds and the number of
 * statements each delete ran. A main, not a test: {@code scripts/bench-writes.sh} runs it, and
 * {@code mvn verify} never does.
 *
 * <p>Arguments: {@code [posts] [commentsPerPost] [rounds]} (default 10000 10 5).
 */
public final class CascadeDeleteBench {
    private static final String SCHEMA = """
            datasource db {
              provider     = "%PROVIDER%"
              url          = "file:unused.db"
              relationMode = "%MODE%"
            }

            model User {
              id    Int    @id
              email String @unique
              posts Post[]
            }

            model Post {
              id       Int       @id
              title    String
              authorId Int
              author   User      @relation(fields: [authorId], references: [id], onDelete: Cascade)
              comments Comment[]

              @@index([authorId])
            }

            model Comment {
              id     Int    @id
              text   String
              postId Int
              post   Post   @relation(fields: [postId], references: [id], onDelete: Cascade)

              @@index([postId])
            }
            """;

    private CascadeDeleteBench() {}

    /** One measured configuration. */
    private record Result(DbKind kind, String mode, List<Long> millis, int statements) {
        long median() {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return sorted.get(sorted.size() / 2);
        }

        long best() { return Collections.min(millis); }
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int comments = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        TestDatabases dbs = new TestDatabases();
        List<Result> results = new ArrayList<>();
        try {
            for (DbKind kind : List.of(DbKind.POSTGRES, DbKind.SQLITE)) {
                for (String mode : List.of("foreignKeys", "prisma")) results.add(measure(dbs, kind, mode, posts, comments, rounds));
            }
        } finally {
            dbs.afterAll(null);
        }
        System.out.printf(Locale.ROOT, "%nDeleting 1 user with %,d posts and %,d comments (%d rounds; median, best):%n", posts, posts * comments, rounds);
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  %-8s %-11s median %6d ms  best %6d ms  statements %d%n", r.kind(), r.mode(), r.median(), r.best(),
                    r.statements());
        }
        for (int i = 0; i < results.size(); i += 2) {
            Result nativeFk = results.get(i);
            Result emulated = results.get(i + 1);
            System.out.printf(Locale.ROOT, "  %-8s emulated / native: %.2f (median), %.2f (best)%n", nativeFk.kind(),
                    (double) emulated.median() / nativeFk.median(), (double) emulated.best() / nativeFk.best());
        }
    }

    private static Result measure(TestDatabases dbs, DbKind kind, String mode, int posts, int comments, int rounds) throws SQLException {
        LoadResult loaded = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA.replace("%PROVIDER%", kind.provider().id()).replace("%MODE%", mode)));
        if (loaded.hasErrors()) throw new IllegalStateException(loaded.errors().toString());
        Schema schema = loaded.schema().orElseThrow();
        SqlDatabase database = dbs.fresh(kind).open();
        SchemaPusher.push(schema, database);
        AtomicInteger statements = new AtomicInteger();
        List<Long> millis = new ArrayList<>();
        int ran = 0;
        try (QueryEngine engine = new QueryEngine(schema, new SqlConnector(schema, database.dataSource(), null, s -> statements.incrementAndGet()))) {
            // Another user's posts and comments, which the delete must leave alone.
            seed(engine, 2, 1_000_000, posts / 10, comments);
            for (int round = 0; round <= rounds; round++) {
                seed(engine, 1, 0, posts, comments);
                analyze(database);
                statements.set(0);
                long start = System.nanoTime();
                engine.execute("User", "delete", JsonCodec.parse("{\"where\": {\"id\": 1}}"));
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                ran = statements.get();
                long left = engine.execute("Comment", "count", JsonCodec.parse("{}")).asLong();
                if (left != (long) posts / 10 * comments) throw new IllegalStateException("the delete left " + left + " comments");
                // Round 0 warms the JIT and the caches up.
                if (round > 0) millis.add(elapsed);
                System.err.printf(Locale.ROOT, "%s %s round %d: %d ms, %d statements%n", kind, mode, round, elapsed, ran);
            }
        }
        return new Result(kind, mode, millis, ran);
    }

    /** User {@code user} with {@code posts} posts (ids from {@code base}) of {@code comments} comments each. */
    private static void seed(QueryEngine engine, int user, int base, int posts, int comments) {
        engine.execute("User", "create", JsonCodec.parse("{\"data\": {\"id\": " + user + ", \"email\": \"u" + user + "@example.com\"}}"));
        int chunk = 5_000;
        for (int from = 0; from < posts; from += chunk) {
            int to = Math.min(posts, from + chunk);
            engine.execute("Post", "createMany", JsonCodec.parse("{\"data\": [" + IntStream.range(from, to)
                    .mapToObj(i -> "{\"id\": " + (base + i) + ", \"title\": \"post " + i + "\", \"authorId\": " + user + "}")
                    .collect(Collectors.joining(", ")) + "]}"));
        }
        int total = posts * comments;
        for (int from = 0; from < total; from += chunk) {
            int to = Math.min(total, from + chunk);
            engine.execute("Comment", "createMany", JsonCodec.parse("{\"data\": [" + IntStream.range(from, to)
                    .mapToObj(i -> "{\"id\": " + (base * comments + i) + ", \"text\": \"comment " + i + "\", \"postId\": " + (base + i / comments) + "}")
                    .collect(Collectors.joining(", ")) + "]}"));
        }
    }

    /** Fresh planner statistics after the bulk insert, for both modes alike. */
    private static void analyze(SqlDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }
}
