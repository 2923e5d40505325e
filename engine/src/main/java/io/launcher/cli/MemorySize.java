package io.launcher.cli;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Docker's memory sizes: a number with an optional binary unit {@code b k m g t p} (case
 * insensitive, optional {@code i} and {@code b}): {@code 512m}, {@code 1.5g}, {@code 6MiB}.
 */
public final class MemorySize implements ITypeConverter<Long> {
    private static final String UNITS = "kmgtp";

    /** The grammar, compiled on first use and not when the converter is declared (every run/create). */
    private static final class Grammar {
        static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?");
    }

    public static long parse(String text) {
        Matcher matcher = Grammar.SIZE.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new TypeConversionException("invalid size: '" + text + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid size: '" + text + "'");
        }
        String unit = matcher.group(2);
        int power = unit == null ? 0 : UNITS.indexOf(Character.toLowerCase(unit.charAt(0))) + 1;
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(1024).pow(power));
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TypeConversionException("invalid size: '" + text + "': too large");
        }
        return bytes.longValue();
    }

    @Override
    public Long convert(String value) {
        return parse(value);
    }
}
