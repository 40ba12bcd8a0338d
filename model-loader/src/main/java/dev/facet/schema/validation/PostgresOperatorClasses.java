package dev.facet.schema.validation;

import static dev.facet.schema.model.ScalarType.BIG_INT;
import static dev.facet.schema.model.ScalarType.BYTES;
import static dev.facet.schema.model.ScalarType.DATE_TIME;
import static dev.facet.schema.model.ScalarType.DECIMAL;
import static dev.facet.schema.model.ScalarType.FLOAT;
import static dev.facet.schema.model.ScalarType.INT;
import static dev.facet.schema.model.ScalarType.JSON;
import static dev.facet.schema.model.ScalarType.STRING;

import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.FieldArity;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.IndexField;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.validation.Context.FieldInfo;
import dev.facet.schema.validation.Context.ModelInfo;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL operator classes Prisma knows by name ({@code ops: InetOps}), and which index types,
 * native types and scalar types each one fits. {@code raw("...")} classes are the user's business and
 * are never checked.
 */
final class PostgresOperatorClasses {
    private PostgresOperatorClasses() {}

    /**
     * One named operator class.
     *
     * @param name        as written in the schema
     * @param indexTypes  the index types it belongs to
     * @param nativeTypes the native types ({@code @db.X}) it indexes
     * @param bareType    the scalar type it indexes when the field has no native type; null when a native type is required
     */
    record OperatorClass(String name, Set<String> indexTypes, Set<String> nativeTypes, ScalarType bareType) {}

    private static final Map<String, OperatorClass> CLASSES = new LinkedHashMap<>();

    /** Native types an index type handles without an explicit operator class (PostgreSQL's default classes). */
    private static final Map<String, Set<String>> DEFAULT_NATIVE = new LinkedHashMap<>();

    /** Scalar types (without a native type) an index type handles without an explicit operator class. */
    private static final Map<String, Set<ScalarType>> DEFAULT_BARE = Map.of(
            "Gist", Set.of(STRING),
            "Gin", Set.of(JSON),
            "SpGist", Set.of(STRING),
            "Brin", Set.of(STRING, BYTES, DATE_TIME, FLOAT, INT, BIG_INT, DECIMAL));

    private static void add(String name, Set<String> indexTypes, Set<String> nativeTypes, ScalarType bareType) {
        CLASSES.put(name, new OperatorClass(name, indexTypes, nativeTypes, bareType));
    }

    /** A BRIN family: {@code <prefix><Variant>Ops} for each variant ({@code Bloom}, {@code MinMax}, {@code MinMaxMulti}). */
    private static void brin(String prefix, Set<String> nativeTypes, ScalarType bareType, String... variants) {
        for (String v : variants) add(prefix + v + "Ops", Set.of("Brin"), nativeTypes, bareType);
        DEFAULT_NATIVE.computeIfAbsent("Brin", k -> new HashSet<>()).addAll(nativeTypes);
    }

    static {
        add("InetOps", Set.of("Gist", "SpGist"), Set.of("Inet"), null);
        add("JsonbOps", Set.of("Gin"), Set.of("JsonB"), JSON);
        add("JsonbPathOps", Set.of("Gin"), Set.of("JsonB"), JSON);
        // ArrayOps accepts any list field; checked on its own below.
        add("ArrayOps", Set.of("Gin"), Set.of(), null);
        add("TextOps", Set.of("SpGist"), Set.of("Text", "VarChar", "Char"), STRING);

        String[] all = {"Bloom", "MinMax", "MinMaxMulti"};
        String[] bloomMinMax = {"Bloom", "MinMax"};
        brin("Bit", Set.of("Bit"), null, "MinMax");
        brin("VarBit", Set.of("VarBit"), null, "MinMax");
        brin("Bpchar", Set.of("Char"), null, bloomMinMax);
        brin("Bytea", Set.of("ByteA"), BYTES, bloomMinMax);
        brin("Date", Set.of("Date"), null, all);
        brin("Float4", Set.of("Real"), null, all);
        brin("Float8", Set.of("DoublePrecision"), FLOAT, all);
        add("InetInclusionOps", Set.of("Brin"), Set.of("Inet"), null);
        brin("Inet", Set.of("Inet"), null, all);
        brin("Int2", Set.of("SmallInt"), null, all);
        brin("Int4", Set.of("Integer"), INT, all);
        brin("Int8", Set.of("BigInt"), BIG_INT, all);
        brin("Numeric", Set.of("Decimal"), DECIMAL, all);
        brin("Oid", Set.of("Oid"), null, all);
        // PostgreSQL has no text_minmax_multi_ops.
        brin("Text", Set.of("Text", "VarChar"), STRING, bloomMinMax);
        brin("Timestamp", Set.of("Timestamp"), DATE_TIME, all);
        brin("TimestampTz", Set.of("Timestamptz"), null, all);
        brin("Time", Set.of("Time"), null, all);
        brin("TimeTz", Set.of("Timetz"), null, all);
        brin("Uuid", Set.of("Uuid"), null, all);

        DEFAULT_NATIVE.put("Gist", Set.of());
        DEFAULT_NATIVE.put("Gin", Set.of("JsonB"));
        DEFAULT_NATIVE.put("SpGist", Set.of("Inet", "Text", "VarChar", "Char"));
    }

