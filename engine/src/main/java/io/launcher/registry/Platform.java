package io.launcher.registry;

import io.launcher.api.InvalidSpecException;

/** An OCI platform: {@code linux/amd64}, {@code linux/arm64/v8}; an empty variant matches any. */
public record Platform(String os, String architecture, String variant) {
    public static final Platform DEFAULT = new Platform("linux", "amd64", "");

    /** Parses {@code os/arch[/variant]}; an empty text is {@link #DEFAULT}. */
    public static Platform parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.strip().toLowerCase().split("/");
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new InvalidSpecException("invalid platform \"" + text + "\": expected os/arch[/variant]");
        }
        String arch = switch (parts[1]) {
            case "x86_64", "x86-64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> parts[1];
        };
        return new Platform(parts[0], arch, parts.length == 3 ? parts[2] : "");
    }

    boolean matches(String os, String architecture, String variant) {
        return this.os.equals(os) && this.architecture.equals(architecture)
                && (this.variant.isEmpty() || this.variant.equals(variant));
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
    }
}
