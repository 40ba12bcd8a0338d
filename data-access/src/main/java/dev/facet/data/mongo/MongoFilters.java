package dev.facet.data.mongo;

import com.mongodb.client.MongoDatabase;
import dev.facet.data.error.QueryError;
import dev.facet.data.query.Filter;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.BsonRegularExpression;
import org.bson.Document;

/**
 * Compiles the neutral {@link Filter} to a MongoDB query document with Prisma's semantics on MongoDB: a condition never
 * matches a document in which its field is missing (negations included), {@code {x: null}} matches an explicit null
 * only, text operations and {@code mode: 'insensitive'} are regular expressions with the input escaped. Relation
 * conditions are resolved by a sub-query per relation condition (the related keys first, then an {@code $in}), so
 * their cost does not grow with the number of documents.
 */
final class MongoFilters {
    /** Matches no document. */
    static final Document NOTHING = new Document("_id", new Document("$in", List.of()));

    private final Schema schema;
    private final MongoDatabase db;
    private final BsonValues values;
    /** The path of the embedded document the fields are in ({@code address.}), empty at the top of a document. */
    private final String prefix;
    /**
     * Whether a missing field matches each condition (negated or not) instead of none: Prisma's inverted undefined
     * exclusion, used for the related documents a {@code none} (or a negated {@code some}, an {@code every}) must not have.
     */
    private final boolean missingMatches;

    MongoFilters(Schema schema, MongoDatabase db, BsonValues values) { this(schema, db, values, "", false); }

    private MongoFilters(Schema schema, MongoDatabase db, BsonValues values, String prefix, boolean missingMatches) {
        this.schema = schema;
        this.db = db;
        this.values = values;
        this.prefix = prefix;
        this.missingMatches = missingMatches;
    }

    /** The same compiler for fields under {@code path} (an embedded document, or the elements of {@code $elemMatch} with ""). */
    MongoFilters at(String path) { return new MongoFilters(schema, db, values, path, false); }

    /** @return the field's path in the document being filtered */
    String path(ScalarField f) { return prefix + f.databaseName(); }

    /** @return the query document for {@code filter} on {@code model}'s collection */
    Document compile(Filter filter, Model model) { return compile(filter, model, false); }

    private Document compile(Filter filter, Model model, boolean negated) {
        return switch (filter) {
            case Filter.Constant c -> c.value() ^ negated ? new Document() : NOTHING;
            case Filter.And a -> combine(negated ? "$or" : "$and", a.filters(), model, negated);
            case Filter.Or o -> combine(negated ? "$and" : "$or", o.filters(), model, negated);
            case Filter.Not n -> compile(n.filter(), model, !negated);
            case Filter.Compare c -> leaf(c.field(), compare(c), negated);
            case Filter.In in -> leaf(in.field(), in.values().isEmpty() ? new Document(path(in.field()), new Document("$in", List.of())) : in(in), negated);
            case Filter.IsNull n -> leaf(n.field(), isNull(path(n.field())), negated);
            case Filter.ListCondition l -> leaf(l.field(), list(l), negated);
            case Filter.IsSet set -> new Document(path(set.field()), new Document("$exists", set.set() ^ negated));
            case Filter.JsonCondition j -> leaf(j.field(), json(j), negated);
            case Filter.ToMany t -> toMany(t, model, negated);
            case Filter.ToOne t -> toOne(t, model, negated);
            case Filter.Composite c -> composite(c, model, negated);
        };
    }

    private Document combine(String op, List<Filter> filters, Model model, boolean negated) {
        List<Document> parts = new ArrayList<>();
        for (Filter f : filters) parts.add(compile(f, model, negated));
        if (parts.isEmpty()) return op.equals("$and") ? new Document() : NOTHING;
        if (parts.size() == 1) return parts.getFirst();
        return new Document(op, parts);
    }

