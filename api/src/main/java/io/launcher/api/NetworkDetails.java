package io.launcher.api;

import java.util.Optional;

/**
 * One of the engine's networks as Docker lists them ({@code bridge}, {@code host}, {@code none}):
 * the bridge has a subnet such as {@code 10.87.0.0/16} and its gateway, the others none.
 */
public record NetworkDetails(String name, String id, String driver, Optional<String> subnet, Optional<String> gateway) {
}
