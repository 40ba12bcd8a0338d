package dev.facet.data.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MongoDB speaks no SQL: its connector offers no insert statements, so copying as SQL INSERT is not offered. */
class MongoInsertScriptTest extends MongoSuite {
    @Test
    void theConnectorOffersNoInsertStatements() {
        open("""
                model Thing {
                  id   String @id @default(auto()) @map("_id") @db.ObjectId
                  name String
                }
                """, true);
        assertThat(engine.inserts("Thing", List.of("id", "name"))).isEmpty();
    }
}
