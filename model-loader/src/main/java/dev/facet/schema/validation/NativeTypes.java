package dev.facet.schema.validation;

import static dev.facet.schema.model.ScalarType.BIG_INT;
import static dev.facet.schema.model.ScalarType.BOOLEAN;
import static dev.facet.schema.model.ScalarType.BYTES;
import static dev.facet.schema.model.ScalarType.DATE_TIME;
import static dev.facet.schema.model.ScalarType.DECIMAL;
import static dev.facet.schema.model.ScalarType.FLOAT;
import static dev.facet.schema.model.ScalarType.INT;
import static dev.facet.schema.model.ScalarType.JSON;
import static dev.facet.schema.model.ScalarType.STRING;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.NativeType;
import dev.facet.schema.model.Provider;
import dev.facet.schema.model.ScalarType;
import dev.facet.schema.validation.Context.FieldInfo;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The native types each provider accepts ({@code @db.VarChar(255)}), which scalar types they fit, and
 * how many arguments they take.
 */
final class NativeTypes {
    /**
     * One native type of one provider.
     *
     * @param name        the name after {@code @db.}
     * @param minArgs     the fewest arguments
     * @param maxArgs     the most arguments
     * @param scalarTypes the scalar types it fits, in the order Prisma lists them in messages
     */
    record Spec(String name, int minArgs, int maxArgs, List<ScalarType> scalarTypes) {}

    private static final Map<Provider, Map<String, Spec>> TABLE = new EnumMap<>(Provider.class);

    private static void add(Provider p, String name, int min, int max, ScalarType... types) {
        TABLE.computeIfAbsent(p, k -> new LinkedHashMap<>()).put(name, new Spec(name, min, max, List.of(types)));
    }

