package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scalar and scalar-list filters give Prisma 6.19's answers on documents where the field is missing, explicitly null,
 * or holds a value. The expected ids are derived from what Prisma's MongoDB connector renders
 * ({@code mongodb-query-connector/src/filter.rs}): every scalar condition is an aggregation expression
 * ({@code $eq/$ne/$lt/... : ["$f", v]}, {@code $regexMatch}, {@code in} as {@code $or} of {@code $eq}, {@code notIn}
 * as {@code $and} of {@code $ne}) AND-ed with "f is set" ({@code $ne: ["$f", "$$REMOVE"]}); under {@code NOT} the
 * condition is inverted ({@code lt} becomes {@code gte}, {@code equals} becomes {@code not}, {@code contains} a
 * {@code $not} of the regex) but the "is set" part stays. So a missing field matches nothing but {@code isSet: false},
 * while an explicit null compares as the lowest BSON value: it matches {@code not}, {@code lt}, {@code lte},
 * {@code notIn} and every negated text condition ({@code $regexMatch} on null is false). Scalar lists are wrapped
 * in {@code $ifNull: ["$l", []]}, so a null list is empty for {@code has}/{@code hasSome}/{@code hasEvery}/
 * {@code isEmpty}; a negated list condition is {@code $not} of it, still AND-ed with "is set".
 * Facet renders the same answers with find-style operators (see ADR 0024).
 */
class MongoScalarFiltersTest extends MongoSuite {
    static final String MODELS = """
            model R {
              id Int      @id @map("_id")
              s  String?
              n  Int?
              l  String[]
            }
            """;

    /** 1 has no fields, 2 explicit nulls, 3-5 values (5 with an empty list). */
    void seed() {
        open(MODELS);
        try (MongoClient c = MongoClients.create(url)) {
            c.getDatabase(new com.mongodb.ConnectionString(url).getDatabase()).getCollection("R").insertMany(List.of(
                    new Document("_id", 1),
                    new Document("_id", 2).append("s", null).append("n", null).append("l", null),
                    new Document("_id", 3).append("s", "a").append("n", 1).append("l", List.of("a")),
                    new Document("_id", 4).append("s", "B").append("n", 7).append("l", Arrays.asList("a", "b")),
                    new Document("_id", 5).append("s", "b").append("n", 5).append("l", List.of())));
        }
    }

    String ids(String where) { return ids("R", where); }

