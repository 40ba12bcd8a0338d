package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Composite updates with Prisma 6.19's semantics on MongoDB: {@code set} (envelope and shorthand), {@code unset},
 * {@code update}, {@code upsert} on single composites; {@code set}, {@code push}, {@code updateMany},
 * {@code deleteMany} on lists; nested to any depth, and Prisma's validation of the envelopes. Schemas, requests and
 * expected answers are those of Prisma's connector test kit ({@code query-engine/connector-test-kit-rs/
 * query-engine-tests/tests/writes/composites/single.rs} and {@code list.rs}).
 */
class MongoCompositeUpdatesTest extends MongoSuite {
    static final String TO_ONE = """
            model TestModel {
              id    Int     @id @map("_id")
              field String?
              a     A       @map("top_a")
              b     B?
            }

            type A {
              a_1 String @default("a_1 default") @map("a1")
              a_2 Int?
            }

            type B {
              b_field String @default("b_field default")
              c       C      @map("nested_c")
            }

            type C {
              c_field String @default("c_field default")
              b       B?
            }
            """;

    /** Prisma's {@code to_many_composites} schema, as the list filters use it. */
    static final String TO_MANY = MongoCompositeListFiltersTest.MODELS;

    static final String NESTED_TO_ONE = """
            model TestModel {
              id         Int          @id @map("_id")
              to_many_as CompositeA[] @map("top_a")
            }

            type CompositeA {
              a_field    Int        @map("a_int")
              a_to_one_b CompositeB @map("to_one_b")
            }

            type CompositeB {
              b_field        Int         @map("b_int") @default(0)
              b_to_one_c     CompositeC  @map("to_one_c")
              b_to_one_c_opt CompositeC? @map("to_one_c_opt")
            }

            type CompositeC {
              c_field        Int         @map("c_int") @default(0)
              c_opt_field    Int?        @map("c_opt_int") @default(0)
              c_to_one_d_opt CompositeD? @map("to_one_d")
              c_to_one_e_opt CompositeE? @map("to_one_e")
            }

            type CompositeD {
              d_field Int @map("d_int") @default(0)
            }

            type CompositeE {
              e_field Int @map("e_int") @default(0)
            }
            """;

    private static final String AB = "\"select\": {\"a\": {\"select\": {\"a_1\": true, \"a_2\": true}}, \"b\": {\"select\": {\"b_field\": true, \"c\": {\"select\": {\"c_field\": true}}}}}";

    private String update(String data, String select) {
        return json("TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": " + data + ", " + select + "}");
    }

    private void oneRow() {
        open(TO_ONE);
        run("TestModel", "create", "{\"data\": {\"id\": 1, \"a\": {\"set\": {\"a_1\": \"a1\", \"a_2\": 2}}, \"b\": {\"set\": {\"b_field\": \"b1\", \"c\": {\"c_field\": \"c1\"}}}}}");
    }

