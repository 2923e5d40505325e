package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kill}: sends a signal (KILL unless told) to each container's init. */
@Command(name = "kill", description = "Kill one or more running containers")
public final class KillCommand extends EachContainerCommand {

    @Option(names = {"-s", "--signal"}, paramLabel = "SIGNAL", description = "Signal to send to the container (default KILL)")
    String signal = "KILL";

    @Override
    String act(Engine engine, String container) {
        engine.kill(container, signal);
        return container;
    }
}
