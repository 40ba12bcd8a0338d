package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.QueryEngine;
import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.TestDatabases;
import dev.facet.data.value.JsonCodec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reads where Facet differed from Prisma Client 7 on the same data (found with {@code tools/prisma-compare}); each
 * expectation is Prisma's answer, on every backend (the schema is numbered by {@code autoincrement()}: not MongoDB).
 */
@SuiteRequires(schema = SchemaFeature.AUTOINCREMENT)
class PrismaComparisonReadsTest {
    static final String SCHEMA = """
            datasource db {
              provider = "%PROVIDER%"
            }

            model User {
              id      Int      @id @default(autoincrement())
              email   String   @unique
              name    String?
              age     Int?
              born    DateTime?
              profile Profile?
              posts   Post[]
            }

            model Profile {
              id     Int     @id @default(autoincrement())
              bio    String?
              userId Int     @unique
              user   User    @relation(fields: [userId], references: [id])
            }

            model Post {
              id       Int    @id @default(autoincrement())
              title    String
              views    Int    @default(0)
              rating   Float?
              data     Json?
              authorId Int?
              author   User?  @relation(fields: [authorId], references: [id])
            }
            """;

    @RegisterExtension
    static final TestDatabases DBS = new TestDatabases();
    static final Map<Backend, QueryEngine> ENGINES = new EnumMap<>(Backend.class);
    static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();

    static QueryEngine engine(Backend backend) { return backend.cached(ENGINES, DBS, SCHEMA, STATEMENTS::add, PrismaComparisonReadsTest::seed); }

    static void seed(QueryEngine e) {
        run(e, "User", "create", "{\"data\": {\"email\": \"ada@x\", \"name\": \"Ada\", \"age\": 36, \"profile\": {\"create\": {\"bio\": \"M\"}}}}");
        run(e, "User", "create", "{\"data\": {\"email\": \"bob@x\", \"name\": \"Bob\", \"age\": 25, \"profile\": {\"create\": {}}}}");
        run(e, "User", "create", "{\"data\": {\"email\": \"cy@x\"}}");
        run(e, "Post", "createMany", """
                {"data": [{"title": "Notes", "views": 100, "rating": 4.5, "authorId": 1, "data": {"k": 1}},
                          {"title": "Bernoulli", "views": 40, "authorId": 1, "data": 42},
                          {"title": "Draft", "authorId": 2},
                          {"title": "Orphan", "views": 5, "rating": 2},
                          {"title": "Cy's", "views": 7, "authorId": 3}]}""");
        // The last post, so that an updated row (at the end of a PostgreSQL table) keeps the insertion order.
        run(e, "Post", "update", "{\"where\": {\"id\": 5}, \"data\": {\"data\": null}}");
    }

    static JsonNode run(QueryEngine e, String model, String action, String args) {
        return ReadsTest.run(e, model, action, args);
    }

    static JsonNode run(Backend backend, String model, String action, String args) { return run(engine(backend), model, action, args); }

    static List<Integer> ids(Backend backend, String model, String args) {
        List<Integer> out = new ArrayList<>();
        run(backend, model, "findMany", args).forEach(r -> out.add(r.get("id").asInt()));
        return out;
    }

    static String code(Throwable t) { return ((QueryError) t).code(); }

