package io.launcher.cli;

import io.launcher.api.Engine;
import io.launcher.api.WaitCondition;
import picocli.CommandLine.Command;

/** {@code wait}: blocks until each container stops and prints its exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes")
public final class WaitCommand extends EachContainerCommand {

    @Override
    String act(Engine engine, String container) throws InterruptedException {
        return Integer.toString(engine.await(container, WaitCondition.NOT_RUNNING));
    }
}
