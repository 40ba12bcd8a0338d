package dev.facet.data.mongo;

import com.mongodb.MongoServerException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import dev.facet.data.error.QueryError;
import dev.facet.schema.model.CompositeType;
import dev.facet.schema.model.Index;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.IndexKind;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * {@code facet push} on MongoDB, as {@code prisma db push} does there: creates the collections of the schema's models
 * and the indexes of {@code @unique}, {@code @@unique} and {@code @@index} under Prisma's names
 * ({@code User_email_key}, {@code Post_authorId_idx}); never drops or changes a collection, an index or a document,
 * and says what was there already.
 */
public final class MongoPusher {
    private MongoPusher() {}

    /**
     * What a push did.
     *
     * @param createdCollections collections created
     * @param existingCollections collections that were there already
     * @param createdIndexes     indexes created, by name
     * @param existingIndexes    indexes that were there already (same name), by name
     */
    public record Result(List<String> createdCollections, List<String> existingCollections, List<String> createdIndexes,
                         List<String> existingIndexes) {
        public Result {
            createdCollections = List.copyOf(createdCollections);
            existingCollections = List.copyOf(existingCollections);
            createdIndexes = List.copyOf(createdIndexes);
            existingIndexes = List.copyOf(existingIndexes);
        }

        /** @return e.g. {@code Created 3 collections, 2 indexes; already there: 1 collection (User), 1 index (User_email_key)} */
        public String summary() {
            String out = "Created " + count(createdCollections.size(), "collection") + ", " + count(createdIndexes.size(), "index");
            if (existingCollections.isEmpty() && existingIndexes.isEmpty()) return out;
            List<String> there = new ArrayList<>();
            if (!existingCollections.isEmpty()) {
                there.add(count(existingCollections.size(), "collection") + " (" + String.join(", ", existingCollections) + ")");
            }
            if (!existingIndexes.isEmpty()) there.add(count(existingIndexes.size(), "index") + " (" + String.join(", ", existingIndexes) + ")");
            return out + "; already there, left as they are: " + String.join(", ", there);
        }

        private static String count(int n, String noun) {
            if (n == 1) return "1 " + noun;
            return n + " " + (noun.equals("index") ? "indexes" : noun + "s");
        }
    }

    /**
     * Creates what is missing.
     *
     * @throws QueryError P2002 when a unique index cannot be built because documents already break it
     */
    public static Result push(Schema schema, MongoConnection connection) {
        var db = connection.database();
        Set<String> collections = new HashSet<>(connection.collectionNames());
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        List<String> createdIndexes = new ArrayList<>();
        List<String> existingIndexes = new ArrayList<>();
        for (Model model : schema.models()) {
            if (model.ignored() || model.view()) continue;
            String name = model.databaseName();
            if (collections.contains(name)) {
                existing.add(name);
            } else {
                db.createCollection(name);
                created.add(name);
            }
            MongoCollection<Document> collection = db.getCollection(name);
            Set<String> indexNames = new HashSet<>();
            for (Document ix : collection.listIndexes()) indexNames.add(ix.getString("name"));
            for (Index index : model.indexes()) {
                if (index.kind() == IndexKind.FULLTEXT) continue;
                if (indexNames.contains(index.databaseName())) {
                    existingIndexes.add(index.databaseName());
                    continue;
                }
                Document keys = new Document();
                for (IndexField f : index.fields()) keys.append(path(schema, model, f.name()), "Desc".equals(f.sort()) ? -1 : 1);
                try {
                    collection.createIndex(keys, new IndexOptions().name(index.databaseName()).unique(index.kind() == IndexKind.UNIQUE));
                } catch (MongoServerException e) {
                    if (e.getCode() == 11000) {
                        throw new QueryError("P2002", "Unique constraint failed on the constraint: `" + index.databaseName()
                                + "` (documents in " + name + " already share values of " + String.join(", ", index.fieldNames()) + ")", e);
                    }
                    throw e;
                }
                createdIndexes.add(index.databaseName());
            }
        }
        return new Result(created, existing, createdIndexes, existingIndexes);
    }

    /** A field path of an index as stored: {@code address.city} through composite types, each step's database name. */
    private static String path(Schema schema, Model model, String fieldPath) {
        String[] parts = fieldPath.split("\\.");
        List<String> out = new ArrayList<>();
        ScalarField f = (ScalarField) model.field(parts[0]);
        out.add(f == null ? parts[0] : f.databaseName());
        for (int i = 1; i < parts.length; i++) {
            CompositeType type = f == null ? null : schema.compositeType(f.typeName());
            f = type == null ? null : type.field(parts[i]);
            out.add(f == null ? parts[i] : f.databaseName());
        }
        return String.join(".", out);
    }
}
