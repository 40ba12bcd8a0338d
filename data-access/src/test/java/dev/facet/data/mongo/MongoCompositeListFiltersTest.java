package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Filters on lists of composite types with Prisma 6.19's semantics on MongoDB. The schemas, the data and every expected answer
 * are those of Prisma's connector test kit ({@code query-engine/connector-test-kit-rs/query-engine-tests/tests/queries/
 * filters/composite/}: {@code equals.rs}, {@code is.rs}, {@code is_set.rs}, {@code every.rs}, {@code some.rs},
 * {@code none.rs}, {@code is_empty.rs}, and the schemas {@code to_one_composites} / {@code to_many_composites}): a
 * missing field matches no composite condition, negated or not, except {@code isSet: false}.
 */
/** Lists of composites, with a second level of lists. */
class MongoCompositeListFiltersTest extends MongoSuite {
    static final String MODELS = """
            model TestModel {
              id         Int          @id @map("_id")
              field      String?
              to_many_as CompositeA[] @map("top_a")
              to_one_b   CompositeB?
            }

            type CompositeA {
              a_1          String       @default("a_1 default") @map("a1")
              a_2          Int?
              a_to_one_b   CompositeB?
              a_to_many_bs CompositeB[]
            }

            type CompositeB {
              b_field      Int?         @default(10)
              b_to_one_c   CompositeC?
              b_to_many_cs CompositeC[]
            }

            type CompositeC {
              c_field      Int          @default(10)
              c_to_many_as CompositeA[]
            }
            """;

    void seed(boolean nested) {
        open(MODELS);
        String[] rows = nested ? new String[] {
                "[{\"a_1\": \"foo1\", \"a_2\": 1, \"a_to_many_bs\": [{\"b_field\": 123}, {\"b_field\": 5}]}, {\"a_1\": \"foo2\", \"a_2\": 10, \"a_to_many_bs\": [{\"b_field\": 321}, {\"b_field\": 5}]}, {\"a_1\": \"oof\", \"a_2\": 100, \"a_to_many_bs\": [{\"b_field\": 111}, {\"b_field\": 50}]}]",
                "[{\"a_1\": \"test1\", \"a_2\": 1, \"a_to_many_bs\": [{\"b_field\": 1}, {\"b_field\": 2}]}, {\"a_1\": \"test2\", \"a_2\": 10, \"a_to_many_bs\": [{\"b_field\": 5}, {\"b_field\": 5}]}, {\"a_1\": \"test3\", \"a_2\": 100, \"a_to_many_bs\": [{\"b_field\": 0}, {\"b_field\": -5}]}]",
                "[{\"a_1\": \"oof\", \"a_2\": 100, \"a_to_many_bs\": [{\"b_field\": 0}, {\"b_field\": 0}]}, {\"a_1\": \"ofo\", \"a_2\": 100, \"a_to_many_bs\": [{\"b_field\": -2}, {\"b_field\": 2}]}, {\"a_1\": \"oof\", \"a_2\": -10, \"a_to_many_bs\": [{\"b_field\": 1}, {\"b_field\": 1}]}]",
                "[{\"a_1\": \"test\", \"a_2\": -5, \"a_to_many_bs\": [{\"b_field\": 10}, {\"b_field\": 20}]}, {\"a_1\": \"Test\", \"a_2\": 0, \"a_to_many_bs\": [{\"b_field\": 11}, {\"b_field\": 22}]}]",
                "[{\"a_1\": \"Test\", \"a_2\": 0, \"a_to_many_bs\": [{\"b_field\": 5}, {\"b_field\": 55}]}]"}
                : new String[] {
                "[{\"a_1\": \"foo1\", \"a_2\": 1}, {\"a_1\": \"foo2\", \"a_2\": 10}, {\"a_1\": \"oof\", \"a_2\": 100}]",
                "[{\"a_1\": \"test1\", \"a_2\": 1}, {\"a_1\": \"test2\", \"a_2\": 10}, {\"a_1\": \"test3\", \"a_2\": 100}]",
                "[{\"a_1\": \"oof\", \"a_2\": 100}, {\"a_1\": \"ofo\", \"a_2\": 100}, {\"a_1\": \"oof\", \"a_2\": -10}]",
                "[{\"a_1\": \"test\", \"a_2\": -5}, {\"a_1\": \"Test\", \"a_2\": 0}]",
                "[{\"a_1\": \"Test\", \"a_2\": 0}]"};
        for (int i = 0; i < rows.length; i++) run("TestModel", "create", "{\"data\": {\"id\": " + (i + 1) + ", \"to_many_as\": " + rows[i] + "}}");
        run("TestModel", "createMany", "{\"data\": [{\"id\": 6, \"to_many_as\": []}, {\"id\": 7, \"to_many_as\": []}]}");
        // Documents without the list at all, as Prisma's test kit makes them (a missing field, not an empty list).
        raw(db -> db.getCollection("TestModel").insertMany(java.util.List.of(new org.bson.Document("_id", 8L), new org.bson.Document("_id", 9L))));
    }

