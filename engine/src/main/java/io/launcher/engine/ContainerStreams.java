package io.launcher.engine;

import io.launcher.api.ContainerConfig;
import io.launcher.api.FailedPreconditionException;
import io.launcher.api.InternalException;
import io.launcher.api.LogCursor;
import io.launcher.api.LogOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * A container's standard streams as the engine hands them out: its json-file log read back
 * ({@code logs}, {@code attach}), its stdin, and its terminal's size. The backend writes the log;
 * this class only reads it, deciding when a cursor ends.
 */
final class ContainerStreams {
    private final ContainerRegistry registry;
    private final ContainerStore store;

    ContainerStreams(ContainerRegistry registry, ContainerStore store) {
        this.registry = registry;
        this.store = store;
    }

    LogCursor logs(String container, LogOptions options) {
        ContainerEntry entry = registry.find(container);
        try {
            LogFileSet files = new LogFileSet(store.logFile(entry.record().id()));
            return new JsonFileLogCursor(files, files.open(options.tail()), options.stdout(), options.stderr(),
                    options.since(), () -> !options.follow() || !entry.running() || entry.isRemoving());
        } catch (IOException e) {
            throw new InternalException("unable to read the log of " + container + ": " + e.getMessage(), e);
        }
    }

    /** The output from now on, until the container's current run ends or it is removed. */
    LogCursor attach(String container, boolean stdout, boolean stderr) {
        ContainerEntry entry = registry.find(container);
        long exitsAtAttach = entry.exits();
        try {
            LogFileSet files = new LogFileSet(store.logFile(entry.record().id()));
            return new JsonFileLogCursor(files, files.openLiveAtEnd(), stdout, stderr, Instant.EPOCH,
                    () -> entry.exits() > exitsAtAttach || entry.removed().isDone());
        } catch (IOException e) {
            throw new InternalException("unable to attach to " + container + ": " + e.getMessage(), e);
        }
    }

    OutputStream attachStdin(String container) {
        ContainerEntry entry = registry.find(container);
        ContainerConfig config = entry.record().config();
        if (!config.openStdin()) {
            throw new FailedPreconditionException("container " + entry.id() + " was created without an open stdin (-i)");
        }
        return new StdinAttachment(entry, config.stdinOnce());
    }

    void resize(String container, int rows, int columns) {
        ContainerEntry entry = registry.find(container);
        var sandbox = entry.sandbox();
        if (sandbox == null) {
            throw new FailedPreconditionException("Container " + entry.id() + " is not running");
        }
        sandbox.resize(rows, columns);
    }
}
