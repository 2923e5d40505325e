package io.launcher.api;

/** Docker's exec inspect: whether it still runs, its exit code once ended (-1 before), its pid. */
public record ExecDetails(String id, ContainerId container, ExecConfig config, boolean running, int exitCode, int pid) {
}
