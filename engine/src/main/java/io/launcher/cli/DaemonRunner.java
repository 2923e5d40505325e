package io.launcher.cli;

/** Runs the engine in the foreground until it is asked to stop; returns the process's exit code. */
@FunctionalInterface
public interface DaemonRunner {

    int run(DaemonSettings settings);
}
