package dev.facet.data.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests written as Prisma Client calls in TypeScript, with the types Prisma Client wants, and read back the same by the console's parser. */
class ClientCallWriterTest {
    static final Schema SCHEMA = SchemaLoader.load(new SourceFile("schema.prisma", """
            datasource db {
              provider = "postgresql"
              url      = "x"
            }
            enum Role {
              ADMIN
              USER
            }
            model Customer {
              id       Int      @id
              name     String
              points   BigInt
              balance  Decimal
              birthday DateTime?
              avatar   Bytes?
              prefs    Json?
              role     Role
              orders   Order[]
            }
            model Order {
              id         Int      @id
              placedAt   DateTime
              customerId Int?
              customer   Customer? @relation(fields: [customerId], references: [id])
            }
            """)).schema().orElseThrow();

    final ClientCallWriter writer = new ClientCallWriter(SCHEMA);

    /** The arguments with the parser's {@code {"$type": ..., "value": ...}} tags replaced by their values. */
    static JsonNode untagged(JsonNode node) {
        if (node.isObject() && node.has("$type") && node.has("value") && node.size() == 2) return node.get("value");
        if (node.isObject()) {
            ObjectNode out = JsonCodec.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) out.set(e.getKey(), untagged(e.getValue()));
            return out;
        }
        if (node.isArray()) {
            var out = JsonCodec.MAPPER.createArrayNode();
            node.forEach(n -> out.add(untagged(n)));
            return out;
        }
        return node;
    }

    String roundTrip(String model, String action, String args) {
        String call = writer.call(model, action, JsonCodec.parse(args));
        ClientCall parsed = ClientCallParser.parse(call, SCHEMA);
        assertThat(parsed.model()).isEqualTo(model);
        assertThat(parsed.action()).isEqualTo(action);
        assertThat(untagged(parsed.args())).isEqualTo(JsonCodec.parse(args));
        return call;
    }

    @Test
    void valuesTakeTheTypesOfTheirFieldsAndReadBackTheSame() {
        assertThat(roundTrip("Customer", "create", """
                {"data": {"id": 1, "name": "it's \\"quoted\\"\\n", "points": "9007199254740993", "balance": "12.50",
                 "birthday": "1990-05-01T00:00:00.000Z", "avatar": "3q2+7w==", "prefs": {"theme": "dark", "2fa": [1, null]}, "role": "ADMIN",
                 "orders": {"connect": [{"id": 5}], "create": [{"id": 6, "placedAt": "2025-01-04T09:03:00.000Z"}]}}}"""))
                .isEqualTo("prisma.customer.create({ data: { id: 1, name: \"it's \\\"quoted\\\"\\n\", points: 9007199254740993n, "
                        + "balance: new Prisma.Decimal(\"12.50\"), birthday: new Date(\"1990-05-01T00:00:00.000Z\"), "
                        + "avatar: Buffer.from(\"3q2+7w==\", \"base64\"), prefs: {\"theme\":\"dark\",\"2fa\":[1,null]}, role: \"ADMIN\", "
                        + "orders: { connect: [{ id: 5 }], create: [{ id: 6, placedAt: new Date(\"2025-01-04T09:03:00.000Z\") }] } } })");
    }

    @Test
    void filtersOperatorsAndRelationsKeepTheFieldsType() {
        assertThat(roundTrip("Order", "update", """
                {"where": {"id": 3, "placedAt": {"gte": "2025-01-01T00:00:00.000Z"}, "customer": {"is": {"points": {"in": ["1", "2"]}}}},
                 "data": {"customer": {"disconnect": true}}}"""))
                .isEqualTo("prisma.order.update({ where: { id: 3, placedAt: { gte: new Date(\"2025-01-01T00:00:00.000Z\") }, "
                        + "customer: { is: { points: { in: [1n, 2n] } } } }, data: { customer: { disconnect: true } } })");
        assertThat(roundTrip("Customer", "delete", "{\"where\": {\"id\": 7, \"birthday\": null}}"))
                .isEqualTo("prisma.customer.delete({ where: { id: 7, birthday: null } })");
        assertThat(writer.call("Customer", "findMany", null)).isEqualTo("prisma.customer.findMany()");
    }
}
