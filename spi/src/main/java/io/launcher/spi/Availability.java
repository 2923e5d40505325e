package io.launcher.spi;

/**
 * Whether a backend can run on this host, and if not, why ("this kernel has no AUFS support").
 * An unavailable plugin is not a failure: the engine reports it and picks another.
 */
public record Availability(boolean available, String reason) {
    private static final Availability AVAILABLE = new Availability(true, "");

    public static Availability yes() {
        return AVAILABLE;
    }

    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
