package dev.facet.data.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.facet.data.error.QueryError;
import dev.facet.schema.format.FormatResult;
import dev.facet.schema.format.SchemaFormatter;
import dev.facet.schema.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * {@code facet pull} on MongoDB: the Prisma schema {@code prisma db pull} writes for a database without a catalog, found
 * by sampling each collection (Prisma samples 1,000 documents). Each field gets its most frequent type, with
 * Prisma's {@code /// Multiple data types found: ...} comment when several were seen ({@code Json} when no type is the
 * most frequent alone); a field missing or null in some documents is optional; embedded documents become {@code type}
 * blocks named after the model and the field ({@code UsersAddress}), nested to any depth; ObjectIds are
 * {@code String @db.ObjectId}, {@code _id} is the id ({@code @default(auto())} when it holds ObjectIds); unique and
 * plain indexes on top-level fields become {@code @unique}, {@code @@unique} and {@code @@index}. Relations are not
 * guessed, as Prisma does not guess them. The text is formatted as {@code prisma format} formats.
 */
public final class MongoSchemaPuller {
    /** Documents sampled per collection unless told otherwise, as {@code prisma db pull}. */
    public static final int DEFAULT_SAMPLE_SIZE = 1000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /**
     * The pulled schema.
     *
     * @param schema     the formatted text
     * @param models     how many models (collections)
     * @param composites how many {@code type} blocks
     */
    public record Result(String schema, int models, int composites) {}

    private final Map<String, String> composites = new LinkedHashMap<>();

    private MongoSchemaPuller() {}

    /**
     * Samples every collection of the connection's database.
     *
     * @param connection the database
     * @param sampleSize documents sampled per collection (at least 1)
     * @throws QueryError P4001 when the database has no collection, as Prisma says it
     */
    public static Result pull(MongoConnection connection, int sampleSize) {
        MongoDatabase db = connection.database();
        List<String> names = new ArrayList<>();
        for (String n : db.listCollectionNames()) if (!n.startsWith("system.")) names.add(n);
        names.sort(String::compareTo);
        if (names.isEmpty()) throw new QueryError("P4001", "The introspected database was empty: " + connection.describe());
        MongoSchemaPuller puller = new MongoSchemaPuller();
        StringBuilder models = new StringBuilder();
        for (String name : names) {
            MongoCollection<BsonDocument> c = db.getCollection(name, BsonDocument.class);
            List<BsonDocument> sample = c.aggregate(List.of(new Document("$sample", new Document("size", Math.max(1, sampleSize))))).into(new ArrayList<>());
            models.append(puller.model(name, sample, c.listIndexes(BsonDocument.class).into(new ArrayList<>())));
        }
        StringBuilder text = new StringBuilder("datasource db {\n  provider = \"mongodb\"\n}\n");
        for (String type : puller.composites.values()) text.append('\n').append(type);
        text.append(models);
        SourceFile file = new SourceFile("schema.prisma", text.toString());
        FormatResult formatted = new SchemaFormatter().format(file);
        return new Result(formatted.text(file).orElse(text.toString()), names.size(), puller.composites.size());
    }

    // ---------------------------------------------------------------- what the sample holds

    /** What was seen of one field across the sampled documents (or embedded documents) that could hold it. */
    private static final class Seen {
        final Map<String, Integer> types = new LinkedHashMap<>();
        int present;
        /** The embedded documents seen in it (single or in lists), to describe their type. */
        final List<BsonDocument> documents = new ArrayList<>();

        void add(String type) { types.merge(type, 1, Integer::sum); }
    }

    private static Map<String, Seen> observe(List<BsonDocument> docs) {
        Map<String, Seen> fields = new TreeMap<>();
        for (BsonDocument d : docs) {
            for (Map.Entry<String, BsonValue> e : d.entrySet()) {
                Seen s = fields.computeIfAbsent(e.getKey(), k -> new Seen());
                BsonValue v = e.getValue();
                if (v.isNull()) continue;
                s.present++;
                if (v.isArray()) {
                    String element = elementType((BsonArray) v, s);
                    if (element != null) s.add(element + "[]");
                } else {
                    if (v.isDocument()) s.documents.add(v.asDocument());
                    s.add(type(v));
                }
            }
        }
        return fields;
    }

