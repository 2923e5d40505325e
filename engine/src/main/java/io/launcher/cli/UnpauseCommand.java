package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;

/** {@code unpause}: thaws each paused container. */
@Command(name = "unpause", description = "Unpause all processes within one or more containers")
public final class UnpauseCommand extends EachContainerCommand {

    @Override
    String act(Engine engine, String container) {
        engine.unpause(container);
        return container;
    }
}