    @ParameterizedTest(name = "{0} -> {1}; NOT -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # where                                          | ids       | ids under NOT [where]  # Prisma's rendering (each AND 'set')
            {"n": {"equals": 5}}                             | [5]       | [2, 3, 4]     # $eq / NOT: $ne (null != 5)
            {"n": 5}                                         | [5]       | [2, 3, 4]     # $eq
            {"n": {"not": 5}}                                | [2, 3, 4] | [5]           # $ne: null matches
            {"n": {"not": {"lt": 5}}}                        | [4, 5]    | [2, 3]        # inverted lt = $gte
            {"n": {"lt": 5}}                                 | [2, 3]    | [4, 5]        # $lt: null sorts below numbers
            {"n": {"lte": 5}}                                | [2, 3, 5] | [4]           # $lte / NOT: $gt
            {"n": {"gt": 1}}                                 | [4, 5]    | [2, 3]        # $gt / NOT: $lte
            {"n": {"gte": 5}}                                | [4, 5]    | [2, 3]        # $gte / NOT: $lt
            {"n": {"in": [1, 5]}}                            | [3, 5]    | [2, 4]        # $or of $eq / NOT: $and of $ne
            {"n": {"notIn": [1, 5]}}                         | [2, 4]    | [3, 5]        # $and of $ne
            {"n": {"in": []}}                                | []        | [2, 3, 4, 5]  # $or: [] is false
            {"n": {"notIn": []}}                             | [2, 3, 4, 5] | []         # $and: [] is true
            {"n": null}                                      | [2]       | [3, 4, 5]     # $eq null (missing excluded)
            {"n": {"equals": null}}                          | [2]       | [3, 4, 5]     # $eq null
            {"n": {"not": null}}                             | [3, 4, 5] | [2]           # $ne null
            {"n": {"lt": 5, "gt": 1}}                        | []        | [2, 3, 4, 5]  # AND of $lt, $gt / NOT: $or of $gte, $lte
            {"s": {"contains": "a"}}                         | [3]       | [2, 4, 5]     # $regexMatch / NOT: $not $regexMatch (null: true)
            {"s": {"startsWith": "b"}}                       | [5]       | [2, 3, 4]     # $regexMatch ^b
            {"s": {"endsWith": "B"}}                         | [4]       | [2, 3, 5]     # $regexMatch B$
            {"s": {"lt": "b"}}                               | [2, 3, 4] | [5]           # $lt: null < "B" < "a" < "b"
            {"s": {"equals": "b", "mode": "insensitive"}}    | [4, 5]    | [2, 3]        # $regexMatch ^b$ i
            {"s": {"not": "b", "mode": "insensitive"}}       | [2, 3]    | [4, 5]        # $not $regexMatch: null matches
            {"s": {"contains": "B", "mode": "insensitive"}}  | [4, 5]    | [2, 3]        # $regexMatch i
            {"s": {"in": ["b"], "mode": "insensitive"}}      | [4, 5]    | [2, 3]        # $or of $regexMatch
            {"s": {"notIn": ["b"], "mode": "insensitive"}}   | [2, 3]    | [4, 5]        # $and of $not $regexMatch
            {"s": {"lt": "b", "mode": "insensitive"}}        | [2, 3]    | [4, 5]        # $lt of $toLower ($toLower null is "")
            {"s": {"gte": "b", "mode": "insensitive"}}       | [4, 5]    | [2, 3]        # $gte of $toLower
            {"s": {"isSet": true}}                           | [2, 3, 4, 5] | [1]        # $ne $$REMOVE, no exclusion
            {"s": {"isSet": false}}                          | [1]       | [2, 3, 4, 5]  # $eq $$REMOVE
            {"l": {"has": "a"}}                              | [3, 4]    | [2, 5]        # $in [v, $ifNull [l, []]] / NOT: $not
            {"l": {"hasSome": ["b"]}}                        | [4]       | [2, 3, 5]     # $or of $in
            {"l": {"hasSome": []}}                           | []        | [2, 3, 4, 5]  # false stub / NOT: $not false
            {"l": {"hasEvery": ["a", "b"]}}                  | [4]       | [2, 3, 5]     # $and of $in
            {"l": {"hasEvery": []}}                          | [2, 3, 4, 5] | []         # true stub (null list too)
            {"l": {"isEmpty": true}}                         | [2, 5]    | [3, 4]        # $size of $ifNull [l, []] = 0: null is empty
            {"l": {"isEmpty": false}}                        | [3, 4]    | [2, 5]        # $size > 0
            {"l": {"equals": ["a"]}}                         | [3]       | [2, 4, 5]     # $eq / NOT: $ne
            {"l": {"equals": null}}                          | [2]       | [3, 4, 5]     # $eq null
            {"l": {"isSet": false}}                          | [1]       | [2, 3, 4, 5]  # $eq $$REMOVE
            {"n": {"lt": 5}, "s": {"not": "a"}}              | [2]       | [3, 4, 5]     # NOT AND: $or of (inverted AND set)
            {"OR": [{"n": {"gt": 5}}, {"s": null}]}          | [2, 4]    | [3, 5]        # NOT OR: $and of (inverted AND set)
            """)
    void scalarFiltersAndTheirNegationsGivePrismasAnswers(String where, String expected, String negatedAndComment) {
        String negated = uncommented(negatedAndComment);
        seed();
        assertThat(ids(where)).as("where %s", where).isEqualTo(expected);
        assertThat(ids("{\"NOT\": [" + where + "]}")).as("NOT [%s]", where).isEqualTo(negated);
        assertThat(ids("{\"NOT\": [{\"NOT\": [" + where + "]}]}")).as("NOT NOT [%s]", where).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"AND": []}                                      | [1, 2, 3, 4, 5]   # $and true stub
            {"OR": []}                                       | []                # $or false stub
            {"NOT": []}                                      | [1, 2, 3, 4, 5]   # Not([]) renders the $and true stub
            {"NOT": {}}                                      | [1, 2, 3, 4, 5]   # an empty where is Filter::Empty, {} under NOT too
            """)
    /**
     * Empty conditions, not negated further: whether Prisma's parser keeps {@code AND: []} as an inverted
     * {@code $or} stub under NOT was not checked against Prisma, so the shared parser's reading (an empty condition
     * is no condition) is left as it is.
     */
    void emptyConditions(String where, String expectedAndComment) {
        seed();
        assertThat(ids(where)).isEqualTo(uncommented(expectedAndComment));
    }