    String ids(String where) { return values(run("TestModel", "findMany", "{\"where\": " + where + ", \"select\": {\"id\": true}}"), "id").toString(); }

    @Test
    void equalsComparesTheWholeListInOrder() {
        seed(false);
        assertThat(ids("{\"to_many_as\": {\"equals\": [{\"a_1\": \"Test\", \"a_2\": 0}]}}")).isEqualTo("[5]");
        assertThat(ids("{\"to_many_as\": [{\"a_1\": \"Test\", \"a_2\": 0}]}")).isEqualTo("[5]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": {\"equals\": [{\"a_1\": \"Test\", \"a_2\": 0}]}}]}")).isEqualTo("[1, 2, 3, 4, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"equals\": [{\"a_2\": 0, \"a_1\": \"Test\"}]}}")).isEqualTo("[]");
        assertThat(ids("{\"to_many_as\": {\"equals\": [{\"a_1\": \"test\", \"a_2\": -5}, {\"a_1\": \"Test\", \"a_2\": 0}]}}")).isEqualTo("[4]");
        assertThat(ids("{\"to_many_as\": {\"equals\": [{\"a_1\": \"Test\", \"a_2\": 0}, {\"a_1\": \"test\", \"a_2\": -5}]}}")).isEqualTo("[]");
        assertThat(ids("{\"to_many_as\": {\"equals\": []}}")).isEqualTo("[6, 7]");
        assertThat(ids("{\"to_many_as\": []}")).isEqualTo("[6, 7]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": []}]}")).isEqualTo("[1, 2, 3, 4, 5]");
        fails("P2009", "to_many_as.equals", "TestModel", "findMany", "{\"where\": {\"to_many_as\": {\"equals\": {\"a_1\": \"Test\", \"a_2\": 0}}}}");
    }

    @Test
    void everySomeNoneNeverMatchAMissingList() {
        seed(false);
        assertThat(ids("{\"to_many_as\": {\"every\": {\"a_2\": {\"gt\": 0}}}}")).isEqualTo("[1, 2, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"every\": {}}}")).isEqualTo("[1, 2, 3, 4, 5, 6, 7]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": {\"every\": {}}}]}")).isEqualTo("[]");
        assertThat(ids("{\"to_many_as\": {\"every\": {\"OR\": []}}}")).isEqualTo("[6, 7]");
        assertThat(ids("{\"to_many_as\": {\"every\": {\"a_1\": {\"contains\": \"oo\"}, \"a_2\": {\"gt\": 0}}}}")).isEqualTo("[1, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"every\": {\"NOT\": [{\"a_1\": {\"contains\": \"oo\"}}, {\"a_1\": {\"contains\": \"test\"}}]}}}"))
                .isEqualTo("[5, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"every\": {\"a_1\": {\"contains\": \"test\", \"mode\": \"insensitive\"}}}}")).isEqualTo("[2, 4, 5, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"some\": {\"a_2\": {\"lt\": 0}}}}")).isEqualTo("[3, 4]");
        assertThat(ids("{\"to_many_as\": {\"some\": {}}}")).isEqualTo("[1, 2, 3, 4, 5]");
        assertThat(ids("{\"to_many_as\": {\"some\": {\"OR\": []}}}")).isEqualTo("[]");
        assertThat(ids("{\"to_many_as\": {\"some\": {\"a_1\": {\"contains\": \"oo\"}, \"a_2\": {\"lt\": 0}}}}")).isEqualTo("[3]");
        assertThat(ids("{\"to_many_as\": {\"none\": {\"a_2\": {\"lt\": 0}}}}")).isEqualTo("[1, 2, 5, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"none\": {}}}")).isEqualTo("[6, 7]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": {\"none\": {}}}]}")).isEqualTo("[1, 2, 3, 4, 5]");
        assertThat(ids("{\"to_many_as\": {\"none\": {\"OR\": []}}}")).isEqualTo("[1, 2, 3, 4, 5, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"none\": {\"NOT\": [{\"a_1\": {\"contains\": \"oo\"}}, {\"a_1\": {\"contains\": \"test\"}}]}}}"))
                .isEqualTo("[1, 2, 6, 7]");
    }

    @Test
    void elementFiltersNestToAnyDepth() {
        seed(true);
        assertThat(ids("{\"to_many_as\": {\"every\": {\"a_to_many_bs\": {\"every\": {\"b_field\": {\"gte\": 0}}}}}}")).isEqualTo("[1, 4, 5, 6, 7]");
        assertThat(ids("{\"to_many_as\": {\"some\": {\"a_to_many_bs\": {\"some\": {\"b_field\": {\"lt\": 0}}}}}}")).isEqualTo("[2, 3]");
        assertThat(ids("{\"to_many_as\": {\"none\": {\"a_to_many_bs\": {\"none\": {\"b_field\": {\"gt\": 0}}}}}}")).isEqualTo("[1, 4, 5, 6, 7]");
    }

    @Test
    void isEmptyAndIsSetOnLists() {
        seed(false);
        assertThat(ids("{\"to_many_as\": {\"isEmpty\": true}}")).isEqualTo("[6, 7]");
        assertThat(ids("{\"to_many_as\": {\"isEmpty\": false}}")).isEqualTo("[1, 2, 3, 4, 5]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": {\"isEmpty\": true}}]}")).isEqualTo("[1, 2, 3, 4, 5]");
        assertThat(ids("{\"to_many_as\": {\"isSet\": false}}")).isEqualTo("[8, 9]");
        assertThat(ids("{\"to_many_as\": {\"isSet\": true}}")).isEqualTo("[1, 2, 3, 4, 5, 6, 7]");
        assertThat(ids("{\"AND\": [{\"to_many_as\": {\"isSet\": true}}, {\"to_many_as\": {\"none\": {\"a_1\": {\"contains\": \"oo\"}}}}]}"))
                .isEqualTo("[2, 4, 5, 6, 7]");
        assertThat(ids("{\"AND\": [{\"to_many_as\": {\"isSet\": false}}, {\"to_many_as\": {\"equals\": []}}]}")).isEqualTo("[]");
    }

    /**
     * A top-level {@code none}: Prisma renders its element filter with the undefined exclusion inverted (ADR 0024),
     * each condition OR "the field is missing", so an element without the field counts as a match and excludes its
     * document; an explicit null is set and compares as the lowest value.
     */
    @Test
    void aTopLevelNoneCountsAnElementMissingTheFieldAsAMatch() {
        open(MODELS);
        raw(db -> db.getCollection("TestModel").insertMany(java.util.List.of(
                new org.bson.Document("_id", 1L).append("top_a", java.util.List.of(new org.bson.Document("a1", "x"))),
                new org.bson.Document("_id", 2L).append("top_a", java.util.List.of(new org.bson.Document("a1", "x"), new org.bson.Document("a_2", 3L))),
                new org.bson.Document("_id", 3L).append("top_a", java.util.List.of(new org.bson.Document("a1", "x").append("a_2", null))))));
        assertThat(ids("{\"to_many_as\": {\"none\": {\"a_1\": \"y\"}}}")).isEqualTo("[1, 3]");
        assertThat(ids("{\"to_many_as\": {\"none\": {\"a_2\": {\"gt\": 5}}}}")).isEqualTo("[3]");
        assertThat(ids("{\"NOT\": [{\"to_many_as\": {\"none\": {\"a_2\": {\"gt\": 5}}}}]}")).isEqualTo("[1, 2]");
        // some and every keep the exclusion: a missing field matches no element condition.
        assertThat(ids("{\"to_many_as\": {\"some\": {\"a_2\": {\"lt\": 5}}}}")).isEqualTo("[2, 3]");
        assertThat(ids("{\"to_many_as\": {\"every\": {\"a_1\": \"x\"}}}")).isEqualTo("[1, 3]");
    }
}
