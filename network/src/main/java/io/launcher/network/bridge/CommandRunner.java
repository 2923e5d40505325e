package io.launcher.network.bridge;

import java.nio.file.Path;

/**
 * The one seam between the driver and the host: running a host tool ({@code ip},
 * {@code iptables}) with a script on its standard input. The real runner spawns processes; unit
 * tests use a recording fake, so the driver's logic is tested without root.
 */
public interface CommandRunner {

    /**
     * Runs {@code tool} with {@code args}, writing {@code stdin} (may be empty) to it, and waits.
     *
     * @throws io.launcher.api.UnavailableException when the tool cannot be started at all
     */
    CommandResult run(Path tool, String stdin, String... args);
}