    static {
        Provider pg = Provider.POSTGRESQL;
        add(pg, "Text", 0, 0, STRING);
        add(pg, "Char", 0, 1, STRING);
        add(pg, "VarChar", 0, 1, STRING);
        add(pg, "Bit", 0, 1, STRING);
        add(pg, "VarBit", 0, 1, STRING);
        add(pg, "Uuid", 0, 0, STRING);
        add(pg, "Xml", 0, 0, STRING);
        add(pg, "Inet", 0, 0, STRING);
        add(pg, "Citext", 0, 0, STRING);
        add(pg, "Boolean", 0, 0, BOOLEAN);
        add(pg, "Integer", 0, 0, INT);
        add(pg, "SmallInt", 0, 0, INT);
        add(pg, "Oid", 0, 0, INT);
        add(pg, "BigInt", 0, 0, BIG_INT);
        add(pg, "DoublePrecision", 0, 0, FLOAT);
        add(pg, "Real", 0, 0, FLOAT);
        add(pg, "Decimal", 0, 2, DECIMAL);
        add(pg, "Money", 0, 0, DECIMAL);
        add(pg, "Timestamp", 0, 1, DATE_TIME);
        add(pg, "Timestamptz", 0, 1, DATE_TIME);
        add(pg, "Date", 0, 0, DATE_TIME);
        add(pg, "Time", 0, 1, DATE_TIME);
        add(pg, "Timetz", 0, 1, DATE_TIME);
        add(pg, "Json", 0, 0, JSON);
        add(pg, "JsonB", 0, 0, JSON);
        add(pg, "ByteA", 0, 0, BYTES);

        Provider crdb = Provider.COCKROACHDB;
        add(crdb, "String", 0, 1, STRING);
        add(crdb, "Char", 0, 1, STRING);
        add(crdb, "CatalogSingleChar", 0, 0, STRING);
        add(crdb, "Bit", 0, 1, STRING);
        add(crdb, "VarBit", 0, 1, STRING);
        add(crdb, "Uuid", 0, 0, STRING);
        add(crdb, "Inet", 0, 0, STRING);
        add(crdb, "Bool", 0, 0, BOOLEAN);
        add(crdb, "Int2", 0, 0, INT);
        add(crdb, "Int4", 0, 0, INT);
        add(crdb, "Oid", 0, 0, INT);
        add(crdb, "Int8", 0, 0, BIG_INT);
        add(crdb, "Float4", 0, 0, FLOAT);
        add(crdb, "Float8", 0, 0, FLOAT);
        add(crdb, "Decimal", 0, 2, DECIMAL);
        add(crdb, "Timestamp", 0, 1, DATE_TIME);
        add(crdb, "Timestamptz", 0, 1, DATE_TIME);
        add(crdb, "Date", 0, 0, DATE_TIME);
        add(crdb, "Time", 0, 1, DATE_TIME);
        add(crdb, "Timetz", 0, 1, DATE_TIME);
        add(crdb, "JsonB", 0, 0, JSON);
        add(crdb, "Bytes", 0, 0, BYTES);

        Provider my = Provider.MYSQL;
        add(my, "VarChar", 1, 1, STRING);
        add(my, "Char", 0, 1, STRING);
        add(my, "TinyText", 0, 0, STRING);
        add(my, "Text", 0, 0, STRING);
        add(my, "MediumText", 0, 0, STRING);
        add(my, "LongText", 0, 0, STRING);
        add(my, "Bit", 1, 1, BOOLEAN, BYTES);
        add(my, "TinyInt", 0, 0, BOOLEAN, INT);
        add(my, "UnsignedTinyInt", 0, 0, BOOLEAN, INT);
        add(my, "Int", 0, 0, INT);
        add(my, "UnsignedInt", 0, 0, INT);
        add(my, "SmallInt", 0, 0, INT);
        add(my, "UnsignedSmallInt", 0, 0, INT);
        add(my, "MediumInt", 0, 0, INT);
        add(my, "UnsignedMediumInt", 0, 0, INT);
        add(my, "Year", 0, 0, INT);
        add(my, "BigInt", 0, 0, BIG_INT);
        add(my, "UnsignedBigInt", 0, 0, BIG_INT);
        add(my, "Float", 0, 0, FLOAT);
        add(my, "Double", 0, 0, FLOAT);
        add(my, "Decimal", 0, 2, DECIMAL);
        add(my, "DateTime", 0, 1, DATE_TIME);
        add(my, "Date", 0, 0, DATE_TIME);
        add(my, "Time", 0, 1, DATE_TIME);
        add(my, "Timestamp", 0, 1, DATE_TIME);
        add(my, "Json", 0, 0, JSON);
        add(my, "Binary", 0, 1, BYTES);
        add(my, "VarBinary", 1, 1, BYTES);
        add(my, "TinyBlob", 0, 0, BYTES);
        add(my, "Blob", 0, 0, BYTES);
        add(my, "MediumBlob", 0, 0, BYTES);
        add(my, "LongBlob", 0, 0, BYTES);

        Provider ms = Provider.SQLSERVER;
        add(ms, "Char", 0, 1, STRING);
        add(ms, "NChar", 0, 1, STRING);
        add(ms, "VarChar", 0, 1, STRING);
        add(ms, "NVarChar", 0, 1, STRING);
        add(ms, "Text", 0, 0, STRING);
        add(ms, "NText", 0, 0, STRING);
        add(ms, "Xml", 0, 0, STRING);
        add(ms, "UniqueIdentifier", 0, 0, STRING);
        add(ms, "Bit", 0, 0, BOOLEAN, INT);
        add(ms, "TinyInt", 0, 0, INT);
        add(ms, "SmallInt", 0, 0, INT);
        add(ms, "Int", 0, 0, INT);
        add(ms, "BigInt", 0, 0, BIG_INT);
        add(ms, "Float", 0, 1, FLOAT);
        add(ms, "Real", 0, 0, FLOAT);
        add(ms, "Decimal", 0, 2, DECIMAL);
        add(ms, "Money", 0, 0, DECIMAL);
        add(ms, "SmallMoney", 0, 0, DECIMAL);
        add(ms, "Date", 0, 0, DATE_TIME);
        add(ms, "Time", 0, 1, DATE_TIME);
        add(ms, "DateTime", 0, 0, DATE_TIME);
        add(ms, "DateTime2", 0, 1, DATE_TIME);
        add(ms, "SmallDateTime", 0, 0, DATE_TIME);
        add(ms, "DateTimeOffset", 0, 1, DATE_TIME);
        add(ms, "Binary", 0, 1, BYTES);
        add(ms, "VarBinary", 0, 1, BYTES);
        add(ms, "Image", 0, 0, BYTES);

        Provider mongo = Provider.MONGODB;
        add(mongo, "String", 0, 0, STRING);
        add(mongo, "Double", 0, 0, FLOAT);
        add(mongo, "BinData", 0, 0, BYTES);
        add(mongo, "ObjectId", 0, 0, STRING, BYTES);
        add(mongo, "Bool", 0, 0, BOOLEAN);
        add(mongo, "Date", 0, 0, DATE_TIME);
        add(mongo, "Timestamp", 0, 0, DATE_TIME);
        add(mongo, "Int", 0, 0, INT);
        add(mongo, "Long", 0, 0, INT, BIG_INT);
        add(mongo, "Json", 0, 0, JSON);
    }

