package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Composite types (embedded documents): written, read back in the type's field order with Prisma's encodings, missing
 * fields with a default read as the default, {@code isSet} and {@code unset}. Expected answers from Prisma's docs
 * ("Composite types": create with and without {@code set}, {@code unset}) and its connector test kit
 * ({@code query-engine/connector-test-kit-rs/.../writes/composites}).
 */
class MongoCompositesTest extends MongoSuite {
    static final String MODELS = """
            type Address {
              street String
              zip    Int
              tags   String[]
              kind   String   @default("home")
            }

            model Shop {
              id       Int       @id @map("_id")
              name     String
              address  Address?
              branches Address[]
            }
            """;

    @BeforeEach
    void schema() { open(MODELS); }

    @Test
    void compositesAreWrittenAsEmbeddedDocumentsAndReadBackInTheTypesOrder() {
        String created = json("Shop", "create", """
                {"data": {"id": 1, "name": "A", "address": {"zip": 1000, "street": "Main"},
                  "branches": {"set": [{"street": "B1", "zip": 1, "tags": ["x"]}, {"street": "B2", "zip": 2}]}}}""");
        assertThat(created).isEqualTo("{\"id\":1,\"name\":\"A\",\"address\":{\"street\":\"Main\",\"zip\":1000,\"tags\":[],\"kind\":\"home\"},"
                + "\"branches\":[{\"street\":\"B1\",\"zip\":1,\"tags\":[\"x\"],\"kind\":\"home\"},{\"street\":\"B2\",\"zip\":2,\"tags\":[],\"kind\":\"home\"}]}");
        Document stored = raw(db -> db.getCollection("Shop").find().first());
        assertThat(((Document) stored.get("address")).get("street")).isEqualTo("Main");
        assertThat(json("Shop", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"address\": true}}"))
                .isEqualTo("{\"address\":{\"street\":\"Main\",\"zip\":1000,\"tags\":[],\"kind\":\"home\"}}");
    }

    @Test
    void unsetRemovesTheFieldAndIsSetTellsItFromNull() {
        run("Shop", "createMany", "{\"data\": [{\"id\": 1, \"name\": \"A\", \"address\": {\"street\": \"s\", \"zip\": 1}}, {\"id\": 2, \"name\": \"B\", \"address\": null}]}");
        run("Shop", "update", "{\"where\": {\"id\": 1}, \"data\": {\"address\": {\"unset\": true}}}");
        Document stored = raw(db -> db.getCollection("Shop").find(new Document("_id", 1L)).first());
        assertThat(stored.containsKey("address")).isFalse();
        assertThat(values(run("Shop", "findMany", "{\"where\": {\"address\": {\"isSet\": false}}}"), "name")).containsExactly("A");
        run("Shop", "update", "{\"where\": {\"id\": 2}, \"data\": {\"address\": {\"set\": {\"street\": \"t\", \"zip\": 2}}}}");
        assertThat(json("Shop", "findUnique", "{\"where\": {\"id\": 2}, \"select\": {\"address\": true}}"))
                .isEqualTo("{\"address\":{\"street\":\"t\",\"zip\":2,\"tags\":[],\"kind\":\"home\"}}");
    }

    /**
     * Prisma's docs ("Composite types", select fields of a composite: {@code select: {photos: {select: {url: true}}}}):
     * a nested select picks fields inside single composites and inside each element of a list, to any depth.
     */
    @Test
    void nestedSelectPicksFieldsInsideCompositesAndListsOfThem() {
        open("""
                type Address {
                  street String
                  zip    Int
                  geo    Geo?
                }

                type Geo {
                  lat Float
                  lng Float
                }

                model Shop {
                  id       Int       @id @map("_id")
                  name     String
                  address  Address?
                  branches Address[]
                }
                """);
        run("Shop", "createMany", """
                {"data": [{"id": 1, "name": "A", "address": {"street": "Main", "zip": 1000, "geo": {"lat": 1.5, "lng": 2.5}},
                  "branches": [{"street": "B1", "zip": 1, "geo": {"lat": 3, "lng": 4}}, {"street": "B2", "zip": 2}]},
                  {"id": 2, "name": "B", "address": null, "branches": []}]}""");
        assertThat(json("Shop", "findMany", """
                {"select": {"id": true, "address": {"select": {"zip": true, "geo": {"select": {"lng": true}}}},
                  "branches": {"select": {"street": true, "geo": true}}}, "orderBy": {"id": "asc"}}"""))
                .isEqualTo("[{\"id\":1,\"address\":{\"zip\":1000,\"geo\":{\"lng\":2.5}},"
                        + "\"branches\":[{\"street\":\"B1\",\"geo\":{\"lat\":3.0,\"lng\":4.0}},{\"street\":\"B2\",\"geo\":null}]},"
                        + "{\"id\":2,\"address\":null,\"branches\":[]}]");
        assertThat(json("Shop", "findUnique", "{\"where\": {\"id\": 1}, \"select\": {\"address\": {\"select\": {\"street\": true}}}}"))
                .isEqualTo("{\"address\":{\"street\":\"Main\"}}");
        fails("P2009", "select.address.select.city", "Shop", "findMany", "{\"select\": {\"address\": {\"select\": {\"city\": true}}}}");
        fails("P2009", "select.address.include", "Shop", "findMany", "{\"select\": {\"address\": {\"include\": {\"geo\": true}}}}");
    }
}
