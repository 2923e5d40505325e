package io.launcher.api;

/**
 * What the engine found of one backend: its kind (isolation, storage, network), its name, whether
 * it can run here and, when it cannot, why; and whether the engine chose it.
 */
public record PluginReport(String kind, String name, boolean available, String reason, boolean selected) {
}
