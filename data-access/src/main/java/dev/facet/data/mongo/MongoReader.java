package dev.facet.data.mongo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoDatabase;
import dev.facet.data.connector.RowMap;
import dev.facet.data.query.Filter;
import dev.facet.data.query.Ordering;
import dev.facet.data.query.ReadQuery;
import dev.facet.data.query.Selection;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import dev.facet.schema.model.Schema;
import dev.facet.data.value.Generated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import org.bson.Document;

/**
 * Answers {@link ReadQuery}s on MongoDB: one {@code find} for the top level and one per included relation level
 * (the parents' keys batched in {@code $in}), plus one command per relation condition, relation ordering and
 * {@code _count}, whatever the number of documents. Sorting, skip and take run in the database when the ordering is
 * by the model's own fields and there is no cursor or distinct; otherwise the matching documents are ordered and
 * paged here, as Prisma does for distinct.
 */
final class MongoReader {
    private final Schema schema;
    private final MongoDatabase db;
    private final BsonValues values;
    private final MongoFilters filters;
    private final RowOrder order;

    MongoReader(Schema schema, MongoDatabase db) {
        this.schema = schema;
        this.db = db;
        this.values = new BsonValues(schema);
        this.filters = new MongoFilters(schema, db, values);
        this.order = new RowOrder(schema, this);
    }

    BsonValues values() { return values; }

    Schema schema() { return schema; }

    MongoFilters filters() { return filters; }

    Docs collection(Model model) { return new Docs(db.getCollection(model.databaseName())); }

    /** Runs a top-level read. */
    List<Map<String, Object>> read(ReadQuery q) {
        List<Map<String, Object>> rows = find(q, filters.compile(q.where(), q.model()), true);
        loadNested(q.model(), rows, q.selection());
        return rows;
    }

    /**
     * Runs a top-level read and hands its records to {@code chunks} at most {@code chunkSize} at a time, each chunk with
     * its relations, as the documents come from the server: a long read is never held whole. Reads ordered or paged
     * in memory come in one chunk.
     */
    void readEach(ReadQuery q, int chunkSize, Consumer<List<Map<String, Object>>> chunks) {
        find(q, filters.compile(q.where(), q.model()), true, chunkSize, rows -> {
            loadNested(q.model(), rows, q.selection());
            chunks.accept(rows);
        });
    }

    /** Counts the documents a filter matches. */
    long count(Model model, Filter where) {
        return collection(model).count(filters.compile(where, model));
    }

    /**
     * The documents of {@code q.model()} matching {@code query}, ordered; paged too when {@code page}, else left for
     * the caller to page (per parent).
     */
    List<Map<String, Object>> find(ReadQuery q, Document query, boolean page) {
        List<Map<String, Object>> all = new ArrayList<>();
        find(q, query, page, Integer.MAX_VALUE, all::addAll);
        return all;
    }

    /** {@link #find(ReadQuery, Document, boolean)}, handing the documents over in chunks where the server orders and pages them. */
    private void find(ReadQuery q, Document query, boolean page, int chunkSize, Consumer<List<Map<String, Object>>> sink) {
        boolean[] handed = {false};
        List<Map<String, Object>> rest = findChunked(q, query, page, chunkSize, rows -> {
            handed[0] = true;
            sink.accept(rows);
        });
        // An empty read is one empty chunk; a read whose last chunk came out full ends there.
        if (!rest.isEmpty() || !handed[0]) sink.accept(rest);
    }

