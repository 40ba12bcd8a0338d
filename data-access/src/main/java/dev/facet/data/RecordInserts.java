package dev.facet.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.connector.InsertScript;
import dev.facet.data.value.Values;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as Prisma Client returns them (JSON: exact Decimal and BigInt text, ISO dates, Bytes in base64) written as
 * the statements that insert them into the open database, by the connector's {@link InsertScript}. Made by
 * {@link QueryEngine#inserts}.
 */
public final class RecordInserts {
    private final Schema schema;
    private final List<ScalarField> fields;
    private final InsertScript script;

    RecordInserts(Schema schema, List<ScalarField> fields, InsertScript script) {
        this.schema = schema;
        this.fields = fields;
        this.script = script;
    }

    /** @return what the statements are, for a menu: {@code SQL INSERT} */
    public String language() { return script.language(); }

    /** @return the extension of a file of them, without the dot: {@code sql} */
    public String extension() { return script.extension(); }

    /**
     * @param record a record as Prisma Client returns it; fields it lacks, or holds null, are written as NULL
     * @return the statement that inserts it, ending with {@code ;}
     * @throws dev.facet.data.error.QueryError when a value does not fit its field's type
     */
    public String statement(JsonNode record) {
        Map<String, Object> values = new HashMap<>();
        for (ScalarField f : fields) {
            JsonNode v = record.get(f.name());
            if (v == null || v.isNull()) continue;
            var enumType = f.isEnum() ? schema.enumType(f.typeName()) : null;
            values.put(f.name(), f.isList() ? Values.listFromJson(f, enumType, v, f.name()) : Values.fromJson(f, enumType, v, f.name()));
        }
        return script.statement(values);
    }
}
