package io.launcher.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A container's 64-hex-digit identity; the first 12 digits are its short form and default hostname. */
public record ContainerId(String value) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public ContainerId {
        if (value == null || !HEX64.matcher(value).matches()) {
            throw new InvalidSpecException("invalid container id " + value);
        }
    }

    public static ContainerId random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new ContainerId(HexFormat.of().formatHex(bytes));
    }

    public String shortId() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
