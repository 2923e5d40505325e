package io.launcher.backend.lxc;

import io.launcher.api.SystemCallFailedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Starting the supervisor detached and finding it again: its pid is recorded with its start
 * time, so a recycled pid is never taken for it after an engine restart.
 */
final class Supervisor {
    private Supervisor() {
    }

    /** Runs {@code setsid bash supervise}: a new session, so the engine's exit or signals do not reach it. */
    static ProcessHandle launch(ContainerDir dir, HostTools tools) {
        Process process;
        try {
            process = new ProcessBuilder(tools.setsid().toString(), tools.bash().toString(), dir.supervise().toString())
                    .directory(dir.path().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.supervisorLog().toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new SystemCallFailedException("start the supervisor of", "container " + dir.name(), String.valueOf(e.getMessage()), e);
        }
        ProcessHandle handle = process.toHandle();
        long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        AtomicFile.write(dir.supervisorPid(), handle.pid() + " " + started + "\n", "rw-------");
        return handle;
    }

    /** The live supervisor of this container, if any. */
    static Optional<ProcessHandle> find(ContainerDir dir) {
        String[] fields;
        try {
            fields = Files.readString(dir.supervisorPid()).strip().split(" ");
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(fields[0]);
        long started = Long.parseLong(fields[1]);
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(h -> started == 0 || h.info().startInstant().map(Instant::toEpochMilli).orElse(-1L) == started);
    }

    static Optional<Integer> initPid(Path file) {
        try {
            return Optional.of(Integer.parseInt(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