    /** @return a list's element type (the most frequent; Json when mixed), or null for an empty list */
    private static String elementType(BsonArray array, Seen s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BsonValue item : array) {
            if (item.isNull()) continue;
            if (item.isDocument()) s.documents.add(item.asDocument());
            counts.merge(item.isArray() ? "Json" : type(item), 1, Integer::sum);
        }
        if (counts.isEmpty()) return null;
        return counts.size() == 1 ? counts.keySet().iterator().next() : "Json";
    }

    /** The Prisma type of a BSON value; {@code ObjectId} and {@code Document} are resolved when rendered. */
    private static String type(BsonValue v) {
        return switch (v.getBsonType()) {
            case STRING -> "String";
            case INT32 -> "Int";
            case INT64 -> "BigInt";
            case DOUBLE -> "Float";
            case BOOLEAN -> "Boolean";
            case DATE_TIME -> "DateTime";
            case BINARY -> "Bytes";
            case OBJECT_ID -> "ObjectId";
            case DOCUMENT -> "Document";
            // Decimal128, timestamps, regular expressions...: Prisma has no type for them on MongoDB.
            default -> "Json";
        };
    }

    // ---------------------------------------------------------------- rendering

    private String model(String collection, List<BsonDocument> sample, List<BsonDocument> indexes) {
        String name = sanitize(collection);
        StringBuilder b = new StringBuilder("\nmodel ").append(name).append(" {\n");
        Map<String, Seen> fields = observe(sample);
        Seen id = fields.remove("_id");
        if (id != null) {
            String idType = chosen(id);
            b.append("  id ").append(idType.equals("ObjectId") ? "String" : idType.equals("Document") ? "Json" : idType)
                    .append(" @id").append(idType.equals("ObjectId") ? " @default(auto())" : "").append(" @map(\"_id\")")
                    .append(idType.equals("ObjectId") ? " @db.ObjectId" : "").append('\n');
        }
        Map<String, String> uniques = new LinkedHashMap<>();
        StringBuilder blockIndexes = new StringBuilder();
        for (BsonDocument ix : indexes) {
            String ixName = ix.getString("name").getValue();
            if (ixName.equals("_id_") || ix.containsKey("partialFilterExpression")) continue;
            List<String> keys = new ArrayList<>(ix.getDocument("key").keySet());
            if (keys.stream().anyMatch(k -> !fields.containsKey(k))) continue;
            boolean unique = ix.containsKey("unique") && ix.get("unique").isBoolean() && ix.getBoolean("unique").getValue();
            List<String> fieldNames = keys.stream().map(MongoSchemaPuller::sanitize).toList();
            String defaultName = collection + "_" + String.join("_", keys) + (unique ? "_key" : "_idx");
            String map = ixName.equals(defaultName) ? "" : "map: \"" + ixName + "\"";
            if (unique && keys.size() == 1) {
                uniques.put(keys.getFirst(), map.isEmpty() ? " @unique" : " @unique(" + map + ")");
            } else {
                blockIndexes.append("  @@").append(unique ? "unique" : "index").append("([").append(String.join(", ", fieldNames)).append("]")
                        .append(map.isEmpty() ? "" : ", " + map).append(")\n");
            }
        }
        fieldLines(b, capitalize(name), fields, sample.size(), uniques);
        if (!blockIndexes.isEmpty()) b.append('\n').append(blockIndexes);
        if (!name.equals(collection)) b.append("\n  @@map(\"").append(collection).append("\")\n");
        return b.append("}\n").toString();
    }

    private void fieldLines(StringBuilder b, String owner, Map<String, Seen> fields, int documents, Map<String, String> uniques) {
        for (Map.Entry<String, Seen> e : fields.entrySet()) {
            Seen s = e.getValue();
            String field = sanitize(e.getKey());
            String type = chosen(s);
            int total = s.types.values().stream().mapToInt(Integer::intValue).sum();
            if (s.types.size() > 1) {
                StringBuilder comment = new StringBuilder("  /// Multiple data types found: ");
                int i = 0;
                // In the types' alphabetical order: the sample's order is random.
                for (Map.Entry<String, Integer> t : new TreeMap<>(s.types).entrySet()) {
                    if (i++ > 0) comment.append(", ");
                    comment.append(typeLabel(t.getKey())).append(": ").append(percent(t.getValue(), total));
                }
                b.append(comment).append(" out of ").append(total).append(" sampled entries\n");
            }
            boolean list = type.endsWith("[]");
            String base = list ? type.substring(0, type.length() - 2) : type;
            String rendered = switch (base) {
                case "ObjectId" -> "String";
                case "Document" -> composite(owner + capitalize(field), s.documents);
                default -> base;
            };
            b.append("  ").append(field).append(' ').append(rendered).append(list ? "[]" : s.present < documents ? "?" : "");
            if (!field.equals(e.getKey())) b.append(" @map(\"").append(e.getKey()).append("\")");
            if (base.equals("ObjectId")) b.append(" @db.ObjectId");
            String unique = uniques.get(e.getKey());
            if (unique != null) b.append(unique);
            b.append('\n');
        }
    }

    /** Renders (once) the type block of the embedded documents seen in a field, and returns its name. */
    private String composite(String name, List<BsonDocument> documents) {
        if (composites.containsKey(name)) return name;
        composites.put(name, "");
        StringBuilder b = new StringBuilder("type ").append(name).append(" {\n");
        fieldLines(b, name, observe(documents), documents.size(), Map.of());
        composites.put(name, b.append("}\n").toString());
        return name;
    }

    /** The most frequent type; Json when two or more share the top (or only nulls were seen, then optional). */
    private static String chosen(Seen s) {
        if (s.types.isEmpty()) return "Json";
        int max = s.types.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> top = s.types.entrySet().stream().filter(t -> t.getValue() == max).map(Map.Entry::getKey).toList();
        if (top.size() > 1) return top.stream().allMatch(t -> t.endsWith("[]")) ? "Json[]" : "Json";
        return top.getFirst();
    }

    private static String typeLabel(String type) {
        return type.replace("Document", "Object").replace("ObjectId", "String (ObjectId)");
    }

    private static String percent(int part, int total) {
        String p = String.format(Locale.ROOT, "%.1f", 100.0 * part / total);
        return (p.endsWith(".0") ? p.substring(0, p.length() - 2) : p) + "%";
    }

    private static String capitalize(String s) { return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** The name Prisma can use for a collection or field: itself, or without what an identifier cannot hold. */
    static String sanitize(String name) {
        if (IDENTIFIER.matcher(name).matches()) return name;
        String s = name.replaceFirst("^[^A-Za-z]+", "").replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "unnamed" : s;
    }
}
