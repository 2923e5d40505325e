package io.launcher.engine;

import io.launcher.api.ContainerId;
import io.launcher.api.ExecConfig;
import io.launcher.api.ExecDetails;
import io.launcher.api.FailedPreconditionException;
import io.launcher.spi.isolation.ExecProcess;

/** One exec as the engine tracks it: created, running with its process, ended with a code. */
final class ExecEntry {
    private final String id;
    private final ContainerEntry container;
    private final ExecConfig config;
    private ExecProcess process;
    private boolean started;
    private boolean ended;
    private int exitCode = -1;

    ExecEntry(String id, ContainerEntry container, ExecConfig config) {
        this.id = id;
        this.container = container;
        this.config = config;
    }

    String id() {
        return id;
    }

    ContainerEntry container() {
        return container;
    }

    ExecConfig config() {
        return config;
    }

    /** Claims the start; an exec runs once, as Docker's does. */
    synchronized void begin() {
        if (started) {
            throw new FailedPreconditionException("Error: Exec command " + id + " has already run");
        }
        started = true;
    }

    synchronized void running(ExecProcess newProcess) {
        process = newProcess;
    }

    /** Records the end once; a later report (the stream's end after the exit future) is ignored. */
    synchronized void ended(int code) {
        if (!ended) {
            ended = true;
            exitCode = code;
        }
    }

    synchronized ExecProcess process() {
        return process;
    }

    synchronized ExecDetails details() {
        boolean running = process != null && !ended;
        int pid = process == null ? 0 : process.pid();
        return new ExecDetails(id, new ContainerId(container.record().id()), config, running, exitCode, pid);
    }
}