    /**
     * A condition on one field, as Prisma 6.19 renders it: the condition (inverted when negated) AND "the field is
     * set". Each {@code condition} here is exact on documents where the field is set (an explicit null compares as
     * the lowest BSON value, as aggregation expressions do) and never matches a missing field, so its negation is
     * "not the condition, and set": an explicit null matches negations, a missing field matches none.
     */
    private Document leaf(ScalarField field, Document condition, boolean negated) {
        if (missingMatches) {
            // Prisma's inverted exclusion: the condition OR "the field is missing".
            Document missing = new Document(path(field), new Document("$exists", false));
            return negated ? new Document("$nor", List.of(condition)) : new Document("$or", List.of(condition, missing));
        }
        if (!negated) return condition;
        return new Document("$and", List.of(new Document("$nor", List.of(condition)), isSet(field)));
    }

    /** The field is present (explicit null included): Prisma's {@code $ne: ["$f", "$$REMOVE"]}. */
    private Document isSet(ScalarField field) { return new Document(path(field), new Document("$exists", true)); }

    /** The field holds an explicit null (not a missing field). */
    private Document isNull(String path) { return new Document(path, new Document("$eq", null).append("$exists", true)); }

    /** {@code condition} or an explicit null: an aggregation {@code $lt}/{@code $lte} puts null below every value. */
    private Document orNull(String path, Document condition) { return new Document("$or", List.of(condition, isNull(path))); }


    static String name(ScalarField f) { return f.databaseName(); }

    private Document compare(Filter.Compare c) {
        ScalarField f = c.field();
        String n = path(f);
        if (c.insensitive() || c.op() == Filter.CompareOp.CONTAINS || c.op() == Filter.CompareOp.STARTS_WITH || c.op() == Filter.CompareOp.ENDS_WITH) {
            String text = String.valueOf(c.value());
            String escaped = escape(text);
            String pattern = switch (c.op()) {
                case CONTAINS -> escaped;
                case STARTS_WITH -> "^" + escaped;
                case ENDS_WITH -> escaped + "$";
                case EQUALS -> "^" + escaped + "$";
                default -> null;
            };
            String options = c.insensitive() ? "is" : "s";
            if (pattern != null) return new Document(n, new Document("$regex", pattern).append("$options", options));
            if (c.op() == Filter.CompareOp.NOT_EQUALS) {
                // $not of the regex: a null is no match of it, so it is a match of the negation (Prisma's $not $regexMatch).
                return new Document(n, new Document("$exists", true).append("$not", new BsonRegularExpression("^" + escaped + "$", options)));
            }
            // lt/gt without case: compare lower-cased, as Prisma does ($toLower of null is "", so a null compares as "").
            String op = switch (c.op()) { case LT -> "$lt"; case LTE -> "$lte"; case GT -> "$gt"; default -> "$gte"; };
            return new Document("$and", List.of(isSet(f),
                    new Document("$expr", new Document(op, List.of(new Document("$toLower", "$" + n), text.toLowerCase(Locale.ROOT))))));
        }
        Object v = values.toBson(f, c.value());
        return switch (c.op()) {
            case EQUALS -> new Document(n, new Document("$eq", v));
            case NOT_EQUALS -> new Document(n, new Document("$exists", true).append("$ne", v));
            case LT -> orNull(n, new Document(n, new Document("$lt", v)));
            case LTE -> orNull(n, new Document(n, new Document("$lte", v)));
            case GT -> new Document(n, new Document("$gt", v));
            case GTE -> new Document(n, new Document("$gte", v));
            default -> throw new IllegalStateException(c.op().toString());
        };
    }

    private Document in(Filter.In in) {
        List<Object> vs = new ArrayList<>();
        for (Object v : in.values()) {
            vs.add(in.insensitive() ? new BsonRegularExpression("^" + escape(String.valueOf(v)) + "$", "is") : values.toBson(in.field(), v));
        }
        Document condition = new Document("$in", vs);
        // A null in the list matches an explicit null only (Prisma's $eq against null), never a missing field.
        if (vs.contains(null)) condition.append("$exists", true);
        return new Document(path(in.field()), condition);
    }

