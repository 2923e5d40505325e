package io.launcher.spi;

import org.pf4j.ExtensionPoint;

/**
 * The PF4J extension every backend plugin contributes: a named, prioritised factory for its
 * driver. The engine probes all providers of a kind, takes the one the user named or the first
 * available by priority, and opens it once.
 *
 * @param <T> the driver type of the kind (isolation, storage, network)
 */
public interface BackendProvider<T> extends ExtensionPoint {

    /** The name users select it by ({@code --backend native}, {@code --storage overlay}). */
    String name();

    /** Higher wins when the user names none. */
    int priority();

    /** Checks the host without changing it. */
    Availability probe();

    /** Opens the driver; called at most once per engine, only when {@link #probe()} said available. */
    T open(BackendContext context);
}
