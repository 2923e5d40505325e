package io.launcher.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Docker's sizes: decimal units for images ("4.26MB", go-units HumanSizeWithPrecision with 3
 * significant digits) and binary units for memory ("7.635GiB", go-units BytesSize), formatted as
 * Go's {@code %.Ng} formats them (no trailing zeros, an exponent when the digits run out).
 */
final class HumanSize {
    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    private HumanSize() {
    }

    static String decimal(long bytes) {
        return scaled(bytes, 1000.0, DECIMAL, 3);
    }

    /** go-units HumanSize (4 significant digits): {@code system df} and the prunes' totals. */
    static String general(long bytes) {
        return scaled(bytes, 1000.0, DECIMAL, 4);
    }

    static String binary(long bytes) {
        return scaled(bytes, 1024.0, BINARY, 4);
    }

    private static String scaled(long bytes, double base, String[] units, int precision) {
        double size = bytes;
        int unit = 0;
        while (size >= base && unit < units.length - 1) {
            size /= base;
            unit++;
        }
        return goGeneral(size, precision) + units[unit];
    }

    /** Go's {@code %.<precision>g}. */
    static String goGeneral(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= precision) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return mantissa.toPlainString() + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
