package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.data.error.QueryError;
import dev.facet.data.testdb.TestServers;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Opening MongoDB URLs as users have them, and failing with Prisma's codes (P1001, P1000, P1013) without the password. */
class MongoConnectionTest {
    @Test
    void opensTheDatabaseInThePathAndDescribesIt() {
        try (MongoConnection c = MongoConnection.open(MongoSuite.withDatabase(TestServers.mongoServerUrl(), "facet_conn"), null)) {
            assertThat(c.databaseName()).isEqualTo("facet_conn");
            assertThat(c.describe()).startsWith("MongoDB database \"facet_conn\" at ");
        }
    }

    @Test
    void aUrlWithoutADatabaseIsP1013() {
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open("mongodb://localhost:1", null));
        assertThat(e.code()).isEqualTo("P1013");
        assertThat(e.getMessage()).contains("Database must be defined in the connection string");
    }

    @Test
    void anotherSchemeIsP1013() {
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open("postgresql://localhost/db", null));
        assertThat(e.code()).isEqualTo("P1013");
    }

    @Test
    void optionsUsersHaveAreAccepted() {
        // The URL shapes of MongoDB Atlas and replica sets: parsed without error (the hosts do not exist here, so
        // opening fails later with P1001, not P1013).
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open(
                "mongodb://app:s3cret@127.0.0.1:" + freePort() + "/shop?replicaSet=rs0&authSource=admin&retryWrites=true&w=majority"
                        + "&serverSelectionTimeoutMS=300", null));
        assertThat(e.code()).isEqualTo("P1001");
        assertThat(e.getMessage()).contains("127.0.0.1:").doesNotContain("s3cret");
    }

    @Test
    void anUnreachableServerIsP1001WithinTheTimeoutNamingTheHost() {
        int port = freePort();
        long start = System.nanoTime();
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open(
                "mongodb://me:pa55word@127.0.0.1:" + port + "/db?serverSelectionTimeoutMS=500", null));
        assertThat(e.code()).isEqualTo("P1001");
        assertThat(e.getMessage()).contains("Can't reach database server at 127.0.0.1:" + port).doesNotContain("pa55word");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
    }

    @Test
    void refusedCredentialsAreP1000WithoutThePassword() {
        // The test server has no users: it refuses any authentication, as a real server refuses a wrong password.
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open(
                TestServers.mongoServerUrl().replace("mongodb://", "mongodb://nobody:wr0ng-pw@") + "/db?authSource=admin", null));
        assertThat(e.code()).isEqualTo("P1000");
        assertThat(e.getMessage()).contains("nobody").doesNotContain("wr0ng-pw");
    }

    @Test
    void aSrvUrlWhoseNameDoesNotResolveIsP1001() {
        QueryError e = catchThrowableOfType(QueryError.class, () -> MongoConnection.open(
                "mongodb+srv://app:s3cret@cluster0.invalid/shop?retryWrites=true&w=majority", null));
        assertThat(e.code()).isIn("P1001", "P1013");
        assertThat(e.getMessage()).doesNotContain("s3cret");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