    /** @return whether {@code name} is an operator class Prisma knows (as opposed to a typo) */
    static boolean known(String name) { return CLASSES.containsKey(name); }

    /** @return whether the stored operator class was written as {@code raw("...")} */
    static boolean isRaw(String stored) { return stored.startsWith("raw("); }

    /**
     * Checks each field of one index against its index type ({@code BTree} when none is given): the named
     * operator class must belong to that type and fit the field, and without one the type must have a
     * default class for the field.
     */
    static void check(Context ctx, Arguments args, ModelInfo model, IndexArguments.Options options) {
        String indexType = options.type() != null ? options.type() : "BTree";
        for (IndexField indexField : options.fields()) {
            FieldInfo field = model.field(indexField.name());
            if (field == null) continue; // composite-type paths: PostgreSQL has none
            String ops = indexField.operatorClass();
            if (ops != null && isRaw(ops)) continue;
            String error = ops == null ? withoutOperatorClass(indexType, field) : withOperatorClass(indexType, field, CLASSES.get(ops));
            if (error != null) IndexTypes.report(ctx, args, error);
        }
        if (indexType.equals("SpGist") && options.fields().size() > 1) {
            IndexTypes.report(ctx, args, Messages.spGistSingleColumn());
        }
    }

    /** @return the problem with a field indexed by the type's default operator class, or null */
    private static String withoutOperatorClass(String indexType, FieldInfo field) {
        Set<String> natives = DEFAULT_NATIVE.get(indexType);
        if (natives == null) return null; // BTree and Hash index every type
        if (indexType.equals("Gin") && field.arity == FieldArity.LIST) return null; // array_ops is Gin's default for arrays
        if (field.nativeType != null) {
            String nativeType = field.nativeType.name();
            return natives.contains(nativeType) ? null : Messages.noDefaultOperatorClass(indexType, nativeType);
        }
        if (field.kind == FieldKind.UNSUPPORTED) return null; // the database decides
        if (field.kind == FieldKind.SCALAR && DEFAULT_BARE.get(indexType).contains(field.scalarType)) return null;
        return Messages.indexTypeFieldType(indexType, field.name);
    }

    /** @return the problem with a field indexed by a named operator class, or null */
    private static String withOperatorClass(String indexType, FieldInfo field, OperatorClass opclass) {
        if (opclass == null) return null; // unknown names are reported where the argument is read
        if (!opclass.indexTypes().contains(indexType)) return Messages.operatorClassIndexType(opclass.name(), indexType);
        if (opclass.name().equals("ArrayOps")) {
            return field.arity == FieldArity.LIST ? null : Messages.arrayOpsNeedsList(field.name);
        }
        if (field.nativeType != null) {
            String nativeType = field.nativeType.name();
            return opclass.nativeTypes().contains(nativeType) ? null
                    : Messages.operatorClassNativeType(opclass.name(), nativeType, field.name);
        }
        if (opclass.bareType() == null) return Messages.operatorClassNeedsNativeType(opclass.name(), field.name);
        boolean fits = field.kind == FieldKind.SCALAR && field.scalarType == opclass.bareType();
        return fits ? null : Messages.operatorClassScalarType(opclass.name(), field.name, opclass.bareType().id());
    }
}