    /** @return the rows not yet handed to {@code sink} (all of them unless the server orders and pages the read) */
    private List<Map<String, Object>> findChunked(ReadQuery q, Document query, boolean page, int chunkSize, Consumer<List<Map<String, Object>>> sink) {
        Model model = q.model();
        List<Ordering> orderings = order.effective(q);
        boolean simple = orderings.stream().allMatch(o -> o instanceof Ordering.ByField bf && bf.path().isEmpty());
        boolean backwards = q.take() != null && q.take() < 0;
        boolean inDb = page && simple && q.distinct().isEmpty();
        Set<ScalarField> fields = fieldsFor(q, orderings);
        if (inDb && q.cursor() != null) {
            // The cursor becomes a condition: one command finds the cursor document, whether or not the filter
            // matches it (Prisma's MongoDB connector pins it with the cursor's own fields alone: cursor.rs, the
            // cursored pipeline of read_query_builder.rs), and the page starts there in the database.
            Document at = collection(model).find(cursorMatch(q.cursor())).projection(projection(fields)).first();
            if (at == null) return new ArrayList<>();
            query = Filters.and(query, RowOrder.atOrAfter(orderings, at, backwards));
        }
        if (page && simple && !orderings.isEmpty() && q.cursor() == null && !q.distinct().isEmpty()) {
            return distinctInServer(q, query, orderings, fields, backwards);
        }
        if (page && !simple && q.cursor() == null && q.distinct().isEmpty() && throughToOneKeys(model, orderings)) {
            return relationOrderedInServer(q, query, orderings, fields, backwards);
        }
        FindIterable<Document> it = collection(model).find(query).projection(projection(fields));
        if (simple && !orderings.isEmpty()) it = it.sort(order.sortDocument(orderings, inDb && backwards));
        if (inDb) {
            // The driver counts in ints; Prisma takes any 64-bit skip and take. No collection is read past 2^31
            // documents in one answer, so a larger take is no limit and a larger skip leaves nothing.
            if (q.skip() != null && q.skip() > Integer.MAX_VALUE) return new ArrayList<>();
            if (q.skip() != null && q.skip() > 0) it = it.skip(q.skip().intValue());
            Long limit = q.take() != null ? Long.valueOf(Math.abs(q.take())) : q.limit();
            if (limit != null) {
                if (limit == 0) return new ArrayList<>();
                if (limit <= Integer.MAX_VALUE) it = it.limit(limit.intValue());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean stream = inDb && !backwards;
        for (Document d : it) {
            rows.add(row(model, d, fields));
            if (stream && rows.size() == chunkSize) {
                sink.accept(rows);
                rows = new ArrayList<>();
            }
        }
        if (inDb) {
            if (backwards) Collections.reverse(rows);
            return rows;
        }
        Map<String, Object> pinned = null;
        if (page && q.cursor() != null && q.distinct().isEmpty() && order.fromCursor(model, rows, q.cursor(), List.of(), false).isEmpty()) {
            // A cursor document the filter does not match still marks where the page starts (as above): it is
            // ordered with the others and left out of the answer. Not with distinct: Prisma's core then pages the
            // filtered records in memory, from the cursor's record only when it is among them.
            Document at = collection(model).find(cursorMatch(q.cursor())).projection(projection(fields)).first();
            if (at == null) return new ArrayList<>();
            pinned = row(model, at, fields);
            rows.add(pinned);
            if (simple) order.sortInMemory(model, rows, orderings);
        }
        if (!simple) order.sortInMemory(model, rows, orderings);
        if (!page) return rows;
        return pageInMemory(model, rows, q, orderings, pinned);
    }

    /**
     * A distinct read as one pipeline, as Prisma's MongoDB connector runs it: sorted, the first document of each
     * distinct key kept ({@code $group} with {@code $first}; null and missing are one key, as in memory), sorted again,
     * then skipped and limited in the server. A negative {@code take} walks the order backwards, keeping the last of
     * each key.
     */
    private List<Map<String, Object>> distinctInServer(ReadQuery q, Document query, List<Ordering> orderings, Set<ScalarField> fields,
                                                       boolean backwards) {
        Document sort = RowOrder.sortDocument(orderings, backwards);
        Document key = new Document();
        int i = 0;
        for (ScalarField f : q.distinct()) key.append("k" + i++, new Document("$ifNull", java.util.Arrays.asList("$" + f.databaseName(), null)));
        Document resort = new Document();
        sort.forEach((field, direction) -> resort.append("doc." + field, direction));
        List<Document> pipeline = new ArrayList<>(List.of(new Document("$match", query), new Document("$sort", sort),
                new Document("$group", new Document("_id", key).append("doc", new Document("$first", "$$ROOT"))), new Document("$sort", resort)));
        if (q.skip() != null && q.skip() > 0) pipeline.add(new Document("$skip", q.skip()));
        Long limit = q.take() != null ? Long.valueOf(Math.abs(q.take())) : q.limit();
        if (limit != null) {
            if (limit == 0) return new ArrayList<>();
            pipeline.add(new Document("$limit", limit));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : collection(q.model()).aggregate(pipeline)) rows.add(row(q.model(), d.get("doc", Document.class), fields));
        if (backwards) Collections.reverse(rows);
        return rows;
    }

    /** Whether every ordering is by the model's own field or by a field one to-one relation away, joined by one key. */
    private boolean throughToOneKeys(Model model, List<Ordering> orderings) {
        for (Ordering o : orderings) {
            if (!(o instanceof Ordering.ByField bf) || bf.path().size() > 1) return false;
            if (bf.path().isEmpty()) continue;
            RelationField rf = bf.path().getFirst();
            MongoLink link = MongoLink.of(schema, model, rf);
            if (rf.isList() || link.parentArray() || link.parentKeys().size() != 1 || link.childKeys().size() != 1) return false;
        }
        return true;
    }

    /**
     * A read ordered through to-one relations as one pipeline: each relation joined once ({@code $lookup} on its key,
     * {@code $unwind} keeping documents without a related one, whose value then sorts as null), sorted, skipped and
     * limited in the server.
     */
    private List<Map<String, Object>> relationOrderedInServer(ReadQuery q, Document query, List<Ordering> orderings, Set<ScalarField> fields,
                                                              boolean backwards) {
        Model model = q.model();
        List<Document> pipeline = new ArrayList<>(List.of(new Document("$match", query)));
        Map<RelationField, String> joined = new HashMap<>();
        Document sort = new Document();
        for (Ordering o : orderings) {
            Ordering.ByField bf = (Ordering.ByField) o;
            String prefix = "";
            if (!bf.path().isEmpty()) {
                RelationField rf = bf.path().getFirst();
                String as = joined.get(rf);
                if (as == null) {
                    as = "__facet_order_" + joined.size();
                    joined.put(rf, as);
                    MongoLink link = MongoLink.of(schema, model, rf);
                    pipeline.add(new Document("$lookup", new Document("from", link.child().databaseName())
                            .append("localField", link.parentKeys().getFirst().databaseName())
                            .append("foreignField", link.childKeys().getFirst().databaseName()).append("as", as)));
                    pipeline.add(new Document("$unwind", new Document("path", "$" + as).append("preserveNullAndEmptyArrays", true)));
                }
                prefix = as + ".";
            }
            sort.putIfAbsent(prefix + bf.field().databaseName(), bf.descending() ^ backwards ? -1 : 1);
        }
        pipeline.add(new Document("$sort", sort));
        if (q.skip() != null && q.skip() > 0) pipeline.add(new Document("$skip", q.skip()));
        Long limit = q.take() != null ? Long.valueOf(Math.abs(q.take())) : q.limit();
        if (limit != null) {
            if (limit == 0) return new ArrayList<>();
            pipeline.add(new Document("$limit", limit));
        }
        pipeline.add(new Document("$project", projection(fields)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Document d : collection(model).aggregate(pipeline)) rows.add(row(model, d, fields));
        if (backwards) Collections.reverse(rows);
        return rows;
    }

    /** The condition that names the cursor's document. */
    private Document cursorMatch(Map<ScalarField, Object> cursor) {
        Document match = new Document();
        for (var e : cursor.entrySet()) match.append(e.getKey().databaseName(), values.toBson(e.getKey(), e.getValue()));
        return match;
    }

    /** Applies cursor, distinct, skip and take to documents already in order, as Prisma does. */
    List<Map<String, Object>> pageInMemory(Model model, List<Map<String, Object>> rows, ReadQuery q, List<Ordering> orderings) {
        return pageInMemory(model, rows, q, orderings, null);
    }

    /** As above; {@code pinned}, the cursor's document when the filter does not match it, marks the start only. */
    private List<Map<String, Object>> pageInMemory(Model model, List<Map<String, Object>> rows, ReadQuery q, List<Ordering> orderings,
                                                   Map<String, Object> pinned) {
        boolean backwards = q.take() != null && q.take() < 0;
        List<Map<String, Object>> out = rows;
        if (q.cursor() != null) out = order.fromCursor(model, out, q.cursor(), orderings, backwards);
        if (pinned != null) out.removeIf(r -> r == pinned);
        if (!q.distinct().isEmpty()) {
            Set<List<Object>> seen = new java.util.HashSet<>();
            List<Map<String, Object>> kept = new ArrayList<>();
            List<Map<String, Object>> walk = backwards ? reversed(out) : out;
            for (Map<String, Object> r : walk) {
                List<Object> key = new ArrayList<>();
                for (ScalarField f : q.distinct()) key.add(RowOrder.normalize(r.get(f.name())));
                if (seen.add(key)) kept.add(r);
            }
            out = backwards ? reversed(kept) : kept;
        }
        long skip = q.skip() == null ? 0 : q.skip();
        Long limit = q.take() != null ? Long.valueOf(Math.abs(q.take())) : q.limit();
        int n = out.size();
        if (backwards) {
            int end = (int) Math.max(0, n - skip);
            int start = limit == null ? 0 : (int) Math.max(0, end - limit);
            return new ArrayList<>(out.subList(start, end));
        }
        int start = (int) Math.min(n, skip);
        int end = limit == null ? n : (int) Math.min(n, start + limit);
        return new ArrayList<>(out.subList(start, end));
    }

    private static List<Map<String, Object>> reversed(List<Map<String, Object>> rows) {
        List<Map<String, Object>> r = new ArrayList<>(rows);
        Collections.reverse(r);
        return r;
    }

    /** The fields a read needs: the selected ones, the keys of its relations, its orderings and distinct. */
    Set<ScalarField> fieldsFor(ReadQuery q, List<Ordering> orderings) {
        Model model = q.model();
        Set<ScalarField> fields = new LinkedHashSet<>(q.selection().scalars());
        for (Selection.Item item : q.selection().items()) {
            RelationField rf = switch (item) {
                case Selection.Relation r -> r.field();
                default -> null;
            };
            if (rf != null) fields.addAll(MongoLink.of(schema, model, rf).parentKeys());
            if (item instanceof Selection.Count c) for (var cr : c.relations()) fields.addAll(MongoLink.of(schema, model, cr.field()).parentKeys());
        }
        for (Ordering o : orderings) {
            switch (o) {
                case Ordering.ByField bf when bf.path().isEmpty() -> fields.add(bf.field());
                case Ordering.ByField bf -> fields.addAll(MongoLink.of(schema, model, bf.path().getFirst()).parentKeys());
                case Ordering.ByRelationCount rc -> fields.addAll(MongoLink.of(schema, model,
                        rc.path().isEmpty() ? rc.relation() : rc.path().getFirst()).parentKeys());
                default -> { }
            }
        }
        fields.addAll(q.distinct());
        if (q.cursor() != null) fields.addAll(q.cursor().keySet());
        fields.addAll(RowOrder.idFields(model));
        return fields;
    }

    static Document projection(Set<ScalarField> fields) {
        Document p = new Document();
        for (ScalarField f : fields) p.append(f.databaseName(), 1);
        if (!p.containsKey("_id")) p.append("_id", 1);
        return p;
    }

    /** A document as a record of the query model, with the given fields; a required field missing is reported by path. */
    Map<String, Object> row(Model model, Document d, Set<ScalarField> fields) {
        RowMap row = new RowMap(fields.size() + 2);
        for (ScalarField f : fields) {
            Object raw = d.get(f.databaseName());
            String where = model.name() + " " + idText(d);
            Object v = values.fromBson(f, raw, where);
            if (v == null && raw == null && !d.containsKey(f.databaseName()) && f.isRequired() && f.defaultValue() != null
                    && !(f.defaultValue() instanceof DefaultValue.Auto)) {
                // Prisma reads a missing required field that has a default as its default (without writing it back).
                v = Literals.defaultFor(f);
            }
            if (v == null && f.isRequired()) throw BsonValues.notNullable(f, where);
            // Prisma reads a missing field as null; the window shows it apart from an explicit null (no second command).
            if (raw == null && f.isOptional() && !d.containsKey(f.databaseName())) row.markAbsent(f.name());
            row.put(f.name(), v);
        }
        return row;
    }

    private static String idText(Document d) {
        Object id = d.get("_id");
        return "document _id " + (id instanceof org.bson.types.ObjectId o ? o.toHexString() : String.valueOf(id));
    }

    // ---------------------------------------------------------------- nested relations and counts

    void loadNested(Model model, List<Map<String, Object>> rows, Selection selection) {
        if (rows.isEmpty()) return;
        for (Selection.Item item : selection.items()) {
            switch (item) {
                case Selection.Relation rel -> loadRelation(model, rows, rel);
                case Selection.Count count -> loadCounts(model, rows, count);
                case Selection.Scalar sc when sc.nested() != null -> {
                    for (Map<String, Object> row : rows) row.put(sc.key(), selected(row.get(sc.key()), sc.nested()));
                }
                default -> { }
            }
        }
    }

    /** A composite value (or list of them) cut down to a nested {@code select}, in the selection's order. */
    private static Object selected(Object value, Selection selection) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(selected(item, selection));
            return out;
        }
        if (!(value instanceof JsonNode node) || node.isNull()) return value;
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode item : node) out.add((JsonNode) selected(item, selection));
            return out;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Selection.Item item : selection.items()) {
            if (!(item instanceof Selection.Scalar sc)) continue;
            JsonNode v = node.get(sc.key());
            if (v == null) continue;
            out.set(sc.key(), sc.nested() == null ? v : (JsonNode) selected(v, sc.nested()));
        }
        return out;
    }

    private void loadRelation(Model model, List<Map<String, Object>> parents, Selection.Relation rel) {
        MongoLink link = MongoLink.of(schema, model, rel.field());
        ReadQuery q = rel.query();
        Set<Object> keys = parentKeyValues(link, parents);
        List<Map<String, Object>> children = keys.isEmpty() ? List.of()
                : find(withKeys(q, link), Filters.and(filters.compile(q.where(), link.child()), keysIn(link, keys)), false);
        Map<Object, List<Map<String, Object>>> byKey = new HashMap<>();
        for (Map<String, Object> c : children) byKey.computeIfAbsent(childKey(link, c), k -> new ArrayList<>()).add(c);
        Map<Map<String, Object>, Integer> position = new IdentityHashMap<>();
        if (link.parentArray()) for (Map<String, Object> c : children) position.put(c, position.size());
        List<Ordering> orderings = order.effective(q);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> p : parents) {
            List<Map<String, Object>> mine = childrenOf(link, p, byKey, position);
            if (rel.field().isList()) {
                List<Map<String, Object>> paged = pageInMemory(link.child(), mine, q, orderings);
                p.put(rel.field().name(), paged);
                kept.addAll(paged);
            } else {
                Map<String, Object> one = mine.isEmpty() ? null : mine.getFirst();
                p.put(rel.field().name(), one);
                if (one != null) kept.add(one);
            }
        }
        // A related document shared by several parents (many-to-many) is the same map: load its relations once.
        Map<Map<String, Object>, Boolean> unique = new IdentityHashMap<>();
        List<Map<String, Object>> distinct = new ArrayList<>();
        for (Map<String, Object> k : kept) if (unique.put(k, Boolean.TRUE) == null) distinct.add(k);
        loadNested(link.child(), distinct, q.selection());
    }

    /** The query with the child's keys among its fields (so children can be given to their parents). */
    private static ReadQuery withKeys(ReadQuery q, MongoLink link) {
        List<Selection.Item> items = new ArrayList<>(q.selection().items());
        // The children are paged per parent in memory (pageInMemory), so they carry the fields their cursor and
        // distinct compare as well as the keys that tie them to their parents.
        Set<ScalarField> needed = new LinkedHashSet<>(link.childKeys());
        if (q.cursor() != null) needed.addAll(q.cursor().keySet());
        needed.addAll(q.distinct());
        for (ScalarField k : needed) if (!q.selection().scalars().contains(k)) items.add(new Selection.Scalar(k));
        return new ReadQuery(q.model(), q.where(), q.orderBy(), null, null, null, List.of(), new Selection(items));
    }

    /** The parents' key values (one value per key for single-field keys, the ids in the arrays for many-to-many). */
    private static Set<Object> parentKeyValues(MongoLink link, List<Map<String, Object>> parents) {
        Set<Object> keys = new LinkedHashSet<>();
        for (Map<String, Object> p : parents) {
            Object k = parentKey(link, p);
            if (k == null) continue;
            if (link.parentArray()) for (Object id : (List<?>) k) keys.add(RowOrder.normalize(id));
            else keys.add(k);
        }
        return keys;
    }

    private static Object parentKey(MongoLink link, Map<String, Object> p) {
        if (link.parentKeys().size() == 1) return RowOrder.normalize(p.get(link.parentKeys().getFirst().name()));
        List<Object> k = new ArrayList<>();
        for (ScalarField f : link.parentKeys()) {
            Object v = p.get(f.name());
            if (v == null) return null;
            k.add(RowOrder.normalize(v));
        }
        return k;
    }

    private static Object childKey(MongoLink link, Map<String, Object> c) {
        if (link.childKeys().size() == 1) return RowOrder.normalize(c.get(link.childKeys().getFirst().name()));
        List<Object> k = new ArrayList<>();
        for (ScalarField f : link.childKeys()) k.add(RowOrder.normalize(c.get(f.name())));
        return k;
    }

    /**
     * A parent's children. Through an id array they are looked up by id and put back in the order the server returned
     * them ({@code position}): a scan of all the children for each parent cost parents × children look-ups, most of
     * Facet's own time in the reads benchmark on MongoDB (200 posts × 600 tags per request).
     */
    private static List<Map<String, Object>> childrenOf(MongoLink link, Map<String, Object> parent, Map<Object, List<Map<String, Object>>> byKey,
                                                        Map<Map<String, Object>, Integer> position) {
        Object k = parentKey(link, parent);
        if (k == null) return List.of();
        if (!link.parentArray()) return byKey.getOrDefault(k, List.of());
        Set<Object> ids = new LinkedHashSet<>();
        for (Object id : (List<?>) k) ids.add(RowOrder.normalize(id));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object id : ids) out.addAll(byKey.getOrDefault(id, List.of()));
        if (out.size() > 1) out.sort(java.util.Comparator.comparingInt(position::get));
        return out;
    }

    /** {@code childKeys $in keys}, the keys converted back to what is stored. */
    Document keysIn(MongoLink link, Set<Object> keys) {
        if (link.childKeys().size() == 1) {
            ScalarField f = link.childKeys().getFirst();
            List<Object> stored = new ArrayList<>();
            for (Object k : keys) stored.add(values.toBson(f, k));
            return new Document(f.databaseName(), new Document("$in", stored));
        }
        List<Document> any = new ArrayList<>();
        for (Object k : keys) {
            Document d = new Document();
            List<?> parts = (List<?>) k;
            for (int i = 0; i < parts.size(); i++) d.append(link.childKeys().get(i).databaseName(), values.toBson(link.childKeys().get(i), parts.get(i)));
            any.add(d);
        }
        return new Document("$or", any);
    }

    private void loadCounts(Model model, List<Map<String, Object>> rows, Selection.Count count) {
        for (Map<String, Object> r : rows) r.put("_count", new LinkedHashMap<String, Long>());
        for (Selection.CountedRelation cr : count.relations()) {
            MongoLink link = MongoLink.of(schema, model, cr.field());
            Map<Object, Long> counts = relatedCounts(link, rows, cr.filter() == null ? Filter.ALL : cr.filter());
            for (Map<String, Object> r : rows) {
                @SuppressWarnings("unchecked")
                Map<String, Long> c = (Map<String, Long>) r.get("_count");
                c.put(cr.field().name(), countFor(link, r, counts));
            }
        }
    }

    /** The number of related documents per child key, in one command. */
    Map<Object, Long> relatedCounts(MongoLink link, List<Map<String, Object>> parents, Filter filter) {
        Set<Object> keys = parentKeyValues(link, parents);
        Map<Object, Long> counts = new HashMap<>();
        if (keys.isEmpty()) return counts;
        Document match = Filters.and(filters.compile(filter, link.child()), keysIn(link, keys));
        Set<ScalarField> fields = new LinkedHashSet<>(link.childKeys());
        for (Document d : collection(link.child()).find(match).projection(projection(fields))) {
            Map<String, Object> c = row(link.child(), d, fields);
            counts.merge(childKey(link, c), 1L, Long::sum);
        }
        return counts;
    }

    static long countFor(MongoLink link, Map<String, Object> parent, Map<Object, Long> counts) {
        Object k = parentKey(link, parent);
        if (k == null) return 0;
        if (!link.parentArray()) return counts.getOrDefault(k, 0L);
        long n = 0;
        Set<Object> ids = new LinkedHashSet<>();
        for (Object id : (List<?>) k) ids.add(RowOrder.normalize(id));
        for (Object id : ids) n += counts.getOrDefault(id, 0L);
        return n;
    }

    /** Combines query documents. */
    static final class Filters {
        private Filters() {}

        static Document and(Document a, Document b) {
            if (a.isEmpty()) return b;
            if (b.isEmpty()) return a;
            return new Document("$and", List.of(a, b));
        }
    }
}
