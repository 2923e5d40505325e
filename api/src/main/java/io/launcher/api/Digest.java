package io.launcher.api;

import java.util.regex.Pattern;

/** A content digest such as {@code sha256:9f86d0...}: the algorithm and the lower-case hex. */
public record Digest(String algorithm, String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Digest {
        if (!"sha256".equals(algorithm) || !SHA256_HEX.matcher(hex).matches()) {
            throw new InvalidSpecException("invalid digest " + algorithm + ":" + hex);
        }
    }

    public static Digest sha256(String hex) {
        return new Digest("sha256", hex);
    }

    /** Parses {@code sha256:<64 hex>}. */
    public static Digest parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new InvalidSpecException("invalid digest " + text + ": missing algorithm");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
