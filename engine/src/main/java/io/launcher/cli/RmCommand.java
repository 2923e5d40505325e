package io.launcher.cli;

import io.launcher.api.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rm}: removes containers, killing running ones first with {@code -f}. */
@Command(name = "rm", description = "Remove one or more containers")
public final class RmCommand extends EachContainerCommand {

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
    boolean force;

    /** Accepted for Docker's sake: containers have no anonymous volumes yet, so there is nothing more to remove. */
    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
    boolean volumes;

    @Override
    String act(Engine engine, String container) {
        engine.remove(container, force);
        return container;
    }
}
