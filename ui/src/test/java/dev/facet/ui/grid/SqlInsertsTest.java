package dev.facet.ui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The literals SQL INSERT copies get on each database, and MongoDB's reason for having none. */
class SqlInsertsTest {
    static Schema schema(String provider) {
        return SchemaLoader.load(new SourceFile("schema.prisma", """
                datasource db {
                  provider = "%s"
                  url      = "x"
                }
                enum Kind {
                  A  @map("a")
                }
                model Thing {
                  id    %s @id @map("_id")
                  name  String
                  ok    Boolean
                  at    DateTime
                  blob  Bytes?
                  kind  Kind
                  @@map("things")
                }
                """.formatted(provider, provider.equals("mongodb") ? "String @db.ObjectId" : "Int"))).schema().orElseThrow();
    }

    static final ObjectNode RECORD = (ObjectNode) JsonCodec.parse(
            "{\"id\":7,\"name\":\"it's a \\\\ path\",\"ok\":true,\"at\":\"2025-01-04T09:03:00.000Z\",\"blob\":\"3q0=\",\"kind\":\"A\"}");

    String insert(String provider) {
        Schema s = schema(provider);
        return SqlInserts.of(s, s.model("Thing"), List.of("id", "name", "ok", "at", "blob", "kind")).statement(RECORD);
    }

    @Test
    void eachDatabaseGetsItsQuotingAndLiterals() {
        assertThat(insert("postgresql")).isEqualTo("INSERT INTO \"things\" (\"_id\", \"name\", \"ok\", \"at\", \"blob\", \"kind\") VALUES "
                + "(7, 'it''s a \\ path', TRUE, '2025-01-04 09:03:00.000+00', '\\xdead', 'a');");
        assertThat(insert("mysql")).isEqualTo("INSERT INTO `things` (`_id`, `name`, `ok`, `at`, `blob`, `kind`) VALUES "
                + "(7, 'it''s a \\\\ path', 1, '2025-01-04 09:03:00.000', X'dead', 'a');");
        assertThat(insert("sqlite")).isEqualTo("INSERT INTO \"things\" (\"_id\", \"name\", \"ok\", \"at\", \"blob\", \"kind\") VALUES "
                + "(7, 'it''s a \\ path', 1, '2025-01-04T09:03:00.000Z', X'dead', 'a');");
    }

    @Test
    void mongoDbHasNoSqlAndSaysWhy() {
        Schema mongo = schema("mongodb");
        assertThat(SqlInserts.of(mongo, mongo.model("Thing"), List.of("id"))).isNull();
        assertThat(SqlInserts.whyNot(mongo)).isEqualTo("MongoDB speaks no SQL: copy or export as JSON (the documents insertMany takes) instead");
    }
}