    @EveryBackend
    void aNegatedToOneFilterLeavesOutRecordsWhoseRelatedRecordMakesItUnknown(Backend backend) {
        // Bob's profile has no bio: "bio = 'M'" is unknown, and so is its negation. cy has no profile at all.
        assertThat(ids(backend, "User", "{\"where\": {\"profile\": {\"isNot\": {\"bio\": \"M\"}}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3);
        assertThat(ids(backend, "User", "{\"where\": {\"NOT\": {\"profile\": {\"bio\": \"M\"}}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3);
        // The same from the side holding the foreign key: cy's post (name unknown) is left out, the orphan is kept.
        assertThat(ids(backend, "Post", "{\"where\": {\"author\": {\"isNot\": {\"name\": \"Ada\"}}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3, 4);
        assertThat(ids(backend, "Post", "{\"where\": {\"author\": {\"is\": {\"name\": \"Ada\"}}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(1, 2);
    }

    @EveryBackend
    void aCursorOnARelatedFieldStartsAtTheCursorRowWhereverTheDatabaseSortsNulls(Backend backend) {
        // The orphan (4) and cy's post (5, cy has no name) order by a null name: last on PostgreSQL, first elsewhere.
        List<Integer> from4 = ids(backend, "Post", "{\"cursor\": {\"id\": 4}, \"orderBy\": [{\"author\": {\"name\": \"asc\"}}, {\"id\": \"asc\"}]}");
        assertThat(from4).isEqualTo(backend.has(DatabaseTrait.NULLS_LAST_IN_ASCENDING_ORDER) ? List.of(4, 5) : List.of(4, 5, 1, 2, 3));
        // With distinct, Prisma pages in memory too: a cursor row the filter leaves out gives nothing.
        assertThat(ids(backend, "Post", "{\"where\": {\"views\": {\"gte\": 5}}, \"cursor\": {\"id\": 3}, \"orderBy\": {\"id\": \"asc\"}}"))
                .containsExactly(4, 5);
        assertThat(ids(backend, "Post", "{\"where\": {\"views\": {\"gte\": 5}}, \"cursor\": {\"id\": 3}, \"orderBy\": {\"id\": \"asc\"}, "
                + "\"distinct\": [\"id\"]}")).isEmpty();
    }

    @EveryBackend
    void anEmptyConditionIsNoConditionToOrAndNot(Backend backend) {
        // OR leaves {} out (and matches nothing when nothing is left); NOT of {} is no condition either.
        assertThat(ids(backend, "Post", "{\"where\": {\"OR\": [{}]}}")).isEmpty();
        assertThat(ids(backend, "Post", "{\"where\": {\"OR\": [{}, {\"AND\": []}, {\"views\": 5}]}}")).containsExactly(4);
        assertThat(ids(backend, "Post", "{\"where\": {\"NOT\": [{}, {\"views\": {\"lt\": 40}}]}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(1, 2);
        assertThat(ids(backend, "User", "{\"where\": {\"posts\": {\"some\": {\"OR\": [{}]}}}}")).isEmpty();
        // ... but an object in an AND or OR list leaves such an OR out.
        assertThat(ids(backend, "Post", "{\"where\": {\"AND\": [{\"views\": 5}, {\"OR\": [{}]}]}}")).containsExactly(4);
        assertThat(ids(backend, "Post", "{\"where\": {\"OR\": [{\"OR\": [{}], \"views\": 5}, {\"id\": 1}]}, \"orderBy\": {\"id\": \"asc\"}}"))
                .containsExactly(1, 4);
        assertThat(run(backend, "Post", "count", "{\"where\": {\"NOT\": {}}}").asInt()).isEqualTo(5);
        // `author: {}` too: it keeps the orphan post.
        assertThat(run(backend, "Post", "count", "{\"where\": {\"author\": {}}}").asInt()).isEqualTo(5);
        // A required relation always has its record: null checks on it are refused.
        for (String where : List.of("{\"user\": null}", "{\"user\": {\"is\": null}}")) {
            assertThatThrownBy(() -> ids(backend, "Profile", "{\"where\": " + where + "}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        }
    }

    @EveryBackend
    void nullChecksOnRequiredFieldsAreRefusedAndNotInNullKeepsValues(Backend backend) {
        for (String where : List.of("{\"email\": null}", "{\"email\": {\"equals\": null}}", "{\"email\": {\"in\": null}}", "{\"email\": {\"notIn\": null}}")) {
            assertThatThrownBy(() -> ids(backend, "User", "{\"where\": " + where + "}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"))
                    .hasMessageContaining("must not be null.");
        }
        assertThat(ids(backend, "User", "{\"where\": {\"name\": {\"notIn\": null}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(1, 2);
    }

    @EveryBackend
    void argumentShapesPrismaRefusesAreRefused(Backend backend) {
        for (String args : List.of("{\"where\": {\"views\": {\"in\": 5}}}", "{\"where\": {\"OR\": {\"views\": 5}}}", "{\"relationLoadStrategy\": \"query\"}")) {
            assertThatThrownBy(() -> ids(backend, "Post", args)).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        }
        assertThatThrownBy(() -> run(backend, "Post", "count", "{\"distinct\": [\"authorId\"]}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        // A DateTime is a date and a time with its zone, not a plain date.
        assertThatThrownBy(() -> ids(backend, "User", "{\"where\": {\"born\": {\"gte\": \"1950-10-16\"}}}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        assertThat(ids(backend, "User", "{\"where\": {\"born\": {\"lt\": \"1950-10-16T00:00:00+01:00\"}}}")).isEmpty();
        assertThat(ids(backend, "Post", "{\"where\": {\"AND\": {\"views\": 5}, \"NOT\": {\"views\": 7}}}")).containsExactly(4);
        // Omitting a relation changes nothing.
        assertThat(run(backend, "User", "findUnique", "{\"where\": {\"id\": 3}, \"omit\": {\"posts\": true, \"age\": true, \"born\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"id\":3,\"email\":\"cy@x\",\"name\":null}"));
    }

    @EveryBackend
    void likeWildcardsInTheTextAreWildcards(Backend backend) {
        assertThat(ids(backend, "Post", "{\"where\": {\"title\": {\"contains\": \"%\"}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(1, 2, 3, 4, 5);
        assertThat(ids(backend, "Post", "{\"where\": {\"title\": {\"startsWith\": \"_r\"}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3, 4);
    }

    @EveryBackend
    void anIntTakesAnyNumberWithoutItsFraction(Backend backend) {
        assertThat(ids(backend, "Post", "{\"where\": {\"views\": {\"lt\": 5.5}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3);
        assertThat(ids(backend, "User", "{\"take\": 1.5, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(1);
        String beyond = "{\"where\": {\"posts\": {\"some\": {\"views\": 2147483648}}}}";
        if (backend.has(DatabaseTrait.INT_PARAMETERS_OF_32_BITS)) {
            // PostgreSQL refuses an Int parameter beyond 32 bits; the others compare it.
            assertThatThrownBy(() -> ids(backend, "User", beyond)).satisfies(e -> assertThat(code(e)).isEqualTo("P2020"))
                    .hasMessage("Value out of range for the type: value \"2147483648\" is out of range for type integer");
        } else {
            assertThat(ids(backend, "User", beyond)).isEmpty();
        }
    }

    @EveryBackend
    void aCursorOnAnOrderThatIsNotUniqueStartsAtTheCursorRowItself(Backend backend) {
        // Ratings: 4.5, null, null, 2, null. In order (nulls last): 4, 1, 2, 3, 5.
        String order = "\"orderBy\": {\"rating\": {\"sort\": \"asc\", \"nulls\": \"last\"}}";
        assertThat(ids(backend, "Post", "{\"cursor\": {\"id\": 2}, " + order + "}")).containsExactly(2, 3, 5);
        assertThat(ids(backend, "Post", "{\"cursor\": {\"id\": 1}, \"take\": -2, " + order + "}")).containsExactly(4, 1);
        // The cursor row filtered out: nothing (with a unique order, the rows after it would come).
        assertThat(ids(backend, "Post", "{\"cursor\": {\"id\": 2}, \"where\": {\"id\": {\"not\": 2}}, " + order + "}")).isEmpty();
        assertThat(ids(backend, "Post", "{\"cursor\": {\"id\": 2}, \"where\": {\"id\": {\"not\": 2}}, \"orderBy\": {\"id\": \"asc\"}}")).containsExactly(3, 4, 5);
        assertThatThrownBy(() -> ids(backend, "User", "{\"cursor\": {\"name\": \"Ada\"}}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
    }

    @EveryBackend
    void noTieBreakerIsAddedToAGivenOrderAndFindFirstImpliesNoOrder(Backend backend) {
        QueryEngine e = engine(backend);
        STATEMENTS.clear();
        e.execute("Post", "findMany", JsonCodec.parse("{\"orderBy\": {\"views\": \"asc\"}, \"take\": 2}"));
        e.execute("Post", "findFirst", JsonCodec.parse("{}"));
        e.execute("Post", "findMany", JsonCodec.parse("{\"take\": 2}"));
        assertThat(STATEMENTS.get(0).substring(STATEMENTS.get(0).indexOf("ORDER BY"))).doesNotContain("id");
        assertThat(STATEMENTS.get(1)).doesNotContain("ORDER BY");
        // Without an orderBy, take orders by the id.
        assertThat(STATEMENTS.get(2)).contains("ORDER BY t0.");
    }

    @EveryBackend
    void relationCountThroughAMissingToOneIsZero(Backend backend) {
        assertThat(ids(backend, "Post", "{\"orderBy\": [{\"author\": {\"posts\": {\"_count\": \"desc\"}}}, {\"id\": \"asc\"}]}")).containsExactly(1, 2, 3, 5, 4);
    }

    @EveryBackend
    void jsonNullsFollowPrisma(Backend backend) {
        // Post 5 was given `data: null`, stored as the JSON value null; posts 3 and 4 never had data (the database's NULL).
        String order = ", \"orderBy\": {\"id\": \"asc\"}}";
        assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"equals\": {\"$type\": \"Enum\", \"value\": \"JsonNull\"}}}" + order)).containsExactly(5);
        assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"equals\": {\"$type\": \"Enum\", \"value\": \"DbNull\"}}}" + order)).containsExactly(3, 4);
        assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"equals\": {\"$type\": \"Enum\", \"value\": \"AnyNull\"}}}" + order)).containsExactly(3, 4, 5);
        assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"equals\": null}}" + order)).containsExactly(5);
        // A negation leaves out the database's NULLs.
        assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"not\": 42}}" + order)).containsExactly(1, 5);
        assertThat(run(backend, "Post", "findUnique", "{\"where\": {\"id\": 5}, \"select\": {\"data\": true}}")).isEqualTo(JsonCodec.parse("{\"data\":null}"));
        assertThatThrownBy(() -> ids(backend, "Post", "{\"where\": {\"data\": null}}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
        // PostgreSQL compares a number only with numbers (jsonb would put objects above them).
        if (backend.has(DatabaseTrait.JSON_NUMBERS_COMPARE_WITH_NUMBERS_ONLY)) assertThat(ids(backend, "Post", "{\"where\": {\"data\": {\"gt\": 1}}}")).containsExactly(2);
        assertThatThrownBy(() -> ids(backend, "Post", "{\"where\": {\"data\": 42}}")).satisfies(e -> assertThat(code(e)).isEqualTo("P2009"));
    }

    @EveryBackend
    void aggregatesComeInTheRequestsOrderWithGroupFieldsLast(Backend backend) {
        assertThat(run(backend, "Post", "aggregate", "{\"_max\": {\"views\": true}, \"_count\": {\"title\": true, \"_all\": true}, \"_sum\": {\"views\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"_max\":{\"views\":100},\"_count\":{\"title\":5,\"_all\":5},\"_sum\":{\"views\":152}}"));
        assertThat(run(backend, "Post", "groupBy", "{\"by\": [\"authorId\"], \"_sum\": {\"views\": true}, \"_count\": true, "
                + "\"orderBy\": [{\"_sum\": {\"views\": \"desc\"}}], \"take\": 2}"))
                .isEqualTo(JsonCodec.parse("[{\"_sum\":{\"views\":140},\"_count\":2,\"authorId\":1},{\"_sum\":{\"views\":7},\"_count\":1,\"authorId\":3}]"));
    }

    @EveryBackend
    void aggregatesTakeCursorsNegativeTakesAndFullHavingFilters(Backend backend) {
        assertThat(run(backend, "Post", "count", "{\"cursor\": {\"id\": 3}, \"orderBy\": {\"id\": \"asc\"}}").asInt()).isEqualTo(3);
        assertThat(run(backend, "Post", "aggregate", "{\"orderBy\": {\"id\": \"asc\"}, \"take\": -2, \"_sum\": {\"views\": true}}"))
                .isEqualTo(JsonCodec.parse("{\"_sum\":{\"views\":12}}"));
        assertThat(run(backend, "Post", "groupBy", "{\"by\": [\"authorId\"], \"_count\": true, \"having\": {\"authorId\": {\"not\": null}, "
                + "\"title\": {\"_max\": {\"startsWith\": \"N\"}}}, \"orderBy\": {\"authorId\": {\"sort\": \"asc\", \"nulls\": \"first\"}}}"))
                .isEqualTo(JsonCodec.parse("[{\"_count\":2,\"authorId\":1}]"));
        assertThat(run(backend, "Post", "groupBy", "{\"by\": [\"authorId\"], \"orderBy\": {\"authorId\": {\"sort\": \"asc\", \"nulls\": \"first\"}}}").get(0))
                .isEqualTo(JsonCodec.parse("{\"authorId\":null}"));
    }

    @EveryBackend
    void groupByOrderAndHavingFieldsMustBeGroupedBy(Backend backend) {
        assertThatThrownBy(() -> run(backend, "Post", "groupBy", "{\"by\": [\"authorId\"], \"take\": 2}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2019"))
                .hasMessage("Input error. Every field used for orderBy must be included in the by-arguments of the query. Missing fields: id");
        assertThatThrownBy(() -> run(backend, "Post", "groupBy", "{\"by\": [\"authorId\"], \"having\": {\"views\": {\"gt\": 1}}}"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("P2019"))
                .hasMessage("Input error. Every field used in `having` filters must either be an aggregation filter or be included in the "
                        + "selection of the query. Missing fields: views");
    }
}
