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
}
