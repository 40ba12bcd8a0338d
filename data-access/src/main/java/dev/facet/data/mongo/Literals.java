package dev.facet.data.mongo;

import dev.facet.data.value.JsonCodec;
import dev.facet.data.value.Values;
import dev.facet.schema.model.DefaultValue;
import dev.facet.schema.model.FieldKind;
import dev.facet.schema.model.ScalarField;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A literal {@code @default} as a neutral value: MongoDB keeps no defaults, so Facet writes them as Prisma does. */
final class Literals {
    private Literals() {}

    /** @return the value a missing field with a default reads as: the literal, or a generated value */
    static Object defaultFor(ScalarField f) {
        if (f.defaultValue() instanceof DefaultValue.Literal l) return value(f, l);
        return dev.facet.data.value.Generated.valueFor(f.defaultValue());
    }

    static Object value(ScalarField f, DefaultValue.Literal literal) {
        return one(f, literal.value());
    }

    private static Object one(ScalarField f, Object v) {
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) out.add(one(f, o));
            return out;
        }
        if (v instanceof DefaultValue.EnumValueRef ref) return ref.name();
        if (f.kind() != FieldKind.SCALAR) return v;
        String text = String.valueOf(v);
        return switch (f.scalarType()) {
            case INT, BIG_INT -> new BigDecimal(text).longValue();
            case FLOAT -> Double.parseDouble(text);
            case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(text);
            case DATE_TIME -> Values.parseDateTime(text);
            case JSON -> JsonCodec.parse(text);
            case DECIMAL -> new BigDecimal(text);
            default -> text;
        };
    }
}
