package dev.facet.data.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.ConnectorCapability;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A nested to-many page ({@code include: {posts: {take, skip, orderBy}}}) is cut by the database, per parent:
 * the rows read are the pages, not every child of every parent. Cursors, distinct and negative takes are cut
 * in memory (their answers are checked in ReadsTest).
 */
@SuiteRequires(requires = ConnectorCapability.NULLS_ORDER)
class NestedPagesTest extends EngineSuite {
    static final String SCHEMA = DATASOURCE.replace("%MODE%", "foreignKeys") + """
            model User {
              id    Int    @id
              posts Post[]
              tags  Tag[]
            }

            model Post {
              id       Int     @id
              title    String?
              authorId Int
              author   User    @relation(fields: [authorId], references: [id])
            }

            model Tag {
              id    Int    @id
              users User[]
            }
            """;

    @EveryBackend
    void eachParentsPageIsCutInSql(Backend backend) {
        open(backend, "foreignKeys", SCHEMA);
        run("User", "createMany", "{\"data\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}");
        // User 1 has 300 posts, user 2 has 2, user 3 none; every third title is null.
        run("Post", "createMany", "{\"data\": [" + IntStream.range(0, 302).mapToObj(i -> "{\"id\": " + (i + 1) + ", \"authorId\": " + (i < 300 ? 1 : 2)
                + ", \"title\": " + (i % 3 == 0 ? "null" : "\"t" + (i % 7) + "\"") + "}").collect(Collectors.joining(", ")) + "]}");
        run("Tag", "createMany", "{\"data\": [" + IntStream.rangeClosed(1, 50).mapToObj(i -> "{\"id\": " + i + "}").collect(Collectors.joining(", ")) + "]}");
        run("User", "update", "{\"where\": {\"id\": 1}, \"data\": {\"tags\": {\"connect\": ["
                + IntStream.rangeClosed(1, 50).mapToObj(i -> "{\"id\": " + i + "}").collect(Collectors.joining(", ")) + "]}}}");
        run("User", "update", "{\"where\": {\"id\": 2}, \"data\": {\"tags\": {\"connect\": [{\"id\": 7}, {\"id\": 3}]}}}");

        statements.clear();
        JsonNode users = run("User", "findMany", """
                {"orderBy": {"id": "asc"}, "select": {"id": true,
                  "posts": {"select": {"id": true}, "orderBy": [{"title": {"sort": "desc", "nulls": "last"}}, {"id": "desc"}], "skip": 1, "take": 3},
                  "tags": {"select": {"id": true}, "orderBy": {"id": "desc"}, "skip": 2, "take": 2}}}""");
        assertThat(ids(users.get(0).get("posts"))).containsExactly(expectedPosts(1, 300).subList(1, 4).toArray(Integer[]::new));
        assertThat(ids(users.get(1).get("posts"))).containsExactly(expectedPosts(301, 302).subList(1, 2).toArray(Integer[]::new));
        assertThat(users.get(2).get("posts")).isEmpty();
        assertThat(ids(users.get(0).get("tags"))).containsExactly(48, 47);
        assertThat(users.get(1).get("tags")).isEmpty();
        assertThat(statements).filteredOn(s -> s.contains("ROW_NUMBER() OVER")).hasSize(2);
    }

    /** Post ids from..to ordered as the request asks: title descending with nulls last, then id descending. */
    private static List<Integer> expectedPosts(int from, int to) {
        List<Integer> ids = new ArrayList<>();
        for (int id = from; id <= to; id++) ids.add(id);
        ids.sort((a, b) -> {
            String ta = title(a - 1), tb = title(b - 1);
            if (ta == null || tb == null) return ta == null && tb == null ? Integer.compare(b, a) : ta == null ? 1 : -1;
            int c = tb.compareTo(ta);
            return c != 0 ? c : Integer.compare(b, a);
        });
        return ids;
    }

    private static String title(int i) { return i % 3 == 0 ? null : "t" + (i % 7); }

    private static List<Integer> ids(JsonNode list) {
        List<Integer> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asInt()));
        return out;
    }
}
