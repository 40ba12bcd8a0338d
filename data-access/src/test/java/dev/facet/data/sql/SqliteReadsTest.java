package dev.facet.data.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.QueryError;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** Reads on a real SQLite file: filters, selection, ordering, pagination, counts and aggregates. */
class SqliteReadsTest {
    static final String SCHEMA = """
            datasource db {
              provider = "sqlite"
              url      = "file:test.db"
            }

            enum Role {
              USER
              ADMIN
            }

            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String?
              role    Role     @default(USER)
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
              id        Int      @id @default(autoincrement())
              title     String
              published Boolean  @default(false)
              views     Int      @default(0)
              score     Decimal?
              authorId  Int?
              author    User?    @relation(fields: [authorId], references: [id])
              tags      Tag[]
              createdAt DateTime @default(now())
            }

            model Tag {
              id    Int    @id @default(autoincrement())
              name  String @unique
              posts Post[]
            }
            """;

    @TempDir
    static Path dir;
    static QueryEngine engine;
    static final List<String> statements = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        Schema schema = SchemaLoader.load(new SourceFile("schema.prisma", SCHEMA)).schema().orElseThrow();
        String url = "jdbc:sqlite:" + dir.resolve("test.db");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE \"User\" (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, name TEXT, role TEXT NOT NULL DEFAULT 'USER')");
            s.executeUpdate("CREATE TABLE \"Profile\" (id INTEGER PRIMARY KEY AUTOINCREMENT, bio TEXT NOT NULL, userId INTEGER NOT NULL UNIQUE REFERENCES \"User\"(id))");
            s.executeUpdate("CREATE TABLE \"Post\" (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, published BOOLEAN NOT NULL DEFAULT false, "
                    + "views INTEGER NOT NULL DEFAULT 0, score DECIMAL, authorId INTEGER REFERENCES \"User\"(id), createdAt DATETIME NOT NULL)");
            s.executeUpdate("CREATE TABLE \"Tag\" (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE)");
            s.executeUpdate("CREATE TABLE \"_PostToTag\" (A INTEGER NOT NULL REFERENCES \"Post\"(id), B INTEGER NOT NULL REFERENCES \"Tag\"(id), PRIMARY KEY (A, B))");
            s.executeUpdate("INSERT INTO \"User\" (email, name, role) VALUES ('ada@example.com', 'Ada', 'ADMIN'), ('bob@example.com', 'Bob', 'USER'), "
                    + "('cy@example.com', NULL, 'USER')");
            s.executeUpdate("INSERT INTO \"Profile\" (bio, userId) VALUES ('Mathematician', 1)");
            s.executeUpdate("INSERT INTO \"Post\" (title, published, views, score, authorId, createdAt) VALUES "
                    + "('Notes on the engine', 1, 100, '12.50', 1, '2024-01-02T03:04:05.678Z'), "
                    + "('Bernoulli numbers', 1, 40, NULL, 1, '2024-02-01T00:00:00.000Z'), "
                    + "('Draft', 0, 0, '0.1', 2, '2024-03-01T00:00:00.000Z'), "
                    + "('Orphan', 0, 5, NULL, NULL, '2024-04-01T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO \"Tag\" (name) VALUES ('math'), ('history')");
            s.executeUpdate("INSERT INTO \"_PostToTag\" (A, B) VALUES (1, 1), (1, 2), (2, 1)");
        }
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url);
        engine = new QueryEngine(schema, new SqlConnector(schema, ds, null, statements::add));
    }

    @AfterAll
    static void tearDown() { engine.close(); }

    static JsonNode run(String model, String action, String args) {
        return engine.execute(model, action, args == null ? null : JsonCodec.parse(args));
    }

    /** Expected results are read as a client reads them: floating point numbers as doubles. */
    static JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void findManyReturnsScalarsInSchemaOrderWithPrismasEncoding() {
        JsonNode posts = run("Post", "findMany", "{\"where\": {\"id\": 1}}");
        assertThat(posts).isEqualTo(json("""
                [{"id":1,"title":"Notes on the engine","published":true,"views":100,"score":"12.5","authorId":1,
                  "createdAt":"2024-01-02T03:04:05.678Z"}]"""));
    }

    @Test
    void scalarFiltersCombine() {
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"views\": {\"gte\": 5, \"lt\": 100}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(2, 4);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"e\"}, \"NOT\": {\"published\": false}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"OR\": []}}"))).isEmpty();
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"authorId\": null}}"))).containsExactly(4);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"authorId\": {\"not\": null}}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(1, 2, 3);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"id\": {\"in\": [2, 3, 99]}}, \"orderBy\": {\"id\": \"desc\"}}"))).containsExactly(3, 2);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"%\"}}}"))).isEmpty();
    }

    @Test
    void relationFiltersNest() {
        assertThat(ids(run("User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"published\": true}}}}"))).containsExactly(1);
        assertThat(ids(run("User", "findMany", "{\"where\": {\"posts\": {\"none\": {}}}}"))).containsExactly(3);
        assertThat(ids(run("User", "findMany", "{\"where\": {\"posts\": {\"every\": {\"published\": true}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 3);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"author\": {\"is\": {\"profile\": {\"isNot\": null}}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
        assertThat(ids(run("Post", "findMany", "{\"where\": {\"author\": null}}"))).containsExactly(4);
        assertThat(ids(run("Tag", "findMany", "{\"where\": {\"posts\": {\"some\": {\"author\": {\"name\": \"Ada\"}}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
    }

    @Test
    void includeRunsOneStatementPerLevel() {
        statements.clear();
        JsonNode users = run("User", "findMany", """
                {"orderBy": {"id": "asc"}, "include": {"profile": true, "_count": {"select": {"posts": true}},
                 "posts": {"orderBy": {"id": "asc"}, "include": {"tags": {"select": {"name": true}}}}}}""");
        assertThat(statements).hasSize(5);
        assertThat(users.get(0).get("profile").get("bio").asText()).isEqualTo("Mathematician");
        assertThat(users.get(0).get("_count")).isEqualTo(json("{\"posts\": 2}"));
        assertThat(users.get(0).get("posts").get(0).get("tags")).isEqualTo(json("[{\"name\":\"math\"},{\"name\":\"history\"}]"));
        assertThat(users.get(1).get("profile").isNull()).isTrue();
        assertThat(users.get(2).get("posts")).isEmpty();
    }

    @Test
    void selectOmitAndFilteredCount() {
        JsonNode u = run("User", "findUnique", "{\"where\": {\"email\": \"ada@example.com\"}, \"select\": {\"name\": true, \"_count\": {\"select\": {\"posts\": {\"where\": {\"views\": {\"gt\": 50}}}}}}}");
        assertThat(u).isEqualTo(json("{\"name\":\"Ada\",\"_count\":{\"posts\":1}}"));
        JsonNode omitted = run("User", "findFirst", "{\"omit\": {\"email\": true}, \"orderBy\": {\"id\": \"asc\"}}");
        assertThat(omitted).isEqualTo(json("{\"id\":1,\"name\":\"Ada\",\"role\":\"ADMIN\"}"));
    }

    @Test
    void orderingPaginationAndCursor() {
        assertThat(ids(run("Post", "findMany", "{\"orderBy\": [{\"published\": \"desc\"}, {\"views\": \"asc\"}]}"))).containsExactly(2, 1, 3, 4);
        assertThat(ids(run("Post", "findMany", "{\"orderBy\": {\"id\": \"asc\"}, \"skip\": 1, \"take\": 2}"))).containsExactly(2, 3);
        assertThat(ids(run("Post", "findMany", "{\"orderBy\": {\"id\": \"asc\"}, \"take\": -2}"))).containsExactly(3, 4);
        assertThat(ids(run("Post", "findMany", "{\"cursor\": {\"id\": 2}, \"take\": 2, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(2, 3);
        assertThat(ids(run("Post", "findMany", "{\"cursor\": {\"id\": 2}, \"skip\": 1, \"take\": 5}"))).containsExactly(3, 4);
        assertThat(ids(run("Post", "findMany", "{\"cursor\": {\"id\": 99}, \"take\": 2}"))).isEmpty();
        assertThat(ids(run("Post", "findMany", "{\"orderBy\": {\"author\": {\"name\": \"desc\"}}, \"where\": {\"authorId\": {\"not\": null}}}")))
                .containsExactly(3, 1, 2);
        assertThat(ids(run("User", "findMany", "{\"orderBy\": {\"posts\": {\"_count\": \"desc\"}}}"))).containsExactly(1, 2, 3);
        assertThat(ids(run("Post", "findMany", "{\"orderBy\": {\"score\": {\"sort\": \"asc\", \"nulls\": \"last\"}}}"))).containsExactly(3, 1, 2, 4);
        JsonNode distinct = run("Post", "findMany", "{\"distinct\": [\"published\"], \"orderBy\": {\"id\": \"asc\"}, \"select\": {\"published\": true}}");
        assertThat(distinct).isEqualTo(json("[{\"published\":true},{\"published\":false}]"));
    }

    @Test
    void countsAndAggregates() {
        assertThat(run("Post", "count", "{\"where\": {\"published\": true}}").asLong()).isEqualTo(2);
        assertThat(run("Post", "count", "{\"select\": {\"_all\": true, \"score\": true}}")).isEqualTo(json("{\"_all\":4,\"score\":2}"));
        JsonNode agg = run("Post", "aggregate", "{\"_sum\": {\"views\": true}, \"_avg\": {\"views\": true}, \"_max\": {\"createdAt\": true}, \"_count\": true}");
        assertThat(agg).isEqualTo(json("{\"_count\":4,\"_sum\":{\"views\":145},\"_avg\":{\"views\":36.25},\"_max\":{\"createdAt\":\"2024-04-01T00:00:00.000Z\"}}"));
        JsonNode groups = run("Post", "groupBy", "{\"by\": [\"published\"], \"_count\": {\"_all\": true}, \"_sum\": {\"views\": true}, "
                + "\"having\": {\"views\": {\"_sum\": {\"gt\": 1}}}, \"orderBy\": {\"published\": \"asc\"}}");
        assertThat(groups).isEqualTo(json("[{\"published\":false,\"_count\":{\"_all\":2},\"_sum\":{\"views\":5}},"
                + "{\"published\":true,\"_count\":{\"_all\":2},\"_sum\":{\"views\":140}}]"));
    }

    @Test
    void uniqueReadsAndTheirErrors() {
        assertThat(run("User", "findUnique", "{\"where\": {\"id\": 42}}").isNull()).isTrue();
        assertThatThrownBy(() -> run("User", "findUniqueOrThrow", "{\"where\": {\"id\": 42}}"))
                .isInstanceOf(QueryError.class).extracting(e -> ((QueryError) e).code()).isEqualTo("P2025");
        assertThatThrownBy(() -> run("User", "findUnique", "{\"where\": {\"name\": \"Ada\"}}"))
                .isInstanceOf(QueryError.class).hasMessageContaining("Expected a minimum of 1 fields of (id, email) to be present, got 0.");
        assertThatThrownBy(() -> run("Post", "findFirst", "{\"take\": 2}"))
                .isInstanceOf(QueryError.class).extracting(e -> ((QueryError) e).code()).isEqualTo("P2019");
        assertThatThrownBy(() -> run("User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"titel\": \"x\"}}}}"))
                .isInstanceOf(QueryError.class)
                .hasMessageStartingWith("where.posts.some.titel: unknown field 'titel' on model Post");
    }

    static List<Integer> ids(JsonNode rows) {
        List<Integer> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }
}
