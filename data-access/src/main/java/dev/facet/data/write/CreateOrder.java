package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * The order in which Prisma inserts the records of a nested write, so that autoincrement ids come out as Prisma's do.
 * Prisma's query graph runs the nested writes of a record in the order of its data, except the nested creates of
 * records that first need a record of their own relation created or connected (the foreign key they hold comes from
 * it): those wait until the record's other nested writes are done, and then run last first. The relations a record
 * holds itself are written before it, also last first (see {@code WriteEngine.createRecord}).
 */
final class CreateOrder {
    /** The nested write operations in the order Prisma's input types list them (for suggestions). */
    static final List<String> NESTED_OPS = List.of("create", "connectOrCreate", "upsert", "createMany", "set", "disconnect", "delete", "connect",
            "update", "updateMany", "deleteMany");

    private CreateOrder() {}

    /**
     * @param back the relation field pointing back at the parent of the nested create
     * @return whether the nested create of {@code data} waits until the other nested writes of its parent are done
     */
    static boolean waitsForItsRelations(Schema schema, Model model, RelationField back, JsonNode data) {
        for (RelationField rf : model.relationFields()) {
            if (rf == back || !data.has(rf.name()) || !RelationLink.of(schema, model, rf).parentHoldsKey()) continue;
            JsonNode op = data.get(rf.name());
            if (op.has("create") || op.has("connect")) return true;
        }
        return false;
    }
}
