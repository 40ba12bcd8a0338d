package dev.facet.data.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.facet.schema.SchemaLoader;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.schema.source.SourceFile;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ObjectIds and embedded documents have a place in the neutral values and come out as Prisma Client shows them. */
class DocumentValuesTest {
    private static final Schema SCHEMA = SchemaLoader.load(new SourceFile("schema.prisma", """
            datasource db {
              provider = "mongodb"
            }
            type Point {
              x Float
              y Float
            }
            type Address {
              street String
              zip    String?
              at     Point?
              tags   String[]
            }
            model User {
              id      String  @id @default(auto()) @map("_id") @db.ObjectId
              address Address
            }
            """)).schema().orElseThrow();

    @Test
    void anObjectIdIsItsHexText() {
        ObjectIdValue id = ObjectIdValue.parse("65A1F0C2B3D4E5F601234567");
        assertEquals("65a1f0c2b3d4e5f601234567", id.hex());
        assertEquals(12, id.bytes().length);
        Model user = SCHEMA.model("User");
        assertEquals("\"65a1f0c2b3d4e5f601234567\"", Values.toJson((ScalarField) user.field("id"), id).toString());
        assertFalse(ObjectIdValue.isValid("65a1f0c2"));
        assertThrows(IllegalArgumentException.class, () -> ObjectIdValue.parse("zz a1f0c2b3d4e5f601234567"));
    }

    @Test
    void anEmbeddedDocumentIsAnObjectInItsTypesFieldOrder() throws Exception {
        Map<String, Object> point = Map.of("y", 2.5, "x", 1.0);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tags", List.of("a", "b"));
        fields.put("at", new CompositeValue(SCHEMA.compositeType("Point"), point));
        fields.put("zip", null);
        fields.put("street", "Main St");
        CompositeValue address = new CompositeValue(SCHEMA.compositeType("Address"), fields);
        ScalarField field = (ScalarField) SCHEMA.model("User").field("address");
        assertTrue(field.isComposite());
        String expected = "{\"street\":\"Main St\",\"zip\":null,\"at\":{\"x\":1.0,\"y\":2.5},\"tags\":[\"a\",\"b\"]}";
        assertEquals(expected, Values.toJson(field, address).toString());
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonCodec.MAPPER.getFactory().createGenerator(out)) {
            Values.write(g, field, address);
        }
        assertEquals(expected, out.toString());
    }
}
