package dev.facet.data.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.facet.data.client.ClientTokens.Kind;
import dev.facet.data.client.ClientTokens.Token;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.List;
import java.util.Locale;

/**
 * Reads one Prisma Client call as written in TypeScript ({@code await prisma.user.findMany({ where: { email: { contains:
 * "@example" } } })}) into a {@link ClientCall}. The arguments are JavaScript object literals, so they take what JSON5
 * takes (unquoted keys, single quotes, trailing commas, comments, hex numbers) and the values Prisma Client takes that
 * JSON has no words for: {@code new Date("...")}, {@code 123n} and {@code BigInt(...)}, {@code new Prisma.Decimal("1.5")},
 * {@code Buffer.from("...", "base64")}, {@code Prisma.DbNull}/{@code JsonNull}/{@code AnyNull}; {@code undefined}
 * leaves a key out, as in Prisma. Every problem is a {@link ClientSyntaxError} with its line and column.
 */
public final class ClientCallParser {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The Prisma Client methods of a model the engine runs, reads first. */
    public static final List<String> ACTIONS = List.of("findMany", "findFirst", "findFirstOrThrow", "findUnique", "findUniqueOrThrow",
            "count", "aggregate", "groupBy", "create", "createMany", "createManyAndReturn", "update", "updateMany",
            "updateManyAndReturn", "upsert", "delete", "deleteMany");

    private final String src;
    private final Schema schema;
    private final List<Token> tokens;
    private int at;

    private ClientCallParser(String src, Schema schema) {
        this.src = src;
        this.schema = schema;
        this.tokens = ClientTokens.of(src);
    }

    /**
     * @param source the call, as written in code
     * @param schema the schema that names the models
     * @return the call
     * @throws ClientSyntaxError when the text is not one call of a model of the schema
     */
    public static ClientCall parse(String source, Schema schema) {
        return new ClientCallParser(source, schema).call();
    }