    /** The table's last column without its trailing {@code # rendering} comment. */
    static String uncommented(String cell) { return cell.replaceAll("\\s*#.*$", "").strip(); }

    /** The ids of {@code model}'s documents matching {@code where}, in id order. */
    String ids(String model, String where) {
        return values(run(model, "findMany", "{\"where\": " + where + ", \"select\": {\"id\": true}, \"orderBy\": {\"id\": \"asc\"}}"), "id").toString();
    }

    static final String RELATIONS = """
            model P {
              id Int @id @map("_id")
              cs C[]
            }

            model C {
              id  Int     @id @map("_id")
              pid Int?
              t   String?
              a   A?
              p   P?      @relation(fields: [pid], references: [id])
            }

            type A {
              t String?
            }
            """;

    /**
     * Relation filters around scalar conditions on a related field that is "a" (parent 1), missing (2), null (3), and
     * a parent without children (4). Prisma renders {@code some} with the nested filter as usual (condition AND set);
     * {@code none} and a negated {@code some} with the undefined exclusion inverted (condition OR missing: a child
     * whose field is missing counts as matching); {@code every} as "all children match, field set"; a negated
     * {@code every} as {@code some} of the inverted filter.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"cs": {"some": {"t": "a"}}}                     | [1]          # some: $eq AND set
            {"NOT": [{"cs": {"some": {"t": "a"}}}]}          | [3, 4]       # inverted to none: ($eq OR missing) excludes 2
            {"cs": {"none": {"t": "a"}}}                     | [3, 4]       # none: ($eq OR missing)
            {"NOT": [{"cs": {"none": {"t": "a"}}}]}          | [1]          # inverted to some
            {"cs": {"every": {"t": "a"}}}                    | [1, 4]       # every: all ($eq AND set)
            {"NOT": [{"cs": {"every": {"t": "a"}}}]}         | [3]          # some of NOT: ($ne AND set), null != "a"
            {"cs": {"some": {"t": {"not": "a"}}}}            | [3]          # $ne AND set: null matches
            {"cs": {"every": {"t": {"not": "a"}}}}           | [3, 4]       # the missing field fails every
            {"cs": {"none": {"t": {"not": "a"}}}}            | [1, 4]       # ($ne OR missing): 2 and 3 have such a child
            {"cs": {"none": {"t": null}}}                    | [1, 4]       # ($eq null OR missing)
            """)
    void relationFiltersTreatAMissingRelatedFieldAsPrismaDoes(String where, String expectedAndComment) {
        open(RELATIONS);
        try (MongoClient c = MongoClients.create(url)) {
            var db = c.getDatabase(new com.mongodb.ConnectionString(url).getDatabase());
            for (int i = 1; i <= 4; i++) db.getCollection("P").insertOne(new Document("_id", i));
            db.getCollection("C").insertMany(List.of(new Document("_id", 1).append("pid", 1).append("t", "a"),
                    new Document("_id", 2).append("pid", 2), new Document("_id", 3).append("pid", 3).append("t", null)));
        }
        String got = ids("P", where);
        assertThat(got).as("where %s", where).isEqualTo(uncommented(expectedAndComment));
    }
    static final String TO_ONE = """
            model P {
              id Int     @id @map("_id")
              n  String?
              cs C[]
            }

            model C {
              id  Int  @id @map("_id")
              pid Int?
              p   P?   @relation(fields: [pid], references: [id])
            }
            """;

    /**
     * To-one conditions from children whose parent's field is "x" (child 1), missing (2), null (3), and children
     * without a parent: no key (4), a key that points nowhere (5). Prisma parses {@code isNot: X} as
     * {@code NoRelatedRecord} (and inverts {@code is} to it under NOT), which its MongoDB connector renders, for a
     * to-one with a non-empty filter, as {@code none} of X (undefined exclusion inverted) AND {@code $size} of the
     * joined array = 1: the related document must exist. {@code isNot: {}} ({@code Filter::Empty}) is {@code $size} 0.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"p": {"is": {"n": "x"}}}                        | [1]          # ToOneRelatedRecord: every ($eq AND set) AND $size 1
            {"p": {"isNot": {"n": "x"}}}                     | [3]          # NoRelatedRecord: none ($eq OR missing) AND $size 1
            {"NOT": [{"p": {"is": {"n": "x"}}}]}             | [3]          # inverted to NoRelatedRecord, as isNot
            {"NOT": [{"p": {"isNot": {"n": "x"}}}]}          | [1]          # inverted to ToOneRelatedRecord, as is
            {"p": {"isNot": {"n": null}}}                    | [1]          # none ($eq null OR missing) AND $size 1
            {"p": {"isNot": {}}}                             | [4, 5]       # Filter::Empty: $size 0
            {"p": {"is": null}}                              | [4, 5]       # OneRelationIsNull: $size 0
            {"p": {"isNot": null}}                           | [1, 2, 3]    # NOT OneRelationIsNull: $size > 0
            """)
    void toOneIsNotNeedsTheRelatedDocumentAsInPrisma(String where, String expectedAndComment) {
        open(TO_ONE);
        try (MongoClient c = MongoClients.create(url)) {
            var db = c.getDatabase(new com.mongodb.ConnectionString(url).getDatabase());
            db.getCollection("P").insertMany(List.of(new Document("_id", 1).append("n", "x"), new Document("_id", 2),
                    new Document("_id", 3).append("n", null)));
            db.getCollection("C").insertMany(List.of(new Document("_id", 1).append("pid", 1), new Document("_id", 2).append("pid", 2),
                    new Document("_id", 3).append("pid", 3), new Document("_id", 4), new Document("_id", 5).append("pid", 9)));
        }
        String got = ids("C", where);
        assertThat(got).as("where %s", where).isEqualTo(uncommented(expectedAndComment));
    }

    /**
     * Composite conditions on the children of parents 1-4 (child {@code a} is {t: "a"}, missing, {} and {t: null};
     * parent 5 has none). Under a relation {@code none} Prisma's visitor carries the inverted undefined exclusion
     * into the composite: {@code is} renders its nested filter with it (a missing {@code a.t}, {@code a} missing
     * included, counts as a match), {@code equals} and the others are OR-ed with "{@code a} is missing".
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"cs": {"some": {"a": {"is": {"t": "a"}}}}}             | [1]          # is: $eq AND set
            {"cs": {"none": {"a": {"is": {"t": "a"}}}}}             | [4, 5]       # is: $eq OR a.t missing
            {"NOT": [{"cs": {"some": {"a": {"is": {"t": "a"}}}}}]}  | [4, 5]       # inverted to none, as above
            {"cs": {"none": {"a": {"isNot": {"t": "a"}}}}}          | [1, 5]       # isNot: $ne OR a.t missing
            {"cs": {"none": {"a": {"equals": {"t": "a"}}}}}         | [3, 4, 5]    # equals: $eq OR a missing
            {"cs": {"none": {"a": {"isSet": false}}}}               | [1, 3, 4, 5] # isSet: no exclusion
            """)
    void compositeConditionsInsideNoneTreatMissingAsPrismaDoes(String where, String expectedAndComment) {
        open(RELATIONS);
        try (MongoClient c = MongoClients.create(url)) {
            var db = c.getDatabase(new com.mongodb.ConnectionString(url).getDatabase());
            for (int i = 1; i <= 5; i++) db.getCollection("P").insertOne(new Document("_id", i));
            db.getCollection("C").insertMany(List.of(
                    new Document("_id", 1).append("pid", 1).append("a", new Document("t", "a")),
                    new Document("_id", 2).append("pid", 2),
                    new Document("_id", 3).append("pid", 3).append("a", new Document()),
                    new Document("_id", 4).append("pid", 4).append("a", new Document("t", null))));
        }
        String got = ids("P", where);
        assertThat(got).as("where %s", where).isEqualTo(uncommented(expectedAndComment));
    }
}
