package io.launcher.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Docker's {@code --storage-opt} ({@code HostConfig.StorageOpt}): options for the container's own
 * writable layer. The one option is {@code size}, a bound on what the container writes into that
 * layer, kept as given ({@code 10m}, what inspect shows) beside its value in bytes. Units are
 * binary, as Docker's {@code units.RAMInBytes}: {@code 10m} is 10 MiB. {@link #NONE} bounds nothing.
 */
public record StorageOpt(String size, long sizeBytes) {
    public static final StorageOpt NONE = new StorageOpt("", 0);

    private static final String UNITS = "kmgtp";

    public StorageOpt {
        size = size == null ? "" : size;
        if (sizeBytes < 0) {
            throw new InvalidSpecException("invalid size: '" + size + "'");
        }
    }

    /** Whether the layer is bounded at all. */
    public boolean limited() {
        return sizeBytes > 0;
    }

    /** The options as the API's {@code StorageOpt} map carries them (empty when none was given). */
    public Map<String, String> options() {
        Map<String, String> options = new LinkedHashMap<>();
        if (!size.isEmpty()) {
            options.put("size", size);
        }
        return options;
    }

    /**
     * The API's map or the CLI's pairs. Keys are matched without regard to case, as Docker's
     * overlay2 driver does; an unknown key is refused with its message.
     */
    public static StorageOpt parse(Map<String, String> options) {
        StorageOpt parsed = NONE;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey().toLowerCase(Locale.ROOT);
            if (!key.equals("size")) {
                throw new InvalidSpecException("Unknown option " + key);
            }
            String value = option.getValue() == null ? "" : option.getValue();
            parsed = new StorageOpt(value, bytes(value));
        }
        return parsed;
    }

    private static long bytes(String text) {
        Matcher matcher = SizePattern.SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidSpecException("invalid size: '" + text + "'");
        }
        String unit = matcher.group(3);
        int power = unit == null ? 0 : UNITS.indexOf(Character.toLowerCase(unit.charAt(0))) + 1;
        // Docker's units take a decimal ("1.5g") and drop the fraction of a byte.
        BigDecimal value = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(2).pow(10 * power));
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new InvalidSpecException("invalid size: '" + text + "': too large");
        }
        return value.longValue();
    }

    /**
     * The size's syntax, compiled only when a size is given: every HostConfig the CLI makes reaches
     * {@link #NONE}, and compiling it there cost a short CLI call ~0.5 ms before its first request.
     */
    private static final class SizePattern {
        static final Pattern SIZE = Pattern.compile("^(\\d+(\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$");
    }
}
