package io.launcher.spi.isolation;

import java.nio.file.Path;

/** Which network namespace a sandbox lives in. */
public sealed interface NetworkAttachment {

    /** A new namespace with only loopback, brought up ({@code --network none}). */
    record Private() implements NetworkAttachment { }

    /** The host's namespace ({@code --network host}). */
    record Host() implements NetworkAttachment { }

    /** A namespace the network plugin prepared, joined by its path (e.g. under /run/netns). */
    record Join(Path namespace) implements NetworkAttachment { }
}
