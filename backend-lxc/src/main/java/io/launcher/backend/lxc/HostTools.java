package io.launcher.backend.lxc;

import java.nio.file.Path;

/** The host programs the backend runs, located once by the probe. */
record HostTools(Path lxcExecute, Path lxcAttach, Path bash, Path setsid) {
}
