package dev.facet.data.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.data.value.JsonCodec;
import dev.facet.schema.model.Field;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a request as the Prisma Client call a TypeScript program would make, the inverse of {@link ClientCallParser}:
 * {@code prisma.customer.update({ where: { id: 1 }, data: { points: 12n } })}. Values take the types Prisma Client
 * wants for their field, found by following the arguments through the schema (a key that is a relation leads to the
 * related model): DateTime as {@code new Date("...")}, BigInt as {@code 12n}, Decimal as {@code new Prisma.Decimal("1.50")},
 * Bytes as {@code Buffer.from("...", "base64")}; Json values and everything else as JSON, keys unquoted where they are
 * identifiers.
 */
public final class ClientCallWriter {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final Schema schema;

    /** @param schema the schema whose field types decide how values are written */
    public ClientCallWriter(Schema schema) { this.schema = schema; }

    /**
     * @param modelName the model as named in the schema
     * @param action    the Prisma Client method
     * @param args      its arguments, as {@code facet query} takes them (null for none)
     * @return the call on one line, without {@code await} or a semicolon
     */
    public String call(String modelName, String action, JsonNode args) {
        Model model = schema.model(modelName);
        String client = model == null ? modelName : ClientCallParser.clientName(model);
        StringBuilder sb = new StringBuilder("prisma.").append(client).append('.').append(action).append('(');
        if (args != null && !args.isNull() && !args.isEmpty()) write(sb, args, model, null);
        return sb.append(')').toString();
    }

    /** Writes {@code node} where {@code model} is the model the keys belong to and {@code field} the scalar field the value is of, if any. */
    private void write(StringBuilder sb, JsonNode node, Model model, ScalarField field) {
        if (node.isObject() && node.has("$type") && node.has("value") && node.size() == 2) {
            tagged(sb, node.get("$type").asText(), node.get("value"));
        } else if (field != null && field.kind() == FieldKind.SCALAR && field.scalarType() == dev.facet.schema.model.ScalarType.JSON) {
            // A Json value is written whole (its keys are data, not fields); so are a Json filter's operators, which JSON spells as well.
            sb.append(JsonCodec.write(node));
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{ ");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(IDENTIFIER.matcher(e.getKey()).matches() ? e.getKey() : JsonCodec.write(JsonCodec.MAPPER.getNodeFactory().textNode(e.getKey())))
                        .append(": ");
                Field f = model == null ? null : model.field(e.getKey());
                switch (f) {
                    case ScalarField s -> write(sb, e.getValue(), model, s);
                    case RelationField r -> write(sb, e.getValue(), schema.model(r.relatedModel()), null);
                    case null, default -> write(sb, e.getValue(), model, field);
                }
                if (it.hasNext()) sb.append(", ");
            }
            sb.append(" }");
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) sb.append(", ");
                write(sb, node.get(i), model, field);
            }
            sb.append(']');
        } else {
            scalar(sb, node, field);
        }
    }

    private static void scalar(StringBuilder sb, JsonNode v, ScalarField field) {
        if (v.isNull() || field == null || field.kind() != FieldKind.SCALAR || !v.isValueNode()) {
            sb.append(JsonCodec.write(v));
            return;
        }
        switch (field.scalarType()) {
            case DATE_TIME -> tagged(sb, "DateTime", v);
            case BIG_INT -> tagged(sb, "BigInt", v);
            case DECIMAL -> tagged(sb, "Decimal", v);
            case BYTES -> tagged(sb, "Bytes", v);
            default -> sb.append(JsonCodec.write(v));
        }
    }

    /** A value JSON has no word for, as Prisma Client takes it. */
    private static void tagged(StringBuilder sb, String type, JsonNode value) {
        String text = JsonCodec.write(value.isTextual() ? value : JsonCodec.MAPPER.getNodeFactory().textNode(value.asText()));
        switch (type) {
            case "DateTime" -> sb.append("new Date(").append(text).append(')');
            case "BigInt" -> sb.append(value.asText()).append('n');
            case "Decimal" -> sb.append("new Prisma.Decimal(").append(text).append(')');
            case "Bytes" -> sb.append("Buffer.from(").append(text).append(", \"base64\")");
            case "Json" -> sb.append(value.isTextual() ? value.asText() : JsonCodec.write(value));
            case "Enum" -> sb.append(value.asText().equals("DbNull") || value.asText().equals("JsonNull") || value.asText().equals("AnyNull")
                    ? "Prisma." + value.asText() : text);
            default -> sb.append(JsonCodec.write(value));
        }
    }
}
