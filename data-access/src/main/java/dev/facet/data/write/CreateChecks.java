package dev.facet.data.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.args.ReadArguments;
import dev.facet.data.error.QueryError;
import dev.facet.data.value.TypeErrors;
import dev.facet.data.value.Values;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.model.Schema;
import java.util.List;

/**
 * What Prisma checks in the records a create nests before it writes anything: their scalar values, their required
 * scalars, and the unique criteria of their connects. Facet writes a create's records one after the other, so without
 * these checks a bad nested record was found only after its parent was inserted (which drew a PostgreSQL sequence
 * value, and so changed every later id).
 */
final class CreateChecks {
    private final Schema schema;
    private final ReadArguments reads;

    CreateChecks(Schema schema, ReadArguments reads) {
        this.schema = schema;
        this.reads = reads;
    }

    /**
     * Checks one nested record.
     *
     * @param back the relation field pointing back at its parent (its keys come from the parent)
     */
    void checkRecord(Model model, RelationField back, JsonNode data, String path) {
        if (!data.isObject()) return;
        for (var it = data.fields(); it.hasNext(); ) {
            var e = it.next();
            if (model.field(e.getKey()) instanceof ScalarField f && !e.getValue().isNull() && !f.isList()
                    && f.kind() != FieldKind.COMPOSITE && f.scalarType() != ScalarType.JSON) {
                Values.fromJson(f, schema.enumType(f.typeName()), e.getValue(), join(path, e.getKey()), TypeErrors.Place.CREATE);
            }
        }
        for (ScalarField f : model.scalarFields()) {
            if (data.has(f.name()) || !f.isRequired() || f.defaultValue() != null || f.updatedAt() || f.ignored()
                    || f.kind() == FieldKind.UNSUPPORTED || isRelationKey(model, f)) continue;
            throw new QueryError("P2012", join(path, f.name()) + ": Argument `" + f.name() + "` is missing.");
        }
    }

    /** Checks the unique criteria of a relation's connects (and of its connectOrCreates' where). */
    void checkConnects(Model child, JsonNode op, String path) {
        JsonNode connect = op.path("connect");
        for (JsonNode c : connect.isArray() ? connect : connect.isObject() ? List.of(connect) : List.<JsonNode>of()) {
            reads.whereUnique(child, c, join(path, "connect"));
        }
        JsonNode coc = op.path("connectOrCreate");
        for (JsonNode c : coc.isArray() ? coc : coc.isObject() ? List.of(coc) : List.<JsonNode>of()) {
            if (c.path("where").isObject()) reads.whereUnique(child, c.get("where"), join(join(path, "connectOrCreate"), "where"));
        }
    }

    /** A key a relation of the model holds: it may come from the relation (or the parent) rather than the data. */
    private static boolean isRelationKey(Model model, ScalarField f) {
        for (Field rf : model.fields()) if (rf instanceof RelationField r && r.fields().contains(f.name())) return true;
        return false;
    }

    private static String join(String path, String key) { return path.isEmpty() ? key : path + "." + key; }
}
