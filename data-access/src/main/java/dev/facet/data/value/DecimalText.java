package dev.facet.data.value;

import java.math.BigDecimal;

/**
 * Formats a Decimal exactly as Prisma Client's {@code Decimal.toString()} (decimal.js) does: no
 * trailing zeros, plain notation unless the exponent is at least 21 or at most -7.
 */
public final class DecimalText {
    private DecimalText() {}

    /** @return the decimal.js text of {@code value} */
    public static String format(BigDecimal value) {
        if (value.signum() == 0) return "0";
        BigDecimal v = value.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent < 21 && exponent > -7) return v.toPlainString();
        String digits = v.unscaledValue().abs().toString();
        StringBuilder out = new StringBuilder();
        if (v.signum() < 0) out.append('-');
        out.append(digits.charAt(0));
        if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
        out.append('e').append(exponent >= 0 ? "+" : "-").append(Math.abs(exponent));
        return out.toString();
    }
}
