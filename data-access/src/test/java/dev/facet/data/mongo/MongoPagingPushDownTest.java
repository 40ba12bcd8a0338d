package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cursors and distinct run in the database on MongoDB (issue 12): a page after a cursor costs a bounded number of
 * commands and documents whatever the size of the collection, and answers as Prisma pages: the cursor's record
 * first (last when {@code take} is negative), orderings completed by the id, null and missing first in ascending
 * order and last in descending (MongoDB's own sort, Prisma's docs "Sort with null records first or last" note that
 * MongoDB has no {@code nulls}), and an empty page when the cursor's record does not match the filter. The expected
 * pages are worked out here from the seeded items by that rule.
 */
class MongoPagingPushDownTest extends MongoSuite {
    private static final int ITEMS = 3_000;

    record Item(int id, Integer rank, boolean rankMissing, int group, String name) {}

    private final List<Item> items = new ArrayList<>();

    @BeforeEach
    void seed() {
        open("""
                model Item {
                  id    Int     @id @map("_id")
                  rank  Int?
                  group Int
                  name  String
                }
                """);
        StringBuilder data = new StringBuilder("{\"data\": [");
        for (int i = 1; i <= ITEMS; i++) {
            Integer rank = i % 7 == 0 ? null : (i * 37) % 101;
            Item item = new Item(i, rank, i % 14 == 0, i % 5, "item " + (i % 13));
            items.add(item);
            data.append(i > 1 ? "," : "").append("{\"id\": ").append(i).append(", \"group\": ").append(item.group()).append(", \"name\": \"")
                    .append(item.name()).append("\"").append(i % 14 == 0 ? "" : ", \"rank\": " + rank).append("}");
        }
        run("Item", "createMany", data.append("]}").toString());
    }

    private static final Comparator<Integer> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Prisma's page: in order, from the cursor, skipping and taking in the direction of {@code take}. */
    private List<Integer> expected(Comparator<Item> order, Predicate<Item> where, int cursor, int skip, int take) {
        List<Item> sorted = items.stream().filter(where).sorted(order.thenComparing(Item::id)).toList();
        int at = -1;
        for (int i = 0; i < sorted.size(); i++) if (sorted.get(i).id() == cursor) at = i;
        if (at < 0) return List.of();
        List<Integer> ids = sorted.stream().map(Item::id).toList();
        if (take >= 0) return ids.subList(Math.min(ids.size(), at + skip), Math.min(ids.size(), at + skip + take));
        int end = Math.max(0, at + 1 - skip);
        return ids.subList(Math.max(0, end + take), end);
    }

    private List<Integer> ids(String args) {
        List<Integer> out = new ArrayList<>();
        for (JsonNode r : run("Item", "findMany", args)) out.add(r.get("id").asInt());
        return out;
    }

    @Test
    void aCursorPageAnswersAsPrismaPagesWhateverTheOrderingAndDirection() {
        Comparator<Item> rankAsc = Comparator.comparing(Item::rank, NULLS_FIRST);
        Comparator<Item> rankDesc = Comparator.comparing(Item::rank, NULLS_FIRST.reversed());
        Predicate<Item> all = i -> true;
        assertThat(ids("{\"orderBy\": {\"rank\": \"asc\"}, \"cursor\": {\"id\": 500}, \"take\": 20}")).isEqualTo(expected(rankAsc, all, 500, 0, 20));
        assertThat(ids("{\"orderBy\": {\"rank\": \"desc\"}, \"cursor\": {\"id\": 500}, \"take\": 20, \"skip\": 1}"))
                .isEqualTo(expected(rankDesc, all, 500, 1, 20));
        assertThat(ids("{\"orderBy\": {\"rank\": \"asc\"}, \"cursor\": {\"id\": 500}, \"take\": -20}")).isEqualTo(expected(rankAsc, all, 500, 0, -20));
        assertThat(ids("{\"orderBy\": {\"rank\": \"desc\"}, \"cursor\": {\"id\": 500}, \"take\": -20, \"skip\": 2}"))
                .isEqualTo(expected(rankDesc, all, 500, 2, -20));
        // A cursor on a record whose rank is null (700 = 7 * 100) or missing (1400 = 14 * 100), both ways.
        for (int cursor : new int[] {700, 1400}) {
            assertThat(ids("{\"orderBy\": {\"rank\": \"asc\"}, \"cursor\": {\"id\": " + cursor + "}, \"take\": 30}"))
                    .as("asc from %d", cursor).isEqualTo(expected(rankAsc, all, cursor, 0, 30));
            assertThat(ids("{\"orderBy\": {\"rank\": \"desc\"}, \"cursor\": {\"id\": " + cursor + "}, \"take\": 30}"))
                    .as("desc from %d", cursor).isEqualTo(expected(rankDesc, all, cursor, 0, 30));
            assertThat(ids("{\"orderBy\": {\"rank\": \"desc\"}, \"cursor\": {\"id\": " + cursor + "}, \"take\": -30}"))
                    .as("desc back from %d", cursor).isEqualTo(expected(rankDesc, all, cursor, 0, -30));
        }
        // Several orderings, a filter, the id descending, and a cursor the filter leaves out.
        Comparator<Item> groupThenName = Comparator.comparing(Item::group).reversed().thenComparing(Item::name);
        // On MongoDB an explicit null is the lowest value and matches lt (ADR 0024); a missing rank matches nothing.
        Predicate<Item> small = i -> i.rank() == null ? !i.rankMissing() : i.rank() < 50;
        int cursor = items.stream().filter(small).skip(40).findFirst().orElseThrow().id();
        assertThat(ids("{\"where\": {\"rank\": {\"lt\": 50}}, \"orderBy\": [{\"group\": \"desc\"}, {\"name\": \"asc\"}], \"cursor\": {\"id\": "
                + cursor + "}, \"take\": 25}")).isEqualTo(expected(groupThenName, small, cursor, 0, 25));
        assertThat(ids("{\"orderBy\": {\"id\": \"desc\"}, \"cursor\": {\"id\": 10}, \"take\": 3}")).containsExactly(10, 9, 8);
        int outside = items.stream().filter(small.negate()).findFirst().orElseThrow().id();
        // A cursor the filter leaves out still marks where the page starts (Prisma's connector pins it by its own fields).
        assertThat(ids("{\"where\": {\"rank\": {\"lt\": 50}}, \"cursor\": {\"id\": " + outside + "}, \"take\": 5}"))
                .isEqualTo(items.stream().filter(small).filter(i -> i.id() > outside).limit(5).map(Item::id).toList());
        assertThat(ids("{\"cursor\": {\"id\": 99999}, \"take\": 5}")).isEmpty();
    }