    /** @return the property Prisma Client gives {@code model}: its name with the first letter in lower case */
    public static String clientName(Model model) {
        String n = model.name();
        return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    /** @return the model {@code prisma.<property>} names, or null */
    public static Model modelOf(Schema schema, String property) {
        for (Model m : schema.models()) if (!m.ignored() && clientName(m).equals(property)) return m;
        return null;
    }

    private Token peek() { return tokens.get(at); }

    private Token take() { return tokens.get(at == tokens.size() - 1 ? at : at++); }

    private ClientSyntaxError error(Token t, String problem) { return new ClientSyntaxError(src, t.start(), problem); }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case END -> "the end of the text";
            case STRING -> "a string";
            case NUMBER, BIGINT -> "the number " + t.text();
            default -> "'" + t.text() + "'";
        };
    }

    private Token expect(String punct, String why) {
        Token t = take();
        if (!t.is(punct)) throw error(t, "expected '" + punct + "' " + why + ", found " + describe(t));
        return t;
    }

    private Token name(String what) {
        Token t = take();
        if (t.kind() != Kind.NAME) throw error(t, "expected " + what + ", found " + describe(t));
        return t;
    }

    private ClientCall call() {
        if (peek().kind() == Kind.END) throw error(peek(), "type a call such as prisma.user.findMany()");
        if (peek().kind() == Kind.NAME && peek().text().equals("await")) take();
        Token client = name("the client, as in prisma.user.findMany()");
        expect(".", "after " + client.text());
        Token property = name("a model, as in " + client.text() + ".user");
        if (property.text().startsWith("$")) {
            throw error(property, client.text() + "." + property.text() + " is not supported here: the console runs one model call at a time");
        }
        Model model = modelOf(schema, property.text());
        if (model == null) throw error(property, unknownModel(client.text(), property.text()));
        expect(".", "after " + client.text() + "." + property.text());
        Token action = name("a method, as in " + property.text() + ".findMany");
        if (!ACTIONS.contains(action.text())) {
            throw error(action, "`" + action.text() + "` is not a method of " + client.text() + "." + property.text()
                    + ": use one of " + String.join(", ", ACTIONS));
        }
        expect("(", "after " + action.text());
        JsonNode args = JSON.objectNode();
        if (!peek().is(")")) {
            Token start = peek();
            args = value();
            if (args == null || !args.isObject()) throw error(start, action.text() + " takes one object of arguments");
            if (peek().is(",")) take();
        }
        expect(")", "to close " + action.text() + "(...)");
        if (peek().is(";")) take();
        if (peek().kind() != Kind.END) throw error(peek(), "expected the end of the call, found " + describe(peek()) + ": run one call at a time");
        return new ClientCall(model.name(), action.text(), args);
    }

    private String unknownModel(String client, String property) {
        for (Model m : schema.models()) {
            if (!m.ignored() && m.name().equalsIgnoreCase(property)) {
                return client + "." + property + " is not a model: did you mean " + client + "." + clientName(m) + "?";
            }
        }
        return client + "." + property + " is not a model of the schema";
    }

    /** @return the value, or null for {@code undefined} */
    private JsonNode value() {
        Token t = take();
        switch (t.kind()) {
            case STRING -> { return JSON.textNode(t.value()); }
            case NUMBER -> { return number(t.value(), false, t); }
            case BIGINT -> { return tagged("BigInt", t.value()); }
            case END -> throw error(t, "expected a value, found the end of the text");
            default -> { }
        }
        if (t.is("{")) return object();
        if (t.is("[")) return array();
        if (t.is("-") || t.is("+")) {
            Token n = take();
            boolean minus = t.is("-");
            if (n.kind() == Kind.NUMBER) return number(n.value(), minus, n);
            if (n.kind() == Kind.BIGINT) return tagged("BigInt", minus ? negate(n.value()) : n.value());
            throw error(n, "expected a number after '" + t.text() + "', found " + describe(n));
        }
        if (t.kind() == Kind.NAME) return word(t);
        throw error(t, "expected a value, found " + describe(t));
    }

    private static String negate(String digits) { return digits.startsWith("-") ? digits.substring(1) : "-" + digits; }

    private JsonNode number(String text, boolean minus, Token t) {
        String s = minus ? "-" + text : text;
        try {
            if (s.matches("-?\\d+")) {
                java.math.BigInteger i = new java.math.BigInteger(s);
                if (i.bitLength() < 32) return JSON.numberNode(i.intValue());
                if (i.bitLength() < 64) return JSON.numberNode(i.longValue());
            }
            // A JavaScript number is a double, whatever the digits written.
            return JSON.numberNode(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw error(t, "'" + t.text() + "' is not a number");
        }
    }

    private ObjectNode object() {
        ObjectNode o = JSON.objectNode();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!peek().is("}")) {
            Token key = take();
            if (key.kind() != Kind.NAME && key.kind() != Kind.STRING && key.kind() != Kind.NUMBER) {
                throw error(key, key.kind() == Kind.END ? "this object is never closed ('}')" : "expected a key or '}', found " + describe(key));
            }
            String name = key.value();
            expect(":", "after the key " + name);
            JsonNode v = value();
            if (!seen.add(name)) throw error(key, "the key " + name + " is given twice");
            if (v != null) o.set(name, v);
            if (peek().is(",")) {
                take();
            } else if (!peek().is("}")) {
                throw error(peek(), peek().kind() == Kind.END ? "this object is never closed ('}')"
                        : "expected ',' or '}' after the value of " + name + ", found " + describe(peek()));
            }
        }
        take();
        return o;
    }

    private ArrayNode array() {
        ArrayNode a = JSON.arrayNode();
        while (!peek().is("]")) {
            if (peek().kind() == Kind.END) throw error(peek(), "this list is never closed (']')");
            JsonNode v = value();
            a.add(v == null ? JSON.nullNode() : v);
            if (peek().is(",")) take();
            else if (!peek().is("]")) throw error(peek(), peek().kind() == Kind.END ? "this list is never closed (']')"
                    : "expected ',' or ']' in the list, found " + describe(peek()));
        }
        take();
        return a;
    }

    private JsonNode word(Token t) {
        switch (t.text()) {
            case "true" -> { return JSON.booleanNode(true); }
            case "false" -> { return JSON.booleanNode(false); }
            case "null" -> { return JSON.nullNode(); }
            case "undefined" -> { return null; }
            case "new" -> { return construct(name("a type after new, as in new Date(...)")); }
            case "Prisma" -> {
                expect(".", "after Prisma");
                Token member = name("a member of Prisma, as in Prisma.DbNull");
                return switch (member.text()) {
                    case "DbNull", "JsonNull", "AnyNull" -> tagged("Enum", member.text());
                    case "Decimal" -> decimal(member);
                    default -> throw error(member, "Prisma." + member.text() + " is not a value the console knows: use Prisma.Decimal, DbNull, JsonNull or AnyNull");
                };
            }
            case "DbNull", "JsonNull", "AnyNull" -> { return tagged("Enum", t.text()); }
            case "BigInt" -> { return bigInt(t); }
            case "Decimal" -> { return decimal(t); }
            case "Date" -> { return date(t); }
            case "Buffer" -> {
                expect(".", "after Buffer");
                Token from = name("from, as in Buffer.from(\"aGk=\", \"base64\")");
                if (!from.text().equals("from")) throw error(from, "use Buffer.from(...)");
                return bytes(from);
            }
            default -> throw error(t, "`" + t.text() + "` is not a value: write strings in quotes (\"" + t.text() + "\")");
        }
    }

    private JsonNode construct(Token type) {
        return switch (type.text()) {
            case "Date" -> date(type);
            case "Decimal" -> decimal(type);
            case "Prisma" -> {
                expect(".", "after Prisma");
                Token d = name("Decimal, as in new Prisma.Decimal(\"1.5\")");
                if (!d.text().equals("Decimal")) throw error(d, "new Prisma." + d.text() + " is not supported: use new Prisma.Decimal(...)");
                yield decimal(d);
            }
            case "Uint8Array" -> {
                List<JsonNode> args = arguments(type);
                if (args.size() != 1 || !args.getFirst().isArray()) throw error(type, "new Uint8Array takes a list of bytes: new Uint8Array([1, 2, 3])");
                byte[] b = new byte[args.getFirst().size()];
                for (int i = 0; i < b.length; i++) b[i] = (byte) args.getFirst().get(i).asInt();
                yield tagged("Bytes", java.util.Base64.getEncoder().encodeToString(b));
            }
            default -> throw error(type, "new " + type.text() + " is not supported: use new Date(...), new Prisma.Decimal(...) or new Uint8Array([...])");
        };
    }

    /** @return the arguments of {@code name(...)}, undefined ones as nulls */
    private List<JsonNode> arguments(Token name) {
        expect("(", "after " + name.text());
        List<JsonNode> out = new java.util.ArrayList<>();
        while (!peek().is(")")) {
            JsonNode v = value();
            out.add(v == null ? JSON.nullNode() : v);
            if (peek().is(",")) take();
            else if (!peek().is(")")) throw error(peek(), "expected ',' or ')' after an argument of " + name.text() + ", found " + describe(peek()));
        }
        take();
        return out;
    }

    private JsonNode date(Token name) {
        List<JsonNode> args = arguments(name);
        if (args.isEmpty()) return tagged("DateTime", JsDates.iso(java.time.Instant.now()));
        JsonNode a = args.getFirst();
        if (args.size() == 1 && a.isNumber()) return tagged("DateTime", JsDates.iso(java.time.Instant.ofEpochMilli(a.asLong())));
        if (args.size() == 1 && a.isTextual()) {
            java.time.Instant i = JsDates.parse(a.asText());
            if (i == null) throw error(name, "Invalid Date: \"" + a.asText() + "\" is not a date (write \"2024-01-31\" or \"2024-01-31T12:00:00Z\")");
            return tagged("DateTime", JsDates.iso(i));
        }
        throw error(name, "Date takes one string or number of milliseconds: new Date(\"2024-01-31T12:00:00Z\")");
    }

    private JsonNode bigInt(Token name) {
        List<JsonNode> args = arguments(name);
        JsonNode a = args.size() == 1 ? args.getFirst() : null;
        if (a != null && (a.isIntegralNumber() || (a.isTextual() && a.asText().trim().matches("-?\\d+")))) {
            return tagged("BigInt", a.isTextual() ? a.asText().trim() : a.bigIntegerValue().toString());
        }
        if (a != null && a.isObject() && "BigInt".equals(a.path("$type").asText())) return a;
        throw error(name, "BigInt takes one whole number: BigInt(\"9007199254740993\") or 9007199254740993n");
    }

    private JsonNode decimal(Token name) {
        // A number literal is taken as written, not through a double: Decimal(0.1) is 0.1.
        Token first = tokens.get(Math.min(at + 1, tokens.size() - 1));
        String literal = first.kind() == Kind.NUMBER ? first.value()
                : first.is("-") && at + 2 < tokens.size() ? "-" + tokens.get(at + 2).value() : null;
        List<JsonNode> args = arguments(name);
        if (args.size() == 1 && (args.getFirst().isNumber() || args.getFirst().isTextual())) {
            String text = args.getFirst().isTextual() ? args.getFirst().asText().trim() : literal != null ? literal : args.getFirst().asText();
            try {
                return tagged("Decimal", new java.math.BigDecimal(text).toPlainString());
            } catch (NumberFormatException e) {
                throw error(name, "Decimal: \"" + text + "\" is not a number");
            }
        }
        throw error(name, "Decimal takes one number or string: new Prisma.Decimal(\"1.5\")");
    }

    private JsonNode bytes(Token from) {
        List<JsonNode> args = arguments(from);
        if (args.isEmpty() || args.size() > 2 || !(args.getFirst().isTextual() || args.getFirst().isArray())) {
            throw error(from, "Buffer.from takes a string and its encoding, or a list of bytes: Buffer.from(\"aGk=\", \"base64\")");
        }
        byte[] b;
        if (args.getFirst().isArray()) {
            b = new byte[args.getFirst().size()];
            for (int i = 0; i < b.length; i++) b[i] = (byte) args.getFirst().get(i).asInt();
        } else {
            String text = args.getFirst().asText();
            String encoding = args.size() == 2 ? args.get(1).asText().toLowerCase(Locale.ROOT) : "utf8";
            try {
                b = switch (encoding) {
                    case "base64" -> java.util.Base64.getDecoder().decode(text);
                    case "hex" -> java.util.HexFormat.of().parseHex(text);
                    case "utf8", "utf-8" -> text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    default -> throw error(from, "Buffer.from: the encoding " + encoding + " is not supported (base64, hex, utf8)");
                };
            } catch (IllegalArgumentException e) {
                throw error(from, "Buffer.from: the text is not " + encoding);
            }
        }
        return tagged("Bytes", java.util.Base64.getEncoder().encodeToString(b));
    }

    private static ObjectNode tagged(String type, String value) {
        ObjectNode o = JSON.objectNode();
        o.put("$type", type);
        o.put("value", value);
        return o;
    }
}
