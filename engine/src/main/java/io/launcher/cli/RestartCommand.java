package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code restart}: stop (SIGTERM, then SIGKILL after the grace period), then start again. */
@Command(name = "restart", description = "Restart one or more containers")
public final class RestartCommand extends EachContainerCommand {

    @Option(names = {"-t", "--time", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing it (default 10)")
    int seconds = 10;

    @Override
    String act(Engine engine, String container) {
        engine.restart(container, seconds);
        return container;
    }
}
