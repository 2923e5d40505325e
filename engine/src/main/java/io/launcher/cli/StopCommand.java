package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stop}: SIGTERM, then SIGKILL after the grace period. */
@Command(name = "stop", description = "Stop one or more running containers")
public final class StopCommand extends EachContainerCommand {

    @Option(names = {"-t", "--time", "--timeout"}, paramLabel = "SECONDS", description = "Seconds to wait before killing it (default 10)")
    int seconds = 10;

    @Override
    String act(Engine engine, String container) {
        engine.stop(container, seconds);
        return container;
    }
}
