package io.launcher.spi;

import java.nio.file.Path;

/**
 * What the engine hands a backend when it opens it: the one directory under the state root that
 * belongs to this backend, and nothing more. The backend owns everything below it.
 */
public record BackendContext(Path stateDir) {
}