    @Test
    void aCursorPageOnALargeCollectionIsTwoFindsAndNoMoreDocumentsThanThePage() {
        List<String> all = commandsOf(() -> run("Item", "findMany", "{\"orderBy\": {\"rank\": \"asc\"}}"));
        List<String> page = commandsOf(() -> run("Item", "findMany", "{\"orderBy\": {\"rank\": \"asc\"}, \"cursor\": {\"id\": 2500}, \"take\": 10}"));

        // Reading every item is one find without a limit; a page from a cursor is the cursor's lookup (one document)
        // and the page (ten), both limited in the server.
        assertThat(all).hasSize(1).allMatch(c -> c.startsWith("find ") && !c.contains("limit"));
        assertThat(page).hasSize(2);
        assertThat(page.get(0)).startsWith("find ").endsWith(" limit 1");
        assertThat(page.get(1)).startsWith("find ").endsWith(" limit 10");
    }

    /** Prisma's distinct: in order, the first record of each distinct key, then skip and take (backwards: the last). */
    private List<Integer> expectedDistinct(Comparator<Item> order, java.util.function.Function<Item, Object> key, int skip, int take) {
        List<Item> sorted = items.stream().sorted(order.thenComparing(Item::id)).toList();
        if (take < 0) sorted = sorted.reversed();
        java.util.Set<Object> seen = new java.util.HashSet<>();
        List<Integer> kept = new ArrayList<>();
        for (Item i : sorted) if (seen.add(key.apply(i))) kept.add(i.id());
        List<Integer> page = kept.subList(Math.min(kept.size(), skip), Math.min(kept.size(), skip + Math.abs(take)));
        return take < 0 ? page.reversed() : page;
    }

    @Test
    void distinctRunsInTheServerAsOnePipelineAndAnswersAsPrisma() {
        Comparator<Item> rankAsc = Comparator.comparing(Item::rank, NULLS_FIRST);
        Comparator<Item> nameDesc = Comparator.comparing(Item::name).reversed();
        List<String> commands = commandsOf(() -> assertThat(ids("{\"distinct\": [\"group\"], \"orderBy\": {\"rank\": \"asc\"}, \"take\": 3}"))
                .isEqualTo(expectedDistinct(rankAsc, Item::group, 0, 3)));
        assertThat(commands).hasSize(1).allMatch(c -> c.startsWith("aggregate "));
        assertThat(ids("{\"distinct\": [\"name\", \"group\"], \"orderBy\": {\"name\": \"desc\"}, \"skip\": 2, \"take\": 7}"))
                .isEqualTo(expectedDistinct(nameDesc, i -> List.of(i.name(), i.group()), 2, 7));
        assertThat(ids("{\"distinct\": [\"group\"], \"orderBy\": {\"rank\": \"asc\"}, \"take\": -2}"))
                .isEqualTo(expectedDistinct(rankAsc, Item::group, 0, -2));
        // Null and missing ranks are one key.
        assertThat(ids("{\"distinct\": [\"rank\"], \"orderBy\": {\"rank\": \"asc\"}, \"take\": 2}"))
                .isEqualTo(expectedDistinct(rankAsc, i -> java.util.Objects.requireNonNullElse(i.rank(), -1), 0, 2));
    }
}
