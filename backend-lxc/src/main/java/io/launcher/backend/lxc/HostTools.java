package io.launcher.backend.lxc;

import java.nio.file.Path;

/**
 * The host programs the backend runs, located once by the probe. {@code script} (util-linux)
 * gives a process a terminal: LXC proxies a container's terminal only to a terminal it is
 * started on (see {@link TerminalCommand}).
 */
record HostTools(Path lxcExecute, Path lxcAttach, Path bash, Path setsid, Path script) {
}