    private final Context ctx;

    NativeTypes(Context ctx) { this.ctx = ctx; }

    /** @return the spec of a native type on a provider, or null */
    static Spec spec(Provider provider, String name) {
        Map<String, Spec> specs = TABLE.get(provider);
        return specs == null ? null : specs.get(name);
    }

    void attribute(FieldInfo field, Attribute a) {
        String full = a.name();
        int dot = full.indexOf('.');
        String prefix = full.substring(0, dot);
        String name = full.substring(dot + 1);
        if (ctx.datasourceName == null || !prefix.equals(ctx.datasourceName)) {
            if (ctx.datasourceName == null) {
                ctx.error(Messages.attributeNotKnown("@" + full), a.span());
            } else {
                ctx.error(Messages.nativeTypePrefix(prefix, ctx.datasourceName, name), a.span());
            }
            return;
        }
        if (field.nativeTypeAttribute != null) {
            ctx.error(Messages.attributeDefinedOnce("@" + full), a.span());
            return;
        }
        field.nativeTypeAttribute = a;
        Provider provider = ctx.provider;
        if (provider == null) return;
        Spec spec = spec(provider, name);
        if (spec == null) {
            ctx.error(Messages.nativeTypeNotSupported(name, provider.id()), a.span());
            return;
        }
        List<String> args = new ArrayList<>();
        for (Argument arg : a.args()) {
            Expression v = arg.value();
            if (v instanceof Expression.NumericValue n && n.text().startsWith("-")) {
                ctx.error(Messages.nonNegativeInteger(n.text()), a.span());
                return;
            }
            args.add(v == null ? "" : v instanceof Expression.StringValue s ? s.value() : v.span().text());
        }
        if (field.kind == FieldKind.SCALAR && !spec.scalarTypes().contains(field.scalarType)) {
            ctx.error(Messages.nativeTypeIncompatible(name, field.scalarType.id(), spec.scalarTypes()), a.span());
            return;
        }
        if (field.kind != null && field.kind != FieldKind.SCALAR && !field.relation) {
            ctx.error(Messages.nativeTypeOnNonScalar(name), a.span());
            return;
        }
        if (args.size() < spec.minArgs() || args.size() > spec.maxArgs()) {
            ctx.error(Messages.nativeTypeArguments(name, spec.minArgs(), spec.maxArgs(), args.size()), a.span());
            return;
        }
        field.nativeType = new NativeType(name, args);
    }
}
