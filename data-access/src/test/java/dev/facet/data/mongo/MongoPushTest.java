package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.data.error.QueryError;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code facet push} on MongoDB creates collections and the indexes of {@code @unique}, {@code @@unique} and
 * {@code @@index} under Prisma's names (as {@code prisma db push} does on MongoDB: Prisma docs, "MongoDB" / "db push"),
 * never drops anything, and says what was there already.
 */
class MongoPushTest extends MongoSuite {
    static final String MODELS = """
            model User {
              id    String @id @default(auto()) @map("_id") @db.ObjectId
              email String @unique
              first String
              last  String
              city  String @map("town")

              @@unique([first, last])
              @@index([city(sort: Desc), last])
              @@map("users")
            }

            model Post {
              id    String @id @default(auto()) @map("_id") @db.ObjectId
              title String
            }
            """;

    private MongoPusher.Result push() {
        try (MongoConnection c = MongoConnection.open(url, null)) {
            return MongoPusher.push(schema, c);
        }
    }

    private List<Document> indexes(String collection) {
        return raw(db -> db.getCollection(collection).listIndexes().into(new ArrayList<>()));
    }

    @Test
    void createsCollectionsAndIndexesUnderPrismasNames() {
        open(MODELS, false);
        MongoPusher.Result r = push();
        assertThat(r.createdCollections()).containsExactly("users", "Post");
        assertThat(r.createdIndexes()).containsExactly("users_email_key", "users_first_last_key", "users_town_last_idx");
        assertThat(r.summary()).isEqualTo("Created 2 collections, 3 indexes");
        List<Document> ix = indexes("users");
        Document email = ix.stream().filter(d -> d.getString("name").equals("users_email_key")).findFirst().orElseThrow();
        assertThat(email.get("unique")).isEqualTo(true);
        Document city = ix.stream().filter(d -> d.getString("name").equals("users_town_last_idx")).findFirst().orElseThrow();
        assertThat(((Document) city.get("key")).toJson()).isEqualTo("{\"town\": -1, \"last\": 1}");
        fails("P2002", "Unique constraint failed on the constraint: `users_email_key`", "User", "createMany",
                "{\"data\": [{\"email\": \"a\", \"first\": \"a\", \"last\": \"b\", \"city\": \"c\"}, {\"email\": \"a\", \"first\": \"x\", \"last\": \"y\", \"city\": \"c\"}]}");
    }

    @Test
    void aSecondPushKeepsEverythingAndSaysWhatWasThere() {
        open(MODELS, false);
        push();
        run("User", "create", "{\"data\": {\"email\": \"a\", \"first\": \"a\", \"last\": \"b\", \"city\": \"c\"}}");
        MongoPusher.Result again = push();
        assertThat(again.createdCollections()).isEmpty();
        assertThat(again.createdIndexes()).isEmpty();
        assertThat(again.summary()).isEqualTo("Created 0 collections, 0 indexes; already there, left as they are: 2 collections (users, Post), "
                + "3 indexes (users_email_key, users_first_last_key, users_town_last_idx)");
        assertThat(run("User", "count", "{}").asInt()).isEqualTo(1);
    }

    @Test
    void documentsThatBreakANewUniqueIndexStopThePushWithP2002AndStayThere() {
        open(MODELS, false);
        raw(db -> {
            db.getCollection("users").insertMany(List.of(new Document("email", "same"), new Document("email", "same")));
            return null;
        });
        QueryError e = catchThrowableOfType(QueryError.class, this::push);
        assertThat(e.code()).isEqualTo("P2002");
        assertThat(e.getMessage()).contains("users_email_key");
        long left = raw(db -> db.getCollection("users").countDocuments());
        assertThat(left).isEqualTo(2L);
    }
}
