package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.facet.data.testdb.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the in-process test server cannot do (it has no sessions, so no transactions): run only against a real
 * MongoDB replica set named by {@code FACET_TEST_MONGO_URL}, skipped with a message otherwise.
 */
class MongoRealServerTest extends MongoSuite {
    @BeforeEach
    void needsARealServer() {
        assumeTrue(TestServers.mongoIsReal(), "needs a real MongoDB replica set in " + TestServers.MONGO_URL_VARIABLE
                + " (the in-process test server has no transactions)");
    }

    @Test
    void onAReplicaSetAWriteOfSeveralDocumentsIsAllOrNothing() {
        atomicOnly = true;
        open(MongoWritesTest.MODELS);
        run("User", "create", "{\"data\": {\"email\": \"ada@x.io\", \"posts\": {\"create\": [{\"title\": \"a\"}, {\"title\": \"b\"}]}}}");
        assertThat(run("Post", "count", "{}").asInt()).isEqualTo(2);
        // The second create breaks the unique email after its posts would be written: nothing of it stays.
        fails("P2002", "User_email_key", "User", "createMany", "{\"data\": [{\"email\": \"b@x.io\"}, {\"email\": \"ada@x.io\"}]}");
        assertThat(run("User", "count", "{}").asInt()).isEqualTo(1);
    }
}
