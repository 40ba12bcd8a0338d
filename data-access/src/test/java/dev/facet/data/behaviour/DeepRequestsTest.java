package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.error.QueryError;
import dev.facet.data.args.RequestLimits;

/**
 * Requests nested deeper than Facet takes (issue 18): filters, selections and nested writes beyond Prisma's own
 * depth, and relation filters deep enough to swamp PostgreSQL's planner, get a validation error naming the path;
 * nothing overflows the stack and nothing reaches the database.
 */
class DeepRequestsTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE + """
            model User {
              id    Int    @id
              name  String?
              posts Post[]
            }

            model Post {
              id       Int  @id
              authorId Int
              author   User @relation(fields: [authorId], references: [id])
            }
            """;

    /** {@code {"AND": {"AND": ... {"id": 1}}}} with {@code n} ANDs. */
    static String nestedAnd(int n, boolean listed) {
        String where = "{\"id\": 1}";
        for (int i = 0; i < n; i++) where = listed ? "{\"AND\": [" + where + "]}" : "{\"AND\": " + where + "}";
        return where;
    }

    /** A filter on User through {@code hops} relations: posts.some.author.is.posts.some... */
    static String nestedRelations(int hops) {
        String where = "{\"id\": 1}";
        for (int i = hops - 1; i >= 0; i--) where = i % 2 == 0 ? "{\"posts\": {\"some\": " + where + "}}" : "{\"author\": {\"is\": " + where + "}}";
        return where;
    }

    @EveryBackend
    void filtersNestAsDeepAsPrismaTakesThemAndNoDeeper(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        run("User", "create", "{\"data\": {\"id\": 1, \"posts\": {\"create\": {\"id\": 1}}}}");
        // Measured through Prisma Client 7: 121 nested AND objects are answered, 122 refused (60 and 61 as lists).
        assertThat(run("User", "findMany", "{\"where\": " + nestedAnd(121, false) + "}")).hasSize(1);
        assertThat(run("User", "findMany", "{\"where\": " + nestedAnd(60, true) + "}")).hasSize(1);
        int before = statements.size();
        QueryError e = fails("P2009", "nests deeper than 123 levels", "User", "findMany", "{\"where\": " + nestedAnd(122, false) + "}");
        assertThat(e.getMessage()).startsWith("where.AND.AND.AND.AND.AND.AND.AND.…(");
        fails("P2009", "nests deeper than 123 levels", "User", "findMany", "{\"where\": " + nestedAnd(61, true) + "}");
        // Far deeper than any stack would hold: refused the same way, not a StackOverflowError.
        fails("P2009", "nests deeper than 123 levels", "User", "count", "{\"where\": " + nestedAnd(900, false) + "}");
        fails("P2009", "nests deeper than 123 levels", "User", "updateMany", "{\"where\": " + nestedAnd(600, false) + ", \"data\": {}}");
        assertThat(statements).hasSize(before);
    }

    @EveryBackend
    void selectionsAndNestedWritesAreLimitedToo(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        String include = "true";
        for (int i = 0; i < 70; i++) include = "{\"include\": {\"" + (i % 2 == 0 ? "author" : "posts") + "\": " + include + "}}";
        fails("P2009", "nests deeper than 123 levels", "User", "findMany", "{\"include\": {\"posts\": " + include + "}}");
        String create = "{\"id\": 1}";
        for (int i = 0; i < 70; i++) create = "{\"id\": " + (i + 2) + ", \"" + (i % 2 == 0 ? "author" : "posts") + "\": {\"create\": " + create + "}}";
        fails("P2009", "nests deeper than 123 levels", "User", "create", "{\"data\": " + create + "}");
        assertThat(run("User", "count", "{}").asInt()).isZero();
    }

    @EveryBackend
    void relationFiltersNestAtMostSixteenDeep(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        run("User", "create", "{\"data\": {\"id\": 1, \"posts\": {\"create\": {\"id\": 1}}}}");
        // The deepest accepted: PostgreSQL plans it in under a second with about 45 MB (ADR 0012).
        assertThat(run("User", "findMany", "{\"where\": " + nestedRelations(RequestLimits.MAX_RELATION_FILTER_DEPTH) + "}")).hasSize(1);
        if (!backend.has(DatabaseTrait.RELATION_FILTER_DEPTH_LIMIT)) {
            // No SQL planner to swamp: answered as Prisma answers, however deep (within the argument depth).
            assertThat(run("User", "findMany", "{\"where\": " + nestedRelations(32) + "}")).hasSize(1);
            return;
        }
        int before = statements.size();
        QueryError e = fails("P2009", "Relation filters nest deeper than 16 levels", "User", "findMany",
                "{\"where\": " + nestedRelations(RequestLimits.MAX_RELATION_FILTER_DEPTH + 1) + "}");
        assertThat(e.getMessage()).startsWith("where.posts.some.author.is.posts.some.author.…(");
        // The request: posts.some.author.is nested 16 times (32 relations), which took PostgreSQL 1.5 GB.
        fails("P2009", "Relation filters nest deeper", "User", "findMany", "{\"where\": " + nestedRelations(32) + "}");
        // Also under NOT, every and isNot, and inside an include's where (whose statement comes after its parents').
        String deep = nestedRelations(20).replace("\"some\"", "\"every\"").replace("\"is\"", "\"isNot\"");
        fails("P2009", "Relation filters nest deeper", "User", "findMany", "{\"where\": {\"NOT\": " + deep + "}}");
        assertThat(statements).hasSize(before);
        fails("P2009", "Relation filters nest deeper", "Post", "findMany", "{\"include\": {\"author\": {\"include\": {\"posts\": {\"where\": {\"author\": {\"is\": "
                + deep + "}}}}}}}");
        JsonNode none = run("User", "findMany", "{\"where\": " + nestedRelations(RequestLimits.MAX_RELATION_FILTER_DEPTH).replace("\"id\": 1", "\"id\": 2") + "}");
        assertThat(none).isEmpty();
    }
}