    private Document list(Filter.ListCondition l) {
        String n = path(l.field());
        return switch (l.op()) {
            case HAS -> new Document(n, values.toBson(scalarOf(l.field()), l.value()));
            case HAS_SOME -> {
                List<?> vs = (List<?>) values.toBson(l.field(), l.value());
                yield vs.isEmpty() ? NOTHING : new Document(n, new Document("$in", vs));
            }
            case HAS_EVERY -> {
                List<?> vs = (List<?>) values.toBson(l.field(), l.value());
                // Prisma's true stub, AND-ed with "set": a null list matches an empty hasEvery.
                yield vs.isEmpty() ? isSet(l.field()) : new Document(n, new Document("$all", vs));
            }
            // Prisma sizes $ifNull: ["$l", []]: a null list is empty.
            case IS_EMPTY -> new Document("$or", List.of(new Document(n, new Document("$size", 0)), isNull(n)));
            case EQUALS -> new Document(n, new Document("$eq", values.toBson(l.field(), l.value())));
        };
    }

    private Document json(Filter.JsonCondition j) {
        if (!j.path().isEmpty()) throw QueryError.validation("where." + j.field().name() + ".path", "Json filters on MongoDB take no path.");
        String n = path(j.field());
        Object v = BsonValues.jsonToBson((com.fasterxml.jackson.databind.JsonNode) j.value());
        return switch (j.op()) {
            case EQUALS -> new Document(n, new Document("$eq", v));
            case NOT_EQUALS -> new Document(n, new Document("$ne", v).append("$exists", true));
            case IS_NULL -> new Document(n, new Document("$eq", null).append("$exists", true));
            case IS_NOT_NULL -> new Document(n, new Document("$ne", null));
            default -> throw QueryError.validation("where." + j.field().name(), "Json fields on MongoDB take equals and not only.");
        };
    }

    // ---------------------------------------------------------------- composites

    /**
     * A composite condition with Prisma's semantics on MongoDB: {@code is} compiles the inner filter on the embedded
     * document's paths (negated, each condition inside is negated and still needs its field: Prisma's {@code isNot});
     * {@code some} is {@code $elemMatch}, {@code every} and {@code none} are no element (not) matching; a missing
     * field matches none of them, negated or not ({@code isSet} aside).
     */
    private Document composite(Filter.Composite c, Model model, boolean negated) {
        String n = path(c.field());
        Document exists = new Document(n, new Document("$exists", true));
        Document positive = switch (c.condition()) {
            case Filter.CompositeCondition.Is is -> {
                // Prisma's nested visitor keeps the undefined exclusion mode: under a none, a missing a.t matches.
                Document inner = new MongoFilters(schema, db, values, n + ".", missingMatches).compile(is.filter(), model, negated);
                yield negated && !missingMatches ? new Document("$and", List.of(inner, exists)) : inner;
            }
            case Filter.CompositeCondition.Equals eq -> eq.value().isNull()
                    ? new Document(n, new Document("$eq", null).append("$exists", true))
                    : new Document(n, new Document("$eq", values.compositeEquality(c.field(), eq.value())));
            case Filter.CompositeCondition.Elements el -> {
                // Prisma renders some/every elements with the current exclusion mode, none with the opposite one: at
                // the top level a none's element without the field counts as a match (ADR 0024).
                boolean elementMissing = el.quantifier() == Filter.Quantifier.NONE ? !missingMatches : missingMatches;
                Document element = new MongoFilters(schema, db, values, "", elementMissing).compile(el.filter(), model, false);
                yield switch (el.quantifier()) {
                    case SOME -> new Document(n, new Document("$elemMatch", element));
                    case NONE -> new Document(n, new Document("$exists", true).append("$not", new Document("$elemMatch", element)));
                    case EVERY -> new Document(n, new Document("$exists", true).append("$not",
                            new Document("$elemMatch", new Document("$nor", List.of(element)))));
                };
            }
            case Filter.CompositeCondition.Empty empty -> empty.empty() ? new Document(n, new Document("$size", 0))
                    : new Document(n + ".0", new Document("$exists", true));
        };
        if (c.condition() instanceof Filter.CompositeCondition.Is) return positive;
        if (missingMatches) {
            // Prisma's inverted exclusion: the (possibly negated) condition OR "the composite is missing".
            Document missing = new Document(n, new Document("$exists", false));
            return negated ? new Document("$nor", List.of(positive)) : new Document("$or", List.of(positive, missing));
        }
        if (!negated) return positive;
        return new Document("$and", List.of(new Document("$nor", List.of(positive)), exists));
    }

    // ---------------------------------------------------------------- relations

