package io.launcher.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Docker's {@code --cpus 1.5}: a decimal number of CPUs, kept as nano-CPUs as the API does. */
public final class CpuCount implements ITypeConverter<Long> {
    public static long nanoCpus(String text) {
        BigDecimal cpus;
        try {
            cpus = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("failed to parse " + text + " as a rational number");
        }
        // BigDecimal is initialized here, on use, not when the converter is declared (every run/create).
        BigDecimal nanos = cpus.multiply(BigDecimal.valueOf(1_000_000_000L));
        if (cpus.signum() < 0 || nanos.stripTrailingZeros().scale() > 0) {
            throw new TypeConversionException("value is too precise or negative: " + text);
        }
        return nanos.longValueExact();
    }

    @Override
    public Long convert(String value) {
        return nanoCpus(value);
    }
}
