package io.launcher.api;

import java.time.Instant;

/**
 * Docker's {@code State} of a container. Times never set are {@link #NEVER} (Docker prints
 * {@code 0001-01-01T00:00:00Z}); {@code pid} is 0 when nothing runs.
 */
public record ContainerState(
        ContainerStatus status,
        int pid,
        int exitCode,
        boolean oomKilled,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    public static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    public static ContainerState created() {
        return new ContainerState(ContainerStatus.CREATED, 0, 0, false, "", NEVER, NEVER);
    }

    public boolean running() {
        return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
    }

    public ContainerState started(int newPid, Instant at) {
        return new ContainerState(ContainerStatus.RUNNING, newPid, 0, false, "", at, NEVER);
    }

    public ContainerState exited(ExitStatus exit, Instant at) {
        return new ContainerState(ContainerStatus.EXITED, 0, exit.code(), exit.oomKilled(), error, startedAt, at);
    }

    public ContainerState failed(int code, String message, Instant at) {
        return new ContainerState(ContainerStatus.EXITED, 0, code, false, message, startedAt, at);
    }
}
