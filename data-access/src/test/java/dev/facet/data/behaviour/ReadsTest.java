package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.connector.ConnectorCapability;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prisma Client reads, the same requests and the same expected results on every backend: filters of every kind,
 * relation filters, select/include/omit, _count, ordering, pagination, cursors, distinct, aggregates and the errors of
 * invalid requests. The seed gives every id, so that the schema runs where nothing numbers records (MongoDB); the tags
 * are an implicit many-to-many (id arrays on MongoDB). Decimal values, which MongoDB's Prisma lacks, have a schema
 * of their own ({@link #decimalsFilterCountSumAndSortWithNulls}).
 */
class ReadsTest {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
              url      = "file:unused.db"
            }

            enum Role {
              USER
              ADMIN
            }

            model User {
              id      Int      @id
              email   String   @unique
              name    String?
              role    Role     @default(USER)
              posts   Post[]
              profile Profile?
            }

            model Profile {
              id     Int    @id
              bio    String
              userId Int    @unique
              user   User   @relation(fields: [userId], references: [id])
            }

            model Post {
              id        Int      @id
              title     String
              published Boolean  @default(false)
              views     Int      @default(0)
              big       BigInt   @default(0)
              data      Json?
              authorId  Int?
              author    User?    @relation(fields: [authorId], references: [id])
              tags      Tag[]
              createdAt DateTime @default(now())
            }

            model Tag {
              id    Int    @id
              name  String @unique
              posts Post[]
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, STATEMENTS::add, ReadsTest::seed); }

    /** The same data on every backend: the orphan's author is an explicit null, not left out (unset on MongoDB). */
    static void seed(QueryEngine e) {
        run(e, "Tag", "createMany", "{\"data\": [{\"id\": 1, \"name\": \"math\"}, {\"id\": 2, \"name\": \"history\"}]}");
        run(e, "User", "create", """
                {"data": {"id": 1, "email": "ada@example.com", "name": "Ada", "role": "ADMIN", "profile": {"create": {"id": 1, "bio": "Mathematician"}},
                  "posts": {"create": [
                    {"id": 1, "title": "Notes on the engine", "published": true, "views": 100, "big": "9007199254740993",
                     "data": {"pages": 3, "tags": ["a"]}, "createdAt": "2024-01-02T03:04:05.678Z", "tags": {"connect": [{"name": "math"}, {"name": "history"}]}},
                    {"id": 2, "title": "Bernoulli numbers", "published": true, "views": 40, "createdAt": "2024-02-01T00:00:00.000Z", "tags": {"connect": {"name": "math"}}}]}}}""");
        run(e, "User", "create", """
                {"data": {"id": 2, "email": "bob@example.com", "name": "Bob", "posts": {"create": {"id": 3, "title": "Draft", "createdAt": "2024-03-01T00:00:00.000Z"}}}}""");
        run(e, "User", "create", "{\"data\": {\"id\": 3, \"email\": \"cy@example.com\"}}");
        run(e, "Post", "create", "{\"data\": {\"id\": 4, \"title\": \"Orphan\", \"authorId\": null, \"views\": 5, \"createdAt\": \"2024-04-01T00:00:00.000Z\"}}");
    }

    /** Runs a request; a read's answer is also written straight to text ({@link QueryEngine#write}), which must match. */
    static JsonNode run(QueryEngine e, String model, String action, String args) {
        JsonNode parsed = args == null ? null : JsonCodec.parse(args);
        JsonNode tree = e.execute(model, action, parsed);
        if (!QueryEngine.isWrite(action)) {
            assertThat(written(e, model, action, parsed)).as("written %s.%s(%s)", model, action, args).isEqualTo(JsonCodec.write(tree));
        }
        return tree;
    }

    static String written(QueryEngine e, String model, String action, JsonNode args) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JsonCodec.MAPPER.createGenerator(text)) {
            e.write(model, action, args, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    static JsonNode run(Backend backend, String model, String action, String args) { return run(engine(backend), model, action, args); }

    /** Expected results are read as a client reads them: floating point numbers as doubles. */
    static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Integer> ids(JsonNode rows) {
        List<Integer> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }

    @EveryBackend
    void scalarsComeBackInSchemaOrderWithPrismasEncoding(Backend backend) {
        JsonNode posts = run(backend, "Post", "findMany", "{\"where\": {\"id\": 1}}");
        // Every scalar field of the backend's schema, in its order (MongoDB's has the tags' id array too).
        List<String> fields = new ArrayList<>();
        posts.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(backend.schema(SCHEMA).model("Post").scalarFields().stream().map(f -> f.name()).toList());
        posts.forEach(p -> ((com.fasterxml.jackson.databind.node.ObjectNode) p).retain("id", "title", "published", "views", "big", "data", "authorId", "createdAt"));
        assertThat(posts).isEqualTo(json("""
                [{"id":1,"title":"Notes on the engine","published":true,"views":100,"big":"9007199254740993",
                  "data":{"pages":3,"tags":["a"]},"authorId":1,"createdAt":"2024-01-02T03:04:05.678Z"}]"""));
        assertThat(run(backend, "User", "findFirst", "{\"where\": {\"role\": \"ADMIN\"}, \"select\": {\"email\": true, \"role\": true}}"))
                .isEqualTo(json("{\"email\":\"ada@example.com\",\"role\":\"ADMIN\"}"));
    }

    @EveryBackend
    void scalarFilters(Backend backend) {
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"views\": {\"gte\": 5, \"lt\": 100}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(2, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"e\"}, \"NOT\": {\"published\": false}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"OR\": []}}"))).isEmpty();
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"AND\": []}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(1, 2, 3, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"authorId\": null}}"))).containsExactly(4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"authorId\": {\"not\": null}}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(1, 2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"id\": {\"in\": [2, 3, 99]}}, \"orderBy\": {\"id\": \"desc\"}}"))).containsExactly(3, 2);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"id\": {\"notIn\": [1, 2]}}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(3, 4);
        // As in Prisma 7, the text goes to LIKE as it is: % is a wildcard (MongoDB's Prisma escapes it in a regular expression).
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"%\"}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactlyElementsOf(backend.has(DatabaseTrait.LIKE_WILDCARDS) ? List.of(1, 2, 3, 4) : List.of());
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"startsWith\": \"Dr\"}}}"))).containsExactly(3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"big\": {\"gt\": \"9007199254740992\"}}}"))).containsExactly(1);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"createdAt\": {\"gte\": \"2024-02-01T00:00:00.000Z\", \"lt\": \"2024-04-01T00:00:00Z\"}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"NOT\": [{\"id\": 1}, {\"id\": 2}]}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(3, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"not\": {\"startsWith\": \"N\"}}}, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(2, 3, 4);
    }

    @EveryBackend(requires = ConnectorCapability.INSENSITIVE_FILTERS)
    void insensitiveModeWhereTheDatabaseHasIt(Backend backend) {
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"NOTES\", \"mode\": \"insensitive\"}}}"))).containsExactly(1);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"title\": {\"contains\": \"NOTES\"}}}"))).isEmpty();
        assertThat(ids(run(backend, "User", "findMany", "{\"where\": {\"email\": {\"equals\": \"ADA@example.com\", \"mode\": \"insensitive\"}}}"))).containsExactly(1);
    }

    @EveryBackend
    void relationFilters(Backend backend) {
        assertThat(ids(run(backend, "User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"published\": true}}}}"))).containsExactly(1);
        assertThat(ids(run(backend, "User", "findMany", "{\"where\": {\"posts\": {\"none\": {}}}}"))).containsExactly(3);
        assertThat(ids(run(backend, "User", "findMany", "{\"where\": {\"posts\": {\"every\": {\"published\": true}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"author\": {\"is\": {\"profile\": {\"isNot\": null}}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"author\": null}}"))).containsExactly(4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"where\": {\"author\": {\"isNot\": {\"name\": \"Ada\"}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactlyElementsOf(backend.has(DatabaseTrait.IS_NOT_MATCHES_NO_RELATED_RECORD) ? List.of(3, 4) : List.of(3));
        assertThat(ids(run(backend, "Tag", "findMany", "{\"where\": {\"posts\": {\"some\": {\"author\": {\"name\": \"Ada\"}}}}, \"orderBy\": {\"id\": \"asc\"}}")))
                .containsExactly(1, 2);
        assertThat(ids(run(backend, "Tag", "findMany", "{\"where\": {\"posts\": {\"every\": {\"views\": {\"gt\": 50}}}}}"))).containsExactly(2);
    }

    @EveryBackend
    void includeRunsOneStatementPerLevel(Backend backend) {
        QueryEngine e = engine(backend);
        STATEMENTS.clear();
        JsonNode users = e.execute("User", "findMany", JsonCodec.parse("""
                {"orderBy": {"id": "asc"}, "include": {"profile": true, "_count": {"select": {"posts": true}},
                 "posts": {"orderBy": {"id": "asc"}, "include": {"tags": {"select": {"name": true}, "orderBy": {"name": "desc"}}}}}}"""));
        assertThat(STATEMENTS).hasSize(5);
        assertThat(users.get(0).get("profile").get("bio").asText()).isEqualTo("Mathematician");
        assertThat(users.get(0).get("_count")).isEqualTo(json("{\"posts\": 2}"));
        assertThat(users.get(0).get("posts").get(0).get("tags")).isEqualTo(json("[{\"name\":\"math\"},{\"name\":\"history\"}]"));
        assertThat(users.get(1).get("profile").isNull()).isTrue();
        assertThat(users.get(2).get("posts")).isEmpty();
    }

    @EveryBackend
    void selectOmitNestedPaginationAndFilteredCounts(Backend backend) {
        JsonNode u = run(backend, "User", "findUnique", "{\"where\": {\"email\": \"ada@example.com\"}, \"select\": {\"name\": true, \"_count\": {\"select\": {\"posts\": {\"where\": {\"views\": {\"gt\": 50}}}}}}}");
        assertThat(u).isEqualTo(json("{\"name\":\"Ada\",\"_count\":{\"posts\":1}}"));
        assertThat(run(backend, "User", "findFirst", "{\"omit\": {\"email\": true}, \"orderBy\": {\"id\": \"asc\"}}"))
                .isEqualTo(json("{\"id\":1,\"name\":\"Ada\",\"role\":\"ADMIN\"}"));
        JsonNode perParent = run(backend, "User", "findMany", "{\"orderBy\": {\"id\": \"asc\"}, \"select\": {\"id\": true, \"posts\": {\"select\": {\"id\": true}, \"orderBy\": {\"id\": \"desc\"}, \"take\": 1}}}");
        assertThat(perParent).isEqualTo(json("[{\"id\":1,\"posts\":[{\"id\":2}]},{\"id\":2,\"posts\":[{\"id\":3}]},{\"id\":3,\"posts\":[]}]"));
        JsonNode filteredToOne = run(backend, "Post", "findMany", "{\"where\": {\"id\": {\"in\": [1, 3]}}, \"orderBy\": {\"id\": \"asc\"}, \"select\": {\"id\": true, \"author\": {\"select\": {\"name\": true}}}}");
        assertThat(filteredToOne).isEqualTo(json("[{\"id\":1,\"author\":{\"name\":\"Ada\"}},{\"id\":3,\"author\":{\"name\":\"Bob\"}}]"));
    }

    @EveryBackend
    void orderingPaginationCursorAndDistinct(Backend backend) {
        assertThat(ids(run(backend, "Post", "findMany", "{\"orderBy\": [{\"published\": \"desc\"}, {\"views\": \"asc\"}]}"))).containsExactly(2, 1, 3, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"orderBy\": {\"id\": \"asc\"}, \"skip\": 1, \"take\": 2}"))).containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"orderBy\": {\"id\": \"asc\"}, \"take\": -2}"))).containsExactly(3, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 2}, \"take\": 2, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 2}, \"skip\": 1, \"take\": 5}"))).containsExactly(3, 4);
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 3}, \"take\": -2, \"orderBy\": {\"id\": \"asc\"}}"))).containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 99}, \"take\": 2}"))).isEmpty();
        // Orderings running both ways: the cursor condition cannot be one row comparison.
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 2}, \"take\": 2, \"orderBy\": [{\"published\": \"desc\"}, {\"id\": \"asc\"}]}")))
                .containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"cursor\": {\"id\": 3}, \"take\": -2, \"orderBy\": [{\"published\": \"desc\"}, {\"id\": \"asc\"}]}")))
                .containsExactly(2, 3);
        assertThat(ids(run(backend, "Post", "findMany", "{\"orderBy\": {\"author\": {\"name\": \"desc\"}}, \"where\": {\"authorId\": {\"not\": null}}}")))
                .containsExactly(3, 1, 2);
        assertThat(ids(run(backend, "User", "findMany", "{\"orderBy\": {\"posts\": {\"_count\": \"desc\"}}}"))).containsExactly(1, 2, 3);
        assertThat(run(backend, "Post", "findMany", "{\"distinct\": [\"published\"], \"orderBy\": {\"id\": \"asc\"}, \"select\": {\"published\": true}}"))
                .isEqualTo(json("[{\"published\":true},{\"published\":false}]"));
    }

    @EveryBackend
    void countsAggregatesAndGroups(Backend backend) {
        assertThat(run(backend, "Post", "count", "{\"where\": {\"published\": true}}").asLong()).isEqualTo(2);
        assertThat(run(backend, "Post", "count", "{\"select\": {\"_all\": true, \"authorId\": true}}")).isEqualTo(json("{\"_all\":4,\"authorId\":3}"));
        assertThat(run(backend, "Post", "aggregate", "{\"_sum\": {\"views\": true, \"big\": true}, \"_avg\": {\"views\": true}, \"_max\": {\"createdAt\": true}, \"_count\": true}"))
                .isEqualTo(json("{\"_count\":4,\"_sum\":{\"views\":145,\"big\":\"9007199254740993\"},\"_avg\":{\"views\":36.25},\"_max\":{\"createdAt\":\"2024-04-01T00:00:00.000Z\"}}"));
        assertThat(run(backend, "Post", "aggregate", "{\"where\": {\"id\": -1}, \"_min\": {\"views\": true}, \"_count\": {\"_all\": true}}"))
                .isEqualTo(json("{\"_min\":{\"views\":null},\"_count\":{\"_all\":0}}"));
        assertThat(run(backend, "Post", "groupBy", "{\"by\": [\"published\"], \"_count\": {\"_all\": true}, \"_sum\": {\"views\": true}, "
                + "\"having\": {\"views\": {\"_sum\": {\"gt\": 1}}}, \"orderBy\": {\"published\": \"asc\"}}"))
                .isEqualTo(json("[{\"published\":false,\"_count\":{\"_all\":2},\"_sum\":{\"views\":5}},"
                        + "{\"published\":true,\"_count\":{\"_all\":2},\"_sum\":{\"views\":140}}]"));
    }

    @EveryBackend
    void invalidRequestsNameThePath(Backend backend) {
        assertThat(run(backend, "User", "findUnique", "{\"where\": {\"id\": 42}}").isNull()).isTrue();
        assertThatThrownBy(() -> run(backend, "User", "findUniqueOrThrow", "{\"where\": {\"id\": 42}}"))
                .isInstanceOf(QueryError.class).extracting(e -> ((QueryError) e).code()).isEqualTo("P2025");
        assertThatThrownBy(() -> run(backend, "User", "findFirstOrThrow", "{\"where\": {\"id\": 42}}"))
                .isInstanceOf(QueryError.class).hasMessageContaining("No record was found for a query.");
        assertThatThrownBy(() -> run(backend, "User", "findUnique", "{\"where\": {\"name\": \"Ada\"}}"))
                .isInstanceOf(QueryError.class).hasMessageContaining("Argument `where` of type UserWhereUniqueInput needs at least one of `id` or `email` arguments.");
        assertThatThrownBy(() -> run(backend, "Post", "findFirst", "{\"take\": 2}"))
                .isInstanceOf(QueryError.class).extracting(e -> ((QueryError) e).code()).isEqualTo("P2019");
        assertThatThrownBy(() -> run(backend, "User", "findMany", "{\"where\": {\"posts\": {\"some\": {\"titel\": \"x\"}}}}"))
                .isInstanceOf(QueryError.class)
                .hasMessage("where.posts.some.titel: Unknown argument `titel`. Did you mean `title`? Available options are marked with ?.");
        assertThatThrownBy(() -> run(backend, "Post", "findMany", "{\"where\": {\"views\": \"many\"}}"))
                .isInstanceOf(QueryError.class).extracting(e -> ((QueryError) e).code()).isEqualTo("P2009");
        assertThatThrownBy(() -> run(backend, "User", "findMany", "{\"select\": {\"id\": true}, \"include\": {\"posts\": true}}"))
                .isInstanceOf(QueryError.class).hasMessageContaining("either use `include` or `select`");
    }

    static final String DECIMAL_SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
              url      = "file:unused.db"
            }

            model Post {
              id    Int      @id
              score Decimal?
            }
            """;

    /** Decimal values (none on MongoDB) and the {@code nulls} place in an ordering (not in MongoDB's orderBy either). */
    @EveryBackend(schema = SchemaFeature.DECIMAL)
    void decimalsFilterCountSumAndSortWithNulls(Backend backend) {
        try (QueryEngine e = backend.open(DBS, DECIMAL_SCHEMA, null)) {
            run(e, "Post", "createMany", "{\"data\": [{\"id\": 1, \"score\": \"12.50\"}, {\"id\": 2}, {\"id\": 3, \"score\": \"0.1\"}, {\"id\": 4}]}");
            assertThat(run(e, "Post", "findUnique", "{\"where\": {\"id\": 1}}")).isEqualTo(json("{\"id\":1,\"score\":\"12.5\"}"));
            assertThat(ids(run(e, "Post", "findMany", "{\"where\": {\"score\": {\"gt\": \"1\"}}}"))).containsExactly(1);
            assertThat(run(e, "Post", "count", "{\"select\": {\"_all\": true, \"score\": true}}")).isEqualTo(json("{\"_all\":4,\"score\":2}"));
            assertThat(run(e, "Post", "aggregate", "{\"_sum\": {\"score\": true}}")).isEqualTo(json("{\"_sum\":{\"score\":\"12.6\"}}"));
            assertThat(ids(run(e, "Post", "findMany", "{\"orderBy\": {\"score\": {\"sort\": \"asc\", \"nulls\": \"last\"}}}"))).containsExactly(3, 1, 2, 4);
            assertThat(ids(run(e, "Post", "findMany", "{\"orderBy\": {\"score\": {\"sort\": \"desc\", \"nulls\": \"first\"}}}"))).containsExactly(2, 4, 1, 3);
        }
    }
}
