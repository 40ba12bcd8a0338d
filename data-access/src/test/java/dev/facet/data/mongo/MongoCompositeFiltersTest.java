package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Filters on composite types with Prisma 6.19's semantics on MongoDB. The schemas, the data and every expected answer
 * are those of Prisma's connector test kit ({@code query-engine/connector-test-kit-rs/query-engine-tests/tests/queries/
 * filters/composite/}: {@code equals.rs}, {@code is.rs}, {@code is_set.rs}, {@code every.rs}, {@code some.rs},
 * {@code none.rs}, {@code is_empty.rs}, and the schemas {@code to_one_composites} / {@code to_many_composites}): a
 * missing field matches no composite condition, negated or not, except {@code isSet: false}.
 */
/** A single composite, required ({@code a}) and optional ({@code b}), nested three levels. */
class MongoCompositeFiltersTest extends MongoSuite {
    static final String MODELS = """
            model TestModel {
              id    Int     @id @map("_id")
              field String?
              a     A       @map("top_a")
              b     B?
            }

            type A {
              a_1 String @default("a_1 default") @map("a1")
              a_2 Int?
              b   B      @map("nested_b")
            }

            type B {
              b_field String @default("b_field default")
              c       C      @map("nested_c")
            }

            type C {
              c_field String @default("c_field default")
              c_opt   String?
              b       B?
            }
            """;

    void seed() {
        open(MODELS);
        for (String row : new String[] {
                "{\"id\": 1, \"field\": \"1\", \"a\": {\"a_1\": \"foo1\", \"a_2\": 1, \"b\": {\"b_field\": \"b_nested_1\", \"c\": {}}}, \"b\": {\"b_field\": \"b_1\", \"c\": {}}}",
                "{\"id\": 2, \"field\": \"2\", \"a\": {\"a_1\": \"foo2\", \"a_2\": 2, \"b\": {\"b_field\": \"b_nested_2\", \"c\": {}}}, \"b\": {\"b_field\": \"b_2\", \"c\": {}}}",
                "{\"id\": 3, \"a\": {\"a_1\": \"test\", \"a_2\": 10, \"b\": {\"b_field\": \"test\", \"c\": {}}}}",
                "{\"id\": 4, \"a\": {\"a_1\": \"ofo\", \"a_2\": -100, \"b\": {\"b_field\": \"test\", \"c\": {}}}}",
                "{\"id\": 5, \"field\": null, \"a\": {\"a_1\": \"nope\", \"a_2\": 99, \"b\": {\"b_field\": \"bar\", \"c\": {}}}, \"b\": null}",
                "{\"id\": 6, \"field\": null, \"a\": {\"a_1\": \"epon\", \"a_2\": -1, \"b\": {\"b_field\": \"rab\", \"c\": {}}}, \"b\": null}"}) {
            run("TestModel", "create", "{\"data\": " + row + "}");
        }
    }

    String ids(String where) { return values(run("TestModel", "findMany", "{\"where\": " + where + ", \"select\": {\"id\": true}}"), "id").toString(); }

    @Test
    void equalityShorthandComparesTheWholeDocumentInFieldOrder() {
        seed();
        String equal = "{\"a_1\": \"foo1\", \"a_2\": 1, \"b\": {\"b_field\": \"b_nested_1\", \"c\": {\"c_field\": \"c_field default\"}}}";
        assertThat(ids("{\"a\": " + equal + "}")).isEqualTo("[1]");
        assertThat(ids("{\"a\": {\"equals\": " + equal + "}}")).isEqualTo("[1]");
        assertThat(ids("{\"NOT\": [{\"a\": " + equal + "}]}")).isEqualTo("[2, 3, 4, 5, 6]");
        assertThat(ids("{\"a\": {\"a_2\": 1, \"a_1\": \"foo1\", \"b\": {\"b_field\": \"b_nested_1\", \"c\": {\"c_field\": \"c_field default\"}}}}"))
                .isEqualTo("[]");
    }