    @Test
    void setReplacesTheCompositeWithDefaultsEnvelopeOrShorthand() {
        oneRow();
        assertThat(update("{\"a\": {\"set\": {\"a_2\": 1337}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a_1 default\",\"a_2\":1337},\"b\":{\"b_field\":\"b1\",\"c\":{\"c_field\":\"c1\"}}}");
        assertThat(update("{\"b\": {\"set\": {\"c\": {\"c_field\": \"updated\"}}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a_1 default\",\"a_2\":1337},\"b\":{\"b_field\":\"b_field default\",\"c\":{\"c_field\":\"updated\"}}}");
        assertThat(update("{\"b\": {\"c\": {}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a_1 default\",\"a_2\":1337},\"b\":{\"b_field\":\"b_field default\",\"c\":{\"c_field\":\"c_field default\"}}}");
        assertThat(update("{\"a\": {\"a_2\": 7}, \"b\": {\"c\": {\"c_field\": \"again\"}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a_1 default\",\"a_2\":7},\"b\":{\"b_field\":\"b_field default\",\"c\":{\"c_field\":\"again\"}}}");
    }

    @Test
    void updateChangesFieldsInPlaceToAnyDepth() {
        oneRow();
        assertThat(update("{\"a\": {\"update\": {\"a_2\": {\"increment\": 1335}}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a1\",\"a_2\":1337},\"b\":{\"b_field\":\"b1\",\"c\":{\"c_field\":\"c1\"}}}");
        assertThat(update("{\"a\": {\"update\": {\"a_2\": {\"decrement\": 1}}}, \"b\": {\"update\": {\"c\": {\"update\": {\"c_field\": \"updated\"}}}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a1\",\"a_2\":1336},\"b\":{\"b_field\":\"b1\",\"c\":{\"c_field\":\"updated\"}}}");
        assertThat(update("{\"b\": {\"update\": {\"c\": {}}}}", AB))
                .isEqualTo("{\"a\":{\"a_1\":\"a1\",\"a_2\":1336},\"b\":{\"b_field\":\"b1\",\"c\":{\"c_field\":\"c_field default\"}}}");
        assertThat(update("{\"b\": {\"unset\": true}}", "\"select\": {\"b\": true}")).isEqualTo("{\"b\":null}");
        assertThat(values(run("TestModel", "findMany", "{\"where\": {\"b\": {\"isSet\": false}}}"), "id")).containsExactly("1");
    }

    @Test
    void envelopesAreValidatedAsPrismaDoes() {
        oneRow();
        fails("P2009", "data.b.set.c.update", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"b\": {\"set\": {\"c\": {\"update\": {\"c_field\": \"x\"}}}}}}");
        fails("P2009", "data.b.c.update", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"b\": {\"c\": {\"update\": {\"c_field\": \"x\"}}}}}");
        fails("P2009", "data.b.c: A value is required but not set", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"b\": {}}}");
        fails("P2009", "data.b.update: Expected a minimum of 1 fields to be present, got 0", "TestModel", "update",
                "{\"where\": {\"id\": 1}, \"data\": {\"b\": {\"update\": {}}}}");
        fails("P2009", "Expected exactly one field to be present, got 2", "TestModel", "update",
                "{\"where\": {\"id\": 1}, \"data\": {\"b\": {\"set\": {\"c\": {}}, \"unset\": true}}}");
        fails("P2009", "data.a.unset", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"a\": {\"unset\": true}}}");
        fails("P2009", "data.b.c: A value is required but not set", "TestModel", "create", "{\"data\": {\"id\": 2, \"a\": {}, \"b\": {}}}");
        fails("P2009", "Unknown argument `zip`", "TestModel", "create", "{\"data\": {\"id\": 2, \"a\": {\"zip\": 1}}}");
    }

    @Test
    void listsTakeSetPushUpsertInsideAndDeleteMany() {
        open(TO_MANY);
        run("TestModel", "create", "{\"data\": {\"id\": 1, \"to_many_as\": {\"set\": {\"a_1\": \"a1\", \"a_2\": null}}}}");
        String select = "\"select\": {\"to_many_as\": {\"select\": {\"a_1\": true, \"a_2\": true}}, \"to_one_b\": {\"select\": {\"b_to_many_cs\": {\"select\": {\"c_field\": true}}}}}";
        assertThat(update("{\"to_many_as\": {\"push\": [{\"a_1\": \"new item\", \"a_2\": 1337}]}, \"to_one_b\": {\"upsert\": {\"set\": {}, "
                + "\"update\": {\"b_to_many_cs\": {\"push\": {\"c_field\": 111}}}}}}", select))
                .isEqualTo("{\"to_many_as\":[{\"a_1\":\"a1\",\"a_2\":null},{\"a_1\":\"new item\",\"a_2\":1337}],\"to_one_b\":{\"b_to_many_cs\":[]}}");
        assertThat(update("{\"to_many_as\": {\"push\": {}}, \"to_one_b\": {\"upsert\": {\"set\": {}, \"update\": {\"b_to_many_cs\": {\"push\": {\"c_field\": 111}}}}}}", select))
                .isEqualTo("{\"to_many_as\":[{\"a_1\":\"a1\",\"a_2\":null},{\"a_1\":\"new item\",\"a_2\":1337},{\"a_1\":\"a_1 default\",\"a_2\":null}],"
                        + "\"to_one_b\":{\"b_to_many_cs\":[{\"c_field\":111}]}}");
        assertThat(update("{\"to_many_as\": {\"deleteMany\": {\"where\": {\"a_1\": \"a1\"}}}}", select))
                .isEqualTo("{\"to_many_as\":[{\"a_1\":\"new item\",\"a_2\":1337},{\"a_1\":\"a_1 default\",\"a_2\":null}],\"to_one_b\":{\"b_to_many_cs\":[{\"c_field\":111}]}}");
        assertThat(update("{\"to_many_as\": [{\"a_1\": \"updated\", \"a_2\": 1}], \"to_one_b\": {\"b_field\": 999, \"b_to_many_cs\": [{\"c_field\": 666}]}}", select))
                .isEqualTo("{\"to_many_as\":[{\"a_1\":\"updated\",\"a_2\":1}],\"to_one_b\":{\"b_to_many_cs\":[{\"c_field\":666}]}}");
        fails("P2009", "to_many_as", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"to_many_as\": {\"unset\": true}}}");
        fails("P2009", "to_many_as", "TestModel", "update", "{\"where\": {\"id\": 1}, \"data\": {\"to_many_as\": {\"upsert\": {}}}}");
    }

    @Test
    void updateManyInsideUpsertSetsFirstThenUpdates() {
        open(TO_MANY);
        run("TestModel", "create", "{\"data\": {\"id\": 1, \"to_many_as\": []}}");
        String data = "{\"to_one_b\": {\"upsert\": {\"set\": {\"b_to_many_cs\": [{\"c_field\": 0}, {\"c_field\": 1}, {\"c_field\": 2}]}, "
                + "\"update\": {\"b_to_many_cs\": {\"updateMany\": {\"where\": {\"c_field\": {\"gt\": 0}}, \"data\": {\"c_field\": {\"multiply\": 2}}}}}}}}";
        String select = "\"select\": {\"id\": true, \"to_one_b\": {\"select\": {\"b_to_many_cs\": {\"select\": {\"c_field\": true}}}}}";
        assertThat(update(data, select)).isEqualTo("{\"id\":1,\"to_one_b\":{\"b_to_many_cs\":[{\"c_field\":0},{\"c_field\":1},{\"c_field\":2}]}}");
        assertThat(update(data, select)).isEqualTo("{\"id\":1,\"to_one_b\":{\"b_to_many_cs\":[{\"c_field\":0},{\"c_field\":2},{\"c_field\":4}]}}");
    }

    @Test
    void updateManyReachesNestedFieldsAndUnsetsThem() {
        open(NESTED_TO_ONE);
        String row = "{\"a_field\": 0, \"a_to_one_b\": {\"b_field\": 0, \"b_to_one_c\": {\"c_field\": %d, \"c_to_one_d_opt\": {\"d_field\": 1}, "
                + "\"c_to_one_e_opt\": {\"e_field\": 1}}, \"b_to_one_c_opt\": {\"c_field\": 0, \"c_to_one_d_opt\": {\"d_field\": 1}, \"c_to_one_e_opt\": {\"e_field\": 1}}}}";
        run("TestModel", "create", "{\"data\": {\"id\": 1, \"to_many_as\": [" + row.formatted(0) + "]}}");
        run("TestModel", "create", "{\"data\": {\"id\": 2, \"to_many_as\": [" + row.formatted(1) + "]}}");
        String select = "\"select\": {\"id\": true, \"to_many_as\": {\"select\": {\"a_field\": true, \"a_to_one_b\": {\"select\": {\"b_field\": true, "
                + "\"b_to_one_c\": {\"select\": {\"c_field\": true, \"c_opt_field\": true, \"c_to_one_d_opt\": true, \"c_to_one_e_opt\": true}}}}}}}";
        assertThat(update("{\"to_many_as\": {\"updateMany\": {\"where\": {\"a_field\": 0}, \"data\": {\"a_field\": 1, \"a_to_one_b\": {\"update\": "
                + "{\"b_field\": 1, \"b_to_one_c\": {\"update\": {\"c_field\": 1, \"c_opt_field\": {\"unset\": true}, \"c_to_one_d_opt\": {\"unset\": true}, "
                + "\"c_to_one_e_opt\": {\"unset\": true}}}}}}}}}", select))
                .isEqualTo("{\"id\":1,\"to_many_as\":[{\"a_field\":1,\"a_to_one_b\":{\"b_field\":1,\"b_to_one_c\":{\"c_field\":1,\"c_opt_field\":null,"
                        + "\"c_to_one_d_opt\":null,\"c_to_one_e_opt\":null}}}]}");
        // The upsert inside updateMany: the element's optional composite is there, so it is updated.
        assertThat(update("{\"to_many_as\": {\"updateMany\": {\"where\": {\"a_field\": 1}, \"data\": {\"a_field\": 2, \"a_to_one_b\": {\"update\": "
                + "{\"b_field\": 2, \"b_to_one_c_opt\": {\"upsert\": {\"set\": {\"c_field\": 0}, \"update\": {\"c_field\": 2, \"c_opt_field\": {\"unset\": true}, "
                + "\"c_to_one_d_opt\": {\"unset\": true}}}}}}}}}}", "\"select\": {\"to_many_as\": {\"select\": {\"a_field\": true, \"a_to_one_b\": "
                + "{\"select\": {\"b_field\": true, \"b_to_one_c_opt\": {\"select\": {\"c_field\": true, \"c_opt_field\": true, \"c_to_one_d_opt\": true, "
                + "\"c_to_one_e_opt\": true}}}}}}}"))
                .isEqualTo("{\"to_many_as\":[{\"a_field\":2,\"a_to_one_b\":{\"b_field\":2,\"b_to_one_c_opt\":{\"c_field\":2,\"c_opt_field\":null,"
                        + "\"c_to_one_d_opt\":null,\"c_to_one_e_opt\":{\"e_field\":1}}}}]}");
        // Document 2 was not touched.
        assertThat(json("TestModel", "findUnique", "{\"where\": {\"id\": 2}, " + select + "}"))
                .isEqualTo("{\"id\":2,\"to_many_as\":[{\"a_field\":0,\"a_to_one_b\":{\"b_field\":0,\"b_to_one_c\":{\"c_field\":1,\"c_opt_field\":0,"
                        + "\"c_to_one_d_opt\":{\"d_field\":1},\"c_to_one_e_opt\":{\"e_field\":1}}}}]}");
    }
}
