package io.launcher.api;

import java.security.SecureRandom;
import java.util.HexFormat;

/** A container's 64-hex-digit identity; the first 12 digits are its short form and default hostname. */
public record ContainerId(String value) {
    private static final int DIGITS = 64;

    public ContainerId {
        if (value == null || !lowerHex(value)) {
            throw new InvalidSpecException("invalid container id " + value);
        }
    }

    public static ContainerId random() {
        byte[] bytes = new byte[DIGITS / 2];
        Source.RANDOM.nextBytes(bytes);
        return new ContainerId(HexFormat.of().formatHex(bytes));
    }

    public String shortId() {
        return value.substring(0, 12);
    }

    @Override
    public String toString() {
        return value;
    }

    /**
     * Exactly 64 of [0-9a-f], checked by hand: a CLI call makes ids from the engine's answers, and
     * a regular expression with a character class costs it ~1.4 ms of its main thread the first
     * time (compiling, and linking the JDK's lambdas for the class).
     */
    private static boolean lowerHex(String value) {
        if (value.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Seeded only where ids are made (the engine): a client never draws one. */
    private static final class Source {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}