    @Test
    void isAndIsNotNegateEachConditionInside() {
        seed();
        assertThat(ids("{\"a\": {\"is\": {\"a_2\": {\"lt\": 10}}}}")).isEqualTo("[1, 2, 4, 6]");
        assertThat(ids("{\"a\": {\"isNot\": {\"a_2\": {\"lt\": 10}}}}")).isEqualTo("[3, 5]");
        assertThat(ids("{\"a\": {\"is\": {}}}")).isEqualTo("[1, 2, 3, 4, 5, 6]");
        assertThat(ids("{\"a\": {\"isNot\": {}}}")).isEqualTo("[1, 2, 3, 4, 5, 6]");
        assertThat(ids("{\"a\": {\"is\": {\"a_1\": {\"contains\": \"oo\"}, \"a_2\": {\"lt\": 10}}}}")).isEqualTo("[1, 2]");
        assertThat(ids("{\"a\": {\"is\": {\"OR\": [{\"a_1\": {\"contains\": \"oo\"}}, {\"a_2\": {\"lt\": 10}}]}}}")).isEqualTo("[1, 2, 4, 6]");
        assertThat(ids("{\"NOT\": [{\"a\": {\"is\": {\"a_1\": {\"contains\": \"oo\"}, \"a_2\": {\"lt\": 10}}}}]}")).isEqualTo("[3, 4, 5, 6]");
        assertThat(ids("{\"a\": {\"isNot\": {\"OR\": [{\"a_1\": {\"contains\": \"oo\"}}, {\"a_2\": {\"lt\": 10}}]}}}")).isEqualTo("[3, 5]");
        assertThat(ids("{\"a\": {\"is\": {\"a_1\": {\"contains\": \"Test\", \"mode\": \"insensitive\"}}}}")).isEqualTo("[3]");
    }

    @Test
    void conditionsNestToAnyDepth() {
        seed();
        assertThat(ids("{\"a\": {\"is\": {\"b\": {\"is\": {\"b_field\": \"test\"}}}}}")).isEqualTo("[3, 4]");
        assertThat(ids("{\"NOT\": [{\"a\": {\"is\": {\"b\": {\"is\": {\"b_field\": \"test\"}}}}}]}")).isEqualTo("[1, 2, 5, 6]");
        assertThat(ids("{\"a\": {\"is\": {\"b\": {\"is\": {\"OR\": [{\"b_field\": \"test\"}, {\"c\": {\"c_field\": \"c_field default\"}}]}}}}}"))
                .isEqualTo("[1, 2, 3, 4, 5, 6]");
        assertThat(ids("{\"a\": {\"is\": {\"NOT\": [{\"b\": {\"is\": {\"OR\": [{\"b_field\": \"test\"}, {\"c\": {\"c_field\": \"c_field default\"}}]}}}]}}}"))
                .isEqualTo("[]");
    }

    @Test
    void isSetTellsMissingFromNullAndNullChecksNeverMatchMissing() {
        seed();
        assertThat(ids("{\"b\": {\"isSet\": false}}")).isEqualTo("[3, 4]");
        assertThat(ids("{\"b\": {\"isSet\": true}}")).isEqualTo("[1, 2, 5, 6]");
        assertThat(ids("{\"NOT\": {\"b\": {\"isSet\": false}}}")).isEqualTo("[1, 2, 5, 6]");
        assertThat(ids("{\"AND\": [{\"b\": {\"isSet\": true}}, {\"b\": {\"isNot\": null}}]}")).isEqualTo("[1, 2]");
        assertThat(ids("{\"AND\": [{\"b\": {\"isSet\": true}}, {\"b\": {\"is\": null}}]}")).isEqualTo("[5, 6]");
        assertThat(ids("{\"AND\": [{\"b\": {\"isSet\": false}}, {\"b\": {\"is\": null}}]}")).isEqualTo("[]");
        assertThat(ids("{\"NOT\": [{\"b\": {\"isSet\": false}}, {\"b\": {\"isNot\": null}}]}")).isEqualTo("[5, 6]");
        assertThat(ids("{\"NOT\": [{\"b\": {\"isSet\": false}}, {\"b\": {\"is\": null}}]}")).isEqualTo("[1, 2]");
        assertThat(ids("{\"AND\": [{\"b\": {\"isSet\": true}}, {\"b\": {\"isNot\": {\"b_field\": \"b_1\"}}}]}")).isEqualTo("[2]");
        assertThat(ids("{\"b\": null}")).isEqualTo("[5, 6]");
    }

    @Test
    void invalidCompositeFiltersGetPrismasValidationErrors() {
        open(MODELS);
        fails("P2009", "a.isSet", "TestModel", "findMany", "{\"where\": {\"a\": {\"isSet\": true}}}");
        fails("P2009", "Argument `equals` must not be null", "TestModel", "findMany", "{\"where\": {\"a\": {\"equals\": null}}}");
        fails("P2009", "Unknown argument `zip`", "TestModel", "findMany", "{\"where\": {\"a\": {\"equals\": {\"a_1\": \"x\", \"b\": {\"c\": {}}, \"zip\": 1}}}}");
        fails("P2009", "a.is.a_3", "TestModel", "findMany", "{\"where\": {\"a\": {\"is\": {\"a_3\": 1}}}}");
    }
}