    private Document toMany(Filter.ToMany t, Model model, boolean negated) {
        MongoLink link = MongoLink.of(schema, model, t.field());
        return switch (t.quantifier()) {
            case SOME -> related(link, t.filter(), negated);
            case NONE -> related(link, t.filter(), !negated);
            case EVERY -> related(link, new Filter.Not(t.filter()), !negated);
        };
    }

    private Document toOne(Filter.ToOne t, Model model, boolean negated) {
        MongoLink link = MongoLink.of(schema, model, t.field());
        Filter f = t.filter() == null ? Filter.ALL : t.filter();
        boolean without = t.negated() ^ negated;
        if (!without || f.equals(Filter.ALL)) return related(link, f, without);
        // Prisma parses isNot (and a negated is) as NoRelatedRecord, rendered on a to-one as none AND "$size 1":
        // a parent without a related document (no key, or a key pointing nowhere) does not match.
        return new Document("$and", List.of(related(link, Filter.ALL, false), related(link, f, true)));
    }

    /**
     * The parents that have a related document matching {@code childFilter} (or, negated, that have none): the
     * related documents' keys are read first (one command), then matched with {@code $in}.
     */
    private Document related(MongoLink link, Filter childFilter, boolean negated) {
        // The related documents a parent must not have match with a missing field too (Prisma's none/every/NOT some
        // render the nested filter with the undefined exclusion inverted); those it must have need the field set.
        Document childQuery = new MongoFilters(schema, db, values, "", negated).compile(childFilter, link.child());
        List<List<Object>> keys = childKeys(link, childQuery);
        Document in;
        if (link.parentKeys().size() == 1) {
            List<Object> flat = new ArrayList<>();
            for (List<Object> k : keys) flat.add(k.getFirst());
            in = new Document(name(link.parentKeys().getFirst()), new Document(negated ? "$nin" : "$in", flat));
            return in;
        }
        List<Document> any = new ArrayList<>();
        for (List<Object> k : keys) {
            Document d = new Document();
            for (int i = 0; i < k.size(); i++) d.append(name(link.parentKeys().get(i)), k.get(i));
            any.add(d);
        }
        Document or = any.isEmpty() ? NOTHING : new Document("$or", any);
        return negated ? new Document("$nor", List.of(or)) : or;
    }

    /** The distinct key values of the related documents a query matches, as stored. */
    List<List<Object>> childKeys(MongoLink link, Document childQuery) {
        Docs collection = new Docs(db.getCollection(link.child().databaseName()));
        Set<List<Object>> out = new LinkedHashSet<>();
        if (link.childKeys().size() == 1) {
            String key = name(link.childKeys().getFirst());
            for (org.bson.BsonValue v : collection.distinct(key, childQuery)) {
                Object value = javaValue(v);
                if (value != null) out.add(List.of(value));
            }
            return new ArrayList<>(out);
        }
        Document projection = new Document();
        for (ScalarField k : link.childKeys()) projection.append(name(k), 1);
        for (Document d : collection.find(childQuery).projection(projection)) {
            List<Object> k = new ArrayList<>();
            for (ScalarField f : link.childKeys()) k.add(d.get(name(f)));
            if (!k.contains(null)) out.add(k);
        }
        return new ArrayList<>(out);
    }

    /** The element field of a list field (to convert one element). */
    private static ScalarField scalarOf(ScalarField list) {
        return new ScalarField(list.name(), list.databaseName(), list.kind(), list.scalarType(), list.typeName(),
                dev.facet.schema.model.FieldArity.REQUIRED, list.nativeType(), null, null, false, false, false, false, null, list.span());
    }

    private static final org.bson.codecs.DocumentCodec DOCUMENTS = new org.bson.codecs.DocumentCodec();

    /** A BSON value as the driver's {@link Document} holds it (ObjectId, String, Long, ...). */
    static Object javaValue(org.bson.BsonValue v) {
        if (v == null || v.isNull()) return null;
        Document d = DOCUMENTS.decode(new org.bson.BsonDocumentReader(new org.bson.BsonDocument("v", v)),
                org.bson.codecs.DecoderContext.builder().build());
        return d.get("v");
    }

    /** Escapes regular expression syntax, so that the input is matched as text. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\^$.|?*+()[]{}/-".indexOf(c) >= 0) sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }
}
