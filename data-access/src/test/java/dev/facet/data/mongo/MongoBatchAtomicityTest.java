package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.facet.data.QueryEngine;
import dev.facet.data.value.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch (the window's Save) on a server without transactions: when a later request fails, the one document an
 * earlier request changed is restored, as a rolled-back transaction would leave it.
 */
class MongoBatchAtomicityTest extends MongoSuite {
    @Test
    void aFailedBatchLeavesNothingBehind() {
        atomicOnly = true;
        open(MongoWritesTest.MODELS);
        run("User", "create", "{\"data\": {\"email\": \"ada@x.io\", \"name\": \"Ada\"}}");
        run("User", "create", "{\"data\": {\"email\": \"bob@x.io\", \"name\": \"Bob\"}}");
        QueryEngine.BatchError e = catchThrowableOfType(QueryEngine.BatchError.class, () -> engine.executeInTransaction(List.of(
                new QueryEngine.Request("User", "update", JsonCodec.parse("{\"where\": {\"email\": \"ada@x.io\"}, \"data\": {\"name\": \"Ada K\"}}")),
                new QueryEngine.Request("User", "update", JsonCodec.parse(
                        "{\"where\": {\"email\": \"bob@x.io\", \"name\": \"Someone else\"}, \"data\": {\"name\": \"Bob K\"}}")))));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.error().code()).isEqualTo("P2025");
        assertThat(values(run("User", "findMany", "{\"orderBy\": {\"email\": \"asc\"}}"), "name")).containsExactly("Ada", "Bob");
    }
}
